"""reading: bytes to text (encodings, BOMs, newlines) and refusing what is not a text file."""

from __future__ import annotations

import codecs
import io
import os
import random
import stat
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from speechsum.reading import (
    InputError,
    binary_start,
    decode_bytes,
    decode_input,
    format_size,
    read_path,
    read_up_to,
    sniff_binary,
)

RUSSIAN = (
    "Глава района Сергей Ильин сообщил, что ремонт школы закончат к сентябрю.\n"
    "«Подрядчик уже получил деньги, ёлки и скамейки тоже будут», — добавил он.\n"
    "Жители спросили про дорогу. Ответа пока нет!"
)
KAZAKH = "Аким Айгүл Серікқызы мәжілісте сөйледі: «Жаңа мектеп қыркүйекте ашылады»."
ENGLISH = "The mayor's aide said the café on Rue Saint-Honoré would reopen — «soon»."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (RUSSIAN, "utf-8"),
        (RUSSIAN, "utf-8-sig"),
        (RUSSIAN, "utf-16"),
        (RUSSIAN, "utf-32"),
        (RUSSIAN, "cp1251"),
        (RUSSIAN.replace("«", '"').replace("»", '"').replace("—", "-"), "koi8_r"),
        (KAZAKH, "utf-8"),
        (KAZAKH, "kz1048"),
        (ENGLISH, "utf-16"),
        (ENGLISH, "cp1252"),
    ],
    ids=[
        "ru-utf-8",
        "ru-utf-8-bom",
        "ru-utf-16",
        "ru-utf-32",
        "ru-cp1251",
        "ru-koi8-r",
        "kk-utf-8",
        "kk-kz1048",
        "en-utf-16",
        "en-cp1252",
    ],
)
def test_round_trip(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)) == text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Привет, мир! Как дела?", "koi8_r"),
        ("Привет, мир! Как дела?", "cp1251"),
        ("Да.", "koi8_r"),
        ("Да.", "cp1251"),
        ("Иванов: Нет.", "koi8_r"),
        ("Сәлем! Қалайсың?", "kz1048"),
    ],
    ids=["koi8-r", "cp1251", "da-koi8-r", "da-cp1251", "label-koi8-r", "kk-kz1048"],
)
def test_short_cyrillic(text: str, encoding: str) -> None:
    # charset-normalizer alone reads short KOI8-R as Shift JIS: the case check fixes it.
    assert decode_bytes(text.encode(encoding)) == text


def test_utf8_cut_mid_character() -> None:
    # `head -c 100 report.txt` splits a two-byte letter.
    data = RUSSIAN.encode()[:100]
    assert decode_bytes(data) == data[:-1].decode()


def test_utf8_with_a_stray_byte() -> None:
    data = RUSSIAN.encode()
    text = decode_bytes(data[:21] + b"\xff" + data[21:])
    assert text == RUSSIAN[:11] + "\ufffd" + RUSSIAN[11:]


@pytest.mark.parametrize(
    "encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-8"], ids=str
)
def test_bom_is_stripped(encoding: str) -> None:
    assert decode_bytes("\ufeffДа. Нет.".encode(encoding)) == "Да. Нет."


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"], ids=str)
@pytest.mark.parametrize("text", [RUSSIAN, KAZAKH, ENGLISH], ids=["ru", "kk", "en"])
def test_utf16_and_utf32_without_bom(text: str, encoding: str) -> None:
    decoded = decode_input(text.encode(encoding))
    assert (decoded.text, decoded.encoding, decoded.warning) == (text, encoding, None)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-32-le"], ids=str)
def test_a_low_byte_that_is_nul_is_no_binary(encoding: str) -> None:
    # "Ѐ" is 00 04 in UTF-16LE: a NUL where ASCII has none.
    text = "Ѐ " + RUSSIAN
    assert decode_bytes(text.encode(encoding)) == text


@pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be"], ids=str)
def test_utf32_beyond_the_bmp_without_bom(encoding: str) -> None:
    text = RUSSIAN.replace("деньги", "деньги 😀 👍🏽")
    assert decode_bytes(text.encode(encoding)) == text


@pytest.mark.parametrize(
    "data",
    [bytes(400), b"\x00\x01" * 200, b"\x07\x00\x00\x00" * 100, b"\x00\x00\x00\x07" * 100],
    ids=["zeros", "utf-16-be-pattern", "utf-32-le-pattern", "utf-32-be-pattern"],
)
def test_nuls_in_the_pattern_of_utf16_or_utf32_that_are_no_text(data: bytes) -> None:
    with pytest.raises(InputError, match="binary"):
        decode_bytes(data)


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"one\r\ntwo\r\n", "one\ntwo\n"),
        (b"one\rtwo\r", "one\ntwo\n"),
        (b"one\r\rtwo", "one\n\ntwo"),
        (b"one\r\n\ntwo\n\r", "one\n\ntwo\n\n"),
        ("один\r\nдва".encode("utf-16"), "один\nдва"),
        ("один\r\nдва".encode("cp1251"), "один\nдва"),
    ],
    ids=["crlf", "cr", "cr-cr", "mixed", "utf-16", "cp1251"],
)
def test_newlines(data: bytes, text: str) -> None:
    assert decode_bytes(data) == text


@pytest.mark.parametrize(
    ("data", "looks_like"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF file"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "an old Microsoft Office file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"\x1f\x8b\x08\x00", "a gzip archive"),
        (b"\x7fELF\x02\x01\x01", "an executable"),
        (b"{\\rtf1\\ansi text}", "an RTF document"),
        (b"\x00\x00\x00\x18ftypmp42", "an MP4/MOV"),
    ],
    ids=["pdf", "zip", "ole", "png", "jpeg", "gzip", "elf", "rtf", "mp4"],
)
def test_binary_magic(data: bytes, looks_like: str) -> None:
    with pytest.raises(InputError, match="^looks like ") as caught:
        decode_bytes(data)
    assert looks_like in str(caught.value)
    assert "\n" not in str(caught.value)


def test_nul_bytes_are_binary() -> None:
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"text\x00\x01\x02\x03\x00\x00\x07more")


def test_magic_needs_the_whole_signature() -> None:
    assert (
        decode_bytes(b"PK is a fine start for a sentence.") == "PK is a fine start for a sentence."
    )
    assert sniff_binary(b"%PDF") is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "input is empty"),
        (b"\xef\xbb\xbf", "input is empty"),
        (b" \t\r\n\n  ", "input contains only whitespace"),
        ("\r\n  ".encode("utf-16"), "input contains only whitespace"),
        (b"\xef\xbb\xbf\xef\xbb\xbf \n", "input contains only whitespace"),
        (b"\xff\xfe\x00", "input is empty"),  # the one byte after the BOM is a cut character
        # Mostly bad after a BOM: not text in that encoding, rather than text to repair.
        (b"\xef\xbb\xbfok\xff", "invalid UTF-8 at byte 5 after a UTF-8 byte-order mark"),
        (b"\xff\xfe\x00\xd8a\x00", "invalid UTF-16 at byte 2 after a UTF-16 byte-order mark"),
        (
            codecs.BOM_UTF32_BE + b"\x00\x11\x00\x00\x00\x00\x00a",
            "invalid UTF-32 at byte 4 after a UTF-32 byte-order mark",
        ),
    ],
    ids=[
        "empty",
        "bom-only",
        "whitespace",
        "utf-16-whitespace",
        "two-boms-and-whitespace",
        "utf-16-bom-and-a-byte",
        "bad-utf-8",
        "bad-utf-16",
        "bad-utf-32",
    ],
)
def test_decode_errors(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(data)
    assert str(caught.value) == message


@given(st.text())
def test_utf8_text_survives(text: str) -> None:
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    # The BOM goes, as with `utf-8-sig`; a second U+FEFF after it is a character of the text.
    expected = expected.removeprefix("\ufeff")
    data = text.encode("utf-8")
    assume(expected.replace("\ufeff", "").strip())
    assume("\x00" not in text and sniff_binary(data) is None)
    assert decode_bytes(data) == expected


@given(st.binary(max_size=300))
def test_any_bytes_decode_or_fail_cleanly(data: bytes) -> None:
    try:
        text = decode_bytes(data)
    except InputError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert "\r" not in text and text.replace("\ufeff", "").strip()
        text.encode("utf-8")  # no lone surrogate, which no output could write


def test_read_file(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(b"abc")
    assert read_path(str(path), 10) == b"abc"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.txt", "no such file"),
        (lambda p: p, "is a directory"),
        (lambda p: write(p / "big.txt", b"x" * 11), "input is larger than 10 bytes"),
        (lambda p: write(p / "f.txt", b"x") / "below", "no such file"),
    ],
    ids=["missing", "directory", "too-large", "below-a-file"],
)
def test_read_errors(tmp_path: Path, make: Callable[[Path], Path], message: str) -> None:
    path = str(make(tmp_path))
    with pytest.raises(InputError) as caught:
        read_path(path, 10)
    assert caught.value.path == path
    assert caught.value.message.startswith(message)
    assert str(caught.value).startswith(f"{path}: {message}")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_permission_denied(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", b"x")
    path.chmod(0)
    with pytest.raises(InputError, match="permission denied"):
        read_path(str(path), 10)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_endless_device_is_cut_off() -> None:
    assert stat.S_ISCHR(os.stat("/dev/zero").st_mode)
    with pytest.raises(InputError, match="input is larger than 1 kB"):
        read_path("/dev/zero", 1000)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_cut_off(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def feed() -> None:
        try:
            with open(fifo, "wb") as stream:
                stream.write(b"y" * 100_000)
        except BrokenPipeError:
            pass  # the reader stopped early, as it should

    writer = threading.Thread(target=feed)
    writer.start()
    try:
        with pytest.raises(InputError, match="input is larger than"):
            read_path(str(fifo), 1000)
    finally:
        writer.join(timeout=10)


def test_read_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Да.".encode())))
    assert read_path("-", 100) == "Да.".encode()


def test_stdin_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 101)))
    with pytest.raises(InputError, match="larger than 100 bytes") as caught:
        read_path("-", 100)
    assert caught.value.path == "<stdin>"


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (0, "0 bytes"),
        (999, "999 bytes"),
        (1000, "1 kB"),
        (50_000_000, "50 MB"),
        (2_500_000_000, "2.5 GB"),
    ],
    ids=str,
)
def test_format_size(size: int, text: str) -> None:
    assert format_size(size) == text


def write(path: Path, data: bytes) -> Path:
    """Create `path` holding `data`; return it."""
    path.write_bytes(data)
    return path


# Repairs: decode_input says what it had to guess or replace


def test_mixed_encodings_are_read_line_by_line() -> None:
    data = RUSSIAN.encode() + b"\n" + RUSSIAN.encode("cp1251")
    decoded = decode_input(data)
    assert decoded.text == RUSSIAN + "\n" + RUSSIAN
    assert decoded.warning == "mixed encodings: lines 4-6 read as cp1251, the rest as UTF-8"


@pytest.mark.parametrize(
    ("data", "warning"),
    [
        (
            "Мост откроем в мае.".encode().replace(b"\xd0\xb0", b"\xff", 1),
            "1 invalid UTF-8 sequence replaced with U+FFFD on line 1",
        ),
        (
            RUSSIAN.encode() + b"\xed\xa0\x80",
            "3 invalid UTF-8 sequences replaced with U+FFFD on line 3",
        ),
        (
            codecs.BOM_UTF8 + RUSSIAN.encode().replace(b"\n", b"\xff\n"),
            "2 invalid UTF-8 sequences replaced with U+FFFD on lines 1-2",
        ),
        (
            # The BOM says UTF-8 where no other character could.
            codecs.BOM_UTF8 + b"The bridge opens in May.\nThe mayor\xff said so.\n",
            "1 invalid UTF-8 sequence replaced with U+FFFD on line 2",
        ),
        (RUSSIAN.encode()[:-1] + "я".encode()[:1], None),  # cut at the end: dropped quietly
        (RUSSIAN.encode(), None),
    ],
    ids=[
        "stray-byte",
        "encoded-surrogate",
        "bom-and-stray-bytes",
        "bom-and-a-stray-byte-in-ascii",
        "cut-character",
        "clean",
    ],
)
def test_damaged_utf8(data: bytes, warning: str | None) -> None:
    decoded = decode_input(data)
    assert decoded.encoding == "utf-8"
    if warning is None:
        assert decoded.warning is None
    else:
        assert decoded.warning is not None and decoded.warning.startswith(warning)


WIDE = ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]


def lone_surrogate(encoding: str, at_line: int) -> bytes:
    """RUSSIAN in `encoding` with half an emoji (a lone U+D83D) at the start of line `at_line`."""
    lines = RUSSIAN.splitlines(keepends=True)
    lines.insert(at_line - 1, "\ud83d")
    return "".join(lines).encode(encoding, "surrogatepass")


@pytest.mark.parametrize("bom", [False, True], ids=["no-bom", "bom"])
@pytest.mark.parametrize("encoding", WIDE, ids=str)
def test_lone_surrogate_is_replaced(encoding: str, bom: bool) -> None:
    data = lone_surrogate(encoding, 2)
    decoded = decode_input("\ufeff".encode(encoding) + data if bom else data)
    lines = RUSSIAN.splitlines(keepends=True)
    assert decoded.text == lines[0] + "\ufffd" + "".join(lines[1:])
    name = encoding[:6].upper()
    assert decoded.warning == f"1 invalid {name} sequence replaced with U+FFFD on line 2"


@pytest.mark.parametrize("encoding", WIDE, ids=str)
def test_several_bad_units_are_counted_by_line(encoding: str) -> None:
    text = RUSSIAN.replace("\n", "\ud83d\r\n") + "\udc00"
    decoded = decode_input(text.encode(encoding, "surrogatepass"))
    assert decoded.text.count("\ufffd") == 3 and "\r" not in decoded.text
    assert decoded.warning == (
        f"3 invalid {encoding[:6].upper()} sequences replaced with U+FFFD on lines 1-3"
    )


def test_a_written_replacement_character_is_no_repair() -> None:
    text = "Знак \ufffd уже был в тексте. " + RUSSIAN
    for encoding in WIDE:
        decoded = decode_input(text.encode(encoding))
        assert (decoded.text, decoded.warning) == (text, None)


@pytest.mark.parametrize("bom", [False, True], ids=["no-bom", "bom"])
@pytest.mark.parametrize("encoding", WIDE, ids=str)
@pytest.mark.parametrize("cut", [1, 2, 3], ids=["cut-1", "cut-2", "cut-3"])
def test_character_cut_at_the_end_is_dropped(encoding: str, bom: bool, cut: int) -> None:
    # `head -c` through the last character (for UTF-16, "😀" is two units), as in UTF-8.
    text = RUSSIAN + "😀"
    data = ("\ufeff" if bom else "").encode(encoding) + text.encode(encoding)
    decoded = decode_input(data[:-cut])
    assert (decoded.text, decoded.warning) == (RUSSIAN, None)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"], ids=str)
def test_utf16_cut_by_one_byte(encoding: str) -> None:
    data = RUSSIAN.encode(encoding) + b"\x00"  # odd length
    assert decode_input(data) == decode_input(RUSSIAN.encode(encoding))


@pytest.mark.parametrize(
    ("prefix", "codec"),
    [
        ("utf-8", "utf-8-sig"),
        ("utf-16-le", "utf-16"),
        ("utf-16-be", "utf-16"),
        ("utf-32-le", "utf-32"),
        ("utf-32-be", "utf-32"),
    ],
    ids=["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"],
)
@pytest.mark.parametrize("boms", [1, 2, 3], ids=["1-bom", "2-boms", "3-boms"])
def test_only_the_first_bom_goes(prefix: str, codec: str, boms: int) -> None:
    # As Python's own readers: open(path, encoding="utf-8-sig") keeps a second U+FEFF.
    data = ("\ufeff" * boms + RUSSIAN).encode(prefix)
    assert decode_bytes(data) == data.decode(codec) == "\ufeff" * (boms - 1) + RUSSIAN


def test_high_bytes_that_are_no_text_are_refused() -> None:
    noise = bytes(random.Random(6).choices(range(0x80, 0x100), k=500))
    with pytest.raises(InputError, match="cannot tell the text encoding"):
        decode_input(noise)


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (RUSSIAN.encode("utf-16-le")[:200], None),
        (RUSSIAN.encode("utf-16-be")[:200], None),
        (RUSSIAN.encode("utf-32")[:200], None),
        (RUSSIAN.encode("utf-32-le")[:201], None),
        (RUSSIAN.encode("utf-32-be")[:203], None),
        (lone_surrogate("utf-16-le", 1)[:200], None),
        (lone_surrogate("utf-32-be", 1)[:200], None),
        (RUSSIAN.encode()[:200], None),
        (bytes(200), "a binary file (contains NUL bytes)"),
        (b"\x00\x01" * 100, "a binary file (contains NUL bytes)"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "a PNG image"),
    ],
    ids=[
        "utf-16-le",
        "utf-16-be",
        "utf-32-bom",
        "utf-32-le",
        "utf-32-be",
        "utf-16-lone-surrogate",
        "utf-32-lone-surrogate",
        "utf-8",
        "zeros",
        "counter",
        "png",
    ],
)
def test_binary_start(head: bytes, kind: str | None) -> None:
    assert binary_start(head) == kind


class Dribble(io.RawIOBase):
    """A raw stream that gives at most 3 bytes per read, as an unbuffered pipe may."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        chunk, self.data = self.data[: min(size, 3)], self.data[min(size, 3) :]
        return chunk


def test_short_reads_are_joined() -> None:
    assert read_up_to(Dribble(b"x" * 100), 50) == b"x" * 50  # type: ignore[arg-type]
    assert read_up_to(Dribble(b"x" * 10), 50) == b"x" * 10  # type: ignore[arg-type]
