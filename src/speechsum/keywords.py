"""What each speaker talked about: a few words that are theirs, by the summarizers' own terms.

Each speaker's sentences are one document; a word stem scores by how often the speaker uses
it times how few of the other speakers do (tf-idf over the speakers), with the stop words
and stems the summarizers use. A stem is shown in the form the speaker wrote most often.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from speechsum.model import Digest, Language, Span
from speechsum.summarize import find_words, stem_word, stem_words, stop_words

KEYWORDS = 5
# A word shorter than this is no topic ("год", "мы" aside: short words are mostly function
# words, and a stem of two letters means little).
MIN_LETTERS = 4


def speaker_keywords(units: Sequence[Sequence[Span]], language: Language,
                     exclude: Sequence[set[str]], count: int = KEYWORDS) -> list[tuple[str, ...]]:
    """Up to `count` keywords for each speaker's units, best first; `exclude` holds, per
    speaker, words that say who speaks rather than what about (their name, role, cues)."""
    stops = stop_words(language)
    tallies: list[Counter[str]] = []
    forms: list[dict[str, Counter[str]]] = []
    for said, own in zip(units, exclude, strict=True):
        tally: Counter[str] = Counter()
        written: dict[str, Counter[str]] = {}
        own_stems = {stem_word(w, language) for w in own}
        for unit in said:
            for word in find_words(unit.text):
                low = word.lower()
                if len(low) < MIN_LETTERS or low in stops or (
                        stem_word(low, language) in own_stems):
                    continue
                stem = stem_word(low, language)
                tally[stem] += 1
                written.setdefault(stem, Counter())[word] += 1
        tallies.append(tally)
        forms.append(written)
    df: Counter[str] = Counter(stem for tally in tallies for stem in tally)
    total = len(tallies)
    out = []
    for tally, written in zip(tallies, forms, strict=True):
        def score(stem: str, tally: Counter[str] = tally) -> tuple[float, int]:
            return (tally[stem] * math.log(1 + total / df[stem]), tally[stem])

        # Words said more than once first; a speaker of few words still gets some.
        ranked = sorted(tally, key=lambda s: (tally[s] < 2, *(-x for x in score(s)), s))
        out.append(tuple(shown(written[s]) for s in ranked[:count]))
    return out


def shown(written: Counter[str]) -> str:
    """The form to show: the commonest in lowercase, unless the word is only ever written
    with a capital (a name, an acronym: "Астана", "ЦОН")."""
    if not any(w.islower() for w in written):
        return written.most_common(1)[0][0]
    lower: Counter[str] = Counter()
    for w, n in written.items():
        lower[w.lower()] += n  # "Школа" opening a sentence is "школа" too
    return lower.most_common(1)[0][0]


def unmatched_topic(digest: Digest, topic: Sequence[str]) -> tuple[str, ...]:
    """The topic words that share a stem with nothing the speakers say (as the summaries
    compare them), so that favouring them changes nothing."""
    if not topic:
        return ()
    said: set[str] = set()
    for segment in digest.segments:
        said.update(stem_words(segment.text, digest.language))
    return tuple(w for w in topic if not said.intersection(stem_words(w, digest.language)))
