"""English word lists for attribution: data only."""

from __future__ import annotations

import re

from speechsum.speakers.lang.base import Lexicon

SPEECH_VERBS = frozenset(
    """
    said says say told tells added adds argued argues claimed warned warns stated
    explained explains noted insisted insists acknowledged acknowledges asked asks
    answered replied replies responded responds suggested suggests announced announces
    declared declares wrote writes tweeted tweets urged urges predicted predicts
    contended contends countered counters complained complains conceded concedes admitted
    admits recalled recalls observed observes emphasized emphasizes stressed stresses
    continued continues testified testifies vowed vows promised promises praised praises
    criticized criticizes blasted blasts accused accuses denied denies confirmed confirms
    remarked reiterated reiterates assured assures insists maintained maintains
    cautioned cautions charged disputed disputes boasted boasts joked jokes
    invited invites dismissed dismisses rejected rejects endorsed endorses expressed
    promising arguing warning claiming insisting noting
    mocked mocks slammed slams attacked attacks defended defends thanked thanks
    explained pointed saying adding telling calling
    """.split()
)

# The base forms of verbs that report speech with content, from which their -s, -ed and
# -ing forms are made (en.py); "managed to ask" and "tried to explain" use the base form.
SPEECH_LEMMAS = frozenset(
    """
    say tell add argue claim warn state explain note insist acknowledge ask answer reply
    respond suggest announce declare write tweet urge predict contend counter complain
    concede admit recall observe emphasize emphasise stress testify vow promise praise
    criticize criticise blast accuse deny confirm remark reiterate assure maintain caution
    dispute boast joke dismiss reject endorse express mock slam attack defend thank
    downplay lament tout decry deplore condemn applaud laud commend disclose reveal recount
    outline propose recommend advise implore beg plead quip retort exclaim proclaim assert
    allege opine conclude summarize summarise affirm reaffirm disagree inform notify
    highlight underscore hint mention cite apologize apologise congratulate chide scold
    rebuke berate lambast ridicule taunt interject muse speculate wonder gush reassure
    threaten concur clarify elaborate contradict refute lobby question hail welcome pledge
    request demand appeal protest doubt report blame fault press grill repeat
    """.split()
)

# Lemmas whose -s form is more often a noun ("reports", "demands"): only -ed and -ing.
NOUN_LIKE = frozenset(
    """
    note claim answer reply tweet promise attack thank question hail welcome pledge request
    demand appeal protest doubt report blame fault press grill state remark joke vow boast
    counter comment charge
    """.split()
)

# Forms that English does not make by rule.
IRREGULAR = {
    "say": ("said", "says", "saying"), "tell": ("told", "tells", "telling"),
    "write": ("wrote", "writes", "writing", "written"), "admit": ("admitted", "admits",
    "admitting"), "quip": ("quipped", "quips", "quipping"), "rebut": ("rebutted", "rebuts",
    "rebutting"), "swear": ("swore", "swears", "sworn"), "speak": ("spoke",), "plead":
    ("pleaded", "pleads", "pleading", "pled"), "lambast": ("lambasted", "lambasts",
    "lambasting"),
}

# Verbs that take another verb's infinitive: "managed to ask", "tried to explain".
CATENATIVES = ("managed", "tried", "sought", "attempted", "went on", "moved", "hastened",
               "rushed", "began", "started", "continued", "was quick", "were quick", "took pains")

# Forms that make the next verb passive: "was questioned by Councilwoman Rosa Diaz".
PASSIVE_AUXILIARIES = frozenset("was were is are been being be".split())

# Lemma-like forms that need a complement to be speech ("called for", "went after").
NEEDS_COMPLEMENT = {
    "called": (" for ", " on ", " a ", " an ", " it ", " him ", " her ", " them ", " out"),
    "calls": (" for ", " on ", " a ", " an ", " it ", " him ", " her ", " them ", " out"),
    "pointed": ("out", "to"),
    "continued": (":", ",", "to say"),
    "continues": (":", ",", "to say"),
    "laughed": ("off",),
    "shot": ("back",),
    "fired": ("back",),
    "hit": ("back", "out"),
    "pushed": ("back",),
    "went": ("after", "on to"),
    "spoke": ("about", "of", "out"),
    "hits": ("back",),
    "posted": (" that ", ":"),
    "posts": (" that ", ":"),
    "thanked": (),
    "attacked": (),
    "defended": (),
    "walked": ("back",), "walks": ("back",), "walking": ("back",),
    "weighed": ("in",), "weighs": ("in",), "chimed": ("in",), "lashed": ("out",),
    "doubled": ("down",), "laid": ("out",), "spelled": ("out",), "railed": ("against",),
    "played": ("down",), "brushed": ("off", "aside"), "opened": ("up about",),
    "agreed": ("that", "with"), "agrees": ("that", "with"),
    # A verb and its noun, an adjective and its preposition: stances the digest reports
    # ("sounded a positive note about", "took issue with", "has been critical of").
    "sounded": ("note", "warning", "alarm", " off"), "sounds": ("note", "warning", "alarm"),
    "took": ("aim", "issue", "a swipe", "shots", "some shots", "a shot"),
    "takes": ("aim", "issue", "a swipe", "shots"),
    "made": ("it clear", "clear that", "the case"), "makes": ("it clear", "the case"),
    "critical": ("of",), "voiced": (), "raised": ("concerns", "questions", "doubts"),
}

# Adjectives of a stance among them ("has been critical of"): no passive verb.
STANCE_ADJECTIVES = frozenset({"critical"})

PRONOUNS = {"he": "masc", "she": "femn", "they": "plur"}

# Words before a name that are titles, not part of the name.
TITLES = frozenset(
    """
    sen senator rep representative gov governor dr mr mrs ms miss prof president vice
    secretary mayor judge justice gen general lt col adm sgt rev sir madam speaker
    chairman chairwoman chair minister ambassador attorney commissioner sheriff chief
    director former first lady candidate nominee host anchor colonel lieutenant admiral
    major captain sergeant officer detective commander deputy assistant acting
    councilman councilwoman councilor congressman congresswoman assemblyman assemblywoman
    treasurer superintendent chancellor
    """.split()
)

# Participles that stand before a role as its adjective ("the registered Democrat", "her
# traveling press secretary"), unlike a verb before its object ("accused Republican ...").
ATTRIBUTIVE_PARTICIPLES = frozenset(
    """
    registered retired elected appointed acting traveling travelling leading outgoing
    incoming ruling founding presiding designated embattled longstanding sitting
    """.split()
)

# Nouns that make a name before them an organisation speaking as one ("the Clinton
# campaign said", "Ryan's campaign shrugged off").
ORGANISATION_NOUNS = frozenset(
    """
    campaign administration camp team committee agency department ministry office union
    service council commission bureau board court house
    """.split()
)

# Nouns that refer back to a named person ("the governor said").
# Words that can end a role before a name ("Priorities USA chief strategist Guy Cecil").
ROLE_HEADS = frozenset(
    """
    strategist staffer secretary adviser advisor aide chairperson chief executive leader
    official spokesman spokeswoman spokesperson manager director founder president
    candidate nominee contender rival host anchor moderator correspondent reporter editor
    daughter son wife husband mother father brother sister lawyer attorney general
    """.split()
)

ROLE_NOUNS = frozenset(
    """
    governor senator president mayor candidate nominee host anchor secretary congressman
    congresswoman chairman chairwoman businessman businesswoman billionaire minister
    ambassador judge sheriff director spokesman spokeswoman lawmaker
    republican democrat conservative progressive liberal incumbent challenger frontrunner
    front-runner veteran newcomer mogul legislator councilman councilwoman treasurer
    """.split()
)

# Capitalised words that do not start or make a name.
NOT_NAME_WORDS = frozenset(
    """
    the a an and but or nor so yet for in on at to from by with without of as after before
    when while if then than this that these those it its he she they we i you his her their
    our my your there here what who whom whose why how where which not no yes also still
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december jan feb mar apr jun jul aug
    sep sept oct nov dec today tomorrow yesterday mr mrs ms dr
    democratic democrat democrats republican republicans american americans gop
    asked speaking according follow partial read watch update editor note photo
    however meanwhile now later earlier last next one two three
    police officials authorities residents experts analysts critics sources lawmakers
    investigators prosecutors researchers scientists doctors witnesses observers supporters
    protesters voters workers students parents teachers leaders members officers organizers
    aides advocates opponents economists diplomats others many some both several people
    everyone nobody neither each most all few
    """.split()
)

NAME_PARTICLES = frozenset({"de", "van", "von", "der", "la", "le", "bin", "al", "da", "di"})

# Common first names, for "he"/"she" agreement.
FEMALE_NAMES = frozenset(
    """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
    margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
    stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda
    pamela nicole emma samantha katherine christine debra rachel catherine carolyn janet
    ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren
    joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa
    kathryn sara janice jean alice madison doris abigail julia judy grace denise amber marilyn
    beverly danielle theresa sophia marie diana brittany natalie isabella charlotte rose
    alexis kayla hillary nikki elizabeth loretta maya erica claire kellyanne sarah carly
    nancy elise kamala susan lisa jill michelle condoleezza madeleine janet gina dana kirsten
    tammy tulsi hope huma jen kristen kate katie sheryl valerie ruth sonia elena
    """.split()
)

MALE_NAMES = frozenset(
    """
    james robert john michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
    ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
    scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
    tyler aaron jose adam nathan henry douglas zachary peter kyle walter ethan jeremy harold
    keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan
    bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy
    eugene vincent russell elijah louis bobby philip johnny mike mitch mitt ted bernie barack
    bill chris tim tom jim jeb marco rand ben newt rick lindsey chuck harry nick guy karl
    reince sean stephen steve jared eric rudy jeff lee tom dick dan kevin vladimir xi boris
    """.split()
)

# Capitalised names that are places or institutions rather than speakers.
NOT_SPEAKERS = frozenset({
    "united states", "united kingdom", "white house", "congress", "senate", "house",
    "state department", "america", "russia", "china", "iran", "iraq", "syria", "israel",
    "europe", "washington", "wall street", "capitol hill", "supreme court",
    "justice department", "pentagon", "kremlin", "twitter", "facebook", "new york",
    "north korea", "south korea", "crosstalk", "laughter", "applause", "inaudible", "end",
})

# Words after which a name is an object or a modifier, not a subject.
OBJECT_MARKERS = frozenset(
    """
    with to by of for against from at on about than like over between under toward towards
    into onto upon a an behind beside after before during in near across inside outside
    around within throughout
    """.split()
)

# Words after which a capitalised word is a noun, not a name: "its Tweet", "the Philippines".
DETERMINERS = frozenset("a an the its his her their our my your this that these those".split())

# Lower-case words after which a name can still be a clause's subject: conjunctions,
# adverbs, and the reporting verbs that English puts before their subject ("said Smith").
SUBJECT_AFTER = frozenset(
    """
    and but or nor so yet then when while as because if though although since after before
    once until unless that which who whom where why how whether also now later meanwhile
    still even however instead indeed perhaps today yesterday tonight
    said says asked asks added adds wrote writes replied replies continued explained noted
    recalled insisted warned argued countered concluded tweeted
    """.split()
)

# Last words of names that are documents or polls, never speakers ("Gallup Poll").
NOT_SPEAKER_HEADS = frozenset("poll polls survey study report documents document memo".split())

LEXICON = Lexicon(
    according=re.compile(r"\baccording\s+to\s+", re.IGNORECASE),
    # ", adding that ...", ", adding she would ...": a cue that goes on with a clause.
    cue_content=re.compile(r",?\s+(?:adding|noting|saying|arguing|explaining|insisting|warning|"
                           r"stressing)\s+(?:that|he|she|they|it|we|there|the|his|her|their)\b",
                           re.IGNORECASE),
    joined_verbs=re.compile(r"\band\s+(?:\w+\s+)?$"),
    content_opener=re.compile(r"\s*(?:,\s*)?that\b|\s*:"),
    content_after=re.compile(r"[^.]{0,60}?:"),
    relative=re.compile(r",\s*who\s+(?:\w+\s+){0,2}$"),
    connective=re.compile(r"\s*(?:(?:But|And|Yet|Still|Also)\s+)?", re.IGNORECASE),
    interviewer=re.compile(r"(?:[Ii]nterviewed by|[Cc]onducted by)\s*:?\s*"),
    interviewer_label="Interviewer",
    interview=re.compile(r"\binterview|\b(?:answered|took) (?:\w+ )?questions\b", re.IGNORECASE),
    asker=re.compile(r"\b(?:(?:our\s+)?(?:correspondent|reporter|host|interviewer)|"
                     r"spoke\s+(?:to|with))\s+$", re.IGNORECASE),
    outlet_kinds=frozenset({"newspaper", "magazine", "channel", "radio", "agency", "website"}),
    introduction_marks=":,",
    definite_roles=True,
    role_labels={
        "mr speaker": "Mr. Speaker", "mr. speaker": "Mr. Speaker",
        "madam speaker": "Madam Speaker", "the speaker": "The Speaker",
        "the chairman": "The Chairman", "mr. chairman": "Mr. Chairman", "chairman": "Chairman",
        "the chair": "The Chair", "the clerk": "The Clerk", "q": "Q", "a": "A",
        "question": "Question", "answer": "Answer", "interviewer": "Interviewer",
        "moderator": "Moderator", "host": "Host", "reporter": "Reporter",
        "the president": "The President", "president": "President", "audience": "Audience",
        "guest": "Guest", "caller": "Caller", "panelist": "Panelist",
        "unidentified male": "Unidentified Male", "unidentified female": "Unidentified Female",
    },
    numbered_voices=("Speaker", "Participant"),
    titles=TITLES,
    # "END", or a byline note like "Follow Pam Key on Twitter @pamkey".
    trailer=re.compile(r"(?i:END|\(END\)|\[END\])$|"
                       r"Follow \S.{0,40} on (?:Twitter|X|Facebook|Instagram)\b"),
)
