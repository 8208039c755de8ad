"""A digest as plain text, for pipes and files; also what `rich` falls back to off a terminal."""

from __future__ import annotations

from speechsum.model import Digest, Kind, Span, SpeakerDigest
from speechsum.render import REPORTED, Sources, as_said, one_line
from speechsum.render.markdown import counts, describe
from speechsum.render.timing import stamp


def render_text(digest: Digest) -> str:
    """The digest as plain text."""
    lines = [one_line(digest.source or "<text>"), describe(digest), ""]
    if not digest.speakers:
        lines += ["No speakers found.", ""]
    sources = Sources(digest)
    for item in digest.speakers:
        lines += render_speaker(item, digest, sources)
    if digest.narration is not None:
        lines += ["Narration", *bullets(digest.narration), ""]
    return "\n".join(lines)


def render_speaker(item: SpeakerDigest, digest: Digest,
                   sources: Sources | None = None) -> list[str]:
    """One speaker's block: name and role, aliases, counts, summary (quoted words in
    quotation marks, a paraphrase tagged "(reported)")."""
    sources = sources or Sources(digest)
    speaker = item.speaker
    lines = [one_line(speaker.name) + (f" - {one_line(speaker.role)}" if speaker.role else "")]
    if speaker.aliases:
        lines.append("Also named: " + ", ".join(one_line(a) for a in speaker.aliases))
    lines.append(counts(item))
    if item.keywords:
        lines.append("About: " + ", ".join(one_line(k) for k in item.keywords))
    for span in item.summary:
        kind = sources.kind(span)
        tag = f" ({REPORTED})" if kind is Kind.INDIRECT else ""
        lines.append(f"  - {stamp(digest, span)}{as_said(span.text, kind, digest.language)}{tag}")
    return [*lines, ""]


def bullets(spans: tuple[Span, ...]) -> list[str]:
    """Summary sentences as indented list items."""
    return [f"  - {one_line(span.text)}" for span in spans]
