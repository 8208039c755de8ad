"""The one overlap policy, on hand-made claims: first found wins, unnamed gives way."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from speechsum.model import Kind
from speechsum.speakers.claims import Claim, Cue, CueKind, Label, Ref
from speechsum.speakers.overlaps import keep_first_found

NAMED = Label("role:x", "X")


def c(start: int, end: int, by: str, source: Ref | None = NAMED,
      cue: tuple[int, int] | None = None) -> Claim:
    return Claim(start, end, Kind.DIRECT, by, None if cue is None else Cue(*cue, CueKind.CLAUSE),
                 source=source)


def kept(*finders: list[Claim]) -> list[tuple[int, int, str]]:
    return [(k.start, k.end, k.found_by) for k in keep_first_found(finders)]


def test_the_earlier_finder_keeps_the_words() -> None:
    assert kept([c(0, 10, "a")], [c(5, 15, "b"), c(20, 30, "b")]) == [(0, 10, "a"), (20, 30, "b")]


def test_the_cue_of_a_kept_claim_is_taken_too() -> None:
    assert kept([c(0, 10, "a", cue=(10, 20))], [c(12, 30, "b")]) == [(0, 10, "a")]


def test_a_claim_that_names_no_one_gives_way_to_one_that_does() -> None:
    assert kept([c(5, 10, "quote", source=None)], [c(0, 20, "reported")]) == [
        (0, 20, "reported")]


def test_two_claims_that_name_no_one_keep_the_first() -> None:
    assert kept([c(5, 10, "quote", source=None)], [c(0, 20, "reported", source=None)]) == [
        (5, 10, "quote")]


def test_claims_of_one_finder_never_overlap() -> None:
    assert kept([c(0, 10, "a"), c(5, 15, "a"), c(10, 12, "a")]) == [(0, 10, "a"), (10, 12, "a")]


def test_empty_claims_are_dropped() -> None:
    assert kept([c(3, 3, "a")]) == []


spans = st.tuples(st.integers(0, 60), st.integers(1, 15), st.booleans()).map(
    lambda t: c(t[0], t[0] + t[1], "x", source=NAMED if t[2] else None))


@given(st.lists(st.lists(spans, max_size=8), max_size=5))
def test_kept_claims_are_in_text_order_and_disjoint(finders: list[list[Claim]]) -> None:
    result = keep_first_found(finders)
    assert all(a.end <= b.start for a, b in zip(result, result[1:], strict=False))
    assert all(any(k in f for f in finders) for k in result)
