"""Robustness: every bad input gets one line on stderr and a documented exit code, never a
traceback; output files are all or nothing; pipes, signals and terminals end quietly.

Most cases go through CliRunner; pipes, signals, FIFOs and terminals need a real process.
Sizes stay small here: benchmarks/adversarial.py and fuzz/ take the big and the random inputs.
"""

from __future__ import annotations

import codecs
import errno
import gzip
import io
import json
import os
import random
import signal
import subprocess
import sys
import tarfile
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

import speechsum
from speechsum import cli, pipeline
from speechsum.cli import ExitStatus, app
from speechsum.cli import output as output_module
from speechsum.reading import decode_input

REPORT = (
    "Совещание прошло в понедельник.\n"
    "— Мост откроем в мае, — сообщил глава района Тимур Оспанов.\n"
    "Депутат Нина Громова заявила, что денег на ремонт хватит.\n"
)
HOSTILE = (
    "\x1b[2J\x1b]0;pwned\x07[bold red]Совещание[/] прошло \u202eв понедельник\u202c.\n"
    "— Мост [link=http://x]откроем[/link] в мае\x9b31m, — сообщил глава района Тимур Оспанов.\n"
    "Депутат Нина Громова заявила, что денег\u200b на ремонт хватит 😀👨‍👩‍👧.\n"
)
POSIX = pytest.mark.skipif(os.name != "posix", reason="needs POSIX signals, FIFOs and devices")

runner = CliRunner()


def run(*args: str, input: bytes | None = None) -> Result:
    """Invoke `speechsum ARGS` in this process."""
    return runner.invoke(app, list(args), input=input, prog_name="speechsum")


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def assert_refused(result: Result, source: str, message: str) -> None:
    """Exit 1, nothing on stdout, and exactly one line on stderr naming the input."""
    assert result.exit_code == ExitStatus.ERROR, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"speechsum: error: {source}: ")
    assert message in result.stderr


def assert_digested(result: Result, data: bytes, warnings: list[str]) -> dict[str, Any]:
    """Exit 0, valid JSON whose offsets hold in the decoded text, and only these warnings."""
    assert result.exit_code == ExitStatus.OK, result.output
    assert "Traceback" not in result.stderr
    wire: dict[str, Any] = json.loads(result.stdout)
    text = decode_input(data).text
    spans = [s for sp in wire["speakers"] for s in sp["summary"]] + wire["segments"]
    assert all(text[s["start"] : s["end"]] == s["text"] for s in spans)
    lines = result.stderr.splitlines()
    assert all(line.startswith("speechsum: warning: ") for line in lines), lines
    assert len(lines) == len(warnings), lines
    for line, warning in zip(lines, warnings, strict=True):
        assert warning in line
    return wire


# -- inputs that are refused: exit 1 and one line ----------------------------------------------


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def tar() -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        info = tarfile.TarInfo("report.txt")
        info.size = len(REPORT.encode())
        archive.addfile(info, io.BytesIO(REPORT.encode()))
    return buffer.getvalue()


REFUSED = [
    ("empty", b"", "input is empty"),
    ("bom-only", codecs.BOM_UTF8, "input is empty"),
    ("whitespace", " \t\r\n\n\u3000\u00a0\n".encode(), "input contains only whitespace"),
    ("utf-16-whitespace", " \r\n ".encode("utf-16"), "input contains only whitespace"),
    ("nul-bytes", b"text\x00\x01\x02more\x00\x00", "looks like a binary file (contains NUL"),
    ("random-bytes", random.Random(6).randbytes(4096), "looks like a binary file"),
    ("high-bytes", bytes(random.Random(6).choices(range(0x80, 0x100), k=500)), "encoding"),
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "looks like a PNG image"),
    ("jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "looks like a JPEG image"),
    ("gif", b"GIF89a\x01\x00\x01\x00", "looks like a GIF image"),
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "looks like a PDF file"),
    ("docx", docx(), "not a readable .docx file"),
    ("doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "old Microsoft Office file"),
    ("rtf", b"{\\rtf1\\ansi \\b Hello\\b0}", "looks like an RTF document"),
    ("gzip", gzip.compress(REPORT.encode()), "looks like a gzip archive"),
    ("tar", tar(), "looks like a tar archive"),
    ("elf", b"\x7fELF\x02\x01\x01\x00" + bytes(64), "looks like an executable (ELF)"),
    ("sqlite", b"SQLite format 3\x00" + bytes(84), "looks like an SQLite database"),
    ("bad-utf-16", codecs.BOM_UTF16_LE + b"\x00\xd8a\x00", "invalid UTF-16 at byte 2"),
]


@pytest.mark.parametrize(("data", "message"), [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED])
@pytest.mark.parametrize("via", ["file", "stdin"])
def test_refused_inputs(tmp_path: Path, via: str, data: bytes, message: str) -> None:
    if via == "file":
        path = write(tmp_path / "input.txt", data)
        result, source = run("summarize", str(path), "-f", "json"), str(path)
    else:
        result, source = run("summarize", "-f", "json", input=data), "<stdin>"
    assert_refused(result, source, message)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "missing.txt", "no such file"),
        (lambda tmp: tmp, "no files matching *.txt"),
        (lambda tmp: write(tmp / "file.txt", b"x") / "below.txt", "no such file"),
        (lambda tmp: tmp / ("long" * 100), "file name too long"),
    ],
    ids=["missing", "directory", "below-a-file", "name-too-long"],
)
def test_refused_paths(tmp_path: Path, make: Callable[[Path], Path], message: str) -> None:
    path = make(tmp_path)
    assert_refused(run("summarize", str(path)), str(path), message)


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "secret.txt", REPORT.encode())

    def deny(*args: Any, **kwargs: Any) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    # Root reads anything, so the refusal is staged here; a real one runs in a child below.
    monkeypatch.setattr("builtins.open", deny)
    assert_refused(run("summarize", str(path)), str(path), "permission denied")


@POSIX
@pytest.mark.parametrize(
    ("device", "message"),
    [
        ("/dev/zero", "looks like a binary file (contains NUL bytes)"),
        ("/dev/urandom", "looks like a binary file"),
        ("/dev/null", "input is empty"),
    ],
)
def test_devices_are_not_read_forever(device: str, message: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    started = time.monotonic()
    # The default limit is 50 MB; the start of the stream is enough to refuse it.
    assert_refused(run("summarize", device), device, message)
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("via", ["file", "stdin"])
def test_size_limit(tmp_path: Path, via: str) -> None:
    data = REPORT.encode()
    if via == "file":
        path = write(tmp_path / "report.txt", data)
        over = run("summarize", str(path), "-f", "json", "--max-bytes", str(len(data) - 1))
        exact = run("summarize", str(path), "-f", "json", "--max-bytes", str(len(data)))
        source = str(path)
    else:
        over = run("summarize", "-f", "json", "--max-bytes", str(len(data) - 1), input=data)
        exact = run("summarize", "-f", "json", "--max-bytes", str(len(data)), input=data)
        source = "<stdin>"
    assert_refused(over, source, f"input is larger than {len(data) - 1} bytes")
    assert "--max-bytes" in over.stderr
    assert_digested(exact, data, [])


def test_binary_start_is_refused_before_the_limit(tmp_path: Path) -> None:
    # 200 kB of a binary file with a 1 MB limit: refused for its start, not its size.
    path = write(tmp_path / "video.txt", b"\x00\x01" * 100_000)
    assert_refused(run("summarize", str(path)), str(path), "contains NUL bytes")


# -- inputs that are read: exit 0, perhaps a warning --------------------------------------------

UTF8 = REPORT.encode()

DIGESTED = [
    ("utf-8", UTF8, []),
    ("utf-8-bom", codecs.BOM_UTF8 + UTF8, []),
    ("utf-16-le-bom", REPORT.encode("utf-16"), []),
    ("utf-16-be-bom", codecs.BOM_UTF16_BE + REPORT.encode("utf-16-be"), []),
    ("utf-16-le", REPORT.encode("utf-16-le"), []),
    ("utf-16-be", REPORT.encode("utf-16-be"), []),
    ("utf-32", REPORT.encode("utf-32"), []),
    ("cp1251", REPORT.encode("cp1251"), []),
    ("koi8-r", REPORT.replace("—", "-").encode("koi8_r"), []),
    ("crlf", REPORT.replace("\n", "\r\n").encode(), []),
    ("cr", REPORT.replace("\n", "\r").encode(), []),
    ("cut-utf-8", UTF8 + "я".encode()[:1], []),
    ("stray-byte", UTF8.replace("мае".encode(), b"\xd0\xbc\xff\xd0\xb5"), ["1 invalid UTF-8"]),
    ("encoded-surrogate", UTF8 + b"\xed\xa0\x80\n", ["3 invalid UTF-8 sequences"]),
    (
        "mixed-encodings",
        UTF8 + REPORT.encode("cp1251"),
        ["mixed encodings: lines 4-6 read as cp1251, the rest as UTF-8"],
    ),
    ("control-characters", HOSTILE.encode(), []),
    ("emoji", REPORT.replace("мае", "мае 😀 👍🏽 🇰🇿 👨‍👩‍👧").encode(), []),
    ("zero-width", REPORT.replace("о", "о\u200b").encode(), []),
    ("bidi", REPORT.replace("Тимур", "\u2066Тимур\u2069 \u202e").encode(), []),
    ("no-speakers", b"The weather was fine. Nothing else happened.\n", ["no speakers found"]),
    ("no-newline", REPORT.replace("\n", " ").encode(), []),
    ("one-long-line", ("слово " * 5000).encode(), ["no speakers found"]),
]


@pytest.mark.parametrize(
    ("data", "warnings"), [c[1:] for c in DIGESTED], ids=[c[0] for c in DIGESTED]
)
def test_digested_inputs(tmp_path: Path, data: bytes, warnings: list[str]) -> None:
    path = write(tmp_path / "report.txt", data)
    wire = assert_digested(run("summarize", str(path), "-f", "json"), data, warnings)
    assert wire["source"] == str(path)


def test_digested_from_stdin() -> None:
    data = REPORT.encode("utf-16")
    assert_digested(run("summarize", "-f", "json", input=data), data, [])


@pytest.mark.parametrize("fmt", ["text", "markdown", "rich"])
def test_input_never_reaches_the_terminal_as_escapes(tmp_path: Path, fmt: str) -> None:
    path = write(tmp_path / "evil\x1b]0;x\x07.txt", HOSTILE.encode())
    result = run("summarize", str(path), "-f", fmt, "--narration")
    assert result.exit_code == ExitStatus.OK, result.output
    for unsafe in ["\x1b", "\x07", "\x9b", "\u202e", "\u2066"]:
        assert unsafe not in result.stdout and unsafe not in result.stderr
    assert "[link=http://x]" in result.stdout.replace("\\", "")


def test_json_is_valid_utf8_whatever_the_input(tmp_path: Path) -> None:
    path = write(tmp_path / "report.txt", HOSTILE.encode())
    result = runner.invoke(app, ["summarize", str(path), "-f", "json", "--narration"])
    raw = result.stdout_bytes.decode("utf-8")  # strict: raises on invalid UTF-8
    wire = json.loads(raw)
    assert "\x1b" not in raw and "\\u001b" in raw  # escaped in JSON, kept in the data
    spans = wire["segments"] + wire["narration"]["summary"]
    assert any("\u202e" in s["text"] for s in spans)  # JSON is data: kept as it was


@POSIX
def test_surrogates_in_file_names(tmp_path: Path) -> None:
    name = os.fsdecode(b"report-\xff\xfe.txt")  # "report-\udcff\udcfe.txt"
    path = tmp_path / name
    path.write_bytes(UTF8)
    result = run("summarize", str(path), "-f", "json")
    assert result.exit_code == ExitStatus.OK, result.output
    assert json.loads(result.stdout)["source"].endswith("report-\ufffd\ufffd.txt")
    missing = run("summarize", str(tmp_path / os.fsdecode(b"gone-\xff.txt")))
    assert_refused(missing, f"{tmp_path}/gone-\ufffd.txt", "no such file")


def test_newline_in_a_file_name_stays_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "two\nlines.txt"
    assert_refused(run("summarize", str(path)), f"{tmp_path}/two\u240alines.txt", "no such file")


# -- output files: all or nothing ---------------------------------------------------------------


@pytest.fixture
def report(tmp_path: Path) -> Path:
    return write(tmp_path / "report.txt", UTF8)


@POSIX
@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_output_refuses_its_input_under_another_name(report: Path, link: str) -> None:
    other = report.with_name("alias.txt")
    (other.symlink_to if link == "symlink" else other.hardlink_to)(report)
    result = run("summarize", str(report), "-o", str(other))
    assert result.exit_code == ExitStatus.USAGE
    assert "also an input; refusing to overwrite it" in result.stderr
    assert report.read_bytes() == UTF8


def test_output_dash_is_stdout(report: Path) -> None:
    result = run("summarize", str(report), "-f", "json", "-o", "-")
    assert result.exit_code == ExitStatus.OK
    assert json.loads(result.stdout)["source"] == str(report)
    assert not Path("-").exists()


def files(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_failed_write_keeps_the_old_file_and_leaves_no_trace(
    report: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    out = write(tmp_path / "digest.json", b"old")

    def broken(*args: Any) -> None:
        raise OSError(errno.EIO, "Input/output error")

    if failing == "write":
        # A few bytes of the digest reach the disk, then the disk fails.
        monkeypatch.setattr(output_module, "open", broken_open, raising=False)
    else:
        monkeypatch.setattr(os, failing, broken)
    result = run("summarize", str(report), "-f", "json", "-o", str(out))
    assert_refused(result, str(out), "input/output error")
    assert out.read_bytes() == b"old"
    assert files(tmp_path) == ["digest.json", "report.txt"]


def broken_open(fd: int, mode: str) -> Any:
    """A file object that writes a few bytes for real and then fails as a full disk would."""
    stream = os.fdopen(fd, mode)

    class Failing:
        def __enter__(self) -> Failing:
            return self

        def __exit__(self, *exc: object) -> None:
            stream.close()

        def write(self, data: bytes) -> int:
            stream.write(data[:10])
            stream.flush()
            raise OSError(errno.EIO, "Input/output error")

        def flush(self) -> None:
            stream.flush()

        def fileno(self) -> int:
            return stream.fileno()

    return Failing()


def test_output_in_an_unwritable_directory(
    report: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def deny(path: str, *args: Any) -> int:
        raise PermissionError(errno.EACCES, "Permission denied", path)

    monkeypatch.setattr(os, "open", deny)
    out = tmp_path / "digest.json"
    assert_refused(run("summarize", str(report), "-o", str(out)), str(out), "permission denied")
    assert files(tmp_path) == ["report.txt"]


def test_nothing_is_created_when_every_input_fails(tmp_path: Path) -> None:
    bad = write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00")
    result = run("summarize", str(bad), str(tmp_path / "missing.txt"), "-o", str(tmp_path / "o"))
    assert result.exit_code == ExitStatus.ERROR
    assert files(tmp_path) == ["photo.txt"]


# -- several inputs: the bad ones are reported and skipped --------------------------------------


def test_several_inputs_bad_ones_skipped(report: Path, tmp_path: Path) -> None:
    png = write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00")
    missing = tmp_path / "missing.txt"
    out = tmp_path / "digests.jsonl"
    result = run(
        "summarize", str(report), str(png), str(missing), str(report), "-f", "jsonl", "-o", str(out)
    )
    assert result.exit_code == ExitStatus.ERROR
    assert result.stderr.splitlines() == [
        f"speechsum: error: {png}: looks like a PNG image, not plain text",
        f"speechsum: error: {missing}: no such file",
    ]
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    # One line per input: the bad ones as error records, in their place.
    assert [r["source"] for r in records] == [str(report), str(png), str(missing), str(report)]
    assert [("error" in r) for r in records] == [False, True, True, False]
    assert records[2]["error"] == "no such file"


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (MemoryError(), "not enough memory to digest this input"),
        (RuntimeError("boom\nsecond line\x1b[2J"), "internal error (RuntimeError: boom second"),
    ],
    ids=["memory", "bug"],
)
def test_a_failure_inside_one_input_spares_the_others(
    report: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: Exception, message: str
) -> None:
    bad = write(tmp_path / "bad.txt", "Иван Петров сказал: «ОШИБКА».\n".encode())
    original = pipeline.build_digest

    def build_digest(text: str, *args: Any) -> Any:
        if "ОШИБКА" in text:
            raise error
        return original(text, *args)

    monkeypatch.setattr(pipeline, "build_digest", build_digest)
    result = run("summarize", str(bad), str(report), "-f", "json")
    assert result.exit_code == ExitStatus.ERROR
    assert [d["source"] for d in json.loads(result.stdout)] == [str(report)]
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and message in lines[0]
    assert "\x1b" not in result.stderr and "Traceback" not in result.stderr


def test_traceback_on_request(report: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "build_digest", broken)
    monkeypatch.setenv(cli.TRACEBACK_VARIABLE, "1")
    result = run("summarize", str(report))
    assert isinstance(result.exception, RuntimeError)


# -- writing to stdout --------------------------------------------------------------------------


class Trickle(io.RawIOBase):
    """An unbuffered stdout that takes at most 7 bytes a call, as a raw pipe may."""

    def __init__(self) -> None:
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.data += bytes(data[:7])
        return min(7, len(data))


def test_partial_writes_are_completed() -> None:
    stream = Trickle()
    cli.write_all(stream, "Мост откроем в мае. ".encode() * 50)  # type: ignore[arg-type]
    assert bytes(stream.data) == "Мост откроем в мае. ".encode() * 50


# -- the real process: pipes, signals, FIFOs, terminals, the environment ------------------------


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a child Python that imports this same speechsum."""
    src = os.path.dirname(os.path.dirname(os.path.abspath(speechsum.__file__)))
    path = os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path, "NO_COLOR": "1"}
    env.pop(cli.TRACEBACK_VARIABLE, None)
    return {**env, **extra}


def speechsum_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "speechsum", *args]


def as_on_a_terminal() -> None:
    """In a child before exec: Ctrl-C as a terminal delivers it. A shell that runs a job in
    the background (CI runners, nohup) starts it with SIGINT ignored, and Python keeps it so."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@POSIX
@pytest.mark.parametrize("unbuffered", ["", "1"], ids=["buffered", "unbuffered"])
def test_reader_leaving_early_is_quiet(report: Path, unbuffered: str) -> None:
    # `speechsum ... | head -c 10` with 300 digests (~400 kB): the pipe breaks mid-write.
    env = child_env(PYTHONUNBUFFERED=unbuffered)
    if not unbuffered:
        env.pop("PYTHONUNBUFFERED")
    process = subprocess.Popen(
        speechsum_command("summarize", *[str(report)] * 300, "-f", "json"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.read(10) == b'[\n  {\n    '
    process.stdout.close()
    stderr = process.stderr.read()
    process.wait(timeout=120)
    assert stderr == b""
    # Not 0: the output was cut (a raw unbuffered stdout once hid that).
    assert process.returncode == ExitStatus.ERROR


@POSIX
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_full_disk_on_stdout(report: Path) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            speechsum_command("summarize", str(report), "-f", "json"),
            stdout=full,
            stderr=subprocess.PIPE,
            env=child_env(),
            timeout=120,
        )
    assert done.returncode == ExitStatus.ERROR
    assert done.stderr == b"speechsum: error: cannot write the output: no space left on device\n"


@POSIX
def test_closed_stdout_and_stderr(report: Path) -> None:
    command = speechsum_command("summarize", str(report), "-f", "json")
    # `speechsum ... >&-`: Python then has no sys.stdout at all.
    done = subprocess.run(
        [sys.executable, "-c", "import os, sys; os.close(1); os.execv(sys.argv[1], sys.argv[1:])",
         *command],
        stderr=subprocess.PIPE,
        env=child_env(),
        timeout=120,
    )
    assert done.returncode == ExitStatus.ERROR
    assert done.stderr == b"speechsum: error: standard output is closed\n"
    done = subprocess.run(
        [sys.executable, "-c", "import os, sys; os.close(2); os.execv(sys.argv[1], sys.argv[1:])",
         *speechsum_command("summarize", str(report.with_name("missing.txt")))],
        stdout=subprocess.PIPE,
        env=child_env(),
        timeout=120,
    )
    assert done.returncode == ExitStatus.ERROR and done.stdout == b""


@POSIX
def test_fifo_is_read_like_a_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    process = subprocess.Popen(
        speechsum_command("summarize", str(fifo), "-f", "json"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env(),
    )
    with open(fifo, "wb") as stream:
        stream.write(UTF8)
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == ExitStatus.OK, stderr
    assert json.loads(stdout)["source"] == str(fifo)


@POSIX
def test_endless_binary_fifo_is_cut_off(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    process = subprocess.Popen(
        speechsum_command("summarize", str(fifo)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env(),
    )

    def feed() -> None:
        # Like `cat /dev/urandom > pipe`: it only stops when the reader goes away.
        try:
            with open(fifo, "wb") as stream:
                while True:
                    stream.write(bytes(65536))
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    stdout, stderr = process.communicate(timeout=120)
    writer.join(timeout=10)
    assert process.returncode == ExitStatus.ERROR
    assert stderr.decode().endswith("pipe: looks like a binary file (contains NUL bytes), not "
                                    "plain text\n")


def started(process: subprocess.Popen[bytes], seconds: float) -> None:
    """Let a child get going; fail early if it already died."""
    time.sleep(seconds)
    assert process.poll() is None, process.communicate()


@POSIX
@pytest.mark.parametrize(
    ("signal_number", "status"),
    [(signal.SIGINT, ExitStatus.INTERRUPTED), (signal.SIGTERM, 128 + signal.SIGTERM)],
    ids=["ctrl-c", "sigterm"],
)
@pytest.mark.parametrize("stage", ["waiting-for-input", "working"])
def test_interrupted_quietly_without_a_partial_file(
    tmp_path: Path, signal_number: int, status: int, stage: str
) -> None:
    out = tmp_path / "digest.json"
    if stage == "waiting-for-input":
        source = tmp_path / "pipe"
        os.mkfifo(source)  # nobody writes: speechsum waits in open()
    else:
        # A few megabytes keep it busy for seconds, whichever stage the signal meets.
        source = write(tmp_path / "big.txt", (REPORT * 20_000).encode())
    process = subprocess.Popen(
        speechsum_command("summarize", str(source), "-f", "json", "-o", str(out)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env(),
        start_new_session=True,
        preexec_fn=as_on_a_terminal,
    )
    started(process, 1.5)
    os.killpg(process.pid, signal_number)  # the whole group, as the terminal does
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == status, stderr
    assert stdout == b"" and stderr == b""
    assert not out.exists()
    assert files(tmp_path) == [source.name]


@POSIX
def test_ctrl_c_with_worker_processes(tmp_path: Path) -> None:
    small = write(tmp_path / "small.txt", UTF8)
    big = write(tmp_path / "big.txt", (REPORT * 3_000).encode())
    out = tmp_path / "digests.json"
    # The first input is digested in the parent; the pool then works on the big ones.
    paths = [str(small), *[str(big)] * 4]
    process = subprocess.Popen(
        speechsum_command("summarize", *paths, "-j", "2", "-f", "json", "-o", str(out)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env(),
        start_new_session=True,
        preexec_fn=as_on_a_terminal,
    )
    started(process, 2.5)
    os.killpg(process.pid, signal.SIGINT)
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == ExitStatus.INTERRUPTED
    # Each worker used to print "Process ForkPoolWorker-2:" and a KeyboardInterrupt traceback.
    assert stdout == b"" and stderr == b""
    assert files(tmp_path) == ["big.txt", "small.txt"]


@POSIX
def test_terminal_output(report: Path) -> None:
    import pty

    hostile = write(report.with_name("hostile.txt"), HOSTILE.encode())

    def on_terminal(**extra: str) -> tuple[int, bytes]:
        leader, follower = pty.openpty()
        process = subprocess.Popen(
            speechsum_command("summarize", str(hostile), "--narration"),
            stdin=subprocess.DEVNULL,
            stdout=follower,
            stderr=follower,
            env=child_env(COLUMNS="100", **extra),
        )
        os.close(follower)
        chunks = []
        with pytest.raises(OSError):
            while True:  # until the child closes the terminal (EIO)
                chunk = os.read(leader, 65536)
                if not chunk:
                    break
                chunks.append(chunk)
        os.close(leader)
        return process.wait(timeout=120), b"".join(chunks)

    code, shown = on_terminal(TERM="xterm-256color")
    assert code == ExitStatus.OK, shown
    screen = shown.decode("utf-8")
    assert "╭" in screen  # drawn by rich
    assert "\x1b]0;" not in screen and "\x1b[2J" not in screen and "\u202e" not in screen
    assert "[bold red]" in screen and "␛[2J" in screen
    # A terminal that cannot show Cyrillic gets question marks, not a UnicodeEncodeError.
    code, shown = on_terminal(TERM="xterm", PYTHONIOENCODING="latin-1")
    assert code == ExitStatus.OK, shown
    assert b"Traceback" not in shown and b"?" in shown


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_permission_denied_for_real(tmp_path: Path) -> None:
    secret = write(tmp_path / "secret.txt", UTF8)
    secret.chmod(0)
    command = speechsum_command("summarize", str(secret))
    done = subprocess.run(command, capture_output=True, env=child_env(), timeout=120)
    assert done.returncode == ExitStatus.ERROR, done.stderr
    assert done.stderr == f"speechsum: error: {secret}: permission denied\n".encode()


@POSIX
@pytest.mark.parametrize("seed", ["0", "4242"])
def test_same_output_whatever_the_hash_seed(seed: str) -> None:
    samples = sorted(Path(__file__).resolve().parent.parent.glob("samples/ru-*.txt"))[:2]
    args = ["summarize", *map(str, samples), "-f", "json", "--narration"]
    here = run(*args)
    done = subprocess.run(
        speechsum_command(*args),
        capture_output=True,
        env=child_env(PYTHONHASHSEED=seed),
        timeout=120,
    )
    assert done.returncode == here.exit_code
    assert done.stdout.decode("utf-8") == here.stdout


def test_no_network_no_execution(tmp_path: Path) -> None:
    # What a report might smuggle in, run through a child that audits what it does.
    smuggled = (
        "Иван Петров сказал: «__import__('os').system('touch PWNED')».\n"
        "— {{7*7}} ${7*7} `touch PWNED` $(touch PWNED), — сказала Анна Смирнова.\n"
        "cos\nsystem\n(S'touch PWNED'\ntR.\nhttp://example.invalid/a https://169.254.169.254/\n"
    )
    report = write(tmp_path / "smuggled.txt", smuggled.encode())
    code = (
        "import sys\n"
        "seen = []\n"
        "def audit(event, args):\n"
        "    if event.startswith(('socket.', 'subprocess.', 'os.system', 'os.exec',\n"
        "                         'os.posix_spawn', 'os.spawn', 'pickle.', 'urllib.',\n"
        "                         'webbrowser.', 'ftplib.', 'smtplib.', 'http.')):\n"
        "        seen.append(event)\n"
        "    if event in ('compile', 'exec') and 'PWNED' in repr(args):\n"
        "        seen.append(event)\n"
        "sys.addaudithook(audit)\n"
        "from speechsum.cli import main\n"
        f"sys.argv = ['speechsum', 'summarize', {str(report)!r}, '-f', 'json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('AUDIT', seen, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, env=child_env(), timeout=120,
        cwd=tmp_path,
    )
    assert b"AUDIT []" in done.stderr, done.stderr
    assert json.loads(done.stdout)["source"] == str(report)
    assert files(tmp_path) == ["smuggled.txt"]


# -- linear work: quadratic spots the adversarial benchmark found, counted rather than timed ----
# benchmarks/adversarial.py measures them at full size; here the work is counted on small
# inputs, which is exact and fast.


def count_work(
    monkeypatch: pytest.MonkeyPatch, module: Any, name: str, size: Callable[..., int]
) -> list[int]:
    """Wrap `module.name` so that each call adds `size(*args)` to the returned counter."""
    total = [0]
    original = getattr(module, name)

    def counting(*args: Any, **kwargs: Any) -> Any:
        total[0] += size(*args)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counting)
    return total


def surname(i: int) -> str:
    """A distinct invented surname for every i."""
    syllables = ["ка", "ре", "ми", "но", "ту", "ла", "се", "да"]
    stem = "".join(syllables[(i >> (3 * k)) % 8] for k in range(4))
    return stem.capitalize() + "ов"


def test_dashes_inside_a_paragraph_are_scanned_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # The inner dash finder ran split_by_cues from every ". — " to the end of the paragraph.
    from speechsum.speakers.finders import dashes

    text = "Начало" + ". — Слово" * 300 + "."
    scanned = count_work(monkeypatch, dashes, "split_by_cues", lambda doc, s, e, *rest: e - s)
    pipeline.build_digest(text)
    assert scanned[0] <= 20 * len(text)


def test_each_new_speaker_costs_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    # people.People._key_for compared each new name's stem_key with every known person.
    from speechsum.speakers.lang import cyrillic_cases as cases

    text = "".join(f"— Мост откроем в мае, — сказал Иван {surname(i)}.\n" for i in range(300))
    calls = count_work(monkeypatch, cases, "stem_key", lambda *args: 1)
    digest = pipeline.build_digest(text)
    assert len(digest.speakers) > 200
    assert calls[0] <= 20 * 300


def test_paragraphs_are_not_copied_per_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    # The interview finder, tried at every paragraph, looped over a copy paragraphs[i:]. The
    # document makes a Paragraph whenever one is read: count those.
    from speechsum.speakers.paragraphs import Paragraphs

    made = [0]
    original = Paragraphs.paragraph

    def counted(self: Paragraphs, i: int) -> Any:
        made[0] += 1
        return original(self, i)

    monkeypatch.setattr(Paragraphs, "paragraph", counted)
    pipeline.build_digest("— слово\n" * 1000 + "слово\n" * 1000)
    assert made[0] <= 20 * 2000


@pytest.mark.parametrize("unit", ["ИВАНОВ: ", "Иванов сказал: ", "сказал: «да». ", "А: б. "])
def test_colons_on_one_line_are_read_for_speech_verbs_once(monkeypatch: pytest.MonkeyPatch,
                                                           unit: str) -> None:
    # Issue 15: colon speech read the 300 characters after every colon for speech verbs, 38
    # times the text for 40,000 "ИВАНОВ:" on one line (12.4 s for 560 kB). A stretch with no
    # word that may be a speech verb is not read at all now.
    from speechsum.speakers.lang.ru import Russian

    read = [0]
    original = Russian.speech_verbs

    def tally(self: Russian, text: str, start: int, end: int) -> Any:
        read[0] += end - start
        return original(self, text, start, end)

    monkeypatch.setattr(Russian, "speech_verbs", tally)
    text = unit * 3000
    pipeline.build_digest(text)
    assert read[0] <= 2 * len(text)


@pytest.mark.parametrize("unit", ["said ", "сказал ", "заявил Иванов "])
def test_a_sentence_of_speech_verbs_is_read_a_bounded_number_of_times(
        monkeypatch: pytest.MonkeyPatch, unit: str) -> None:
    # Every speech verb of a reported sentence is a cue the source sieves may try, and each
    # sieve reads the words before its verb: 'said ' x 8,000 took 8.8 s. A claim's own cue
    # and its first few others are tried, so the words asked for stay a few times the text.
    from speechsum.speakers.document import Doc

    asked = count_work(monkeypatch, Doc, "words_in", lambda doc, start, end, *rest: end - start)
    text = unit * 2000
    pipeline.build_digest(text)
    assert asked[0] <= 60 * len(text)


@pytest.mark.parametrize("unit", ["Да.\n", "— Да.\n", "А.\n\n", "слово\n", "15:00\n"])
def test_tiny_paragraphs_cost_a_few_numbers_each(unit: str) -> None:
    # Issue 15: a million tiny paragraphs took 1.3 GB, as the document made a Paragraph, its
    # sentences and their caches for every line (1,100-1,400 bytes a line at its peak).
    # Sentences and paragraphs are kept as arrays of offsets now: measure the peak of what
    # Python allocates for a digest of 20,000 such lines.
    import tracemalloc

    pipeline.build_digest(unit * 10)  # dictionaries and caches loaded before measuring
    tracemalloc.start()
    try:
        pipeline.build_digest(unit * 20_000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak / 20_000 < 400


def test_a_speaker_repeating_himself_costs_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    # LexRank links every pair of similar sentences; past 2 x ROUND_SIZE sentences it runs in
    # rounds of ROUND_SIZE, so the links per sentence stay bounded however long he talks.
    from speechsum import summarize

    links = [0]
    original = summarize.Links.blocks

    def counting(self: Any) -> Iterator[tuple[int, Any]]:
        for start, block in original(self):
            links[0] += int(block.nnz) if hasattr(block, "nnz") else int(block.sum())
            yield start, block

    monkeypatch.setattr(summarize.Links, "blocks", counting)
    n = 2 * summarize.ROUND_SIZE + 200
    text = "Иван Петров сказал, что дорога будет готова в мае.\n" * n
    digest = pipeline.build_digest(text)
    assert digest.speakers[0].sentences == n
    assert links[0] <= 4 * summarize.ROUND_SIZE * n
