"""A compact notation for who said what, as razdel writes boundaries as 'Петров - 176!|'.

Each expectation is "Name <- fragment": the fragment lies inside a segment of that speaker;
"- <- fragment": the fragment is narration, inside no segment.
"""

from __future__ import annotations

from speechsum.model import Attribution, Language
from speechsum.sentences import split_sentences
from speechsum.speakers import attribute_speakers
from speechsum.speakers.document import Doc, read_document


def read(text: str, language: Language = Language.RU) -> Doc:
    """The analysed document of a text, as attribution builds it."""
    return read_document(text, split_sentences(text, language), language)


def attribute(text: str, language: Language = Language.RU) -> Attribution:
    return attribute_speakers(text, split_sentences(text, language), language)


def who_said(text: str, fragment: str, attribution: Attribution) -> str:
    start = text.index(fragment)
    end = start + len(fragment)
    names = {s.id: s.name for s in attribution.speakers}
    owners = {names[seg.speaker] for seg in attribution.segments
              if seg.start < end and start < seg.end}
    if not owners:
        return "-"
    assert len(owners) == 1, f"{fragment!r} is split between {owners}"
    return owners.pop()


def check(text: str, expected: list[str], language: Language = Language.RU) -> Attribution:
    attribution = attribute(text, language)
    for line in expected:
        name, fragment = line.split(" <- ", 1)
        assert who_said(text, fragment, attribution) == name, line
    for seg in attribution.segments:
        assert text[seg.start : seg.end] == seg.text
    return attribution
