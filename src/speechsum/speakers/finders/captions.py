"""Caption files (WebVTT, SRT) exported by Zoom, Teams and the like: one turn per speaker.

Read cue by cue, so that one cue that cannot be read is skipped with a warning naming its
line and the others keep their voices and times; a file most of whose cues cannot be read
is read as plain text, with one warning. Offsets point into the caption file's own text.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from speechsum.model import Kind
from speechsum.speakers.claims import Claim, Cue, CueKind
from speechsum.speakers.document import Doc

VTT_HEADER = re.compile(r"\ufeff?WEBVTT(?:[ \t][^\n]*)?(?:\r?\n|$)")
# "00:01:04.500", "01:04.500", "00:01:04,500" (SRT); the hours may run long, as WebVTT allows.
STAMP = r"(?:(\d+):)?(\d{1,2}):(\d{1,2}[.,]\d{1,3})"
# "00:00:01.000 --> 00:00:04.000 align:start", SRT's "... X1:40 X2:600" too.
TIMING = re.compile(rf"[ \t]*{STAMP}[ \t]*-->[ \t]*{STAMP}(?=\s|$)")
# What a timing line that cannot be read still looks like: "00:00:01.000 -> 00:00:02.000".
TIMING_LIKE = re.compile(r"-+>|\d:\d\d")
# Blocks of a WebVTT file that hold no speech.
VTT_OTHER = re.compile(r"\ufeff?(?:WEBVTT|NOTE|STYLE|REGION)(?:\s|$)")
INDEX = re.compile(r"\ufeff?\s*\d+\s*")
VOICE_OPEN = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]+)>")
# "Anna Ivanova: text" or "ANNA:" at the start of a cue's text.
LABEL = re.compile(r"([^\W\d_][\w .'’-]{0,40}?):\s+")

# Times past this are no recording's: "99999999:00:00.000".
MAX_SECONDS = 1000 * 3600
# The first lines an SRT file's first cues lie in, where its kind is told.
SRT_PROBE_LINES = 40
SRT_PROBE_BLOCKS = 3
# Warnings for single cues before the rest are counted in one line.
LISTED_PROBLEMS = 5

# A line of the text: its number (from 1) and its offsets, without the "\n".
Line = tuple[int, int, int]


@dataclass(frozen=True)
class CueText:
    """One caption cue: where its words lie in the file, who says them, and when."""

    start: int
    end: int
    speaker: str | None
    label_end: int
    start_time: float
    end_time: float


@dataclass(frozen=True)
class Problem:
    """A block of a caption file read as no cue: the line it starts at, and why."""

    line: int
    reason: str


@dataclass(frozen=True)
class Captions:
    """A caption file read cue by cue: the cues with words, and what could not be read."""

    cues: tuple[CueText, ...] = ()
    warnings: tuple[str, ...] = ()


NOT_CAPTIONS = Captions()


def caption_kind(text: str) -> str | None:
    """"vtt" or "srt" when the text is a caption file, by its content: the WebVTT header, or
    an SRT cue among the first blocks (the first cue may be the broken one)."""
    if VTT_HEADER.match(text):
        return "vtt"
    probe = text[: _line_offset(text, SRT_PROBE_LINES)]
    first = itertools.islice(split_blocks(probe, "srt"), SRT_PROBE_BLOCKS)
    return "srt" if any(_timing(probe, block) is not None for block in first) else None


@functools.lru_cache(maxsize=4)
def read_captions(text: str) -> Captions:
    """The cues of a caption file and the warnings about those it skipped; no cues when the
    text is no caption file, or when most of its cues cannot be read (it is plain text then).

    >>> text = "WEBVTT\\n\\n00:01.000 --> 00:02.000\\n<v Anna>Hi.\\n\\n-> 00:03\\nBye.\\n"
    >>> captions = read_captions(text)
    >>> [(text[c.start : c.end], c.speaker, c.start_time) for c in captions.cues]
    [('Hi.', 'Anna', 1.0)]
    >>> captions.warnings
    ('caption cue at line 6 skipped: its timing line cannot be read',)
    """
    kind = caption_kind(text)
    if kind is None:
        return NOT_CAPTIONS
    cues: list[CueText] = []
    problems: list[Problem] = []
    read = 0
    for block in split_blocks(text, kind):
        found = read_cue(text, block, kind)
        if isinstance(found, Problem):
            problems.append(found)
            continue
        if found is not None:
            read += 1
            if found.end > found.start:  # not "00:00:01.000 --> 00:00:02.000" alone
                cues.append(found)
    if len(problems) > read:
        return Captions((), (_unreadable(problems, read),))
    return Captions(tuple(cues), skipped(problems))


def caption_warnings(text: str) -> tuple[str, ...]:
    """What reading `text` as a caption file had to skip; () for other texts."""
    return read_captions(text).warnings


def caption_cues(doc: Doc) -> tuple[CueText, ...]:
    """The cues when the text is a caption file the parser reads; else none."""
    return doc.memo("captions", lambda: read_captions(doc.text).cues)


def split_blocks(text: str, kind: str) -> Iterator[list[Line]]:
    """The runs of non-blank lines; a timing line that cannot belong to the run before it
    starts a new one, with the index above it ("Bye.\\n2\\n00:00:03,000 --> ..."), as
    WebVTT reads a cue whose blank line is missing."""
    block: list[Line] = []
    header = kind == "vtt"
    for line in _lines(text):
        number, start, end = line
        if not text[start:end].strip():
            if block:
                yield block
                block, header = [], False
            continue
        if block and _starts_cue(text, block, line, header):
            carried = block[-1:] if len(block) > 1 and _is_index(text, block[-1]) else []
            yield block[: len(block) - len(carried)]
            block, header = carried, False
        block.append(line)
    if block:
        yield block


def read_cue(text: str, block: Sequence[Line], kind: str) -> CueText | Problem | None:
    """The cue a block holds (its words may be none), a Problem when it holds one that
    cannot be read, or None for a block that is no cue (the header, a NOTE)."""
    number, first_start, first_end = block[0]
    if kind == "vtt" and VTT_OTHER.match(text, first_start, first_end):
        return None
    found = _timing(text, block)
    if found is None:
        looks = any(TIMING_LIKE.search(text, s, e) for _, s, e in block[:2])
        reason = "its timing line cannot be read" if looks else "it has no timing line"
        return Problem(number, reason)
    at, timing = found
    start_time, end_time = _seconds(*timing.group(1, 2, 3)), _seconds(*timing.group(4, 5, 6))
    if max(start_time, end_time) > MAX_SECONDS:
        return Problem(number, f"its time is past {MAX_SECONDS // 3600} hours")
    body_start = block[at + 1][1] if at + 1 < len(block) else block[at][2]
    s, e, label_end, speaker = _speech_span(text, body_start, block[-1][2])
    return CueText(s, e, speaker, label_end, start_time, end_time)


def skipped(problems: Sequence[Problem]) -> tuple[str, ...]:
    """One warning per skipped cue, the first few; then how many more."""
    warnings = [f"caption cue at line {p.line} skipped: {p.reason}"
                for p in problems[:LISTED_PROBLEMS]]
    rest = problems[LISTED_PROBLEMS:]
    if rest:
        cues = "cue" if len(rest) == 1 else "cues"
        warnings.append(f"{len(rest)} more caption {cues} skipped, the last at line "
                        f"{rest[-1].line}")
    return tuple(warnings)


def _unreadable(problems: Sequence[Problem], read: int) -> str:
    total = len(problems) + read
    return (f"most caption cues cannot be read ({len(problems)} of {total}, the first at line "
            f"{problems[0].line}: {problems[0].reason}); the file is read as plain text")


def _lines(text: str) -> Iterator[Line]:
    start = 0
    number = 1
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        yield number, start, end
        start = end + 1
        number += 1


def _line_offset(text: str, count: int) -> int:
    """Where line `count` ends, or the text's end."""
    at = -1
    for _ in range(count):
        at = text.find("\n", at + 1)
        if at < 0:
            return len(text)
    return at


def _starts_cue(text: str, block: Sequence[Line], line: Line, header: bool) -> bool:
    """Whether a line opens a cue of its own rather than going on with `block`: a timing line
    after the header, after a cue's timing line, or after more than an identifier."""
    _, start, end = line
    if not TIMING.match(text, start, end):
        return False
    return header or len(block) > 1 or TIMING.match(text, block[0][1], block[0][2]) is not None


def _timing(text: str, block: Sequence[Line]) -> tuple[int, re.Match[str]] | None:
    """A block's timing line, which of its lines it is too: the first, or the one after an
    identifier (an SRT index, even one that is no number)."""
    for at, (_, start, end) in enumerate(block[:2]):
        timing = TIMING.match(text, start, end)
        if timing is not None:
            return at, timing
    return None


def _is_index(text: str, line: Line) -> bool:
    return INDEX.fullmatch(text, line[1], line[2]) is not None


def _seconds(hours: str | None, minutes: str, seconds: str) -> float:
    """"00:01:04.500" in seconds; hours too many to count are past any limit."""
    if hours is not None and len(hours) > 9:
        return float("inf")
    total = int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds.replace(",", "."))
    return round(total, 3)


def _speech_span(text: str, start: int, end: int) -> tuple[int, int, int, str | None]:
    """Words of a cue without its voice tag or "Name:" label; the label's end too."""
    body = text[start:end]
    speaker = None
    skip = 0
    tag = VOICE_OPEN.match(body)
    if tag is not None:
        speaker = tag.group(1).strip()
        skip = tag.end()
    else:
        label = LABEL.match(body)
        if label is not None and _name_like(label.group(1)):
            speaker = label.group(1).strip()
            skip = label.end()
    s = start + skip
    e = end
    closing = text.rfind("</v>", s, e)
    if closing >= 0:
        e = closing
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e, start + skip, speaker


def _name_like(label: str) -> bool:
    words = label.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words if w.isalpha())


def caption_voice(doc: Doc) -> Iterator[Claim]:
    """Each cue's words, with the voice that says them as its cue; a cue with no voice is a
    claim with no cue, so that it ends the turn before it."""
    for cue in caption_cues(doc):
        voice = None
        if cue.speaker is not None:
            name = cue.speaker
            at = doc.text.find(name, max(0, cue.start - len(name) - 16), cue.label_end)
            if at >= 0:
                voice = Cue(at, at + len(name), CueKind.VOICE)
        yield Claim(cue.start, cue.end, Kind.DIRECT, "caption-voice", voice,
                    times=(cue.start_time, cue.end_time))
