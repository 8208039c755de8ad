"""Faults a script meets, through real processes: a worker killed, the whole process group
terminated, the writer killed or hung up on, a memory limit, an ASCII locale."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from speechsum.cli import ExitStatus, app
from speechsum.workers import map_ordered, worker_count
from test_robustness import POSIX, REPORT, as_on_a_terminal, child_env, files, speechsum_command

NAMES = ["Тимур Оспанов", "Нина Громова", "Марат Исаев", "Алия Нурова", "Ерлан Бекетов"]


def make_reports(folder: Path, count: int, repeat: int) -> list[str]:
    """`count` reports of `repeat` paragraphs each, every one with its own speakers."""
    folder.mkdir()
    paths = []
    for i in range(count):
        name, other = NAMES[i % len(NAMES)], NAMES[(i + 2) % len(NAMES)]
        text = "".join(
            f"— Мост номер {i * repeat + k} откроем в мае, — сообщил глава района {name}.\n"
            f"Депутат {other} заявила, что денег на ремонт дороги {k} хватит.\n"
            for k in range(repeat)
        )
        path = folder / f"report-{i:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def children(pid: int) -> list[int]:
    """The child processes of `pid` (Linux /proc)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found.extend(int(c) for c in (task / "children").read_text().split())
    return found


def wait_for_workers(process: subprocess.Popen[bytes], seconds: float = 60) -> list[int]:
    """The worker processes of `process`, once it has started them."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        workers = children(process.pid)
        if workers:
            time.sleep(0.3)  # let them take their first tasks
            return children(process.pid)
        time.sleep(0.05)
    raise AssertionError("no worker process started")


LINUX = pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")


@POSIX
@LINUX
def test_a_killed_worker_is_retried_and_the_run_goes_on(tmp_path: Path) -> None:
    paths = make_reports(tmp_path / "many", 60, 40)
    process = subprocess.Popen(
        speechsum_command("summarize", str(tmp_path / "many"), "-f", "jsonl", "-j", "2"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=child_env(),
    )
    os.kill(wait_for_workers(process)[0], signal.SIGKILL)
    stdout, stderr = process.communicate(timeout=300)  # it used to wait here forever
    assert process.returncode == ExitStatus.OK, stderr
    assert [json.loads(line)["source"] for line in stdout.splitlines()] == paths


@POSIX
@LINUX
@pytest.mark.parametrize("attempt", range(4))
def test_terminating_the_group_never_hangs_nor_litters(tmp_path: Path, attempt: int) -> None:
    make_reports(tmp_path / "many", 80, 40)  # work for seconds: the signal comes mid-run
    out = tmp_path / "digests.jsonl"
    process = subprocess.Popen(
        speechsum_command("summarize", str(tmp_path / "many"), "-f", "jsonl", "-j", "2",
                          "-o", str(out)),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=child_env(),
        start_new_session=True, preexec_fn=as_on_a_terminal,
    )
    wait_for_workers(process)
    time.sleep(0.1 * attempt)  # meet the workers at different points of their work
    os.killpg(process.pid, signal.SIGTERM)  # what `timeout` and `kill -- -PGID` send
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM, stderr
    assert stdout == b"" and b"Traceback" not in stderr
    assert files(tmp_path) == ["many"]  # no digest, no temporary file


def test_workers_are_capped_by_inputs_and_cores() -> None:
    assert worker_count(1000, 3) <= 3
    assert worker_count(1000, 10_000) <= (os.cpu_count() or 1)
    assert worker_count(1, 10) == 1


def deadly(item: str) -> str:
    """A task that kills its worker on "poison" (as a crash in a library would)."""
    if item == "poison":
        os._exit(70)
    return item.upper()


@POSIX
def test_an_input_that_keeps_killing_its_worker_is_reported_alone() -> None:
    items = ["first", "a", "b", "poison", "c", "d", "e", "f"]
    results = list(map_ordered(deadly, items, 2, lambda item: f"died: {item}"))
    assert results == ["FIRST", "A", "B", "died: poison", "C", "D", "E", "F"]


# The writer: no temporary file left, whatever stops it


KILL_WHILE_WRITING = """
import os, signal, sys
import speechsum.cli.output as output
if {named!r}:
    output.PROC_FD = "/nonexistent"  # no unnamed files: the hidden temporary name is used
def fsync(fd):
    os.kill(os.getpid(), {signal_number})  # the moment the data is written, not yet renamed
    raise SystemExit("the signal should have stopped the process")
os.fsync = fsync
from speechsum.cli import main
sys.argv = ["speechsum", "summarize", {source!r}, "-f", "json", "-o", {out!r}]
main()
"""


@POSIX
@pytest.mark.parametrize("named", [False, True], ids=["unnamed", "named"])
@pytest.mark.parametrize("signal_number", [signal.SIGKILL, signal.SIGHUP, signal.SIGTERM],
                         ids=["kill", "hangup", "term"])
@pytest.mark.parametrize("existing", [False, True], ids=["new", "replacing"])
def test_the_writer_stopped_leaves_the_old_file_and_no_trace(
    tmp_path: Path, named: bool, signal_number: int, existing: bool
) -> None:
    if named and signal_number == signal.SIGKILL:
        pytest.skip("a named temporary file cannot outlive SIGKILL's lack of cleanup; that is "
                    "why the unnamed one is used where Linux has it")
    source = tmp_path / "report.txt"
    source.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "digest.json"
    if existing:
        out.write_bytes(b"old")
    code = KILL_WHILE_WRITING.format(named=named, signal_number=int(signal_number),
                                     source=str(source), out=str(out))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, env=child_env(),
                          timeout=120, check=False)
    expected = -signal.SIGKILL if signal_number == signal.SIGKILL else 128 + signal_number
    assert done.returncode == expected, done.stderr
    assert b"Traceback" not in done.stderr
    assert files(tmp_path) == (["digest.json", "report.txt"] if existing else ["report.txt"])
    if existing:
        assert out.read_bytes() == b"old"


runner = CliRunner()


@pytest.mark.parametrize("named", [False, True], ids=["unnamed", "named"])
def test_a_long_output_name_fits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 named: bool) -> None:
    if named:
        monkeypatch.setattr("speechsum.cli.output.PROC_FD", "/nonexistent")
    source = tmp_path / "report.txt"
    source.write_text(REPORT, encoding="utf-8")
    out = tmp_path / ("d" * 245 + ".json")  # 250 bytes: NAME_MAX is 255
    for _ in range(2):  # created, then replaced
        result = runner.invoke(app, ["summarize", str(source), "-f", "json", "-o", str(out)])
        assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["source"] == str(source)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([out.name, "report.txt"])


def test_an_empty_output_name_is_a_usage_error(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_text(REPORT, encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(source), "-o", ""])
    assert result.exit_code == ExitStatus.USAGE
    assert "the file name is empty" in result.stderr


# Memory and locale


def limit_memory(megabytes: int) -> Callable[[], None]:
    """In a child before exec: at most `megabytes` of address space, as `ulimit -v` sets."""
    def apply() -> None:
        import resource

        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return apply


@POSIX
@pytest.mark.parametrize("megabytes", [200, 250, 300])
def test_a_memory_limit_is_a_one_line_error(tmp_path: Path, megabytes: int) -> None:
    source = tmp_path / "big.txt"
    source.write_text(REPORT * 60_000, encoding="utf-8")  # 10 MB
    done = subprocess.run(speechsum_command("summarize", str(source), "-f", "json"),
                          capture_output=True, env=child_env(), timeout=600, check=False,
                          preexec_fn=limit_memory(megabytes))
    # It used to end in numpy's ImportError banner, or exit 130 from OpenBLAS's own SIGINT.
    assert done.returncode in (ExitStatus.OK, ExitStatus.ERROR), done.stderr
    if done.returncode == ExitStatus.ERROR:
        lines = done.stderr.decode("utf-8", "replace").splitlines()
        assert len(lines) == 1 and "not enough memory" in lines[0], lines


@POSIX
def test_an_ascii_locale_gets_a_one_line_error(tmp_path: Path) -> None:
    env = child_env(LC_ALL="C", PYTHONUTF8="0", PYTHONIOENCODING="")
    missing = tmp_path / "нет-такого.txt"
    done = subprocess.run(speechsum_command("summarize", str(missing)), capture_output=True,
                          env=env, timeout=120, check=False)
    assert done.returncode == ExitStatus.ERROR
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(b"speechsum: error: ")
    assert b"no such file" in lines[0]
    present = tmp_path / "доклад.txt"
    present.write_text(REPORT, encoding="utf-8")
    done = subprocess.run(speechsum_command("summarize", str(present), "-f", "json"),
                          capture_output=True, env=env, timeout=120, check=False)
    assert done.returncode == ExitStatus.OK, done.stderr
    assert json.loads(done.stdout)["source"] == str(present)
