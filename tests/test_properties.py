"""Properties of build_digest: it never raises, its offsets always hold, and every summary
sentence lies inside its speaker's segments, whatever the text around the speech looks like."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from invariants import assert_invariants
from speechsum.model import DigestOptions, Language
from speechsum.pipeline import build_digest

NAMES = [
    "Иван Петров",
    "Анна Смирнова",
    "Ерлан Жумабаев",
    "Динара Нурланкызы",
    "Е. Жумабаев",
    "А. Смирнова",
    "Петров",
    "John Smith",
    "Sen. John Smith",
    "Smith",
    "Айгүл Серікқызы",
    "Бахытжан Серикулы",
    "Д.Медведев",
    "Петровой",
]
VERBS = ["сказал", "сказала", "отметила", "подчеркнул", "напомнил", "заявила", "said", "added"]
KAZAKH_VERBS = ["деді", "атап өтті", "мәлімдеді", "айтты"]
DASHES = ["-", "–", "—"]
QUOTES = [("«", "»"), ('"', '"'), ("“", "”"), ("„", "“")]
LABELS = [
    "ПЕТРОВ:",
    "ПЕТРОВА А. В.:",
    "ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ (Иванов П. С.):",
    "ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ.",
    "Вопрос:",
    "Ответ:",
    "И. Смирнов:",
    "Q:",
    "A:",
]
WORDS = [
    "работа",
    "важность",
    "дорога",
    "жители",
    "что",
    "также",
    "село",
    "тенге",
    "the",
    "road",
    "that",
    "2024",
    "т. е.",
    "г.",
]
STAGE = ["(Аплодисменты.)", "(Оживление в зале.)", "(Laughter.)"]
# What real files carry besides words: controls, zero-width and bidi marks, emoji, markup.
NOISE = [
    "\u200b", "\u200d", "\u200e", "\u202e", "\u2066", "\u2069", "\ufeff", "\u00ad", "\u00a0",
    "\u2028", "\u0301", "\x1b[31m", "\x07", "\x00", "\t", "\x0c", "\x85", "😀", "👍🏽",
    "👨\u200d👩\u200d👧", "🇰🇿", "𝔘", "ﬁ", "\ufffd", "[bold]", "[/]", "[link=http://x]", "**", "…",
]
SEPARATORS = [" ", "\n", "\n\n", "\n - ", "\r\n"]
ALGORITHMS = ["lexrank", "lsa", "luhn", "textrank", "edmundson", "kl", "sumbasic", "reduction"]

names = st.sampled_from(NAMES)
verbs = st.sampled_from(VERBS)
dashes = st.sampled_from(DASHES)
quotes = st.sampled_from(QUOTES)
content = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(
    lambda ws: " ".join(ws).capitalize()
)
sentence = content.map(lambda s: s + ".")
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)


@st.composite
def speech(draw: st.DrawFn) -> str:
    """One piece of reported text in one of the shapes attribution looks for."""
    name, verb, dash = draw(names), draw(verbs), draw(dashes)
    opening, closing = draw(quotes)
    body, more = draw(content), draw(paragraph)
    shapes = [
        f"{dash} {body}, {dash} {verb} {name}.",
        f"{dash} {body}.\n{more}\n{more}, {dash} {verb} {name}.",
        f"{opening}{body}{closing}, {dash} {verb} {name}.",
        f"{opening}{body},{closing} {name} {verb}.",
        f'{opening}{body},{closing} she said, "{more}"',
        f"{name} {verb}: {opening}{body}.{closing}",
        f"{name} {verb}, что {body.lower()}.",
        f"Далее {name} {verb} важность {body.lower()}.",
        f"С докладом выступил {name}, который {verb}, что {body.lower()}.",
        f"По словам {name}, {body.lower()}.",
        f"According to {name}, {body.lower()}.",
        f"{name} told reporters that {body.lower()}.",
        f"Он также напомнил, что {body.lower()}.",
        f"Она {verb}: {dash} {body}.",
        f"{draw(st.sampled_from(LABELS))} {more}",
        draw(st.sampled_from(STAGE)),
        more,
        draw(st.text(alphabet='«»"“”„-–—:.,!? \nАаЯяZz()', max_size=20)),
    ]
    return draw(st.sampled_from(shapes))


@st.composite
def reports(draw: st.DrawFn) -> str:
    """A text of several pieces joined by spaces, newlines and dash openers."""
    pieces = draw(st.lists(speech(), min_size=1, max_size=8))
    text = ""
    for piece in pieces:
        text += piece + draw(st.sampled_from(SEPARATORS))
    return text


@st.composite
def noisy_reports(draw: st.DrawFn) -> str:
    """A report with noise put anywhere: inside names, verbs, quotes and dashes too."""
    text = draw(reports())
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        at = draw(st.integers(min_value=0, max_value=len(text)))
        noise = draw(st.one_of(st.sampled_from(NOISE), st.text(min_size=1, max_size=3)))
        text = text[:at] + noise + text[at:]
    return text


@st.composite
def transcripts(draw: st.DrawFn) -> str:
    """Labelled turns (at least two labels, so the transcript rules run), lead and trailer."""
    lines = [draw(paragraph)] if draw(st.booleans()) else []
    for _ in range(draw(st.integers(min_value=2, max_value=6))):
        label = draw(st.one_of(st.sampled_from(LABELS), names.map(lambda n: n.upper() + ":")))
        lines.append(f"{label} {draw(paragraph)}")
        if draw(st.booleans()):
            lines.append(draw(st.one_of(paragraph, st.sampled_from(STAGE))))
    return "\n".join(lines)


@st.composite
def quotations(draw: st.DrawFn) -> str:
    """Quotes nested, unclosed, closed twice or mismatched, with and without their cues."""
    opening, closing = draw(quotes)
    other_opening, other_closing = draw(quotes)
    depth = draw(st.integers(min_value=1, max_value=6))
    body = draw(content)
    inner = f"{other_opening}{body}{other_closing}" if draw(st.booleans()) else body
    quoted = opening * depth + inner + closing * draw(st.integers(min_value=0, max_value=depth + 1))
    cue = f", {draw(dashes)} {draw(verbs)} {draw(names)}." if draw(st.booleans()) else ""
    lead = f"{draw(names)} {draw(verbs)}: " if draw(st.booleans()) else ""
    return lead + quoted + cue


@st.composite
def kazakh_and_english(draw: st.DrawFn) -> str:
    """Kazakh speech ("деді", "Оның айтуынша") and English reporting ("told reporters")."""
    name, body = draw(names), draw(content)
    shapes = [
        f"{name} {draw(st.sampled_from(KAZAKH_VERBS))}: «{body}».",
        f"«{body}», {draw(dashes)} деді {name}.",
        f"Оның айтуынша, {body.lower()}.",
        f"{name} told reporters on Monday that {body.lower()}.",
        f'"{body}," {name} said. "{draw(content)}."',
    ]
    return " ".join(draw(st.lists(st.sampled_from(shapes), min_size=1, max_size=5)))


options = st.builds(
    DigestOptions,
    language=st.sampled_from([None, *Language]),
    algorithm=st.sampled_from(ALGORITHMS),
    sentences=st.integers(min_value=1, max_value=5),
    ratio=st.one_of(st.none(), st.floats(min_value=0.05, max_value=1.0)),
    narration=st.booleans(),
    topic=st.lists(st.sampled_from(WORDS), max_size=2).map(tuple),
)


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    assert_invariants(text, build_digest(text))


@settings(max_examples=150, deadline=None)
@given(reports())
def test_report_offsets_hold(text: str) -> None:
    assert_invariants(text, build_digest(text))


@settings(max_examples=100, deadline=None)
@given(reports(), options)
def test_report_offsets_hold_for_any_options(text: str, opts: DigestOptions) -> None:
    assert_invariants(text, build_digest(text, opts), opts)


@settings(max_examples=100, deadline=None)
@given(noisy_reports())
def test_noisy_report_offsets_hold(text: str) -> None:
    assert_invariants(text, build_digest(text))


@settings(max_examples=60, deadline=None)
@given(transcripts(), options)
def test_transcript_offsets_hold(text: str, opts: DigestOptions) -> None:
    assert_invariants(text, build_digest(text, opts), opts)


@settings(max_examples=80, deadline=None)
@given(st.lists(quotations(), min_size=1, max_size=5).map("\n".join))
def test_nested_and_unclosed_quotes_hold(text: str) -> None:
    assert_invariants(text, build_digest(text))


@settings(max_examples=60, deadline=None)
@given(kazakh_and_english(), st.sampled_from([None, Language.KK, Language.EN]))
def test_kazakh_and_english_offsets_hold(text: str, language: Language | None) -> None:
    opts = DigestOptions(language=language)
    assert_invariants(text, build_digest(text, opts), opts)


@settings(max_examples=40, deadline=None)
@given(st.one_of(noisy_reports(), transcripts()))
def test_same_text_same_digest(text: str) -> None:
    assert build_digest(text) == build_digest(text)
