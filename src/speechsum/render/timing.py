"""When a summary sentence is spoken, for caption files whose segments carry timings."""

from __future__ import annotations

import bisect

from speechsum.model import Digest, Span


def span_start_time(digest: Digest, span: Span) -> float | None:
    """The start time of the segment holding `span`, or None when the input had no timings."""
    segments = digest.segments
    i = bisect.bisect_right([s.start for s in segments], span.start) - 1
    if i < 0 or segments[i].end < span.end:
        return None
    return segments[i].start_time


def clock(seconds: float) -> str:
    """Seconds as a clock: 75.5 -> "01:15", 3725 -> "1:02:05".

    >>> clock(75.5), clock(3725.0)
    ('01:15', '1:02:05')
    """
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def stamp(digest: Digest, span: Span) -> str:
    """"[01:15] " before a summary sentence of a caption file, "" otherwise."""
    time = span_start_time(digest, span)
    return "" if time is None else f"[{clock(time)}] "
