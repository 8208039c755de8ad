"""English attribution, rule by rule, on own-written sentences ("Name <- fragment")."""

from __future__ import annotations

import pytest
from notation import attribute, check

from speechsum.model import Language

ENGLISH = [
    ("cue-after-name-verb",
     '"We will fix every road this summer," Mayor Linda Park said.',
     ["Linda Park <- We will fix every road"]),
    ("cue-after-verb-name-with-state-tag",
     '"The bill is dead," said Sen. Ted Walsh (R-Texas).',
     ["Ted Walsh <- The bill is dead"]),
    ("cue-in-the-middle",
     'Linda Park opened the meeting. "We are ready," she said, "and the money is there."',
     ["Linda Park <- We are ready", "Linda Park <- and the money is there"]),
    ("cue-before-with-colon",
     'Park said: "Nobody will lose their home."',
     ["Park <- Nobody will lose their home"]),
    ("participle-cue-before",
     'Gov. Mark Ellis answered the critics, saying, "The numbers speak for themselves."',
     ["Mark Ellis <- The numbers speak"]),
    ("reported-said-that",
     "Dr. Susan Meyer said the clinic would open in May.",
     ["Susan Meyer <- the clinic would open"]),
    ("reported-verb-at-end",
     "Linda Park spoke first. The budget is balanced for the first time in years, she said.",
     ["Linda Park <- The budget is balanced"]),
    ("according-to-name",
     "According to Tom Reyes, the plant will close next year.",
     ["Tom Reyes <- the plant will close"]),
    ("according-to-document-is-narration",
     "According to documents released by the city, the plant will close.",
     ["- <- the plant will close"]),
    ("asked-participle-is-not-predicate",
     "Asked about the delay, Park said the contractor was to blame.",
     ["Park <- the contractor was to blame"]),
    ("unnamed-spokesman-is-narration",
     '"We do not comment on rumors," a spokesman said.',
     ["- <- We do not comment"]),
    ("joint-subject-is-narration",
     "Park and Ellis said in a statement that talks would resume.",
     ["- <- talks would resume"]),
    ("negated-act-is-narration",
     "Ellis declined to comment on the report.",
     ["- <- declined to comment"]),
    ("possessive-is-not-the-speaker",
     "Ellis's spokesman said the governor was traveling.",
     ["- <- the governor was traveling"]),
    ("role-refers-back",
     "Gov. Mark Ellis toured the site. Later the governor said the bridge was safe.",
     ["Mark Ellis <- the bridge was safe"]),
    ("pronoun-skips-object",
     "Linda Park met with Tom Reyes on Monday. She said the deal was close.",
     ["Linda Park <- the deal was close"]),
    ("dateline-left-out",
     "SPRINGFIELD (AP) - Mayor Linda Park said on Monday the fees would rise.",
     ["- <- SPRINGFIELD", "Linda Park <- the fees would rise"]),
    ("place-is-not-a-speaker",
     "The United States said it would send aid.",
     ["- <- would send aid"]),
    ("parenthetical-between-subject-and-verb",
     "Tom Reyes, meanwhile, who has no endorsements, said the race was open.",
     ["Tom Reyes <- the race was open"]),
    ("leading-subordinate-clause",
     "When Reyes criticized Linda Park, she said the plan was fair.",
     ["Linda Park <- the plan was fair"]),
    ("shot-back-comma-quote",
     'Reyes shot back, "Mayor Park called them out. Nobody believed it."',
     ["Reyes <- Mayor Park called them out", "Reyes <- Nobody believed it"]),
    ("spoke-at-is-not-speech",
     "Reyes spoke at a dinner for veterans.",
     ["- <- spoke at a dinner"]),
    ("quote-inside-a-sentence-with-cue",
     'Yet the plan is also a "risky bet," Reyes said.',
     ["Reyes <- Yet the plan", "Reyes <- risky bet"]),
    ("object-of-relative-clause-is-not-subject",
     "Speaking later, Sen. Ann Cole (D-Mo.), who has endorsed Reyes, said the race was close.",
     ["Ann Cole <- the race was close"]),
    ("headline-name-colon",
     "Reyes: Endorsements prove Park is the establishment's choice\nThe race tightened.",
     ["Reyes <- Endorsements prove", "- <- The race tightened"]),
    ("according-to-capitalised-title",
     "According to Health Minister Dana Ortiz, vaccination rose by a fifth.",
     ["Dana Ortiz <- vaccination rose"]),
    ("according-to-documents-is-nobody",
     "According to the papers released by the court, Ortiz knew.",
     ["- <- Ortiz knew"]),
    ("bare-quote-after-reported-speech",
     'Mayor Jane Holt said the city would hire teachers. "This is our priority." '
     'The vote is in May.',
     ["Jane Holt <- This is our priority", "- <- The vote is in May"]),
    ("quote-after-narration-stays-unattributed",
     'Jane Holt visited the school. "This is our priority."',
     ["- <- This is our priority"]),
    ("conjoined-speech-verb",
     "Holt repeatedly praised Governor Ray Dunn and suggested that the budget was fair.",
     ["Holt <- the budget was fair"]),
    ("conjoined-verb-of-a-relative-clause-is-not-the-sentence",
     "Holt, who met Dunn and said the talks went well, left early.",
     ["- <- the talks went well"]),
    ("article-inside-the-quote-does-not-make-an-object",
     "“You saved us a,” Dale wrote.",
     ["Dale <- You saved us"]),
    ("compound-title-is-not-the-name",
     "Police Chief Sam Ortiz said officers arrested two men. Ortiz added that the search "
     "goes on.",
     ["Sam Ortiz <- arrested two men", "Sam Ortiz <- the search"]),
    ("collective-sources-are-not-speakers",
     "Officials said the bridge would close. Residents said they were worried.",
     ["- <- the bridge would close", "- <- they were worried"]),
    ("quote-over-paragraphs",
     "“The first paragraph opens the quote.\n“The second goes on.\n“The third ends it,” "
     "said Mayor Ed Kim.\nThe council met later.",
     ["Ed Kim <- The first paragraph", "Ed Kim <- The second goes on", "- <- The council met"]),
    ("unclosed-quote-then-narration-is-nobody",
     "“The first paragraph opens the quote.\nThe council met later.",
     ["- <- The first paragraph"]),
    ("relative-who-said",
     "The plan was criticized by Sen. Joan Fry, who said it would cost too much.",
     ["Joan Fry <- it would cost"]),
    ("cue-adding-that",
     '"Prices will not rise," Dana Ortiz said, adding that stocks would last.',
     ["Dana Ortiz <- stocks would last"]),
    ("quote-goes-on-after-a-connective",
     "Rep. Lee Zane spoke. “It is not do or die,” Zane said. But “the bid is stronger now.”",
     ["Lee Zane <- the bid is stronger"]),
    ("place-after-in-is-no-subject",
     "Officials in Texas said the roads were closed.",
     ["- <- the roads were closed"]),
    ("posted-that-is-speech",
     "Mark Hale posted on Facebook that the vote was rigged.",
     ["Mark Hale <- the vote was rigged"]),
    ("posted-a-photo-is-not",
     "Mark Hale posted a photo of his dog.",
     ["- <- a photo of his dog"]),
    ("same-surname-other-first-name",
     "Eric Dale founded the firm. His daughter Erica Dale said the firm would be sold.",
     ["Erica Dale <- the firm would be sold"]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in ENGLISH],
                         ids=[c[0] for c in ENGLISH])
def test_english(text: str, expected: list[str]) -> None:
    check(text, expected, Language.EN)


def test_title_kept_apart_from_name() -> None:
    text = '"We are ready," said Sen. Ted Walsh.'
    (speaker,) = attribute(text, Language.EN).speakers
    assert speaker.name == "Ted Walsh"
    assert speaker.role == "Sen."


def test_surname_alias_merges() -> None:
    text = ('Mayor Linda Park said the fees would rise. "It is not a choice," Park said.')
    (speaker,) = attribute(text, Language.EN).speakers
    assert speaker.name == "Linda Park"
    assert speaker.aliases == ("Park",)
