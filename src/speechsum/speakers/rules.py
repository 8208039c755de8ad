"""The table of contents of attribution: every sieve, in the order it is tried.

Three stages, as CoreNLP's quote attribution has them: *finders* say which stretches are
speech and what cue they have; *sources* say who that cue names, first answer wins;
*discourse* rules give the claims no cue names the voice of their neighbours. A rule set is
one value, so a new convention is one function here and its table of test cases.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from speechsum.speakers import discourse
from speechsum.speakers.claims import Claim, Claims, Ref
from speechsum.speakers.document import Doc
from speechsum.speakers.finders.captions import caption_voice
from speechsum.speakers.finders.dashes import (
    dash_paragraph,
    inner_dash_quote,
    interview_exchange,
    unquoted_speech,
)
from speechsum.speakers.finders.headlines import headline_label
from speechsum.speakers.finders.quotes import colon_speech, quotation
from speechsum.speakers.finders.reported import reported_speech
from speechsum.speakers.finders.transcript import transcript_turn
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
    voice_name,
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

Finder = Callable[[Doc], Iterable[Claim]]
SourceRule = Callable[[Doc, Claim], Ref | None]
DiscourseRule = Callable[[Doc, Claims, int], Ref | None]

# Is it speech, and where is its cue? Earlier finders win the words they claim.
FINDERS: tuple[Finder, ...] = (
    transcript_turn,     # "ИВАНОВ: ...", "Ведущий:", "Mr. Speaker" on its own line
    headline_label,      # "Sanders: Endorsements ...", "... – Рафаэль Уразбахтин"
    interview_exchange,  # "— Вопрос? — Ответ." with no cues
    dash_paragraph,      # "- ..., - сказал X.", and dash quotes closed paragraphs later
    inner_dash_quote,    # "... ответить. - Я понял, - ответил X."
    unquoted_speech,     # "Мектеп жөнделеді, – деді Самат Ержанов." (a lost dash)
    colon_speech,        # "Исаков спрашивает: почему так дорого?"
    quotation,           # «...», - сказал X. / X: «...» / '"...," Smith said.'
    reported_speech,     # "отметил, что ...", "По словам X, ...", "said that ..."
)
CAPTION_FINDERS: tuple[Finder, ...] = (caption_voice,)

# Who does the cue name? The first rule that answers names the speaker.
SOURCES: tuple[SourceRule, ...] = (
    label_names,             # the name or role in a label
    voice_name,              # a caption's voice
    interviewer,             # "Беседовала Анна Иванова", "в интервью Kaktus.media"
    cue_names,               # "- сказал Иван Петров."
    closing_name,            # "- деді депутат Айдос Сарым."
    introduction_names,      # "Депутат Ибраев: «...»"
    cue_pronoun,             # "- сказал он."
    cue_role,                # "- потребовал судья."
    quote_sentence_subject,  # "Самат Смақов ойында «...» деп ашық айтты."
    according_to,            # "По словам министра Ивана Петрова, ..."
    according_to_role,       # "По словам эксперта, ..."
    according_to_pronoun,    # "По его словам, ..."
    according_to_organisation,  # "По данным МИА «Казинформ», ..."
    organisation_source,     # "Как отмечают в департаменте полиции, ..."
    relative_clause_subject,  # "..., которая обратила внимание"
    verb_subject,            # "Аким Нурлан Ахметов отметил, что ..."
    pronoun_subject,         # "Он также напомнил, что ..."
    headline_role,           # "Директор школы рассказала ..." above "директор Анна Ким"
    role_subject,            # "Затем прокурор заявил, что ..."
    organisation_subject,    # "Акимат города сообщил, что ..."
)

# No cue names them: whose voice do their neighbours give?
DISCOURSE: tuple[DiscourseRule, ...] = (
    discourse.quote_piece_neighbour,               # "- A, - сказал он. - B"
    discourse.cue_zero_subject,                    # "«...», – деп атап өтті."
    discourse.quote_continues,                     # '"...," she said. "More."'
    discourse.quote_paragraph_after_introduction,  # "Выступил X.\n«...»"
    discourse.quote_after_reported,                # 'Holt said ... "This is our priority."'
    discourse.quote_after_its_subject,             # 'He gave no cost. "We owe them that."'
    discourse.continues_reported,                  # "отметил, что ... . Кроме того, ..."
    discourse.multi_paragraph_quote,               # '“First.\n“Second,” she said.'
    discourse.dash_after_introduction,             # "Выступила X.\n- Программы работают."
    discourse.interviewee,                         # the answers of an interview
    discourse.headline_deck,                       # "Senator slams ...;\nVows to fight it."
)


@dataclass(frozen=True)
class RuleSet:
    """Which sieves run, in which order: one value, as CoreNLP's sieve list is one property."""

    finders: tuple[Finder, ...] = FINDERS
    sources: tuple[SourceRule, ...] = SOURCES
    discourse: tuple[DiscourseRule, ...] = DISCOURSE


NEWS = RuleSet()
CAPTIONS = RuleSet(finders=CAPTION_FINDERS, discourse=())


@lru_cache(maxsize=256)
def rule_name(rule: Callable[..., object]) -> str:
    """The name a rule is recorded by in segments: its function's name, with dashes (one
    string per rule, shared by all the claims it names)."""
    return rule.__name__.replace("_", "-")
