"""Bytes to text, done once: read a path or stdin, detect the encoding, normalise newlines."""

from __future__ import annotations

import codecs
import os
import stat
import sys
import unicodedata

DEFAULT_MAX_BYTES = 50_000_000

# Legacy encodings a ru/kk/en report plausibly comes in; charset-normalizer guesses wildly
# (shift_jis for short KOI8-R text) when it may choose among all codecs.
LEGACY_ENCODINGS = ("cp1251", "koi8_r", "kz1048", "cp1252", "cp866", "mac_cyrillic", "iso8859_5")

# Enough text to tell the candidates apart without scoring a 50 MB file character by character.
SAMPLE_BYTES = 16 * 1024

BOMS = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

MAGIC = (
    (0, b"%PDF-", "a PDF file"),
    (0, b"PK\x03\x04", "a ZIP archive (.docx/.xlsx?)"),
    (0, b"PK\x05\x06", "an empty ZIP archive"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (.doc/.xls?)"),
    (0, b"{\\rtf", "an RTF document (save it as plain text)"),
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
            data = stream.read(max_bytes + 1)
    except OSError as error:
        raise InputError(describe_os_error(error), path) from None
    if len(data) > max_bytes:
        raise InputError(too_large(max_bytes), path)
    return data


def read_stdin(max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of standard input, at most `max_bytes` of them."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("standard input is closed", "<stdin>")
    try:
        data: bytes = stream.read(max_bytes + 1)
    except OSError as error:
        raise InputError(describe_os_error(error), "<stdin>") from None
    if len(data) > max_bytes:
        raise InputError(too_large(max_bytes), "<stdin>")
    return data


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
    if not data:
        raise InputError("input is empty")
    binary = sniff_binary(data)
    if binary:
        raise InputError(f"looks like {binary}, not plain text")
    text = decode_with_bom(data)
    if text is None:
        text = decode_utf8(data) if b"\x00" not in data else decode_utf16_without_bom(data)
    if text is None:
        text = decode_legacy(data)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("input contains only whitespace" if text else "input is empty")
    return text


def sniff_binary(data: bytes) -> str | None:
    """What a binary file looks like, judged by its magic number."""
    for offset, magic, name in MAGIC:
        if data.startswith(magic, offset):
            return name
    return None


def decode_with_bom(data: bytes) -> str | None:
    """Text decoded by its byte-order mark, or None when there is no BOM."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as error:
                name = encoding.upper().removesuffix("-LE").removesuffix("-BE")
                at = error.start + len(bom)
                raise InputError(
                    f"invalid {name} at byte {at} after a {name} byte-order mark"
                ) from None
    return None


def decode_utf8(data: bytes) -> str | None:
    """UTF-8, the common case, or None when the bytes are not mostly UTF-8.

    A character cut in two at the end (`head -c 1000 report.txt`) is dropped, and a few stray
    bytes among many valid multi-byte characters become U+FFFD; a single-byte code page
    practically never forms valid UTF-8 sequences, so it still falls through to detection.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.end == len(data) and error.reason == "unexpected end of data":
            return data[: error.start].decode("utf-8")
    text = data.decode("utf-8", "replace")
    damaged = text.count("\ufffd")
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - damaged
    return text if damaged * 10 <= multibyte else None


def decode_utf16_without_bom(data: bytes) -> str:
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
                return text
    raise InputError("looks like a binary file (contains NUL bytes), not plain text")


def decode_legacy(data: bytes) -> str:
    """Text in a single-byte code page chosen by charset-normalizer and checked by `score`."""
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
        if guess is None and score(text[: len(sample)]) <= 0:
            break
        return text
    raise InputError("cannot tell the text encoding; save the file as UTF-8")


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
            if char.isalpha() or char == "\ufffd" or is_control(char):
                total -= 2
            previous = char if char.isalpha() else ""
    return total


def is_control(char: str) -> bool:
    """A control character other than the whitespace a text file holds."""
    return char not in "\n\r\t\f" and unicodedata.category(char) == "Cc"
