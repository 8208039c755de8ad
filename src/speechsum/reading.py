"""Bytes to text, done once: read a path or stdin, detect the encoding, normalise newlines."""

from __future__ import annotations

import codecs
import os
import stat
import sys
import unicodedata
from dataclasses import dataclass
from typing import BinaryIO

DEFAULT_MAX_BYTES = 50_000_000

# Legacy encodings a ru/kk/en report plausibly comes in; charset-normalizer guesses wildly
# (shift_jis for short KOI8-R text) when it may choose among all codecs.
LEGACY_ENCODINGS = ("cp1251", "koi8_r", "kz1048", "cp1252", "cp866", "mac_cyrillic", "iso8859_5")

# Enough text to tell the candidates apart without scoring a 50 MB file character by character.
SAMPLE_BYTES = 16 * 1024
# The start that is checked for magic numbers and NUL bytes before reading the rest, so that
# /dev/urandom or a 40 MB video is refused after 64 kB rather than at the size limit.
SNIFF_BYTES = 64 * 1024
# Valid multi-byte UTF-8 characters that prove a file UTF-8 whatever its other lines hold;
# a single-byte code page practically never forms even one ("Рё" in cp1251 is "и").
UTF8_EVIDENCE = 4

BOMS = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

ZIP_MAGIC = b"PK\x03\x04"
MAGIC = (
    (0, b"%PDF-", "a PDF file"),
    (0, ZIP_MAGIC, "a ZIP archive"),
    (0, b"PK\x05\x06", "an empty ZIP archive"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (.doc/.xls?)"),
    (0, b"{\\rtf", "an RTF document"),
    (0, b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (0, b"\xff\xd8\xff", "a JPEG image"),
    (0, b"GIF87a", "a GIF image"),
    (0, b"GIF89a", "a GIF image"),
    (0, b"\x1f\x8b", "a gzip archive"),
    (0, b"\xfd7zXZ\x00", "an xz archive"),
    (0, b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (0, b"Rar!\x1a\x07", "a RAR archive"),
    (0, b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (0, b"SQLite format 3\x00", "an SQLite database"),
    (0, b"\x7fELF", "an executable (ELF)"),
    (0, b"OggS", "an Ogg audio file"),
    (0, b"\x1a\x45\xdf\xa3", "a Matroska/WebM video"),
    (4, b"ftyp", "an MP4/MOV video or audio file"),
    (8, b"WAVE", "a WAV audio file"),
    (257, b"ustar", "a tar archive"),
)

RUSSIAN = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
KAZAKH = frozenset("әғқңөұүһі")
LATIN = frozenset("abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿß")


@dataclass(frozen=True)
class Decoded:
    """Text from bytes, the encoding it was read in, and what had to be repaired, if anything."""

    text: str
    encoding: str
    warning: str | None = None


class InputError(Exception):
    """A problem with the input that the user can fix; `str()` is a one-line message."""

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


def read_path(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a file, or of stdin for "-", refusing anything larger than `max_bytes`."""
    if path == "-":
        return read_stdin(max_bytes)
    try:
        info = os.stat(path)
    except OSError as error:
        raise InputError(describe_os_error(error), path) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError("is a directory", path)
    if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
        raise InputError(too_large(max_bytes), path)
    try:
        with open(path, "rb") as stream:
            # Devices and FIFOs have no size: /dev/zero would be read forever.
            return read_limited(stream, max_bytes, path)
    except OSError as error:
        raise InputError(describe_os_error(error), path) from None


def read_stdin(max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of standard input, at most `max_bytes` of them."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("standard input is closed", "<stdin>")
    try:
        return read_limited(stream, max_bytes, "<stdin>")
    except OSError as error:
        raise InputError(describe_os_error(error), "<stdin>") from None


def read_limited(stream: BinaryIO, max_bytes: int, path: str) -> bytes:
    """All of `stream` if it has at most `max_bytes`; a binary start is refused before the rest."""
    limit = max_bytes + 1
    data = read_up_to(stream, min(SNIFF_BYTES, limit))
    if len(data) == SNIFF_BYTES:
        # There may be more; a short read was the end, and a terminal must not be read twice.
        binary = binary_start(data)
        # A ZIP may be a Word document, which speechsum.convert reads; it decides.
        if binary and not data.startswith(ZIP_MAGIC):
            raise InputError(f"looks like {binary}, not plain text", path)
        data += read_up_to(stream, limit - len(data))
    if len(data) > max_bytes:
        raise InputError(too_large(max_bytes), path)
    return data


def read_up_to(stream: BinaryIO, size: int) -> bytes:
    """`size` bytes, or fewer at the end of the stream; an unbuffered pipe gives them piecemeal."""
    chunks = []
    while size > 0:
        chunk = stream.read(size)
        if not chunk:
            break
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def describe_os_error(error: OSError) -> str:
    """A short lower-case reason, without the path Python repeats in `str(error)`."""
    if isinstance(error, (FileNotFoundError, NotADirectoryError)):
        return "no such file"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    return (error.strerror or str(error)).lower()


def too_large(max_bytes: int) -> str:
    """The message for input over the limit."""
    return f"input is larger than {format_size(max_bytes)} (raise the limit with --max-bytes)"


def format_size(size: int) -> str:
    """A byte count for people.

    >>> format_size(50_000_000), format_size(1536), format_size(12)
    ('50 MB', '1.5 kB', '12 bytes')
    """
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def decode_bytes(data: bytes) -> str:
    """Text from bytes in UTF-8/16/32 or a legacy Cyrillic or Latin code page, newlines as LF."""
    return decode_input(data).text


def decode_input(data: bytes) -> Decoded:
    """`decode_bytes` with the encoding found and a warning when bytes had to be repaired."""
    if not data:
        raise InputError("input is empty")
    binary = sniff_binary(data)
    if binary:
        raise InputError(f"looks like {binary}, not plain text")
    decoded = decode_with_bom(data)
    if decoded is None:
        if b"\x00" in data:
            decoded = decode_utf16_without_bom(data)
        else:
            decoded = decode_utf8(data) or decode_legacy(data)
    text = decoded.text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("input contains only whitespace" if text else "input is empty")
    return Decoded(text, decoded.encoding, decoded.warning)


def sniff_binary(data: bytes) -> str | None:
    """What a binary file looks like, judged by its magic number."""
    for offset, magic, name in MAGIC:
        if data.startswith(magic, offset):
            return name
    return None


def binary_start(head: bytes) -> str | None:
    """What the first bytes of a file say it is, if not text: a magic number or stray NULs.

    NUL bytes in UTF-16 or UTF-32 text sit at one parity only, or follow a byte-order mark.
    """
    found = sniff_binary(head)
    wide = any(head.startswith(bom) for bom, encoding in BOMS if encoding != "utf-8")
    if found or wide or b"\x00" not in head:
        return found
    if head[0::2].count(0) == 0 or head[1::2].count(0) == 0:
        return None
    return "a binary file (contains NUL bytes)"


def decode_with_bom(data: bytes) -> Decoded | None:
    """Text decoded by its byte-order mark, or None when there is no BOM."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding), encoding)
            except UnicodeDecodeError as error:
                name = encoding.upper().removesuffix("-LE").removesuffix("-BE")
                at = error.start + len(bom)
                raise InputError(
                    f"invalid {name} at byte {at} after a {name} byte-order mark"
                ) from None
    return None


def decode_utf8(data: bytes) -> Decoded | None:
    """UTF-8, the common case, or None when the bytes hold no UTF-8 beyond ASCII at all.

    A character cut in two at the end (`head -c 1000 report.txt`) is dropped quietly. Otherwise
    each line is decoded on its own: a file of UTF-8 with a few stray bytes, or with lines
    pasted from a cp1251 file, keeps its UTF-8 and says what it repaired.
    """
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        if error.end == len(data) and error.reason == "unexpected end of data":
            return Decoded(data[: error.start].decode("utf-8"), "utf-8")
    lines = data.splitlines(keepends=True)
    texts: list[str | None] = []
    evidence = 0
    for line in lines:
        try:
            texts.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            texts.append(None)
            if not mostly_utf8(line):
                continue  # random high bytes form the odd valid character too
        evidence += valid_multibyte(line)
    if evidence < UTF8_EVIDENCE:
        return None
    # A bad line with a few stray bytes, or with many more good UTF-8 characters than bad
    # bytes, is damaged UTF-8; one with many high bytes and little valid UTF-8 comes from a
    # legacy code page.
    bad = [i for i, text in enumerate(texts) if text is None]
    legacy = [i for i in bad if not mostly_utf8(lines[i])]
    notes = []
    if legacy:
        try:
            encoding = choose_legacy_encoding(b"".join(lines[i] for i in legacy))
        except InputError:
            legacy = []  # no code page fits them either: they are repaired as UTF-8 below
        else:
            for i in legacy:
                texts[i] = lines[i].decode(encoding, "replace")
            where = describe_lines([i + 1 for i in legacy])
            notes.append(f"mixed encodings: {where} read as {encoding}, the rest as UTF-8")
    replaced = 0
    for i in bad:
        if texts[i] is None:
            text = lines[i].decode("utf-8", "replace")
            replaced += text.count("\ufffd") - lines[i].decode("utf-8", "ignore").count("\ufffd")
            texts[i] = text
    if replaced:
        sequences = plural(replaced, "invalid UTF-8 sequence")
        notes.insert(0, f"{sequences} replaced with U+FFFD")
    return Decoded("".join(t or "" for t in texts), "utf-8", "; ".join(notes) or None)


def mostly_utf8(line: bytes) -> bool:
    """Whether a line that is not valid UTF-8 is still UTF-8 with a few bad bytes."""
    high = len(line) - len(line.decode("ascii", "ignore"))
    damaged = line.decode("utf-8", "replace").count("\ufffd")
    return high < UTF8_EVIDENCE or damaged * 10 <= valid_multibyte(line)


def valid_multibyte(data: bytes) -> int:
    """How many well-formed multi-byte UTF-8 characters `data` holds (U+FFFD written as such
    counts too, replacements of bad bytes do not)."""
    text = data.decode("utf-8", "replace")
    damaged = text.count("\ufffd") - data.count("\ufffd".encode())
    return len(text) - len(data.decode("ascii", "ignore")) - damaged


def describe_lines(numbers: list[int]) -> str:
    """Line numbers for a message: "line 4", "lines 4-6", "lines 2, 7 and 3 more".

    >>> describe_lines([4]), describe_lines([4, 5, 6]), describe_lines([2, 7, 9, 11, 12])
    ('line 4', 'lines 4-6', 'lines 2, 7 and 3 more')
    """
    if len(numbers) == 1:
        return f"line {numbers[0]}"
    if numbers[-1] - numbers[0] == len(numbers) - 1:
        return f"lines {numbers[0]}-{numbers[-1]}"
    shown = ", ".join(map(str, numbers[:2]))
    return f"lines {shown} and {len(numbers) - 2} more" if len(numbers) > 2 else f"lines {shown}"


def plural(count: int, noun: str) -> str:
    """`count` with `noun`, plural unless it is one."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def decode_utf16_without_bom(data: bytes) -> Decoded:
    """UTF-16 text without a BOM (NULs in every other byte), else a binary-file error."""
    if len(data) % 2 == 0:
        high_odd = data[1::2].count(0)
        high_even = data[0::2].count(0)
        # Mostly-ASCII UTF-16 has NULs only in the high bytes: odd offsets in little-endian.
        encoding = "utf-16-le" if high_even == 0 else "utf-16-be" if high_odd == 0 else None
        if encoding:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                text = None
            if text and not any(map(is_control, text)) and score(text[:SAMPLE_BYTES]) > 0:
                return Decoded(text, encoding)
    raise InputError("looks like a binary file (contains NUL bytes), not plain text")


def decode_legacy(data: bytes) -> Decoded:
    """Text in a single-byte code page chosen by charset-normalizer and checked by `score`."""
    encoding = choose_legacy_encoding(data)
    return Decoded(data.decode(encoding), encoding)


def choose_legacy_encoding(data: bytes) -> str:
    """The single-byte code page `data` reads best in, or an InputError if none fits."""
    import charset_normalizer  # ~30 ms, and only non-UTF-8 input needs it

    best = charset_normalizer.from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    guess = best.encoding if best is not None else None
    sample = data[:SAMPLE_BYTES]
    ranked = sorted(
        LEGACY_ENCODINGS,
        # Ties go to charset-normalizer's guess, then to the order of LEGACY_ENCODINGS.
        key=lambda encoding: (-score(sample.decode(encoding, "replace")), encoding != guess),
    )
    for encoding in ranked:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # Letters with their case swapped at random and scripts mixed in every word score
        # below zero: high bytes that are no text in any of these code pages.
        if score(text[: len(sample)]) <= 0:
            break
        return encoding
    raise InputError("cannot tell the text encoding (binary data?); save the file as UTF-8")


def score(text: str) -> int:
    """How much `text` looks like Russian, Kazakh or English: plausible letters minus oddities.

    A wrong Cyrillic code page swaps letter case ("рТЙЧЕФ" is KOI8-R read as cp1251)
    or mixes scripts inside a word ("cafй" is cp1252 read as cp1251).

    >>> score("Привет") > score("рТЙЧЕФ"), score("café") > score("cafй")
    (True, True)
    """
    total = 0
    previous = ""
    for char in text:
        lower = char.lower()
        if lower in RUSSIAN or lower in KAZAKH or lower in LATIN:
            total += 1
            if previous:
                if previous.islower() and char.isupper():
                    total -= 4
                if (lower in LATIN) != (previous.lower() in LATIN):
                    total -= 4
            previous = char
        else:
            if char.isalpha() or char == "\ufffd" or is_control(char) or is_odd_symbol(char):
                total -= 2
            previous = char if char.isalpha() else ""
    return total


def is_odd_symbol(char: str) -> bool:
    """A symbol that text seldom has and a wrong code page often gives ("╢", "≤", "¤")."""
    return not char.isascii() and unicodedata.category(char) in ("So", "Sm", "Sk", "Co", "Cn")


def is_control(char: str) -> bool:
    """A control character other than the whitespace a text file holds."""
    return char not in "\n\r\t\f" and unicodedata.category(char) == "Cc"
