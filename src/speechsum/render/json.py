"""The JSON wire shape (schema_version 3) and its renderers: `json`, `jsonl` and arrays."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from typing import TypedDict

from speechsum import __version__
from speechsum.model import Digest, DigestOptions, Segment, Span, SpeakerDigest
from speechsum.render import Sources

SCHEMA_VERSION = 3
# Unicode line breaks that json.dumps leaves raw when not escaping to ASCII.
LINE_BREAKS = re.compile("[\u2028\u2029\x85]")
# The characters of indented JSON written at a time.
CHUNK = 1 << 16


class SpanJSON(TypedDict):
    text: str
    start: int
    end: int


class SummaryJSON(SpanJSON):
    kind: str | None  # "direct" (the speaker's words) or "indirect" (the reporter's)
    segment: int | None  # the index in `segments` of the segment it comes from


class SpeakerJSON(TypedDict):
    id: str
    name: str
    role: str
    aliases: list[str]
    segments: int
    sentences: int
    words: int
    keywords: list[str]  # what they talked about, best first
    summary: list[SummaryJSON]


class CaptionTimesJSON(TypedDict, total=False):
    # Present for caption files only: seconds from the start, and the speaker's turn.
    start_time: float
    end_time: float
    turn: int


class SegmentJSON(CaptionTimesJSON):
    speaker: str
    kind: str
    rule: str  # the sieve that found the speech
    source_rule: str | None  # the sieve that named its speaker
    cue: SpanJSON | None  # the reporting clause, label or verb that rule read
    start: int
    end: int
    text: str


class NarrationJSON(TypedDict):
    summary: list[SpanJSON]


class OptionsJSON(TypedDict):
    language: str  # as asked: "auto" or a language
    algorithm: str
    engine: str
    sentences: int
    ratio: float | None
    topic: list[str]
    narration: bool


class ExtractedJSON(TypedDict, total=False):
    # Present for converted inputs (pages, documents) only: the text the offsets refer to.
    text: str


class DigestJSON(ExtractedJSON):
    schema_version: int
    speechsum_version: str
    source: str | None
    input_format: str  # "text", "html" or "docx"
    options: OptionsJSON
    language: str
    algorithm: str
    speakers: list[SpeakerJSON]
    segments: list[SegmentJSON]
    narration: NarrationJSON | None


class ErrorJSON(TypedDict):
    # In JSON lines, an input that could not be digested: one line per input all the same.
    schema_version: int
    speechsum_version: str
    source: str | None
    error: str


def error_to_json(source: str | None, message: str) -> ErrorJSON:
    """The record of an input that could not be digested."""
    return ErrorJSON(schema_version=SCHEMA_VERSION, speechsum_version=__version__,
                     source=source, error=message)


def render_error_jsonl(source: str | None, message: str) -> str:
    """That record as one line of JSON."""
    return dump(error_to_json(source, message)) + "\n"


def render_json(digest: Digest) -> str:
    """One digest as indented JSON."""
    return "".join(render_json_chunks(digest))


def render_json_chunks(digest: Digest) -> Iterator[str]:
    """`render_json` a piece at a time, for a writer that need not hold it all."""
    yield from dump_chunks(digest_to_json(digest), indent=2)
    yield "\n"


def render_jsonl(digest: Digest) -> str:
    """One digest as a single line of JSON."""
    return dump(digest_to_json(digest)) + "\n"


def render_json_array(digests: Sequence[Digest]) -> str:
    """Several digests as an indented JSON array."""
    return "".join(render_json_array_chunks(digests))


def render_json_array_chunks(digests: Sequence[Digest]) -> Iterator[str]:
    """`render_json_array` a piece at a time."""
    yield from dump_chunks([digest_to_json(d) for d in digests], indent=2)
    yield "\n"


def dump(value: object, indent: int | None = None) -> str:
    r"""JSON keeping Cyrillic readable; compact separators when on one line.

    The line breaks JSON lets a string hold raw (U+2028, U+2029, U+0085) are escaped, so that
    a JSONL line stays one line for readers that split on any Unicode line break:

    >>> dump({"text": "a\u2028b\x85c"})
    '{"text":"a\\u2028b\\u0085c"}'
    """
    if indent:
        return "".join(dump_chunks(value, indent))
    dumped = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    # Outside strings JSON allows only ASCII whitespace, so each of these is inside a string.
    return escape_line_breaks(dumped)


def escape_line_breaks(dumped: str) -> str:
    """U+2028, U+2029 and U+0085 as \\u escapes (searched for, not mapped character by
    character: str.translate takes seconds over a digest of 10 MB that has none)."""
    if LINE_BREAKS.search(dumped) is None:
        return dumped
    return LINE_BREAKS.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def dump_chunks(value: object, indent: int) -> Iterator[str]:
    """Indented JSON as `dump` writes it, in pieces of about CHUNK characters: json.dumps
    would hold every small piece of the encoding in a list before joining them (some 120 MB
    for a digest of 70,000 segments), and the joined text a second time to escape it."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=indent, separators=(",", ": "))
    pieces: list[str] = []
    size = 0
    for piece in encoder.iterencode(value):
        pieces.append(piece)
        size += len(piece)
        if size >= CHUNK:
            yield escape_line_breaks("".join(pieces))
            pieces.clear()
            size = 0
    if pieces:
        yield escape_line_breaks("".join(pieces))


def digest_to_json(digest: Digest) -> DigestJSON:
    """The wire shape of a digest."""
    narration = None
    sources = Sources(digest)
    if digest.narration is not None:
        narration = NarrationJSON(summary=[span_to_json(s) for s in digest.narration])
    wire = DigestJSON(
        schema_version=SCHEMA_VERSION,
        speechsum_version=__version__,
        source=digest.source,
        input_format=digest.input_format,
        options=options_to_json(digest.options or DigestOptions(algorithm=digest.algorithm)),
        language=digest.language.value,
        algorithm=digest.algorithm,
        speakers=[speaker_to_json(s, sources) for s in digest.speakers],
        segments=[segment_to_json(s) for s in digest.segments],
        narration=narration,
    )
    if digest.text is not None:
        wire["text"] = digest.text
    return wire


def options_to_json(options: DigestOptions) -> OptionsJSON:
    """The options a digest was made with."""
    return OptionsJSON(
        language=options.language.value if options.language else "auto",
        algorithm=options.algorithm,
        engine=options.engine,
        sentences=options.sentences,
        ratio=options.ratio,
        topic=list(options.topic),
        narration=options.narration,
    )


def speaker_to_json(item: SpeakerDigest, sources: Sources | None = None) -> SpeakerJSON:
    """The wire shape of one speaker's digest; each summary sentence with the kind and the
    index of the segment it comes from (when `sources` tells)."""
    return SpeakerJSON(
        id=item.speaker.id,
        name=item.speaker.name,
        role=item.speaker.role,
        aliases=list(item.speaker.aliases),
        segments=item.segments,
        sentences=item.sentences,
        words=item.words,
        keywords=list(item.keywords),
        summary=[summary_to_json(s, sources) for s in item.summary],
    )


def summary_to_json(span: Span, sources: Sources | None) -> SummaryJSON:
    """A summary sentence with its kind and source segment."""
    index = sources.index(span) if sources is not None else None
    kind = sources.segments[index].kind.value if sources is not None and index is not None else (
        None)
    return SummaryJSON(text=span.text, start=span.start, end=span.end, kind=kind, segment=index)


def segment_to_json(segment: Segment) -> SegmentJSON:
    """The wire shape of one attributed segment."""
    shape = SegmentJSON(
        speaker=segment.speaker,
        kind=segment.kind.value,
        rule=segment.rule,
        source_rule=segment.source_rule,
        cue=None if segment.cue is None else span_to_json(segment.cue),
        start=segment.start,
        end=segment.end,
        text=segment.text,
    )
    if segment.start_time is not None and segment.end_time is not None:
        shape["start_time"] = segment.start_time
        shape["end_time"] = segment.end_time
    if segment.turn is not None:
        shape["turn"] = segment.turn
    return shape


def span_to_json(span: Span) -> SpanJSON:
    """The wire shape of a summary sentence."""
    return SpanJSON(text=span.text, start=span.start, end=span.end)
