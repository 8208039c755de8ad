"""`speechsum show`: the source text with each speaker's words marked, cues and narration
set apart, and with `explain` the sieves that found each segment and its speaker.

The text is cut into pieces once (`pieces`); the text view marks them with brackets and the
HTML view with one class per speaker. The rich view is in `terminal.py`, the only module that
imports rich.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from speechsum.model import Digest, Segment, Speaker
from speechsum.render import printable

# Colours for the speakers in order of appearance, readable on light and dark backgrounds.
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b",
           "#e377c2", "#bcbd22", "#7f7f7f")


@dataclass(frozen=True)
class Piece:
    """A stretch of the source: a speaker's words (`segment` is its index), a cue, or
    narration."""

    start: int
    end: int
    role: str  # "speech", "cue" or "narration"
    speaker: str | None = None
    segment: int | None = None


def pieces(text: str, digest: Digest, only: set[str] | None = None) -> list[Piece]:
    """The whole text as pieces in order; with `only`, the segments of other speakers read as
    narration."""
    marked: list[Piece] = []
    for k, seg in enumerate(digest.segments):
        if only is None or seg.speaker in only:
            marked.append(Piece(seg.start, seg.end, "speech", seg.speaker, k))
            if seg.cue is not None:
                marked.append(Piece(seg.cue.start, seg.cue.end, "cue", seg.speaker, k))
    marked.sort(key=lambda p: (p.start, p.role != "speech"))
    out: list[Piece] = []
    pos = 0
    for piece in marked:
        start = max(piece.start, pos)
        if start >= piece.end:
            continue  # a cue inside its own segment, or one read twice
        if start > pos:
            out.append(Piece(pos, start, "narration"))
        out.append(Piece(start, piece.end, piece.role, piece.speaker, piece.segment))
        pos = piece.end
    if pos < len(text):
        out.append(Piece(pos, len(text), "narration"))
    return out


def pick_speakers(digest: Digest, name: str) -> set[str]:
    """The ids of the speakers called `name`, or with it among their other names or as their
    surname ("Громова" for "Нина Громова"), any case."""
    wanted = name.casefold()
    found = set()
    for item in digest.speakers:
        names = [n.casefold() for n in (item.speaker.name, *item.speaker.aliases)]
        if wanted in names or wanted in {n.split()[-1] for n in names if n.split()}:
            found.add(item.speaker.id)
    return found


def speakers_by_id(digest: Digest) -> dict[str, tuple[int, Speaker]]:
    return {item.speaker.id: (k, item.speaker) for k, item in enumerate(digest.speakers)}


def evidence(segment: Segment) -> str:
    """Which sieve found the speech, which named its speaker, and the cue it read."""
    said = f"{segment.rule} ← {segment.source_rule or '-'}"
    if segment.cue is not None:
        said += f", cue “{' '.join(printable(segment.cue.text).split())}”"
    return said


def render_show_text(text: str, digest: Digest, only: set[str] | None = None,
                     explain: bool = False) -> str:
    """The text with each speaker's words in "[Name] ... [/]", cues in "{...}"."""
    names = speakers_by_id(digest)
    out = []
    for piece in pieces(text, digest, only):
        words = printable(text[piece.start : piece.end])
        if piece.role == "speech" and piece.speaker is not None and piece.segment is not None:
            tag = f" ({evidence(digest.segments[piece.segment])})" if explain else ""
            out.append(f"[{printable(names[piece.speaker][1].name)}{tag}] {words} [/]")
        elif piece.role == "cue":
            out.append("{" + words + "}")
        else:
            out.append(words)
    return "".join(out).rstrip("\n") + "\n"


def render_show_html(text: str, digest: Digest, only: set[str] | None = None,
                     explain: bool = False) -> str:
    """One self-contained HTML page: inline CSS, no scripts, one class per speaker."""
    names = speakers_by_id(digest)
    styles = [f".speaker-{sid} {{ color: {PALETTE[k % len(PALETTE)]}; font-weight: 600; }}"
              for sid, (k, _) in names.items()]
    legend = " ".join(
        f'<span class="speaker-{sid}">{html.escape(speaker.name)}</span>'
        for sid, (_, speaker) in names.items() if only is None or sid in only)
    body = []
    for piece in pieces(text, digest, only):
        words = html.escape(printable(text[piece.start : piece.end]))
        if piece.role == "speech" and piece.speaker is not None and piece.segment is not None:
            why = evidence(digest.segments[piece.segment])
            tag = f'<small class="explain">{html.escape(why)}</small>' if explain else ""
            body.append(f'<span class="speaker-{piece.speaker}" title="{html.escape(why)}">'
                        f"{words}</span>{tag}")
        else:
            body.append(f'<span class="{piece.role}">{words}</span>')
    title = html.escape(digest.source or "speechsum")
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="' + digest.language.value + '">', "<head>",
        '<meta charset="utf-8">', f"<title>{title}</title>", "<style>",
        "body { font-family: sans-serif; max-width: 50em; margin: 2em auto; line-height: 1.5; }",
        ".text { white-space: pre-wrap; } .cue { color: #777; font-style: italic; }",
        ".narration { color: #555; } .explain { color: #888; margin: 0 0.3em; }",
        *styles, "</style>", "</head>", "<body>", f"<h1>{title}</h1>",
        f'<p class="legend">{legend}</p>', f'<div class="text">{"".join(body)}</div>',
        "</body>", "</html>", ""])


def speaker_ids(digest: Digest, names: Sequence[str]) -> set[str] | None:
    """The speakers `--speaker` keeps (None: all of them)."""
    if not names:
        return None
    found: set[str] = set()
    for name in names:
        found |= pick_speakers(digest, name)
    return found
