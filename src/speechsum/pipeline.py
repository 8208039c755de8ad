"""build_digest: the whole flow on one screen."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from speechsum.cycles import cycle_collector_paused
from speechsum.keywords import speaker_keywords
from speechsum.language import detect_language
from speechsum.model import (
    Digest,
    DigestOptions,
    Kind,
    Segment,
    Sentence,
    Span,
    Speaker,
    SpeakerDigest,
)
from speechsum.sentences import split_sentences
from speechsum.speakers import attribute_speakers
from speechsum.speakers.finders.captions import caption_warnings
from speechsum.substance import content_units, without_framing
from speechsum.summarize import find_words, require_sumy, summarize_units, summary_size

DEFAULT_OPTIONS = DigestOptions()


@cycle_collector_paused
def build_digest(
    text: str, options: DigestOptions | None = None, source: str | None = None
) -> Digest:
    """Attribute speech in `text` and summarize each speaker's words; `source` names the
    input in the digest (a path, say), and options None are the defaults."""
    options = check_arguments(text, options, source)
    language = options.language or detect_language(text)
    sentences = split_sentences(text, language)
    attribution = attribute_speakers(text, sentences, language)
    by_speaker: dict[str, list[Segment]] = {s.id: [] for s in attribution.speakers}
    for segment in attribution.segments:
        by_speaker[segment.speaker].append(segment)
    ends = [s.end for s in sentences]
    digests = []
    said = [clip_sentences(text, sentences, by_speaker[s.id], ends) for s in attribution.speakers]
    content = []  # what a summary may pick: content units, bare framing left out
    for speaker, units in zip(attribution.speakers, said, strict=True):
        worth = content_units(units, language)
        direct = direct_at(by_speaker[speaker.id], worth)
        names = (speaker.name, *speaker.aliases)
        content.append(without_framing(worth, direct, names, summary_size(len(worth), options)))
    own = [who(s, by_speaker[s.id]) for s in attribution.speakers]
    keywords = speaker_keywords(content, language, own)
    for speaker, units, worth, about in zip(attribution.speakers, said, content, keywords,
                                            strict=True):
        segments = by_speaker[speaker.id]
        summary = summarize_units(worth, language, options)
        words = sum(len(u.text.split()) for u in units)
        # Caption cues of one voice in a row are one turn.
        turns = len({s.turn if s.turn is not None else -i for i, s in enumerate(segments)})
        digests.append(SpeakerDigest(speaker, turns, len(units), words, summary, about))
    narration = None
    if options.narration:
        rest = clip_sentences(text, sentences, uncovered(text, attribution.segments))
        narration = summarize_units(rest, language, options)
    return Digest(
        language=language,
        algorithm=options.algorithm,
        speakers=tuple(digests),
        segments=attribution.segments,
        narration=narration,
        source=source,
        text_length=len(text),
        options=options,
        warnings=caption_warnings(text),
    )


def check_arguments(text: str, options: DigestOptions | None, source: str | None) -> DigestOptions:
    """build_digest's options, defaults for None, once its arguments are what it takes:
    TypeError otherwise, and MissingExtraError before any work when sumy is asked for."""
    if isinstance(text, (bytes, bytearray)):
        raise TypeError(
            "build_digest() takes the text as str; decode bytes first, e.g. data.decode('utf-8')"
        )
    if not isinstance(text, str):
        raise TypeError(f"build_digest(): text must be a str, not {type(text).__name__}")
    if options is None:
        options = DEFAULT_OPTIONS
    elif not isinstance(options, DigestOptions):
        raise TypeError(
            "build_digest(): options must be a DigestOptions, e.g. DigestOptions(sentences=2),"
            f" not {type(options).__name__}"
        )
    if source is not None and not isinstance(source, str):
        raise TypeError(
            f"build_digest(): source must be a str or None, not {type(source).__name__}"
        )
    if options.engine == "sumy":
        require_sumy()  # even when no one speaks, so that every input tells
    return options


def clip_sentences(
    text: str,
    sentences: Sequence[Sentence],
    segments: Sequence[Segment | Span],
    ends: Sequence[int] | None = None,
) -> tuple[Span, ...]:
    """The pieces of sentences that lie inside the segments, stripped of outer spaces;
    `ends` (the sentences' ends) may be given so that many speakers share it."""
    units: list[Span] = []
    if ends is None:
        ends = [s.end for s in sentences]
    for seg in segments:
        # The first sentence ending after the segment's start (bisect: linear over all speakers).
        j = bisect.bisect_right(ends, seg.start)
        while j < len(sentences) and sentences[j].start < seg.end:
            start = max(seg.start, sentences[j].start)
            end = min(seg.end, sentences[j].end)
            span = strip_span(text, start, end)
            if span is not None:
                units.append(span)
            j += 1
    return tuple(units)


def strip_span(text: str, start: int, end: int) -> Span | None:
    """`text[start:end]` without surrounding whitespace, or None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end or not any(c.isalnum() for c in text[start:end]):
        return None
    return Span(start, end, text[start:end])


def uncovered(text: str, segments: Sequence[Segment]) -> tuple[Span, ...]:
    """The stretches of text no segment covers."""
    spans: list[Span] = []
    pos = 0
    for seg in sorted(segments, key=lambda s: s.start):
        if seg.start > pos:
            spans.append(Span(pos, seg.start, text[pos : seg.start]))
        pos = max(pos, seg.end)
    if pos < len(text):
        spans.append(Span(pos, len(text), text[pos:]))
    return tuple(spans)


def who(speaker: Speaker, segments: Sequence[Segment]) -> set[str]:
    """The words that say who speaks, not what about: the name, other names, role, cues."""
    words = " ".join([speaker.name, *speaker.aliases, speaker.role,
                      *(s.cue.text for s in segments if s.cue is not None)])
    return {w.lower() for w in find_words(words)}


def direct_at(segments: Sequence[Segment], units: Sequence[Span]) -> list[bool]:
    """For each unit, whether it lies in one of the speaker's direct-quote segments."""
    starts = [s.start for s in segments]
    found = []
    for unit in units:
        k = bisect.bisect_right(starts, unit.start) - 1
        found.append(k >= 0 and unit.start < segments[k].end and segments[k].kind is Kind.DIRECT)
    return found

