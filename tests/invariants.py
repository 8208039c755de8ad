"""Facts every digest must satisfy, whatever the attribution rules decide."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from speechsum.model import Digest, DigestOptions, Kind, Segment, Span


def assert_invariants(text: str, digest: Digest, options: DigestOptions | None = None) -> None:
    """Offsets point into `text`; segments are ordered; summaries quote their own speaker."""
    options = options or DigestOptions()
    ids = [d.speaker.id for d in digest.speakers]
    assert len(ids) == len(set(ids)), f"duplicate speaker ids: {ids}"
    assert digest.text_length == len(text)

    previous_end = 0
    for seg in digest.segments:
        assert_span(text, seg)
        assert seg.start < seg.end, f"empty segment {seg}"
        assert seg.start >= previous_end, f"segment overlaps or is out of order: {seg}"
        previous_end = seg.end
        assert seg.speaker in ids, f"segment of unknown speaker {seg.speaker!r}"
        assert isinstance(seg.kind, Kind)
        assert seg.rule, f"segment without a rule: {seg}"
        assert seg.source_rule, f"segment without the rule that named its speaker: {seg}"
        if seg.cue is not None:
            assert_span(text, seg.cue)

    for item in digest.speakers:
        own = [s for s in digest.segments if s.speaker == item.speaker.id]
        # Caption cues of one voice in a row are one turn, counted once.
        turns = {s.turn if s.turn is not None else -i for i, s in enumerate(own)}
        assert item.segments == len(turns)
        assert_summary(text, item.summary, merge(own), options)

    if digest.narration is not None:
        outside = merge(digest.segments)
        for span in digest.narration:
            assert_span(text, span)
            assert not any(s.start < span.end and span.start < s.end for s in outside), (
                f"narration summary overlaps speech: {span}"
            )


def assert_span(text: str, span: Span | Segment) -> None:
    """`span.text` is the source text between its offsets."""
    assert 0 <= span.start <= span.end <= len(text), f"offsets out of range: {span}"
    assert text[span.start : span.end] == span.text, f"text differs from source: {span}"


def assert_summary(
    text: str, summary: tuple[Span, ...], areas: list[Span], options: DigestOptions
) -> None:
    """Summary spans are verbatim, in document order, and lie inside `areas`."""
    for span in summary:
        assert_span(text, span)
        assert any(a.start <= span.start and span.end <= a.end for a in areas), (
            f"summary span outside the speaker's segments: {span}"
        )
    for before, after in pairwise(summary):
        assert before.end <= after.start, f"summary out of order or overlapping: {after}"
    if options.ratio is None:
        assert len(summary) <= options.sentences


def merge(spans: Iterable[Span | Segment]) -> list[Span]:
    """Touching or overlapping spans joined, in order; texts are left empty."""
    merged: list[Span] = []
    for s in sorted(spans, key=lambda s: s.start):
        if merged and s.start <= merged[-1].end:
            last = merged.pop()
            merged.append(Span(last.start, max(last.end, s.end), ""))
        else:
            merged.append(Span(s.start, s.end, ""))
    return merged
