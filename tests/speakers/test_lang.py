"""Each language bundle's conventions, asked the way the shared sieves ask them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from speechsum.model import Gender, Language
from speechsum.speakers.lang import CONVENTIONS, Conventions
from speechsum.speakers.lang.base import Verb

RU, KK, EN = (CONVENTIONS[lang] for lang in (Language.RU, Language.KK, Language.EN))


def verbs(lang: Conventions, text: str) -> list[str]:
    return [text[v.start : v.end] for v in lang.speech_verbs(text, 0, len(text))]


SPEECH = [
    ("ru-verb-by-lemma", RU, "Она подчеркнула важность ремонта.", ["подчеркнула"]),
    ("ru-verb-needs-its-complement", RU, "Он обратил внимание на цены.", ["обратил"]),
    ("ru-without-its-complement-no", RU, "Он обратил взгляд на море.", []),
    ("ru-negated-no", RU, "Министр не сказал ничего.", []),
    ("ru-content-free-answer-no", RU, "Он ответил на вопросы журналистов.", []),
    ("ru-stance-with-content", RU, "Она уверена, что мост построят.", ["уверена"]),
    ("kk-phrase-as-written", KK, "Ол жаңа жоспарды ортаға салды.", ["ортаға салды"]),
    ("kk-relay-by-an-outlet-no", KK, "Жиын өтті, деп хабарлады баспасөз қызметі.", []),
    ("kk-converb-and-aspect", KK, "Министр заңның мәнін түсіндіріп жатты.",
     ["түсіндіріп жатты"]),
    ("kk-quotative-converb-no", KK, "Ол мектеп деп аталатын үйге келді.", []),
    ("kk-wanted-to-know", KK, "Депутат жол қашан салынатынын білгісі келді.",
     ["білгісі келді"]),
    ("en-verb", EN, "The mayor said the bridge would open.", ["said"]),
    ("en-particle-needed", EN, "She pointed out that it was late.", ["pointed"]),
    ("en-without-particle-no", EN, "He spoke at a gathering.", []),
    ("en-negated-no", EN, "He did not say a word.", []),
    ("en-leading-participle-no", EN, "Asked about it, Smith said no.", ["said"]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), [c[1:] for c in SPEECH],
                         ids=[c[0] for c in SPEECH])
def test_speech_verbs(lang: Conventions, text: str, expected: list[str]) -> None:
    assert verbs(lang, text) == expected


def subject(lang: Conventions, text: str) -> str | None:
    verb = lang.speech_verbs(text, 0, len(text))[0]
    found = lang.subject_of(text, lang.find_mentions(text, 0, len(text)), verb)
    return None if found is None else found.text


SUBJECTS = [
    ("ru-before-the-verb", RU, "Аким Нурлан Ахметов отметил важность дорог.", "Нурлан Ахметов"),
    ("ru-after-the-verb", RU, "Об этом сообщил Павел Орлов.", "Павел Орлов"),
    ("ru-genitive-is-no-subject", RU, "Сторонники Ивана Петрова заявили, что правы.", None),
    ("ru-gender-agrees", RU, "Иван Петров и Анна Смирнова: она сказала, что рада.",
     "Анна Смирнова"),
    ("ru-feminine-verb-reads-a-feminine-surname", RU,
     "Надира Жумагулова предложила отложить закон.", "Надира Жумагулова"),
    ("ru-masculine-verb-reads-it-as-a-genitive", RU,
     "Сторонники Надира Жумагулова заявил, что правы.", None),
    ("kk-first-nominative-before", KK, "Депутат Бекзат Оразов көпір туралы айтты.",
     "Бекзат Оразов"),
    ("kk-patronymic-in-the-accusative-is-no-subject", KK,
     "Жазушы Серік Ахметұлын кітапқа баға беруге шақырған едік.", None),
    ("en-next-to-the-verb", EN, "Sen. Ted Cruz (R-Texas) said it was wrong.", "Ted Cruz"),
    ("en-after-a-quote", EN, '"It was wrong," said Sen. Ted Cruz.', "Ted Cruz"),
    ("en-possessive-no", EN, "Clinton's aide said it was wrong.", None),
    ("en-joint-subjects-no", EN, "Trump and Ryan said it was wrong.", None),
]


@pytest.mark.parametrize(("lang", "text", "expected"), [c[1:] for c in SUBJECTS],
                         ids=[c[0] for c in SUBJECTS])
def test_subject_of(lang: Conventions, text: str, expected: str | None) -> None:
    assert subject(lang, text) == expected


@pytest.mark.parametrize(("lang", "word", "after", "expected"), [
    (RU, "он", "", Gender.MASC), (RU, "она", "", Gender.FEMN), (RU, "они", "", Gender.PLUR),
    (RU, "оно", "", None), (EN, "she", "", Gender.FEMN), (EN, "it", "", None),
    (KK, "ол", " айтты", Gender.UNKNOWN), (KK, "ол", " кезде", None),
], ids=["ru-он", "ru-она", "ru-они", "ru-оно", "en-she", "en-it", "kk-ол", "kk-ол-кезде"])
def test_pronoun(lang: Conventions, word: str, after: str, expected: Gender | None) -> None:
    text = word + after
    assert lang.pronoun(text, 0, len(word)) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    (RU, "судья потребовал", "судья"), (RU, "судьи потребовали", None),
    (RU, "глава ведомства заявил", "министр"), (KK, "Министрі айтты", "министр"),
    (KK, "Министрдің айтуынша", None), (KK, "Әкімге хат жазды", None),
    (EN, "the governor said", "governor"), (EN, "governor said", None),
], ids=["ru-role", "ru-plural-no", "ru-office", "kk-stem", "kk-genitive-is-no-subject",
        "kk-dative-is-no-subject", "en-the-role", "en-no-article"])
def test_role_noun(lang: Conventions, text: str, expected: str | None) -> None:
    start = 4 if text.startswith("the ") else 0
    end = text.index(" ", start)
    assert lang.role_noun(text, start, end, len(text)) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    (RU, "Выступил первый заместитель акима области Нуржан Календеров", "первый заместитель "
     "акима области"),
    (RU, "Встреча прошла с участием советника Малика Оспанова", "советник"),
    (KK, "Жиында облыс әкімі Ербол Қарашөкеев", "облыс әкімі"),
    (EN, "Priorities USA chief strategist Guy Cecil", "Priorities USA chief strategist"),
    (EN, "she accused Republican contender Donald Trump", "Republican contender"),
    (RU, "На встречу пришел министр науки и образования РК Иван Петров", "министр науки и "
     "образования РК"),
    (RU, "Выступил директор «Школы юных техников» Иван Петров", "директор «Школы юных "
     "техников»"),
    (RU, "Собеседником Анны Ивановой стал", ""),
    (RU, "Пояснил пресс-секретарь Нурбек Жумабаев", "пресс-секретарь"),
    (EN, "said Mr. Lew", ""),
    (EN, "(Reuters) - U.S. Democratic presidential candidate Ann Kim said", "U.S. Democratic "
     "presidential candidate"),
    (EN, "the field, including front-runner Ann Kim", "front-runner"),
    (KK, "Кеше Президент Серік Ахметов айтты", "Президент"),
    (KK, "Талдықорғандық «Жетісу» командасының бас бапкері Серік Ахметов", "Талдықорғандық "
     "«Жетісу» командасының бас бапкері"),
    (KK, "Бұл туралы журналист Серік Ахметов жазды", "журналист"),
    (RU, "Слово взяла депутат Бахыта Омарова", "депутат"),
    (RU, "Выступил известный врач и директор клиники «Здоровье» Иван Петров", "известный врач "
     "и директор клиники «Здоровье»"),
    (RU, "Выступили Иван Сидоров и депутат Анна Петрова", "депутат"),
    (RU, "Ответила исполняющая обязанности директора школы Анна Петрова", "исполняющая "
     "обязанности директора школы"),
    (RU, "В эфире экономист, ректор университета Иван Петров", "экономист, ректор университета"),
    (RU, "- отчитал Жаров Петрову.", ""),
    (RU, "Как сказал журналист, ректор университета Иван Петров", "ректор университета"),
    (KK, "Бұл туралы белгілі жазушы Серік Ахметов жазды", "жазушы"),
    (KK, "Мұны еліміздің Денсаулық сақтау министрі Серік Ахметов айтты", "Денсаулық сақтау "
     "министрі"),
    (KK, "Мұны Жамбыл облысы Талас ауданының әкімі Серік Ахметов айтты", "Жамбыл облысы Талас "
     "ауданының әкімі"),
], ids=["ru-title", "ru-oblique-title-in-nominative", "kk-role", "en-title", "en-after-verb",
        "ru-genitives-joined-by-and", "ru-quoted-organisation", "ru-name-is-the-complement",
        "ru-first-name-ending-as-a-surname", "en-honorific-is-no-role", "en-acronym-and-party",
        "en-stops-at-a-participle", "kk-stops-at-a-time-word", "kk-quoted-name-agent-noun",
        "kk-stops-at-a-postposition", "ru-feminine-name-read-as-a-man's-genitive",
        "ru-two-titles-joined-by-and", "ru-a-name-before-and-is-no-title", "ru-acting",
        "ru-a-title-set-before-by-a-comma", "ru-a-surname-is-no-title", "ru-not-after-a-verb",
        "kk-praise-is-no-title",
        "kk-our-country-is-no-title", "kk-a-place-that-ends-as-a-verb"])
def test_role_before(lang: Conventions, text: str, expected: str) -> None:
    name = lang.find_mentions(text, 0, len(text))[-1]
    assert lang.role_before(text, name.start) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    (RU, "Так считает Иван Петров, бывший премьер-министр РК в 1994–1997 гг. Почему?",
     "бывший премьер-министр РК в 1994–1997 гг"),
    (RU, "Иван Петров, глава хозяйства «Береке», сказал", "глава хозяйства «Береке»"),
    (RU, "Иван Петров, Анна Смирнова и другие", ""),
    (RU, "Иван Петров, городской отдел, сказал", ""),
    (RU, "Иван Петров, который пришел первым", ""),
    (RU, "Пришли Иван Петров, директор школы Анна Смирнова и другие", "директор школы"),
    (RU, "Гость студии Анна Петрова, ведущая программы «Утро» с Иваном Котовым.",
     "ведущая программы «Утро»"),
    (RU, "По словам Ивана Петрова, подготовительные работы уже начались.", ""),
    (KK, "Серік Ахметұлы, аудан әкімі, мәлімдеді", "аудан әкімі"),
    (KK, "Серік Ахметұлы, кеше келген, айтты", ""),
    (EN, "Robby Mook, Sanders' campaign manager, said", "Sanders' campaign manager"),
    (EN, "Jane Doe, a spokeswoman for the mayor, said", "spokeswoman for the mayor"),
    (EN, "Bernie Sanders, the Vermont senator, said", "Vermont senator"),
    (EN, "Jane Doe, pressed by the moderator, said", ""),
    (EN, "Jane Doe, who is a senator, said", ""),
    (EN, "Jane Doe, Tom Lee and Ann Kim", ""),
], ids=["ru-to-the-sentence-end", "ru-quoted-name", "ru-a-list-of-names", "ru-no-person-noun",
        "ru-relative-clause", "ru-stops-at-the-next-name", "ru-an-adjective-of-a-person",
        "ru-an-adjective-with-its-own-noun", "kk-role", "kk-no-role-noun",
        "en-possessive", "en-article", "en-the", "en-participle", "en-relative-clause", "en-list"])
def test_role_after(lang: Conventions, text: str, expected: str) -> None:
    name = lang.find_mentions(text, 0, len(text))[0]
    assert lang.role_after(text, name.end) == expected


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("Sen. Ann Kim (D-Ore.) told reporters", "Ann Kim", "Sen. (D-Ore.)"),
    ("Rep. Tom Reed (R) of Ohio, an ally of the speaker, said", "Tom Reed",
     "Rep. (R) of Ohio, an ally of the speaker"),
    ("Gov. Ann Kim, a former prosecutor, said", "Ann Kim", "Gov., a former prosecutor"),
    ("said Tom Reed, an engineer at the Acme plant.", "Tom Reed", "engineer at the Acme plant"),
    ("said Tom Reed, a day after the vote.", "Tom Reed", ""),
    ("The city's budget chief, Tom Reed, said", "Tom Reed", "the city's budget chief"),
    ("a letter from an attorney for the families, Ann Kim.", "Ann Kim",
     "attorney for the families"),
    ("As the mayor spoke, Ann Kim said", "Ann Kim", ""),
    ("Secretary of Public Works Ann Kim said", "Ann Kim", "Secretary of Public Works"),
    ("Ann Kim, Sen. Tom Reed and others", "Ann Kim", ""),
    ("the town's 2019 nominee, Ann Kim.", "Ann Kim", "the town's 2019 nominee"),
    ("the presumptive Green nominee Ann Kim said", "Ann Kim", "presumptive Green nominee"),
    ("Posted 09:10 AM EST\nAnn Kim, City Spokesperson\nToday", "Ann Kim", "City Spokesperson"),
    ("DR. REED: We are ready.", "REED", "DR."),
    ("Dr. Ann Kim, the county health director, said", "Ann Kim", "county health director"),
    ("said Metro Evening News co-Anchor Ann Kim.", "Ann Kim", "Metro Evening News co-Anchor"),
    ("a note from Senate aide and Fund for Clean Water President Ann Kim", "Ann Kim",
     "Senate aide and Fund for Clean Water President"),
    ("Tom Reed called Monday for Chief Justice Ann Kim to resign.", "Ann Kim", "Chief Justice"),
    ("Govs. Tom Reed (Ohio) and Ann Kim (Ore.) spoke.", "Ann Kim", "Gov. (Ore.)"),
    ("emails of former minister of defense Ann Kim were read", "Ann Kim",
     "former minister of defense"),
    ("wrote Ann Kim, a nurse in Gretna, La., on Facebook.", "Ann Kim", "nurse in Gretna, La."),
    ("said Tom Reed, a spokesman for Mrs. Kim.", "Tom Reed", "spokesman for Mrs. Kim"),
    ("Mr. Tom Reed, a spokesman, said", "Tom Reed", "spokesman"),
], ids=["party-and-state", "party-place-and-description", "title-and-description",
        "any-noun-with-an-article", "a-time-is-no-role", "role-then-comma", "role-for-then-comma",
        "a-clause-before-the-comma", "office-of", "list-with-a-title", "a-year-in-the-role",
        "adjective-before-a-party", "not-across-a-line", "all-caps-title",
        "courtesy-title-and-a-description", "prefixed-title", "two-roles-joined-by-and",
        "a-date-before-for-is-no-name", "plural-title-shared",
        "lowercase-office-of", "state-after-a-town", "honorific-inside-the-role-stays",
        "leading-honorific-goes"])
def test_roles_at_in_english(text: str, name: str, expected: str) -> None:
    start = text.index(name)
    assert EN.roles_at(text, start, start + len(name)) == (expected,)


@pytest.mark.parametrize(("lang", "text", "noun", "expected"), [
    (EN, "the independent Vermont senator said", "senator", "independent Vermont senator"),
    (EN, "the registered Democrat said", "Democrat", "registered Democrat"),
    (RU, "глава региона отметил", "глава", ""),
], ids=["en-description", "en-participle-before-the-noun", "ru-gives-the-role-by-the-name"])
def test_role_description(lang: Conventions, text: str, noun: str, expected: str) -> None:
    start = text.index(noun)
    assert lang.role_description(text, start, start + len(noun)) == expected


@pytest.mark.parametrize(("lang", "words", "expected"), [
    (RU, "показывая на дверь", True),
    (RU, "поет", True),
    (RU, "Алматинская область", False),
    (EN, "laughing", True),
    (EN, "Leeds, Central", False),
], ids=["ru-gerund", "ru-verb", "ru-place", "en-participle", "en-constituency"])
def test_stage_direction(lang: Conventions, words: str, expected: bool) -> None:
    assert lang.stage_direction(words) is expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    (RU, "советника Малика Оспанова", "Малик Оспанов"),
    (RU, "Сауле Абдрахмановой", "Сауле Абдрахманова"),
    (KK, "Бишімбаевтың", "Бишімбаев"),
    (RU, "слово дали адвокату подсудимой Чинаре Жумалиевой", "Чинара Жумалиева"),
    (RU, "корреспондента Ольги Рябовой", "Ольга Рябова"),
    (RU, "Собеседником Бигельды Габдуллина стал", "Бигельды Габдуллин"),
    (KK, "жазушы Серік Ахметұлын", "Серік Ахметұлы"),
    (KK, "Әсем Нұрланқызына", "Әсем Нұрланқызы"),
    (EN, "Sen. TED CRUZ", "Ted Cruz"),
], ids=["ru-genitive", "ru-unknown-surname-by-ending", "kk-case-ending",
        "ru-dative-first-name-by-its-ending", "ru-gender-from-the-name-not-the-title",
        "ru-genitive-complement-of-the-title", "kk-patronymic-accusative",
        "kk-patronymic-dative", "en-all-caps"])
def test_display_name(lang: Conventions, text: str, expected: str) -> None:
    name = lang.find_mentions(text, 0, len(text))[-1]
    assert lang.display_name(text, name, None, Gender.UNKNOWN) == expected


def test_every_language_answers_every_convention() -> None:
    # A new language is a class of its own: mypy checks it against the Protocol, this that
    # each of ours gives an answer (or a considered "no") rather than failing.
    text = "Иван Петров сказал, что мост готов."
    for lang in CONVENTIONS.values():
        lang.find_mentions(text, 0, len(text))
        lang.cue_verbs(text, 0, len(text))
        lang.closing_name(text, Verb(12, 18), len(text))
        lang.organisation_source(text, 0, len(text))
        lang.quote_head(text, 0, 5)
        assert lang.role_word("министра") is not None
        assert lang.role_after(text, 11) == ""
        assert lang.first_name_key("малика")
        assert lang.lexicon.connective.match(" ")


@pytest.mark.parametrize(("lang", "text", "expected"), [
    (RU, "Пресс-секретарь Нурбек Жумабаев сообщил", ["Нурбек Жумабаев"]),
    (KK, "Жазушы Талғат Айтбайұлы айтты", ["Талғат Айтбайұлы"]),
    (EN, "said United Bakers Union Treasurer Ann Cole.", ["Ann Cole"]),
    (EN, "altogether, ULWA Director of Public Affairs Tom Reed said.", ["Tom Reed"]),
    (EN, "Tom Reed Finally Backs Mayor Ann Kim", ["Tom Reed", "Ann Kim"]),
    (RU, "Докладчик Петров отметил, что все просто", ["Петров"]),
    (RU, "- отчитал Жамгырчиев Петрова.", ["Жамгырчиев", "Петрова"]),
    (RU, "Канат Абенов отметил", ["Канат Абенов"]),
    (EN, "Harbor Rival Tom Reed: the port must close", ["Tom Reed"]),
    (EN, "Co-anchor Ann Kim then asked", ["Ann Kim"]),
    (KK, "Министрлер Үкімет кулуарында сұраққа жауап берді", []),
    (KK, "Әкім Серік Әкімов жауап берді", ["Серік Әкімов"]),
], ids=["ru-first-name-ending-as-a-surname", "kk-patronymic", "en-name-after-an-organisation",
        "en-name-after-a-title-of-something", "en-a-headline-adverb-ends-a-name",
        "ru-a-person-noun-is-no-first-name", "ru-two-surnames-in-two-cases-are-two-people",
        "ru-an-inanimate-noun-can-be-a-first-name", "en-a-role-word-in-a-title-case-headline",
        "en-a-prefixed-role-word-opening-a-sentence", "kk-titles-and-institutions-are-no-names",
        "kk-a-surname-from-a-title-stays-a-name"])
def test_find_mentions(lang: Conventions, text: str, expected: list[str]) -> None:
    assert [m.text for m in lang.find_mentions(text, 0, len(text))] == expected


@pytest.mark.parametrize(("lang", "text", "first"), [
    (EN, "A spokesman for Harbor Valley Water said", "Harbor Valley Water"),
    (EN, "Kim Says Tolls Will Rise.", "Kim"),
    (EN, "DEFENSE ATTORNEY: Objection.", "DEFENSE ATTORNEY"),
], ids=["en-no-part-of-an-organisation", "en-title-case-headline", "en-caps-label-with-a-title"])
def test_first_mention(lang: Conventions, text: str, first: str) -> None:
    # Not "Valley Water", "Kim Says" nor "DEFENSE": the name as the text runs it.
    assert lang.find_mentions(text, 0, len(text))[0].text == first


NAME_PIECES = ["Иван", "Петров", "ИВАНОВ", "Ольга", "Белова", "С.", "К.", "Нурсұлтан",
               "Қасымұлы", "аким", "сказал", " ", " ", "\n", ",", ".", ":", "-", "«", "»",
               "А", "ов"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NAME_PIECES), max_size=30).map("".join), st.data())
def test_names_of_a_stretch_do_not_depend_on_the_text_around_it(text: str,
                                                                data: st.DataObject) -> None:
    # Why a short stretch's names may be remembered by its text: read in place or read
    # alone and moved back, a stretch gives the same names, words cut at its edges included.
    from speechsum.speakers.lang import cyrillic_names as names

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    found = names.find_mentions(text, start, end)
    assert found == names.find_mentions_in(text, start, end)
    assert found == names.find_mentions(text, start, end)  # remembered: the same again
    assert all(text[m.start : m.end] == m.text for m in found)
