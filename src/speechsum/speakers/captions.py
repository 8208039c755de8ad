"""Caption files (WebVTT, SRT) exported by Zoom, Teams and the like: one turn per speaker.

The maintained parsers (webvtt-py, srt) read timings and voices; offsets into the caption
file's own text come from walking its cue blocks in the same order.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

from speechsum.model import Kind
from speechsum.speakers.people import People

VTT_HEADER = re.compile(r"\ufeff?WEBVTT(?:[ \t][^\n]*)?(?:\n|$)")
SRT_START = re.compile(r"\s*\d+\s*\n\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->")
TIMING = re.compile(r"^[^\n]*-->[^\n]*$", re.MULTILINE)
VOICE_OPEN = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]+)>")
TAG = re.compile(r"</?[a-z][^>]*>")
# "Anna Ivanova: text" or "ANNA:" at the start of a cue's text.
LABEL = re.compile(r"([^\W\d_][\w .'’-]{0,40}?):\s+")


@dataclass(frozen=True)
class CueText:
    """One caption cue: where its words lie in the file, who says them, and when."""

    start: int
    end: int
    speaker: str | None
    label_end: int
    start_time: float
    end_time: float


def caption_kind(text: str) -> str | None:
    """"vtt" or "srt" when the text is a caption file, by its content."""
    if VTT_HEADER.match(text):
        return "vtt"
    if SRT_START.match(text):
        return "srt"
    return None


def read_cues(text: str, kind: str) -> list[CueText]:
    """The cues of a caption file with offsets; [] when the parser rejects it."""
    timings = _parse(text, kind)
    blocks = _blocks(text)
    if timings is None or len(timings) != len(blocks):
        return []
    cues = []
    for (start_time, end_time, voice), (start, end) in zip(timings, blocks, strict=True):
        body_start, body_end, label_end, speaker = _speech_span(text, start, end, voice)
        if body_end > body_start:
            cues.append(CueText(body_start, body_end, speaker, label_end, start_time, end_time))
    return cues


def _parse(text: str, kind: str) -> list[tuple[float, float, str | None]] | None:
    try:
        if kind == "vtt":
            import webvtt

            vtt = webvtt.from_buffer(io.StringIO(text)) if hasattr(webvtt, "from_buffer") else (
                webvtt.WebVTT.from_string(text))
            return [(_seconds(c.start), _seconds(c.end), c.voice or None) for c in vtt.captions]
        import srt

        return [(s.start.total_seconds(), s.end.total_seconds(), None)
                for s in srt.parse(text)]
    except Exception:  # noqa: BLE001 - any parser complaint means "not a caption file we read"
        return None


def _seconds(stamp: str) -> float:
    """"00:01:04.500" or "01:04.500" in seconds (webvtt-py rounds its own to whole seconds)."""
    parts = [float(p) for p in stamp.replace(",", ".").split(":")]
    seconds = 0.0
    for p in parts:
        seconds = seconds * 60 + p
    return round(seconds, 3)


def _blocks(text: str) -> list[tuple[int, int]]:
    """The text lines after each timing line, up to the next blank line."""
    blocks = []
    for m in TIMING.finditer(text):
        start = m.end() + 1
        blank = re.compile(r"\n[ \t]*\n").search(text, start)
        end = blank.start() if blank else len(text)
        blocks.append((min(start, len(text)), max(min(start, len(text)), end)))
    return blocks


def _speech_span(text: str, start: int, end: int,
                 voice: str | None) -> tuple[int, int, int, str | None]:
    """Words of a cue without its voice tag or "Name:" label; the label's end too."""
    body = text[start:end]
    speaker = voice
    skip = 0
    tag = VOICE_OPEN.match(body)
    if tag is not None:
        speaker = speaker or tag.group(1).strip()
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


@dataclass(frozen=True)
class CaptionRaw:
    """A cue's words attributed to a speaker, with the turn it belongs to."""

    start: int
    end: int
    key: str
    kind: Kind
    rule: str
    start_time: float
    end_time: float
    turn: int


def caption_segments(text: str, cues: Sequence[CueText], people: People) -> list[CaptionRaw]:
    """Each cue's words to its voice; consecutive cues of one voice make one turn."""
    raws: list[CaptionRaw] = []
    turn = 0
    previous: str | None = None
    for cue in cues:
        if cue.speaker is None:
            previous = None
            continue
        key = _speaker_key(text, cue, people)
        if key != previous:
            turn += 1
        previous = key
        raws.append(CaptionRaw(cue.start, cue.end, key, Kind.DIRECT, "caption-voice",
                               cue.start_time, cue.end_time, turn))
    return raws


def _speaker_key(text: str, cue: CueText, people: People) -> str:
    name = cue.speaker or ""
    at = text.find(name, cue.start - len(name) - 16 if cue.start > len(name) + 16 else 0,
                   cue.label_end)
    if at >= 0:
        found = people.mentions(at, at + len(name))
        if found:
            return people.register(found[0], subject=True)
    key = "voice:" + name.lower()
    people.labels.setdefault(key, name)
    return key
