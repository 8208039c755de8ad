"""Caption files (WebVTT, SRT) exported by Zoom, Teams and the like: one turn per speaker.

The maintained parsers (webvtt-py, srt) read timings and voices; offsets into the caption
file's own text come from walking its cue blocks in the same order.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

from speechsum.model import Kind
from speechsum.speakers.claims import Claim, Cue, CueKind
from speechsum.speakers.document import Doc

VTT_HEADER = re.compile(r"\ufeff?WEBVTT(?:[ \t][^\n]*)?(?:\n|$)")
SRT_START = re.compile(r"\s*\d+\s*\n\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->")
TIMING = re.compile(r"^[^\n]*-->[^\n]*$", re.MULTILINE)
VOICE_OPEN = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]+)>")
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


def caption_cues(doc: Doc) -> list[CueText]:
    """The cues when the text is a caption file the parsers read; else none."""
    return doc.memo("captions", lambda: _caption_cues(doc.text))


def _caption_cues(text: str) -> list[CueText]:
    kind = caption_kind(text)
    return [] if kind is None else read_cues(text, kind)


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
