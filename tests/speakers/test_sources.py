"""Each source rule alone: whom it names for a found claim, and when it says no.

Notation: a reference is written "Named(Иван Петров)", "Pronoun(masc)", "Role(судья)",
"Organisation(департамент полиции)", "Label(Ведущий)", or "-" when the rule says no.
"""

from __future__ import annotations

import pytest
from notation import attribute, read

from speechsum.model import Language
from speechsum.sentences import split_sentences
from speechsum.speakers import attribute_speakers
from speechsum.speakers.claims import Claim, Label, Named, Organisation, Pronoun, Ref, Role, SameAs
from speechsum.speakers.document import Doc
from speechsum.speakers.rules import FINDERS, NEWS, SOURCES, RuleSet, SourceRule, rule_name
from speechsum.speakers.sources.according import (
    according_to,
    according_to_organisation,
    according_to_pronoun,
    according_to_role,
    organisation_source,
)
from speechsum.speakers.sources.cues import (
    closing_name,
    cue_names,
    cue_pronoun,
    cue_role,
    introduction_names,
    label_names,
    quote_sentence_subject,
)
from speechsum.speakers.sources.headlines import headline_role
from speechsum.speakers.sources.interviews import interviewer
from speechsum.speakers.sources.subjects import (
    organisation_subject,
    pronoun_subject,
    relative_clause_subject,
    role_subject,
    verb_subject,
)


def describe(ref: Ref | None) -> str:
    if isinstance(ref, Named):
        return f"Named({ref.mention.text})"
    if isinstance(ref, Pronoun):
        return f"Pronoun({ref.gender.value})"
    if isinstance(ref, Role):
        return f"Role({'/'.join(ref.nouns)})"
    if isinstance(ref, Organisation):
        return f"Organisation({ref.name})"
    if isinstance(ref, Label):
        return f"Label({ref.display})"
    if isinstance(ref, SameAs):
        return f"SameAs({ref.claim})"
    return "-"


def claim_of(text: str, found_by: str, language: Language) -> Claim:
    """The first claim the finders make with that name."""
    doc = read(text, language)
    return next(c for finder in FINDERS for c in finder(doc) if c.found_by == found_by)


def source(text: str, found_by: str, rule: SourceRule, language: Language = Language.RU) -> str:
    return describe(rule(read(text, language), claim_of(text, found_by, language)))


CASES: list[tuple[str, str, str, SourceRule, Language, str]] = [
    # labels
    ("label-name", "ИВАНОВ: Начнем.\nПЕТРОВ: Да.", "transcript-label", label_names,
     Language.RU, "Named(ИВАНОВ)"),
    ("label-role", "Ведущий: Добрый вечер.\nГость: Спасибо.", "transcript-label", label_names,
     Language.RU, "Label(Ведущий)"),
    ("label-role-with-holder", "ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ (Иванов П. С.): Начнем.\nПЕТРОВ: Да.",
     "transcript-label", label_names, Language.RU, "Named(Иванов П. С.)"),
    ("headline-name", "Smith: The bridge will open in May\nThe mayor spoke.", "headline-label",
     label_names, Language.EN, "Named(Smith)"),
    ("label-says-no-to-a-clause", "«Мост откроем», - сказал Иван Петров.", "quote-cue-after",
     label_names, Language.RU, "-"),
    # reporting clauses
    ("cue-names", "«Мост откроем», - сказал Иван Петров.", "quote-cue-after", cue_names,
     Language.RU, "Named(Иван Петров)"),
    ("cue-names-agree-in-gender", "«Мост откроем», - сказала Иванова Анна.", "quote-cue-after",
     cue_names, Language.RU, "Named(Иванова Анна)"),
    ("cue-names-english", '"We will build it," Mayor Ed Kim said.', "quote-cue-after", cue_names,
     Language.EN, "Named(Ed Kim)"),
    ("cue-names-says-no-to-a-pronoun", "«Мост откроем», - сказал он.", "quote-cue-after",
     cue_names, Language.RU, "-"),
    ("closing-name-the-dictionary-does-not-know", "– Біз дайынбыз, – дейді Айнұр.",
     "dash-paragraph", closing_name, Language.KK, "Named(Айнұр)"),
    ("closing-name-says-no-to-a-place", "- Работы начнутся весной, - сообщили в Министерстве.",
     "dash-paragraph", closing_name, Language.RU, "-"),
    ("cue-pronoun", "«Мост откроем», - сказал он.", "quote-cue-after", cue_pronoun, Language.RU,
     "Pronoun(masc)"),
    ("cue-pronoun-english", '"We will build it," she said.', "quote-cue-after", cue_pronoun,
     Language.EN, "Pronoun(femn)"),
    ("cue-role", "- Доводы слабы, - заявил судья.", "dash-paragraph", cue_role, Language.RU,
     "Role(судья)"),
    ("cue-role-says-no-without-one", "- Доводы слабы, - заявил он.", "dash-paragraph", cue_role,
     Language.RU, "-"),
    ("cue-role-opening-an-introduction-without-a-speech-verb", "Төраға тағы бір мүмкіндік "
     "берді де: «Жауабыңыз толық емес»", "quote-after-colon", cue_role, Language.KK,
     "Role(төраға)"),
    ("cue-role-says-no-to-a-role-inside-an-introduction", "Жиынға әкім де келді: «Жол "
     "жөнделеді»", "quote-after-colon", cue_role, Language.KK, "-"),
    ("introduction-names", "Исаков парировал: «Это неправда»", "quote-after-colon",
     introduction_names, Language.RU, "Named(Исаков)"),
    ("introduction-without-a-verb", "Депутат Сидоров: «Закон нужно принять»",
     "quote-after-colon", introduction_names, Language.RU, "Named(Сидоров)"),
    ("interviewer-named", "Беседовала Анна Иванова.\nС нами Марат Оспанов.\n- Как дела?\n"
     "- Хорошо.\n- А школа?\n- Строится.", "interview-question", interviewer, Language.RU,
     "Named(Анна Иванова)"),
    ("interviewer-unnamed", "С нами Марат Оспанов.\n- Как дела?\n- Хорошо.\n- А школа?\n"
     "- Строится.", "interview-question", interviewer, Language.RU, "Label(Корреспондент)"),
    ("interviewer-after-an-asker-noun", "Директор театра Пётр Гуляев ответил на вопросы нашего "
     "корреспондента Ольги Рябовой.\n- С чего начнётся сезон?\n- С премьеры.",
     "interview-question", interviewer, Language.RU, "Named(Ольги Рябовой)"),
    ("interviewer-the-outlet-after-interview", "Депутат Иван Лапин в интервью Vesti.kg "
     "рассказал о бюджете.\n- Бюджет сбалансирован?\n- Да.", "interview-question", interviewer,
     Language.RU, "Organisation(Vesti.kg)"),
    ("interviewer-the-outlet-with-its-kind", "Газета «Вечерний город» опубликовала интервью с "
     "мэром Иваном Лапиным.\n- Бюджет сбалансирован?\n- Да.", "interview-question",
     interviewer, Language.RU, "Organisation(газета «Вечерний город»)"),
    ("interviewer-the-outlet-in-kazakh", "Бүгінгі «Ақпарат»-тың қонағы – жазушы Серік "
     "Ахметұлы.\n– Кітабыңыз қашан шығады?\n– Күзде.", "interview-question", interviewer,
     Language.KK, "Organisation(Ақпарат)"),
    ("headline-role-the-person-given-it-below", "Директор школы рассказала о первом дне.\n"
     "Директор школы Анна Ким встретила учеников.", "reported-speech", headline_role,
     Language.RU, "Named(Анна Ким)"),
    ("headline-role-says-no-in-the-body", "Прошел первый день.\nДиректор школы рассказала о "
     "нем.\nДиректор Анна Ким встретила учеников.", "reported-speech", headline_role,
     Language.RU, "-"),
    # according to
    ("according-to-name", "По словам министра Виктора Зайцева, ситуация под контролем.",
     "reported-speech", according_to, Language.RU, "Named(Виктора Зайцева)"),
    ("according-to-kazakh-genitive", "Дәрігер Әсел Бақытқызының айтуынша, кезек қысқарды.",
     "reported-speech", according_to, Language.KK, "Named(Әсел Бақытқызының)"),
    ("according-to-says-no-to-documents",
     "According to the documents released by WikiLeaks, the deal was done.", "reported-speech",
     according_to, Language.EN, "-"),
    ("according-to-role", "По словам эксперта, цены вырастут.", "reported-speech",
     according_to_role, Language.RU, "Role(эксперт)"),
    ("according-to-role-kazakh", "Министрдің айтуынша, жол салынады.", "reported-speech",
     according_to_role, Language.KK, "Role(министр)"),
    ("according-to-pronoun", "По его словам, ситуация под контролем.", "reported-speech",
     according_to_pronoun, Language.RU, "Pronoun(masc)"),
    ("organisation-source", "Как отмечают в департаменте полиции, постов пять.",
     "reported-speech", organisation_source, Language.RU, "Organisation(департамент полиции)"),
    ("organisation-source-a-proper-body-and-an-aside", "В Ивановской ЦРБ при этом «Вестнику» "
     "заверили, что очередей нет.", "reported-speech", organisation_source, Language.RU,
     "Organisation(Ивановская ЦРБ)"),
    ("organisation-source-a-chamber-reacted", "Ранее в Госдуме отреагировали на жалобы, что "
     "очередей нет.", "reported-speech", organisation_source, Language.RU,
     "Organisation(Госдума)"),
    ("organisation-source-says-no-to-a-city", "В Москве заявили, что очередей нет.",
     "reported-speech", organisation_source, Language.RU, "-"),
    ("organisation-source-in-a-quote-clause", "«Постов пять», — сообщили в департаменте "
     "полиции.", "quote-cue-after", organisation_source, Language.RU,
     "Organisation(департамент полиции)"),
    ("organisation-source-says-no-to-a-person-clause", "«Постов пять», — сообщил Иван Петров.",
     "quote-cue-after", organisation_source, Language.RU, "-"),
    ("according-to-an-acronym-and-its-name", "По данным ИА «Вести», дорогу откроют в мае.",
     "reported-speech", according_to_organisation, Language.RU, "Organisation(ИА «Вести»)"),
    ("according-to-an-acronym", "По данным МЧС, пожар потушен.", "reported-speech",
     according_to_organisation, Language.RU, "Organisation(МЧС)"),
    ("according-to-organisation-says-no-to-a-person", "По словам Ивана Петрова, пожар потушен.",
     "reported-speech", according_to_organisation, Language.RU, "-"),
    # subjects of speech verbs
    ("relative-clause-subject",
     "Слово взяла Гульнара Исаева, которая обратила внимание на цены.", "reported-speech",
     relative_clause_subject, Language.RU, "Named(Гульнара Исаева)"),
    ("verb-subject", "Глава района Нурлан Ахметов отметил важность ремонта школ.",
     "reported-speech", verb_subject, Language.RU, "Named(Нурлан Ахметов)"),
    ("verb-subject-inverted", "Об этом сообщил начальник управления Павел Орлов.",
     "reported-speech", verb_subject, Language.RU, "Named(Павел Орлов)"),
    ("verb-subject-not-the-object", "Иван Петров рассказал, что Анна Смирнова уехала.",
     "reported-speech", verb_subject, Language.RU, "Named(Иван Петров)"),
    ("verb-subject-says-no-to-joint-subjects", "Иванов и Петров заявили, что план готов.",
     "reported-speech", verb_subject, Language.RU, "-"),
    ("verb-subject-english-after-the-verb", '"It is done," said Sen. Ted Cruz.',
     "quote-cue-after", cue_names, Language.EN, "Named(Ted Cruz)"),
    ("verb-subject-kazakh-first-nominative", "Депутат Бекзат Оразов көпір салынатынын айтты.",
     "reported-speech", verb_subject, Language.KK, "Named(Бекзат Оразов)"),
    ("pronoun-subject", "Он также напомнил, что школа готова.", "reported-speech",
     pronoun_subject, Language.RU, "Pronoun(masc)"),
    ("pronoun-after-a-name-and-comma", "Затем слово взял Олег Петренко, он поблагодарил всех.",
     "reported-speech", pronoun_subject, Language.RU, "Named(Олег Петренко)"),
    ("pronoun-says-no-to-a-disagreeing-verb", "Она сказал, что школа готова.",
     "reported-speech", pronoun_subject, Language.RU, "-"),
    ("role-subject", "Затем прокурор заявил, что доводы слабы.", "reported-speech", role_subject,
     Language.RU, "Role(прокурор)"),
    ("role-subject-office", "Глава ведомства заявил, что доводы слабы.", "reported-speech",
     role_subject, Language.RU, "Role(министр)"),
    ("role-subject-english", "The governor said the bridge would open.", "reported-speech",
     role_subject, Language.EN, "Role(governor)"),
    ("organisation-subject", "Акимат города сообщил, что дорога готова.", "reported-speech",
     organisation_subject, Language.RU, "Organisation(акимат города)"),
    ("organisation-subject-kazakh-head-and-its-qualifiers", "Бұл туралы облыстық денсаулық "
     "сақтау басқармасы мәлім етті.", "reported-speech", organisation_subject, Language.KK,
     "Organisation(облыстық денсаулық сақтау басқармасы)"),
    ("organisation-subject-kazakh-object-between", "Қалалық жол басқармасы көшелер "
     "жөнделетінін хабарлады.", "reported-speech", organisation_subject, Language.KK,
     "Organisation(Қалалық жол басқармасы)"),
    ("role-subject-says-no-to-a-kazakh-dative", "Кеше әкімге сөгіс жарияланғанын департамент "
     "хабарлады.", "reported-speech", role_subject, Language.KK, "-"),
    ("quote-sentence-subject-kazakh", "Бапкер Серік Ахметов ойында «Біз жақсы ойнадық» деп "
     "ашық айтты.", "quote-cue-after", quote_sentence_subject, Language.KK,
     "Named(Серік Ахметов)"),
    ("quote-sentence-subject-says-no-to-a-dash-clause", "«Біз жақсы ойнадық», – деді бапкер.",
     "quote-cue-after", quote_sentence_subject, Language.KK, "-"),
]


@pytest.mark.parametrize(("text", "found_by", "rule", "language", "expected"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_source(text: str, found_by: str, rule: SourceRule, language: Language,
                expected: str) -> None:
    assert source(text, found_by, rule, language) == expected


def test_sources_say_no_to_claims_they_do_not_read() -> None:
    # A label rule does not read reporting clauses, a clause rule does not read labels, ...
    text = "ИВАНОВ: Начнем.\nПЕТРОВ: Да."
    claim = claim_of(text, "transcript-label", Language.RU)
    doc = read(text)
    assert [rule_name(r) for r in SOURCES if r(doc, claim) is not None] == ["label-names"]


def test_a_rule_that_says_no_changes_nothing() -> None:
    # Probing every source rule on every claim before attributing changes no one's speaker:
    # rules return references and never register anyone.
    text = ("Аким Марат Беков приехал в село. «Дорогу построим», - сказал он.\n"
            "Анна Смирнова отметила, что школа готова. Она добавила, что детсад откроют.")
    answered: list[str] = []

    def probe_everything(doc: Doc, claim: Claim) -> Ref | None:
        answered.extend(rule_name(r) for r in SOURCES if r(doc, claim) is not None)
        return None

    probed = attribute_speakers(text, split_sentences(text, Language.RU), Language.RU,
                                RuleSet(sources=(probe_everything, *NEWS.sources)))
    assert {"cue-pronoun", "verb-subject", "pronoun-subject"} <= set(answered)
    assert probed == attribute(text)
