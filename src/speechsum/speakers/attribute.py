"""attribute_speakers: run the rules over paragraphs and sentences, then name the speakers."""

from __future__ import annotations

from collections.abc import Sequence

from speechsum.model import Attribution, Gender, Kind, Language, Segment, Sentence, Speaker
from speechsum.speakers import captions, rules
from speechsum.speakers.people import People
from speechsum.speakers.text import Paragraph, split_paragraphs


def attribute_speakers(text: str, sentences: Sequence[Sentence], language: Language) -> Attribution:
    """Find speakers and their segments in document order."""
    people = People(text, language)
    kind = captions.caption_kind(text)
    if kind is not None:
        cues = captions.read_cues(text, kind)
        if cues:
            return _from_captions(text, captions.caption_segments(text, cues, people), people)
    paragraphs = split_paragraphs(text, sentences)
    turns, used = rules.transcript_turns(text, paragraphs, people, language)
    raw = turns + rules.news_segments(text, paragraphs, people, language, skip=used)
    return _finish(text, raw, people)


def _finish(text: str, raw: list[rules.Raw], people: People) -> Attribution:
    """Merge raw pieces into non-overlapping segments and number the speakers."""
    raw = sorted((r for r in raw if r.end > r.start), key=lambda r: (r.start, -r.end))
    kept: list[rules.Raw] = []
    pos = 0
    for r in raw:
        start = max(r.start, pos)
        start, end = _strip(text, start, r.end)
        if end <= start:
            continue
        kept.append(rules.Raw(start, end, r.key, r.kind, r.rule))
        pos = end
    ids: dict[str, str] = {}
    for r in kept:
        ids.setdefault(r.key, f"s{len(ids) + 1}")
    speakers = tuple(people.speaker(key, sid) for key, sid in ids.items())
    segments = tuple(
        Segment(r.start, r.end, text[r.start : r.end], ids[r.key], r.kind, r.rule) for r in kept
    )
    return Attribution(speakers, segments)


def _from_captions(text: str, raws: list[captions.CaptionRaw], people: People) -> Attribution:
    """Segments straight from caption cues, which never overlap and come in order."""
    ids: dict[str, str] = {}
    for r in raws:
        ids.setdefault(r.key, f"s{len(ids) + 1}")
    speakers = tuple(people.speaker(key, sid) for key, sid in ids.items())
    segments = tuple(
        Segment(r.start, r.end, text[r.start : r.end], ids[r.key], r.kind, r.rule,
                r.start_time, r.end_time, r.turn)
        for r in raws
    )
    return Attribution(speakers, segments)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


__all__ = ["Gender", "Kind", "Paragraph", "Speaker", "attribute_speakers"]
