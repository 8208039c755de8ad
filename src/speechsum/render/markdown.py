"""A digest as Markdown: a title, one section per speaker with bulleted summary sentences."""

from __future__ import annotations

import re

from speechsum.model import Digest, Kind, Span, SpeakerDigest
from speechsum.render import REPORTED, Sources, as_said, one_line, plural
from speechsum.render.timing import stamp

# Characters that would turn quoted speech into emphasis, links, code or HTML.
_MARKUP = re.compile(r"([\\`*_\[\]<>|#])")
# What would start a list, a quote block or a heading rule at the start of a line.
_LINE_START = re.compile(r"^(?=[-+=>~])")
_NUMBERED = re.compile(r"^(\d+)([.)])")


def render_markdown(digest: Digest) -> str:
    """The digest as a Markdown document."""
    lines = [f"# {escape(digest.source or 'Digest')}", "", describe(digest), ""]
    if not digest.speakers:
        lines += ["No speakers found.", ""]
    sources = Sources(digest)
    for item in digest.speakers:
        lines += render_speaker(item, digest, sources)
    if digest.narration is not None:
        lines += ["## Narration", "", *bullets(digest.narration), ""]
    return "\n".join(lines)


def render_speaker(item: SpeakerDigest, digest: Digest,
                   sources: Sources | None = None) -> list[str]:
    """One speaker's section; caption files show when each sentence is said; quoted words
    in quotation marks, a paraphrase tagged "(reported)"."""
    sources = sources or Sources(digest)
    speaker = item.speaker
    heading = escape(speaker.name) + (f" - {escape(speaker.role)}" if speaker.role else "")
    lines = [f"## {heading}", ""]
    if speaker.aliases:
        lines += ["Also named: " + ", ".join(escape(a) for a in speaker.aliases), ""]
    said = []
    for span in item.summary:
        kind = sources.kind(span)
        tag = f" *({REPORTED})*" if kind is Kind.INDIRECT else ""
        line = escape(as_said(span.text, kind, digest.language))
        said.append(f"- {stamp(digest, span)}{line}{tag}")
    lines += [*said, ""] if said else []
    lines += [counts(item), ""]
    if item.keywords:
        lines += ["About: " + ", ".join(escape(k) for k in item.keywords), ""]
    return lines


def bullets(spans: tuple[Span, ...]) -> list[str]:
    """Summary sentences as Markdown list items."""
    return [f"- {escape(span.text)}" for span in spans]


def describe(digest: Digest) -> str:
    """Language, algorithm and number of speakers, on one line."""
    return (
        f"Language: {digest.language.value} · algorithm: {digest.algorithm} · "
        f"{plural(len(digest.speakers), 'speaker')}"
    )


def counts(item: SpeakerDigest) -> str:
    """A speaker's segment, sentence and word counts."""
    return ", ".join(
        [
            plural(item.segments, "segment"),
            plural(item.sentences, "sentence"),
            plural(item.words, "word"),
        ]
    )


def escape(text: str) -> str:
    """`text` on one line with Markdown syntax characters escaped, and what would open a
    list, a block quote or a rule at its start ("- - В Послании ...", "1990. Год").

    >>> escape("a *b* [c](d)")
    'a \\\\*b\\\\* \\\\[c\\\\](d)'
    """
    line = _MARKUP.sub(r"\\\1", one_line(text))
    return _NUMBERED.sub(r"\1\\\2", _LINE_START.sub("\\\\", line))
