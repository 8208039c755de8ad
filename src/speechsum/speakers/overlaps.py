"""The one overlap policy: the first finder to claim some words keeps them.

One exception, because quotation marks are not always someone's speech: a claim that names no
one (a scare quote in narration, a quote whose clause names nobody) gives way to a later claim
that names its speaker - 'Pence said Trump's tweet was only “to mock” Clinton' is Pence's
reported speech, scare quotes and all.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterable, Sequence

from speechsum.speakers.claims import Claim, Claims, in_text_order


class Footprint:
    """Stretches of text already taken, merged and sorted for logarithmic look-ups."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.ends[i] > start

    def add(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for a, b in heapq.merge(zip(self.starts, self.ends, strict=True), sorted(spans)):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]


def keep_first_found(found: Iterable[Sequence[Claim]]) -> Claims:
    """Claims from finders in priority order (spaCy's `filter_spans`, razdel's first rule that
    answers): a claim is dropped when its words overlap the words or the cue of a claim an
    earlier finder kept, or the words of one its own finder kept before it; a kept claim that
    names no one gives way to a later one that names its speaker."""
    firm = Footprint()  # the words and cues of kept claims that name their speaker
    kept: list[Claim] = []  # in text order; their words never overlap
    for claims in found:
        starts = [c.start for c in kept]
        displaced: set[int] = set()
        batch: list[Claim] = []
        reach = -1  # the end of this finder's kept claims, which come sorted by start
        for claim in in_text_order(claims):
            if claim.end <= claim.start or claim.start < reach or firm.overlaps(
                    claim.start, claim.end):
                continue
            # Only claims that name no one are left to overlap: they give way to a named one.
            lo = max(0, bisect.bisect_right(starts, claim.start) - 1)
            hi = bisect.bisect_left(starts, claim.end)
            clash = [k for k in range(lo, hi) if kept[k].end > claim.start and k not in displaced]
            if clash and claim.source is None:
                continue
            displaced.update(clash)
            batch.append(claim)
            reach = claim.end
        kept = list(heapq.merge((c for k, c in enumerate(kept) if k not in displaced), batch,
                                key=lambda c: c.start))
        named = [c for c in batch if c.source is not None]
        firm.add([(c.start, c.end) for c in named] +
                 [(c.cue.start, c.cue.end) for c in named if c.cue is not None])
    return Claims(kept)
