"""Bytes to text, done once: read a path or stdin, detect the encoding, normalise newlines."""

from __future__ import annotations

import codecs
import os
import re
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

# What decoding leaves of a code unit that is no character, and the controls (category Cc but
# the whitespace a text file holds) that UTF-16 or UTF-32 text without a BOM never has.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")

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
            decoded = decode_wide_without_bom(data)
        else:
            decoded = decode_utf8(data) or decode_legacy(data)
    # Only the byte-order mark goes, as `utf-8-sig` and `utf-16` drop it: a second U+FEFF is a
    # character of the text (a zero-width no-break space), and offsets count it.
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.replace("\ufeff", "").strip():
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

    NUL bytes in UTF-16 or UTF-32 text follow a byte-order mark or fall where
    `wide_encodings` expects them, and the text they decode to has no control characters.
    """
    found = sniff_binary(head)
    wide = any(head.startswith(bom) for bom, encoding in BOMS if encoding != "utf-8")
    if found or wide or b"\x00" not in head:
        return found
    if any(read_wide(head, encoding) for encoding in wide_encodings(head)):
        return None
    return "a binary file (contains NUL bytes)"


def decode_with_bom(data: bytes) -> Decoded | None:
    """Text decoded by its byte-order mark, or None when there is no BOM.

    Bad bytes are repaired as without a BOM; bytes that are mostly no text in the BOM's
    encoding are refused.
    """
    for bom, encoding in BOMS:
        if not data.startswith(bom):
            continue
        body = data[len(bom) :]
        name = encoding_name(encoding)
        if encoding == "utf-8":
            decoded = decode_utf8(body, marked=True)
        else:
            decoded = read_wide(body, encoding, marked=True)
        if decoded is None:
            at = first_error(body, encoding) + len(bom)
            raise InputError(f"invalid {name} at byte {at} after a {name} byte-order mark")
        return decoded
    return None


def encoding_name(encoding: str) -> str:
    """The name of a Unicode encoding without its byte order, for messages: "UTF-16"."""
    return encoding.upper().removesuffix("-LE").removesuffix("-BE")


def first_error(data: bytes, encoding: str) -> int:
    """The offset of the first byte of `data` that is not text in `encoding`."""
    try:
        data.decode(encoding)
    except UnicodeDecodeError as error:
        return error.start
    return len(data)


def damaged(text: str, bad: list[int]) -> bool:
    """Whether more than one character in ten had to be replaced: bytes that are no text."""
    return len(bad) * 10 > len(text)


def repair_note(name: str, text: str, bad: list[int]) -> str | None:
    """The warning for characters replaced at the sorted offsets `bad` of `text`, if any.

    >>> repair_note("UTF-16", "a\\nb\ufffd\\r\\nc\ufffd", [3, 7])
    '2 invalid UTF-16 sequences replaced with U+FFFD on lines 2-3'
    """
    if not bad:
        return None
    lines = sorted(set(line_numbers(text, bad)))
    sequences = plural(len(bad), f"invalid {name} sequence")
    return f"{sequences} replaced with U+FFFD on {describe_lines(lines)}"


def line_numbers(text: str, offsets: list[int]) -> list[int]:
    """The line, from 1, each of the sorted `offsets` of `text` is on (CR LF, CR or LF end one)."""
    numbers = []
    line, start = 1, 0
    for offset in offsets:
        crlf = text.count("\r\n", start, offset)
        line += text.count("\n", start, offset) + text.count("\r", start, offset) - crlf
        numbers.append(line)
        start = offset
    return numbers


def decode_utf8(data: bytes, marked: bool = False) -> Decoded | None:
    """UTF-8, the common case, or None when the bytes hold no UTF-8 beyond ASCII at all.

    A character cut in two at the end (`head -c 1000 report.txt`) is dropped quietly. Otherwise
    each line is decoded on its own: a file of UTF-8 with a few stray bytes, or with lines
    pasted from a cp1251 file, keeps its UTF-8 and says what it repaired. After a UTF-8
    byte-order mark (`marked`) no UTF-8 characters need prove it UTF-8, and None means
    that more than one character in ten would have to be replaced.
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
    if evidence < UTF8_EVIDENCE and not marked:
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
    repaired = []
    for i in bad:
        if texts[i] is None:
            text = lines[i].decode("utf-8", "replace")
            count = text.count("\ufffd") - lines[i].decode("utf-8", "ignore").count("\ufffd")
            replaced += count
            repaired += [i + 1] if count else []
            texts[i] = text
    whole = "".join(t or "" for t in texts)
    if marked and replaced * 10 > len(whole):
        return None
    if replaced:
        sequences = plural(replaced, "invalid UTF-8 sequence")
        notes.insert(0, f"{sequences} replaced with U+FFFD on {describe_lines(repaired)}")
    return Decoded(whole, "utf-8", "; ".join(notes) or None)


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


def decode_wide_without_bom(data: bytes) -> Decoded:
    """UTF-32 or UTF-16 text without a BOM, told by where its NUL bytes are; else a binary-file
    error."""
    for encoding in wide_encodings(data):
        decoded = read_wide(data, encoding)
        if decoded is not None:
            return decoded
    raise InputError("looks like a binary file (contains NUL bytes), not plain text")


def wide_encodings(data: bytes) -> list[str]:
    """The UTF-32 and UTF-16 byte orders whose pattern of NUL bytes `data` has, UTF-32 first.

    Text mostly in the BMP has NULs in its high bytes: bytes 2 and 3 of every four in UTF-32LE,
    the odd bytes in UTF-16LE (for ASCII); big-endian mirrors that. A low byte is seldom NUL
    ("Ѐ" is 00 04 in UTF-16LE), and a character beyond the BMP (an emoji) is seldom.
    """
    found = []
    units = len(data) // 4
    if units:
        zeros = [data[k : units * 4 : 4].count(0) for k in range(4)]
        if mostly(zeros[2], units) and mostly(zeros[3], units) and seldom(zeros[0], units):
            found.append("utf-32-le")
        if mostly(zeros[0], units) and mostly(zeros[1], units) and seldom(zeros[3], units):
            found.append("utf-32-be")
    end = len(data) // 2 * 2
    even, odd = data[0:end:2].count(0), data[1:end:2].count(0)
    if odd and seldom(even, odd):
        found.append("utf-16-le")
    if even and seldom(odd, even):
        found.append("utf-16-be")
    return found


def mostly(count: int, total: int) -> bool:
    """Whether `count` is at least nine tenths of `total`."""
    return count * 10 >= total * 9


def seldom(count: int, total: int) -> bool:
    """Whether `count` is at most a tenth of `total`."""
    return count * 10 <= total


def read_wide(data: bytes, encoding: str, marked: bool = False) -> Decoded | None:
    """`data` as UTF-16 or UTF-32 text if at most one character in ten had to be replaced.

    Without a byte-order mark (not `marked`) the text must also read as ru/kk/en and hold no
    control characters, which binary data with NULs in the same places gives.
    """
    text, bad = decode_wide(data, encoding)
    if damaged(text, bad):
        return None
    if not marked and (not text or CONTROL.search(text) or score(text[:SAMPLE_BYTES]) <= 0):
        return None
    return Decoded(text, encoding, repair_note(encoding_name(encoding), text, bad))


def decode_wide(data: bytes, encoding: str) -> tuple[str, list[int]]:
    """UTF-16 or UTF-32 text, and the offsets in it where a code unit that is no character was
    replaced with U+FFFD.

    A character cut off at the end (`head -c`: an odd byte, half a surrogate pair) is dropped
    quietly, as in UTF-8.
    """
    width = 4 if encoding.startswith("utf-32") else 2
    data = data[: len(data) - len(data) % width]
    if width == 2:
        # A lone surrogate comes through as itself, so that it can be found and replaced.
        text = data.decode(encoding, "surrogatepass")
        if text and "\ud800" <= text[-1] <= "\udbff":
            text = text[:-1]  # half a pair: the other half was cut off
        bad = [found.start() for found in LONE_SURROGATE.finditer(text)]
        return LONE_SURROGATE.sub("\ufffd", text), bad
    # Four bytes a character: U+FFFD at offset i replaced bytes 4i to 4i+3, unless they spell it.
    text = data.decode(encoding, "replace")
    written = "\ufffd".encode(encoding)
    bad = []
    at = text.find("\ufffd")
    while at >= 0:
        if data[4 * at : 4 * at + 4] != written:
            bad.append(at)
        at = text.find("\ufffd", at + 1)
    return text, bad


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
