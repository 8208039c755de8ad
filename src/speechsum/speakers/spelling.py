"""Letters typed from another alphabet: the sieves read the text with Cyrillic letters where
a Latin look-alike stands inside a Cyrillic word; what they give back is as written.

Kazakh sites often type the Latin schwa "ə" (U+0259) for "ә" and a Latin "i" for "і", and
Cyrillic words pick up Latin "a", "o", "c" from keyboards switched midword. Each such letter
is replaced by exactly one letter, so every offset stays valid in the text as written.
"""

from __future__ import annotations

import re
from dataclasses import replace

from speechsum.model import Attribution, Segment, Span

CYRILLIC = "а-яёәғқңөұүһіА-ЯЁӘҒҚҢӨҰҮҺІ"
# Latin letters that stand for Cyrillic ones, and the Cyrillic letters they stand for.
LOOKALIKES = {
    "ə": "ә", "Ə": "Ә", "i": "і", "I": "І", "a": "а", "e": "е", "o": "о", "p": "р", "c": "с",
    "x": "х", "y": "у", "A": "А", "E": "Е", "O": "О", "P": "Р", "C": "С", "X": "Х", "H": "Н",
    "K": "К", "M": "М", "T": "Т", "B": "В",
}
# The schwa has no Latin word to belong to in these texts; the others only next to Cyrillic.
SCHWA = re.compile("[əƏ]")
INSIDE_CYRILLIC = re.compile(
    f"(?<=[{CYRILLIC}])[{''.join(LOOKALIKES)}]+|[{''.join(LOOKALIKES)}]+(?=[{CYRILLIC}])")


def reading_text(text: str) -> str:
    """The text with Cyrillic letters for their Latin look-alikes in Cyrillic words."""
    if not SCHWA.search(text) and not INSIDE_CYRILLIC.search(text):
        return text
    text = SCHWA.sub(lambda m: LOOKALIKES[m.group()], text)
    return INSIDE_CYRILLIC.sub(lambda m: "".join(LOOKALIKES[c] for c in m.group()), text)


def as_written(attribution: Attribution, text: str, reading: str) -> Attribution:
    """The attribution of `reading` with the text's own letters: segments and cues sliced
    from the text, and names spelt as the text spells them."""
    if reading is text:
        return attribution
    back = _spelt_back(text, reading)
    speakers = tuple(replace(s, name=_spell(s.name, back), role=_spell(s.role, back),
                             aliases=tuple(_spell(a, back) for a in s.aliases))
                     for s in attribution.speakers)
    segments = tuple(_segment(s, text) for s in attribution.segments)
    return Attribution(speakers, segments)


def _spelt_back(text: str, reading: str) -> dict[str, str]:
    """The Cyrillic letters the text never writes itself but always as one look-alike."""
    written: dict[str, set[str]] = {}
    for original, read in zip(text, reading, strict=True):
        if original != read:
            written.setdefault(read, set()).add(original)
    native = set(text)
    return {read: next(iter(ls)) for read, ls in written.items()
            if len(ls) == 1 and read not in native}


def _spell(words: str, back: dict[str, str]) -> str:
    return "".join(back.get(c, c) for c in words) if back else words


def _segment(segment: Segment, text: str) -> Segment:
    cue = segment.cue
    if cue is not None:
        cue = Span(cue.start, cue.end, text[cue.start : cue.end])
    return replace(segment, text=text[segment.start : segment.end], cue=cue)

