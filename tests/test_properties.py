"""Properties of build_digest: it never raises and its offsets always hold."""

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
]
VERBS = ["сказал", "сказала", "отметила", "подчеркнул", "напомнил", "заявила", "said", "added"]
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
