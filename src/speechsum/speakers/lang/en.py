"""English: speech verbs as written, subjects next to their verb, titles before names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from speechsum.model import Gender, Language
from speechsum.speakers.claims import Mention
from speechsum.speakers.lang import en_lexicon as lexicon
from speechsum.speakers.lang import en_names
from speechsum.speakers.lang.base import Verb
from speechsum.speakers.lang.cyrillic_cases import display_name
from speechsum.speakers.marks import CUE_REACH, WORDS

NEGATION = re.compile(r"(?:\bnot|n['’]t|\bnever|\bdeclined to|\brefused to)\s+(?:\w+\s+)?$",
                      re.IGNORECASE)
SUBORDINATE = re.compile(r"\s*[\"“]?(?P<word>When|After|Before|As|If|Because|While|Although|"
                         r"Though|Since|Once|Until|Unless|Whether)\b")
FRAME_END = re.compile(r"\s*,")
# The next word, past an adverb: "Holt said", "Holt repeatedly praised".
NEXT_WORD = re.compile(r"\s(?:[a-z]+ly\s)?([A-Za-z]+)")
CATENATIVE = re.compile(r"\b(?:" + "|".join(lexicon.CATENATIVES) + r")\s+to\s+$", re.IGNORECASE)
PASSIVE = re.compile(r"\b(?:" + "|".join(lexicon.PASSIVE_AUXILIARIES) + r")\s+(?:\w+ly\s+)?$",
                     re.IGNORECASE)
BY_AGENT = re.compile(r"\bby\s+(?:\S+\s+){0,2}$")
AGENT_REACH = 8
# Verbs whose complement may come a few words later: "called on X to", "posted on Facebook
# that ...".
ANYWHERE = frozenset({"called", "calls", "posted", "posts", "sounded", "sounds"})
APPOSITIVE = re.compile(r"\s*\([^()]{0,40}\)|,[^,;:\"“”]{0,120},|"
                        r"^\s+of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*")
TRAILING_APPOSITIVE = re.compile(r",[^,;:.\"“”\n]{1,200},\s*(?:\w+ly\s+)?$")
# "The Times and the Gannett chain filed a motion, arguing ...": joint subjects.
JOINT_AFTER = re.compile(r"\s+(?:and|&)\s")
CONJOINED = re.compile(r"\b\w+[\"”’']?\s+and\s+(?:\w+ly\s+)?$")
ADVERBS = frozenset("""also later then again once further repeatedly had has have has had
    previously recently earlier today yesterday on monday tuesday wednesday thursday friday
    saturday sunday last week night month year this morning afternoon evening flatly simply
    publicly privately quickly has in an interview statement long often frequently already
    consistently first since been was is""".split())


def _adverb(word: str) -> bool:
    """An adverb between a subject and its verb: listed, or a manner adverb in "-ly"
    ("then loudly asked"), not a name such as "Kelly"."""
    low = word.lower()
    return low in ADVERBS or word[:1].islower() and len(low) > 4 and low.endswith("ly")


DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def _forms(lemma: str) -> tuple[str, ...]:
    """A regular English verb's -ed, -s and -ing forms ("decry" -> "decried", "decries")."""
    if lemma in lexicon.IRREGULAR:
        return lexicon.IRREGULAR[lemma]
    if lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif re.search(r"[^aeiou]y$", lemma):
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    if re.search(r"(?:s|sh|ch|x|z)$", lemma):
        third = lemma + "es"
    elif re.search(r"[^aeiou]y$", lemma):
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    return (past, ing) if lemma in lexicon.NOUN_LIKE else (past, third, ing)


SPEECH_FORMS = lexicon.SPEECH_VERBS | {f for lemma in lexicon.SPEECH_LEMMAS for f in _forms(lemma)}
ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Gen|Lt|Col|Sgt|St|Jr|Sr|"
                          r"Prof|Rev|Jan|Feb|Aug|Sept|Oct|Nov|Dec|No|Vol|U\.S|D\.C))\.$")
CUE_STOP = re.compile(r"[.!?](?=\s|$)|[,:](?=\s*[\"“‘])|\s(?=[\"“])")
POSSESSIVE = re.compile(r"['’]s?\b")
TITLE_NOUNS = {"sen": "senator", "gov": "governor", "rep": "representative",
               "pres": "president", "gen": "general", "dr": "doctor"}


class English:
    """English news, press briefings and transcripts."""

    language = Language.EN
    lexicon = lexicon.LEXICON

    def find_mentions(self, text: str, start: int, end: int) -> list[Mention]:
        return en_names.find_mentions(text, start, end)

    def reporting_word(self, word: str) -> bool | None:
        return word in SPEECH_FORMS or word in lexicon.SPEECH_LEMMAS or (
            word in lexicon.NEEDS_COMPLEMENT)

    def speech_verbs(self, text: str, start: int, end: int) -> list[Verb]:
        """"called for", "pointed out" need their particle; negated ones ("did not say",
        "declined to comment") do not count; "managed to ask" is asking."""
        found: list[Verb] = []
        for m in WORDS.finditer(text, start, end):
            word = m.group().lower()
            need = lexicon.NEEDS_COMPLEMENT.get(word)
            verb_start = m.start()
            catenative = CATENATIVE.search(text, max(start, m.start() - 24), m.start())
            if catenative is not None and word in lexicon.SPEECH_LEMMAS:
                verb_start = catenative.start()  # "managed to ask": the asking is managed
            elif word not in SPEECH_FORMS and need is None:
                continue
            after = text[m.end() : m.end() + 30].lower()
            if need and not (any(n in after for n in need) if word in ANYWHERE else
                             after.lstrip().startswith(tuple(n.strip() for n in need))):
                continue  # "spoke at a gathering" is not "spoke about"
            if NEGATION.search(text, max(start, verb_start - 20), verb_start):
                continue
            if _in_leading_clause(text, start, verb_start, m.end()):
                continue  # "When Sanders accused Clinton of ..., she said": the main clause speaks
            if m.group()[:1].isupper() and word.endswith(("ed", "ing")) and not text[
                    start : m.start()].strip(" \"“‘'"):
                continue  # "Asked about the plan, Smith said ..." - a participle, not the predicate
            # "was questioned by": passive; "has been critical of": an adjective, never so.
            passive = word not in lexicon.STANCE_ADJECTIVES and bool(
                PASSIVE.search(text, max(start, verb_start - 24), verb_start))
            found.append(Verb(verb_start, m.end(), passive=passive))
        return found

    def cue_verbs(self, text: str, start: int, end: int) -> list[Verb]:
        return []

    def subject_of(self, text: str, mentions: Sequence[Mention], verb: Verb) -> Mention | None:
        if verb.passive:
            return agent_of(text, mentions, verb)
        return subject_next_to(text, mentions, verb.start, verb.end)

    def cue_subject(self, text: str, mentions: Sequence[Mention], verb: Verb,
                    end: int) -> Mention | None:
        return subject_next_to(text, mentions, verb.start, verb.end)

    def closing_name(self, text: str, verb: Verb, end: int) -> Mention | None:
        return None

    def introduction_subject(self, text: str, mentions: Sequence[Mention],
                             verbs: Sequence[Verb]) -> Mention | None:
        if not verbs:
            return None
        verb = verbs[-1]
        if text[verb.start : verb.end].lower() in ("saying", "adding", "telling"):
            # "Sanders compared himself to Clinton, saying," - the sentence's subject.
            return mentions[0] if mentions and mentions[0].start < verb.start else None
        return subject_next_to(text, mentions, verb.start, verb.end)

    def zero_subject(self, text: str, start: int, verb: Verb) -> bool:
        return all(w.lower() in ADVERBS | {"and", "but"} for w in WORDS.findall(text, start,
                                                                                verb.start))

    def pronoun(self, text: str, start: int, end: int) -> Gender | None:
        g = lexicon.PRONOUNS.get(text[start:end].lower())
        return None if g is None else Gender(g)

    def role_noun(self, text: str, start: int, end: int, limit: int) -> str | None:
        word = text[start:end].lower()
        if word in lexicon.ROLE_NOUNS and re.search(r"\b[Tt]he\s+(?:[\w-]+\s+){0,3}$",
                                                   text[max(0, start - 40) : start]) and not (
                POSSESSED.match(text, end)):
            return word  # "the governor said"; not "the Republican candidate’s son"
        return None

    def role_word(self, word: str) -> str | None:
        return word.lower()

    def role_before(self, text: str, start: int) -> str:
        """The title before a name, without a bare "Mr."/"Mrs.", which is no role."""
        words = en_names.role_before(text, start).split()
        return " ".join(w for w in words if w.lower().rstrip(".") not in en_names.HONORIFICS)

    def role_after(self, text: str, end: int) -> str:
        return en_names.role_after(text, end)

    def stage_direction(self, words: str) -> bool:
        first = words.split()[0] if words.split() else ""
        return first[:1].islower() and (first.endswith(("ing", "s", "ed")) or (
            first in lexicon.SPEECH_VERBS))

    def role_description(self, text: str, start: int, end: int) -> str:
        return en_names.role_before(text, end)

    def roles_at(self, text: str, start: int, end: int) -> tuple[str, ...]:
        """One role joining all the text gives around the name ("Sen. (R-S.C.), a former
        presidential candidate"), without a bare "Mr."/"Mrs."."""
        words = en_names.role_around(text, start, end).split(" ")
        while words and words[0].lower().rstrip(".,") in en_names.HONORIFICS:
            words.pop(0)  # "Mr. Ann Kim"; but "spokesman for Mrs. Kim" keeps hers
        return (" ".join(words).strip(" ,"),)

    def role_nouns(self, role: str) -> set[str]:
        return {TITLE_NOUNS.get(low, low) for low in (w.lower().rstrip(".") for w in role.split())}

    def source_title(self, words: str) -> bool:
        """"Minister", "the party's chairman", "Health Minister" (capitalised words ending in a
        title) before a name; not "the documents released by"."""
        found = WORDS.findall(words)
        titles = lexicon.TITLES | lexicon.ROLE_HEADS
        if all(w.lower() in titles | {"the"} for w in found):
            return True
        return found[-1].lower() in titles and all(w[:1].isupper() for w in found)

    def first_name_key(self, first: str) -> str:
        return first

    def display_name(self, text: str, mention: Mention, case: str | None,
                     gender: Gender) -> str:
        return display_name(mention.words)

    def organisation_source(self, text: str, start: int, end: int) -> tuple[str, str] | None:
        return None

    def organisation_subject(self, text: str, start: int, verb: Verb) -> str | None:
        """"The Clinton campaign says", "Ryan’s campaign shrugged off": a name and an
        organisation noun right before the verb."""
        m = ORGANISATION_BEFORE.search(text, max(start, verb.start - 80), verb.start)
        if m is None or m.group("noun").lower() not in lexicon.ORGANISATION_NOUNS:
            return None
        return m.group("name").rstrip()

    def cue_after(self, text: str, pos: int, limit: int) -> tuple[int, int] | None:
        """'"...," Smith said.', '"...?" asked Sen. Ted Cruz (R-Texas).', '"...," she said, "'."""
        mark = pos
        while mark > max(0, pos - 3) and text[mark - 1] in "\"”’'»":
            mark -= 1  # past the closing marks, one or two ("''"), not a run of a thousand
        before_mark = text[max(0, mark - 1) : mark]
        m = re.compile(r",?\s+").match(text, pos, limit)
        if m is None or before_mark not in ",?!—–-…" and text[pos : pos + 1] != ",":
            return None
        end = _cue_stop(text, m.end(), limit)
        verbs = self.speech_verbs(text, m.end(), end)
        # '"...," Joan Pike, the head of the panel, told reporters.': an appositive aside.
        if not verbs or len(WORDS.findall(APPOSITIVE.sub(" ", text[m.end() : verbs[0].start]))) > 6:
            return None
        return pos, end

    def quote_head(self, text: str, start: int, quote_start: int) -> bool:
        """'Yet Trump is also a “wild card,” Cole said.' - the narration before the quote is
        the speaker's too, unless it is a clause of its own."""
        head = text[start:quote_start]
        if len(WORDS.findall(head)) < 2 or re.search(r"[\"“”:]|,\s*$", head):
            return False
        return not self.speech_verbs(text, start, quote_start)

    def settle_mentions(self, text: str, spans: Sequence[tuple[int, int]],
                        found: Sequence[Sequence[Mention]]) -> list[tuple[Mention, ...]]:
        """A word alone is a name when the text gives it somewhere with a first name or a
        title ("Bernie Sanders", "Mr. Sanders"), right before a speech verb or a colon
        ("Holt said"), or capitalised where capitals tell: inside a sentence, not after
        "the"/"its" nor after a party word ("Republican Party"). A run inside the title of
        the name after it is none ("Fox Business moderator Gerard Baker"); one after "the"
        is an organisation ("the Secret Service", "The Daily Herald"), which "she" and "he"
        do not refer to."""
        found = [[replace(m, gender=Gender.PLUR) if THE_BEFORE.search(
            text, max(0, m.start - 5), m.start) else m
                  for k, m in enumerate(mentions) if not _inside_role(text, mentions, k)
                  and not _names_an_organisation(text, m) and not _heading(text, span, m)]
                 for span, mentions in zip(spans, found, strict=True)]
        confirmed = set()
        for m in (m for mentions in found for m in mentions):
            if len(m.words) > 1 or en_names.role_before(text, m.start):
                confirmed.add(m.key)
                continue
            before = re.search(r"(\S+)\s+$", text[max(0, m.start - 30) : m.start])
            word = before.group(1) if before is not None else ""
            if word.lower() in lexicon.DETERMINERS or (
                    word[:1].isupper() and word.lower() in lexicon.NOT_NAME_WORDS):
                continue  # "its Tweet", "the Philippines", "Republican Party"; not "Tuesday, Obama"
            after = NEXT_WORD.match(text, m.end)
            if text[m.end : m.end + 1] == ":" or after is not None and (
                    after.group(1).lower() in SPEECH_FORMS | lexicon.NEEDS_COMPLEMENT.keys()):
                confirmed.add(m.key)  # "Holt said", "Smith: ..." - a name as speakers have
            elif before is not None and not re.search(r"[.!?:\"“”‘'(]$", before.group(1)):
                confirmed.add(m.key)  # capitalised inside a sentence, where capitals tell
        return [tuple(m for m in mentions if len(m.words) > 1 or m.key in confirmed)
                for mentions in found]

    def label_mention(self, text: str, start: int, end: int) -> Mention | None:
        if text[start:end].lower() in lexicon.TITLES | lexicon.NOT_NAME_WORDS:
            return None
        return en_names.label_mention(text, start, end)


def _in_leading_clause(text: str, start: int, verb_start: int, verb_end: int) -> bool:
    """Whether a verb lies in a subordinate clause that opens its sentence, before the comma
    that ends it ("When Sanders accused Clinton of ..., she said"); "As X has argued, ..." is
    no such clause but the frame of what follows."""
    opener = SUBORDINATE.match(text, start, verb_start)
    if opener is None or "," in text[start:verb_start]:
        return False
    return not (opener.group("word") == "As" and FRAME_END.match(text, verb_end))


def agent_of(text: str, mentions: Sequence[Mention], verb: Verb) -> Mention | None:
    """"The treasurer was questioned for an hour by Councilwoman Rosa Diaz": the name after
    "by" in the verb's clause, its title passed over ("by Fox Business moderator Ed Kim")."""
    for m in mentions:
        if m.start < verb.end:
            continue
        between = text[verb.end : m.start]
        if re.search(r"[.;:!?\"“”]", between) or len(WORDS.findall(between)) > AGENT_REACH:
            return None
        role = en_names.role_before(text, m.start)
        title = text.rfind(role, verb.end, m.start) if role else -1
        if BY_AGENT.search(between) or title >= 0 and BY_AGENT.search(text, verb.end, title):
            return m
    return None


def _cue_stop(text: str, start: int, limit: int) -> int:
    """Where an English cue clause ends: its sentence's end, or the next quote."""
    limit = min(limit, start + CUE_REACH)
    for m in CUE_STOP.finditer(text, start, limit):
        if m.group() == "." and ABBREVIATION.search(text, max(start, m.start() - 5), m.end()):
            continue
        return m.end()
    return limit


def subject_next_to(text: str, mentions: Sequence[Mention], vs: int, ve: int) -> Mention | None:
    """"Sen. Ted Cruz (R-Texas), who ..., said" or "said Sen. Ted Cruz": the name next to the
    verb, with only a parenthesis, an appositive or an adverb between; not a possessive and
    not one of two joint subjects ("Trump and Ryan said")."""
    lead = [m for m in mentions if m.end <= vs]
    if text[vs:ve].lower().endswith("ing"):
        if lead and not POSSESSIVE.search(text, lead[0].end, lead[0].end + 2) and not (
                JOINT_AFTER.match(text, lead[0].end)):
            start = max(0, text.rfind(".", 0, lead[0].start), text.rfind("\n", 0, lead[0].start))
            if len(WORDS.findall(text[start : lead[0].start])) <= 3:
                return lead[0]  # "Trump spoke to ..., promising to ..." - the sentence's subject
        return None
    aside = TRAILING_APPOSITIVE.search(text, max(0, vs - 240), vs)
    if aside is not None:
        # "David Simas, assistant to the president and director of the Office, said": the
        # name before the aside, whatever names the aside holds.
        before = [m for m in lead if m.end <= aside.start()]
        if before and before[-1].nominative and not text[before[-1].end : aside.start()].strip(
                ) and not POSSESSIVE.match(text, before[-1].end, before[-1].end + 2):
            return before[-1]
    for m in list(reversed(lead))[:3]:
        if POSSESSIVE.match(text, m.end, m.end + 2) or not m.nominative:
            continue  # "Clinton's aide", "Cole of Oklahoma", "Daughter Of Eric Garner"
        clause = text[max(0, m.start - 80) : m.start]
        if re.search(r"\b(?:who|which|whose|that)\b[^,.;:!?\n\"“”]*$", clause):
            continue  # "McCaskill, who has endorsed Clinton, said": Clinton is an object
        between = text[m.end : vs]
        if re.fullmatch(r"\s*(?:\([^()]{0,40}\))?\s*,[^\"“”;:]{0,200},\s*", between):
            between = " "  # "Sanders, meanwhile, who sits at zero endorsements, said"
        between = APPOSITIVE.sub(" ", between)
        words = WORDS.findall(between)
        if len(words) > 4 or not all(_adverb(w) for w in words) or any(
                w[:1].isupper() and w.lower() not in DAYS for w in words):
            continue
        if re.search(r"\b(?:and|&)\s+$", text[max(0, m.start - 6) : m.start]):
            return None
        return m
    if CONJOINED.search(text, max(0, vs - 24), vs):
        # "Clinton repeatedly invoked Obama and suggested that ...": the sentence's subject.
        if lead and lead[0].nominative and not POSSESSIVE.match(text, lead[0].end):
            start = max(0, text.rfind(".", 0, lead[0].start), text.rfind("\n", 0, lead[0].start))
            clause = text[lead[0].end : vs]
            quoted = len(re.findall(r"[\"“”]", clause)) % 2 == 0  # a scare quote is in it
            if len(WORDS.findall(text[start : lead[0].start])) == 0 and quoted and not re.search(
                    r"[.;:!?]|\b(?:who|which|whose|that|but|while)\b", clause):
                return lead[0]
    if not re.search(r"[,\"”’]\s*$", text[max(0, vs - 3) : vs]):
        return None  # "said Smith" only after a quote or a comma
    for m in (m for m in mentions if m.start >= ve):
        between = text[ve : m.start]
        # "said Sen. Ted Cruz", "said United Steelworkers Political Director Tim Waters":
        # a few words, or a title of any length.
        title = en_names.role_before(text, m.start)
        extra = len(WORDS.findall(between)) - (len(WORDS.findall(title)) if title and (
            between.rstrip().endswith(title)) else 0)
        if extra <= 3 and "," not in between and not re.match(r"['’]s\b", text[m.end :]):
            return m
        break
    return None


# "The Clinton campaign says", "The State Department has said": a name, an organisation
# noun (capitalised or not), an auxiliary or an adverb, then the verb.
ORGANISATION_BEFORE = re.compile(r"(?<![\w'’])(?:[Tt]he[ \t]+)?(?P<name>(?:(?!The\b)[A-Z][\w.-]*"
                                 r"(?:['’]s?)?[ \t]+){1,3}(?!(?:has|have|had|will|would|also)\b)"
                                 r"(?P<noun>[A-Za-z]+))[ \t]+"
                                 r"(?:(?:has|have|had|will|would|also|\w+ly)[ \t]+){0,2}$")
# "the Republican candidate’s son": the role noun's phrase ends in a possessive.
POSSESSED = re.compile(r"(?:[ \t]+[\w-]+){0,2}?['’]s?\b(?![\w'’])|['’]s\b")
THE_BEFORE = re.compile(r"(?<![\w'’])[Tt]he[ \t]+$")


def _heading(text: str, span: tuple[int, int], m: Mention) -> bool:
    """"FULL TEXT.", "UPDATE": a paragraph of capitals only is a heading, not a name."""
    return m.text.isupper() and not text[span[0] : span[1]].replace(m.text, "").strip(" .!\n")


def _names_an_organisation(text: str, m: Mention) -> bool:
    """"The Clinton campaign", "Ryan’s campaign": the name is the organisation's, not a
    person speaking."""
    after = re.match(r"(?:['’]s?)?[ \t]+([a-z]+)\b", text[m.end : m.end + 20])
    return after is not None and after.group(1) in lexicon.ORGANISATION_NOUNS


def _inside_role(text: str, mentions: Sequence[Mention], k: int) -> bool:
    """A capitalised run inside the role before the next name modifies that role ("Fox
    Business moderator Gerard Baker")."""
    m = mentions[k]
    if k + 1 < len(mentions):
        after = mentions[k + 1]
        role = en_names.role_before(text, after.start)
        at = text.rfind(role, max(0, after.start - 160), after.start) if role else -1
        return 0 <= at <= m.start and m.end <= after.start
    return False

