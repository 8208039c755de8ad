"""The speakers of a digest as a table (`speechsum speakers`): who speaks, how much, how much of
it in their own quoted words, and where they first do; in every output format."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypedDict

from speechsum.model import Digest, Kind
from speechsum.render import one_line
from speechsum.render.json import dump
from speechsum.render.markdown import escape

COLUMNS = ("speaker", "role", "also named", "segments", "words", "quoted", "first at")


@dataclass(frozen=True)
class SpeakerRow:
    """One speaker's line: `quoted` is the share of their words given as direct quotes, and
    `first` the offset where their first segment starts."""

    id: str
    name: str
    role: str
    aliases: tuple[str, ...]
    segments: int
    words: int
    quoted: float
    first: int | None


class SpeakerRowJSON(TypedDict):
    id: str
    name: str
    role: str
    aliases: list[str]
    segments: int
    words: int
    quoted: float
    first: int | None


class SpeakersJSON(TypedDict):
    source: str | None
    language: str
    speakers: list[SpeakerRowJSON]


def speaker_rows(digest: Digest) -> list[SpeakerRow]:
    """The rows, in the digest's order of speakers (their first appearance)."""
    direct: dict[str, int] = {}
    spoken: dict[str, int] = {}
    first: dict[str, int] = {}
    for segment in digest.segments:
        words = len(segment.text.split())
        spoken[segment.speaker] = spoken.get(segment.speaker, 0) + words
        if segment.kind is Kind.DIRECT:
            direct[segment.speaker] = direct.get(segment.speaker, 0) + words
        first.setdefault(segment.speaker, segment.start)
    rows = []
    for item in digest.speakers:
        sid = item.speaker.id
        share = direct.get(sid, 0) / spoken[sid] if spoken.get(sid) else 0.0
        rows.append(SpeakerRow(sid, item.speaker.name, item.speaker.role, item.speaker.aliases,
                               item.segments, item.words, round(share, 3), first.get(sid)))
    return rows


def cells(row: SpeakerRow) -> list[str]:
    """A row as the human views show it."""
    return [one_line(row.name), one_line(row.role), ", ".join(one_line(a) for a in row.aliases),
            str(row.segments), str(row.words), f"{row.quoted:.0%}",
            "" if row.first is None else str(row.first)]


def render_speakers_text(digests: Sequence[Digest]) -> str:
    """Each digest's speakers as columns padded to their widest cell."""
    blocks = []
    for digest in digests:
        table = [list(COLUMNS), *(cells(r) for r in speaker_rows(digest))]
        widths = [max(len(line[k]) for line in table) for k in range(len(COLUMNS))]
        lines = ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip()
                 for line in table]
        blocks.append("\n".join([one_line(digest.source or "<text>"), *lines]) + "\n")
    return "\n".join(blocks)


def render_speakers_markdown(digests: Sequence[Digest]) -> str:
    """Each digest's speakers as a Markdown table; cells escaped so none adds a column."""
    blocks = []
    for digest in digests:
        lines = [f"# {escape(digest.source or 'Speakers')}", "",
                 "| " + " | ".join(COLUMNS) + " |", "|" + " --- |" * len(COLUMNS)]
        lines += ["| " + " | ".join(escape(c) for c in cells(r)) + " |"
                  for r in speaker_rows(digest)]
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def speakers_to_json(digest: Digest) -> SpeakersJSON:
    """The wire shape of one digest's speaker table."""
    return SpeakersJSON(
        source=digest.source,
        language=digest.language.value,
        speakers=[SpeakerRowJSON(id=r.id, name=r.name, role=r.role, aliases=list(r.aliases),
                                 segments=r.segments, words=r.words, quoted=r.quoted,
                                 first=r.first) for r in speaker_rows(digest)],
    )


def render_speakers_json(digests: Sequence[Digest], several: bool, lines: bool) -> str:
    """JSON: one object, an array for several inputs, or one line per input (`lines`)."""
    shapes = [speakers_to_json(d) for d in digests]
    if lines:
        return "".join(dump(s) + "\n" for s in shapes)
    return dump(shapes if several else shapes[0], indent=2) + "\n"
