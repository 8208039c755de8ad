"""summarize_units over every sumy algorithm, stemming and stop words."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speechsum import summarize
from speechsum.model import ALGORITHMS, DigestOptions, Language, Span
from speechsum.pipeline import build_digest
from speechsum.summarize import (
    METHODS,
    MissingExtraError,
    Ranker,
    rank_units,
    rank_with_sumy,
    stem_word,
    stem_words,
    stop_words,
    summarize_units,
)

RU = """Сегодня мы обсудили ремонт дорог в районе.
Дороги в сёлах требуют срочного ремонта.
Бюджет на ремонт дорог увеличен вдвое.
Погода в этом году была тёплой.
Подрядчики начнут ремонт дорог в мае.
Отдельно обсудили школьное питание.
Жители просили отремонтировать дороги к осени.
Спасибо всем за работу."""

KK = """Бүгін біз аудандағы жол жөндеуді талқыладық.
Ауылдардағы жолдар жедел жөндеуді қажет етеді.
Жол жөндеуге бюджет екі есе көбейді.
Биыл ауа райы жылы болды.
Мердігерлер жол жөндеуді мамырда бастайды.
Мектептегі тамақтану мәселесі бөлек қаралды.
Тұрғындар жолдарды күзге дейін жөндеуді сұрады.
Барлығына жұмыс үшін рақмет."""

EN = """Today we discussed the repair of roads in the district.
Roads in the villages need urgent repair.
The budget for road repair has doubled.
The weather was warm this year.
Contractors will start repairing roads in May.
School meals were discussed separately.
Residents asked for the roads to be repaired by autumn.
Thank you all for your work."""

TEXTS = {Language.RU: RU, Language.KK: KK, Language.EN: EN}


def spans(text: str) -> list[Span]:
    """One unit per line, with offsets into `text`."""
    units = []
    start = 0
    for line in text.split("\n"):
        units.append(Span(start, start + len(line), line))
        start += len(line) + 1
    return units


def assert_subset_in_order(summary: tuple[Span, ...], units: list[Span]) -> None:
    """The summary is made of the units themselves, in document order, without repeats."""
    positions = [next(i for i, u in enumerate(units) if u is s) for s in summary]
    assert positions == sorted(set(positions))


@pytest.mark.parametrize("algorithm", sorted(METHODS))
@pytest.mark.parametrize("language", list(Language), ids=[lang.value for lang in Language])
def test_every_algorithm_picks_units_in_document_order(algorithm: str, language: Language) -> None:
    units = spans(TEXTS[language])
    for count in (1, 3, 5):
        summary = summarize_units(
            units, language, DigestOptions(algorithm=algorithm, sentences=count)
        )
        assert len(summary) == count
        assert_subset_in_order(summary, units)


def test_lexrank_picks_the_central_sentences() -> None:
    units = spans(RU)
    summary = summarize_units(units, Language.RU, DigestOptions(sentences=2))
    assert all("дорог" in s.text.lower() for s in summary)


@pytest.mark.parametrize(("ratio", "expected"), [(0.5, 4), (0.25, 2), (0.01, 1), (0.3, 2)], ids=str)
def test_ratio_overrides_count(ratio: float, expected: int) -> None:
    options = DigestOptions(sentences=7, ratio=ratio)
    assert len(summarize_units(spans(EN), Language.EN, options)) == expected


@pytest.mark.parametrize("algorithm", sorted(METHODS))
def test_all_units_when_no_more_than_asked(algorithm: str) -> None:
    units = spans(EN)[:3]
    options = DigestOptions(algorithm=algorithm, sentences=3)
    assert summarize_units(units, Language.EN, options) == tuple(units)
    assert summarize_units(units[:1], Language.EN, options) == tuple(units[:1])
    assert summarize_units([], Language.EN, options) == ()


def test_zero_sentences_is_refused() -> None:
    with pytest.raises(ValueError, match="sentences must be at least 1"):
        DigestOptions(sentences=0)


@pytest.mark.parametrize("algorithm", sorted(METHODS))
def test_equal_lines_stay_apart(algorithm: str) -> None:
    repeated = "Ремонт дорог начнётся в мае."
    text = "\n".join([repeated, "Погода была тёплой.", repeated, "Школы готовы.", repeated])
    units = spans(text)
    summary = summarize_units(units, Language.RU, DigestOptions(algorithm=algorithm, sentences=3))
    assert len(summary) == 3
    assert len({s.start for s in summary}) == 3
    assert_subset_in_order(summary, units)


@pytest.mark.parametrize("algorithm", sorted(METHODS))
def test_units_without_words(algorithm: str) -> None:
    units = spans("2024.\n...\n«»\nДороги отремонтируют.\n15 %")
    summary = summarize_units(units, Language.RU, DigestOptions(algorithm=algorithm, sentences=2))
    assert len(summary) == 2
    assert_subset_in_order(summary, units)


TOPIC_TEXT = """Ремонт дорог начнётся в мае, сказал аким.
Дороги в сёлах отремонтируют к осени.
Бюджет на ремонт дорог увеличен.
В Послании Президента много внимания уделено сёлам.
Подрядчики начнут ремонт дорог весной.
Мы выполним задачи, поставленные Посланием."""


@pytest.mark.parametrize("algorithm", sorted(METHODS))
def test_topic_prefers_units_with_inflected_topic_words(algorithm: str) -> None:
    units = spans(TOPIC_TEXT)
    options = DigestOptions(algorithm=algorithm, sentences=2, topic=("Послание",))
    summary = summarize_units(units, Language.RU, options)
    assert summary == (units[3], units[5])


def test_topic_fills_with_the_best_others() -> None:
    units = spans(TOPIC_TEXT)
    plain = rank_units(units, Language.RU, "lexrank")
    options = DigestOptions(sentences=3, topic=("послания",))
    summary = summarize_units(units, Language.RU, options)
    best_other = next(i for i in plain if i not in (3, 5))
    assert summary == tuple(units[i] for i in sorted([3, 5, best_other]))


def test_topic_nowhere_changes_nothing() -> None:
    units = spans(RU)
    options = DigestOptions(sentences=3)
    assert summarize_units(units, Language.RU, options) == summarize_units(
        units, Language.RU, DigestOptions(sentences=3, topic=("космос",))
    )


def test_english_and_kazakh_topics_match_inflections() -> None:
    units = spans(EN)
    summary = summarize_units(units, Language.EN, DigestOptions(sentences=1, topic=("meal",)))
    assert summary == (units[5],)
    units = spans(KK)
    summary = summarize_units(units, Language.KK, DigestOptions(sentences=1, topic=("мектеп",)))
    assert summary == (units[5],)


def test_topic_may_be_a_number() -> None:
    units = spans(EN + "\nThe plan runs to 2050 and beyond.")
    summary = summarize_units(units, Language.EN, DigestOptions(sentences=1, topic=("2050",)))
    assert summary == (units[-1],)


def test_unknown_algorithm() -> None:
    with pytest.raises(ValueError, match="lexrank"):
        DigestOptions(algorithm="random")
    with pytest.raises(ValueError, match="lexrank"):
        rank_units(spans(EN), Language.EN, "random")


# Ours and sumy's rankings, compared. sumy's greedy methods (KL, SumBasic) pick among equal
# candidates by the last bits of float sums; `first_of_equals` makes them pick the first, as
# ours do, so that every text can be compared. The plain comparisons use texts without ties.
SPARSE = {"DENSE_ENTRIES": 0, "BLOCK_ENTRIES": 7, "KEPT_LINKS": 0}


@pytest.mark.parametrize("matrices", ["dense", "sparse"])
@pytest.mark.parametrize("algorithm", sorted(METHODS))
@pytest.mark.parametrize("language", list(Language), ids=[lang.value for lang in Language])
def test_every_algorithm_ranks_as_sumy_does(
    algorithm: str, language: Language, matrices: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if matrices == "sparse":
        for name, value in SPARSE.items():
            monkeypatch.setattr(summarize, name, value)
    for text in (TEXTS[language], TEXTS[language] + "\n" + TOPIC_TEXT):
        units = spans(text)
        for topic in ((), ("Послание",), ("дорога", "road", "жол"), ("2050",)):
            expected = rank_with_sumy(units, language, algorithm, topic, first_of_equals=True)
            assert rank_units(units, language, algorithm, topic) == expected


TIES = {
    ("kl", Language.RU, True),
    ("sumbasic", Language.RU, False),
    ("sumbasic", Language.KK, False),
    ("sumbasic", Language.EN, True),
}


@pytest.mark.parametrize("algorithm", sorted(METHODS))
@pytest.mark.parametrize("language", list(Language), ids=[lang.value for lang in Language])
def test_plain_sumy_agrees_where_nothing_ties(algorithm: str, language: Language) -> None:
    for with_topic_text in (False, True):
        if (algorithm, language, with_topic_text) in TIES:
            continue
        text = TEXTS[language] + ("\n" + TOPIC_TEXT if with_topic_text else "")
        units = spans(text)
        assert rank_units(units, language, algorithm) == rank_with_sumy(units, language, algorithm)


@pytest.mark.parametrize("algorithm", ["luhn", "edmundson", "lexrank"])
@pytest.mark.parametrize("language", list(Language), ids=[lang.value for lang in Language])
def test_sumy_with_its_own_stemmer_ranks_as_we_do(algorithm: str, language: Language) -> None:
    # The benchmarks time sumy as it runs out of the box, with nltk's Snowball; on words where
    # the two Snowballs agree (all of these texts') the answers are the same.
    units = spans(TEXTS[language] + "\n" + TOPIC_TEXT)
    for topic in ((), ("дорога", "road", "жол")):
        expected = rank_with_sumy(units, language, algorithm, topic, sumy_stemmer=True)
        assert rank_units(units, language, algorithm, topic) == expected


def test_edmundson_without_a_topic_takes_the_first_and_last_units() -> None:
    units = spans(RU)
    options = DigestOptions(algorithm="edmundson", sentences=3)
    assert summarize_units(units, Language.RU, options) == (units[0], units[1], units[-1])
    assert summarize_units(units[:1], Language.RU, options) == (units[0],)


def test_kl_divergences_of_zero_tie() -> None:
    # Unit 0 has no words (divergence 0); unit 1 matches the text's distribution exactly
    # (0 in sumy, 1e-17 in our sum). Equal: the first wins, in both.
    units = spans("...\nРемонт Ремонт Ремонт ремонта ремонта")
    assert rank_units(units, Language.RU, "kl") == [0, 1]
    assert rank_with_sumy(units, Language.RU, "kl", first_of_equals=True) == [0, 1]


def test_sumbasic_tie_goes_to_the_first_unit() -> None:
    # After "Сегодня мы обсудили ремонт дорог", "Погода в этом году была тёплой" and "Спасибо
    # всем за работу" both average 1/34: every word of theirs occurs once. sumy takes the
    # second, (1/34 + 1/34) / 2 being one bit above (1/34 + 1/34 + 1/34) / 3; we take the first.
    units = spans(RU)
    assert rank_units(units, Language.RU, "sumbasic")[:3] == [0, 3, 7]
    assert rank_with_sumy(units, Language.RU, "sumbasic")[:3] == [0, 7, 3]


def test_large_inputs_take_the_sparse_path_to_the_same_ranking(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 200 units over a small vocabulary: many links, blocks of one row, nothing kept.
    words = "дорога мост школа бюджет ремонт вода свет парк больница район".split()
    lines = [" ".join(words[(i * 7 + j * 3) % 10] for j in range(1 + i % 6)) for i in range(200)]
    units = spans("\n".join(lines))
    dense = {algorithm: rank_units(units, Language.RU, algorithm) for algorithm in METHODS}
    for name, value in SPARSE.items():
        monkeypatch.setattr(summarize, name, value)
    for algorithm in METHODS:
        assert rank_units(units, Language.RU, algorithm) == dense[algorithm], algorithm


@pytest.mark.parametrize("algorithm", sorted(METHODS))
def test_summary_reads_greedy_rankings_only_as_far_as_needed(algorithm: str) -> None:
    units = spans(TOPIC_TEXT)
    ranking = rank_units(units, Language.RU, algorithm)
    summary = summarize_units(units, Language.RU, DigestOptions(algorithm=algorithm, sentences=2))
    assert summary == tuple(units[i] for i in sorted(ranking[:2]))


@pytest.mark.parametrize(
    ("words", "language"),
    [
        ("Послание Послания Посланием посланий", Language.RU),
        ("её ее", Language.RU),
        ("road roads", Language.EN),
        ("repair repaired repairing", Language.EN),
        ("Президенттің Президентке президенті", Language.KK),
    ],
)
def test_inflected_forms_share_a_stem(words: str, language: Language) -> None:
    assert len(set(stem_words(words, language))) == 1


def test_stem_is_lowercase() -> None:
    assert stem_word("ДОРОГИ", Language.RU) == stem_word("дорога", Language.RU)


@pytest.mark.parametrize(
    ("language", "low", "high", "samples"),
    [
        (Language.RU, 150, 330, {"и", "в", "что", "который", "её"}),
        (Language.KK, 100, 200, {"және", "мен", "бұл", "үшін", "туралы"}),
        (Language.EN, 150, 300, {"the", "and", "of", "which", "don't"}),
    ],
)
def test_stop_words(language: Language, low: int, high: int, samples: set[str]) -> None:
    words = stop_words(language)
    assert low <= len(words) <= high
    assert samples <= words
    assert all(word == word.lower().strip() and word for word in words)


DETERMINISM = """
import sys
from speechsum.model import DigestOptions, Language, Span
from speechsum.summarize import summarize_units
text = sys.stdin.read()
units, start = [], 0
for line in text.split("\\n"):
    units.append(Span(start, start + len(line), line))
    start += len(line) + 1
for algorithm in sys.argv[1:]:
    summary = summarize_units(units, Language.RU, DigestOptions(algorithm=algorithm))
    print(algorithm, [s.start for s in summary])
"""


def test_same_output_whatever_the_hash_seed() -> None:
    src = str(Path(summarize.__file__).parents[1])
    outputs = set()
    for seed in ("0", "1", "2", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": src}
        result = subprocess.run(
            [sys.executable, "-c", DETERMINISM, *sorted(METHODS)],
            input=RU + "\n" + TOPIC_TEXT,
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_import_is_cheap() -> None:
    src = str(Path(summarize.__file__).parents[1])
    heavy = "{'sumy', 'nltk', 'numpy', 'scipy', 'Stemmer'}"
    code = f"import sys, speechsum.summarize; print(sorted({heavy} & set(sys.modules)))"
    env = {**os.environ, "PYTHONPATH": src}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.strip() == "[]"


DIGEST_IMPORTS = """
import sys
from speechsum.model import DigestOptions
from speechsum.pipeline import build_digest
digest = build_digest(sys.stdin.read(), DigestOptions(algorithm=sys.argv[1]))
assert digest.speakers
print(sorted({"sumy", "nltk", "scipy", "requests"} & {m.split(".")[0] for m in sys.modules}))
"""


@pytest.mark.parametrize("algorithm", sorted(METHODS))
def test_a_digest_imports_neither_sumy_nor_nltk(algorithm: str) -> None:
    # sumy's stemmers import nltk, which imports scipy.stats: a second on every run.
    src = str(Path(summarize.__file__).parents[1])
    sample = Path(__file__).parents[1] / "samples" / "ru-meeting.txt"
    result = subprocess.run(
        [sys.executable, "-c", DIGEST_IMPORTS, algorithm],
        input=sample.read_text("utf-8"),
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": src},
        check=True,
    )
    assert result.stdout.strip() == "[]"


# Snowball as nltk has it (sumy's stemmer) and as PyStemmer has it (ours) agree on these
# words; they differ where Snowball 3 revised English ("added": nltk "ad", ours "add") and
# where nltk's Russian misses participles in -ующая ("действующая": nltk "действующ", ours
# "действ", as for "действующий").
@pytest.mark.parametrize("language", [Language.RU, Language.EN], ids=["ru", "en"])
def test_stems_are_nltk_snowball_stems(language: Language) -> None:
    from nltk.stem.snowball import EnglishStemmer, RussianStemmer

    nltk_stem = (RussianStemmer() if language is Language.RU else EnglishStemmer()).stem
    text = TEXTS[language] + "\n" + TOPIC_TEXT
    words = {w.lower().replace("ё", "е") for w in summarize.find_words(text)}
    assert {w: stem_word(w, language) for w in words} == {w: nltk_stem(w) for w in words}


@pytest.mark.parametrize(
    ("word", "language", "ours", "nltk"),
    [
        ("added", Language.EN, "add", "ad"),
        ("emergency", Language.EN, "emergenc", "emerg"),
        ("действующая", Language.RU, "действ", "действующ"),
    ],
)
def test_where_stems_differ_from_nltk(word: str, language: Language, ours: str, nltk: str) -> None:
    from nltk.stem.snowball import EnglishStemmer, RussianStemmer

    nltk_stemmer = RussianStemmer() if language is Language.RU else EnglishStemmer()
    assert (stem_word(word, language), nltk_stemmer.stem(word)) == (ours, nltk)


VOCABULARY = {
    Language.RU: "Ремонт ремонта дорога дороги мост школа бюджет и в на что он она вода ВОДА Вода",
    Language.EN: "Repair repairs road roads bridge school budget and the of that She water WATER",
    Language.KK: "жол жолдар жөндеу мектеп бюджет және мен бұл ол су СУ Су көпір",
}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    language=st.sampled_from(list(Language)),
    picks=st.lists(st.lists(st.integers(0, 15), max_size=9), min_size=2, max_size=12),
    algorithm=st.sampled_from(sorted(METHODS)),
)
def test_any_text_ranks_as_sumy_does(
    language: Language, picks: list[list[int]], algorithm: str
) -> None:
    words = VOCABULARY[language].split()
    text = "\n".join(" ".join(words[i % len(words)] for i in line) or "..." for line in picks)
    units = spans(text)
    topic = (words[0],)
    expected = rank_with_sumy(units, language, algorithm, topic, first_of_equals=True)
    assert rank_units(units, language, algorithm, topic) == expected


def test_a_huge_speaker_is_ranked_in_rounds() -> None:
    # Past 2 x ROUND_SIZE sentences LexRank runs in rounds; the summary still comes from the
    # speaker's own units, in document order, and the on-topic unit still wins.
    units = []
    pos = 0
    for i in range(2 * summarize.ROUND_SIZE + 5):
        text = f"Дорога номер {i % 7} будет отремонтирована летом."
        units.append(Span(pos, pos + len(text), text))
        pos += len(text) + 1
    special = Span(pos, pos + 30, "Бюджет школы увеличат вдвое.")
    units.append(special)
    chosen = summarize_units(units, Language.RU, DigestOptions(sentences=3, topic=("бюджет",)))
    assert len(chosen) == 3
    assert special in chosen
    assert list(chosen) == sorted(chosen, key=lambda s: s.start)


def test_algorithm_names_are_the_methods() -> None:
    # model.py keeps the names apart from METHODS so that checking options needs no numpy.
    assert ALGORITHMS == tuple(METHODS)


# The sumy engine: sumy's summarizers and nltk's Snowball over our units, giving our picks.
HOSPITAL = {
    Language.RU: """Больница в районном центре получит новое оборудование.
Врачи давно просили обновить оборудование больницы.
Новое оборудование привезут осенью.
В школе номер три откроют спортивный зал.
Спортивный зал построят за счёт местного бюджета.
Жители поблагодарили строителей.
Оборудование для больницы закупят через конкурс.""",
    Language.KK: """Аудандық ауруханаға жаңа жабдық келеді.
Дәрігерлер аурухана жабдығын жаңартуды көптен сұрады.
Жаңа жабдықты күзде әкеледі.
Үшінші мектепте спорт залы ашылады.
Спорт залы жергілікті бюджет есебінен салынады.
Тұрғындар құрылысшыларға алғыс айтты.
Аурухана жабдығы конкурс арқылы сатып алынады.""",
    Language.EN: """The district hospital will get new equipment.
Doctors have long asked to replace the hospital's equipment.
The new equipment will arrive in autumn.
A sports hall will open at school number three.
The sports hall will be built from the local budget.
Residents thanked the builders.
Equipment for the hospital will be bought by tender.""",
}
ENGINE_TOPICS = ((), ("дорога", "road", "жол"), ("оборудование", "equipment", "жабдық"))


@pytest.mark.parametrize("algorithm", sorted(METHODS))
@pytest.mark.parametrize("language", list(Language), ids=[lang.value for lang in Language])
def test_sumy_engine_picks_as_the_builtin_engine(algorithm: str, language: Language) -> None:
    texts = (TEXTS[language], TEXTS[language] + "\n" + TOPIC_TEXT, HOSPITAL[language])
    for text in texts:
        units = spans(text)
        for topic in ENGINE_TOPICS:
            for count in (1, 3):
                picks = {
                    engine: summarize_units(units, language, DigestOptions(
                        algorithm=algorithm, sentences=count, topic=topic, engine=engine))
                    for engine in ("builtin", "sumy")
                }
                assert picks["sumy"] == picks["builtin"], (text[:20], topic, count)


def test_sumy_engine_runs_lexrank_in_the_same_rounds(monkeypatch: pytest.MonkeyPatch) -> None:
    rounds: list[int] = []
    in_rounds = summarize.rank_in_rounds

    def counted(units: Sequence[Span], rank: Ranker, count: int) -> Iterator[int]:
        rounds.append(len(units))
        return in_rounds(units, rank, count)

    monkeypatch.setattr(summarize, "ROUND_SIZE", 6)
    monkeypatch.setattr(summarize, "rank_in_rounds", counted)
    units = spans("\n".join([RU, TOPIC_TEXT, HOSPITAL[Language.RU]]))
    for topic in ((), ("бюджет",)):
        options = {engine: DigestOptions(sentences=2, topic=topic, engine=engine)
                   for engine in ("builtin", "sumy")}
        assert summarize_units(units, Language.RU, options["sumy"]) == summarize_units(
            units, Language.RU, options["builtin"])
    assert rounds == [len(units)] * 4


def hide_modules(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    """Make the packages `names`, and their modules imported so far, fail to import."""
    for module in list(sys.modules):
        if module.split(".")[0] in names:
            monkeypatch.setitem(sys.modules, module, None)
    for name in names:
        monkeypatch.setitem(sys.modules, name, None)


@pytest.mark.parametrize("missing", ["sumy", "nltk"])
def test_sumy_engine_without_the_extra(missing: str, monkeypatch: pytest.MonkeyPatch) -> None:
    hide_modules(monkeypatch, missing)
    units = spans(RU)
    message = "the sumy engine needs the sumy extra: pip install 'speechsum[sumy]'"
    for count in (3, 100):
        with pytest.raises(MissingExtraError) as raised:
            summarize_units(units, Language.RU, DigestOptions(sentences=count, engine="sumy"))
        assert str(raised.value) == message
        assert isinstance(raised.value, RuntimeError)
    # Also when no one speaks, so that the missing extra shows on every input.
    with pytest.raises(MissingExtraError, match=re.escape(message)):
        build_digest("Погода была тёплой.", DigestOptions(engine="sumy"))
    assert len(summarize_units(units, Language.RU, DigestOptions(engine="builtin"))) == 3


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    language=st.sampled_from(list(Language)),
    picks=st.lists(st.lists(st.integers(0, 15), max_size=9), min_size=2, max_size=12),
    algorithm=st.sampled_from(sorted(METHODS)),
    count=st.integers(1, 4),
    with_topic=st.booleans(),
)
def test_any_text_gets_the_same_picks_from_both_engines(
    language: Language, picks: list[list[int]], algorithm: str, count: int, with_topic: bool
) -> None:
    words = VOCABULARY[language].split()
    text = "\n".join(" ".join(words[i % len(words)] for i in line) or "..." for line in picks)
    units = spans(text)
    topic = (words[0],) if with_topic else ()
    builtin, sumy = (
        summarize_units(units, language, DigestOptions(
            algorithm=algorithm, sentences=count, topic=topic, engine=engine))
        for engine in ("builtin", "sumy")
    )
    assert sumy == builtin
