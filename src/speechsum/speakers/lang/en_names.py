"""English person and organisation names: capitalised runs, titles, possessives, gender."""

from __future__ import annotations

import re

from speechsum.model import Gender
from speechsum.speakers.claims import Mention
from speechsum.speakers.lang import en_lexicon as lexicon_en

# "O'Connor", "McCaskill", "Jean-Luc", "O." (a middle initial), "Jr."
# A possessive "’s" is not part of the word: "CNN’s Jake Tapper" is CNN, then Jake Tapper.
TOKEN = re.compile(r"[A-Z][a-z]{0,3}\.(?=\s)|[A-Z]\.(?=[A-Z])|"
                   r"[A-Za-z]+(?:['’-](?!s\b)[A-Za-z]+)*")
ADVERB = re.compile(r"\w{3,}(?:ally|ently|antly|ously|ively|fully|lessly|ately|ingly|edly)$")
POSSESSIVE = re.compile(r"['’]s?\b")
OF_BEFORE = re.compile(r"\b(?P<title>[A-Z][a-z]+)\s+(?:of|for)\s+$")


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Names in text[start:end]: runs of capitalised words, titles kept apart."""
    end = len(text) if end is None else end
    tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]
    mentions: list[Mention] = []
    i = 0
    while i < len(tokens):
        s, e, w = tokens[i]
        if not _can_start(w, text, s):
            i += 1
            continue
        j = i
        words: list[str] = []
        while j < len(tokens):
            ts, te, tw = tokens[j]
            if j > i and not _joined(text, tokens[j - 1][1], ts):
                break
            if not _name_word(tw) and not (words and tw in lexicon_en.NAME_PARTICLES):
                break
            words.append(tw)
            j += 1
            if POSSESSIVE.match(text, te) or te < end and text[te] in ",;:)":
                break
        # Titles ("Sen.", "Gov.") and leading role words are not part of the name;
        # in a longer run the name starts at a known first name ("Republican Karl Rove").
        k = 0
        while k < len(words) - 1 and _title(words[k]):
            k += 1
        # "Police Chief Sam Ortiz", "Health Minister Dana Ortiz", "McCain Challenger Kelli
        # Ward": words up to the last title or role word are the title, when at least two
        # words remain for the name.
        k = max([k] + [f + 1 for f in range(len(words) - 2) if _title(words[f]) or (
            is_role_word(words[f]) and words[f].lower().rstrip(".") not in lexicon_en.TITLES)])
        if len(words) - k >= 3:
            for f in range(k + 1, len(words) - 1):
                if _first_name(words[f]):
                    k = f
                    break
            else:
                of = OF_BEFORE.search(text, max(0, s - 40), s)
                if k == 0 and of is not None and _title(of.group("title")):
                    k = len(words) - 2  # "Director of Government Affairs Phil Smith"
        name = words[k:]
        if name and j < len(tokens) and _longer_proper_name(text, tokens, j):
            name = []  # "United Auto" of "United Auto Workers": a longer proper name
        if name and _title(name[-1]) and not all(w.isupper() for w in name):
            name = []  # "UMWA Director": a title ends no name ("DEFENSE ATTORNEY:" labels)
        while name and name[-1] in lexicon_en.NAME_PARTICLES:
            name.pop()
        if name and _acceptable(name, titled=k > 0):
            ns = tokens[i + k][0]
            ne = tokens[i + k + len(name) - 1][1]
            mentions.append(_mention(text, ns, ne, tuple(name), tuple(words[:k])))
        i = max(j, i + 1)
    return mentions


def _longer_proper_name(text: str, tokens: list[tuple[int, int, str]], j: int) -> bool:
    """The run stopped at a capitalised word that goes on with it ("United Auto| Workers"):
    not a verb or an adverb of a Title Case headline ("Clinton| Says ..."), not after "'s"."""
    prev_end, (start, _, word) = tokens[j - 1][1], tokens[j]
    if not word[:1].isupper() or not _joined(text, prev_end, start) or POSSESSIVE.match(
            text, prev_end):
        return False
    low = word.lower()
    if low in lexicon_en.SPEECH_VERBS or low.rstrip("s") in lexicon_en.SPEECH_LEMMAS or (
            low.endswith(("ly", "ed", "ing"))):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    words = re.findall(r"[A-Za-z]{4,}", line)
    return not (len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words))


def _acceptable(name: list[str], titled: bool) -> bool:
    """A name, not a place, poll or acronym; after a title an all-caps word is a surname."""
    if " ".join(name).lower() in lexicon_en.NOT_SPEAKERS:
        return False
    if re.fullmatch(r"[DRI]-[A-Z][A-Za-z.]*", name[0]):
        return False  # a party and state tag: "(D-Mo.)", "(R-Texas)"
    if name[-1].lower() in lexicon_en.NOT_SPEAKER_HEADS:
        return False
    return _is_name(name) or titled and len(name) == 1 and name[0].isupper()


def _first_name(word: str) -> bool:
    low = word.lower()
    return low in lexicon_en.FEMALE_NAMES or low in lexicon_en.MALE_NAMES


def _can_start(word: str, text: str, pos: int) -> bool:
    return word[:1].isupper() and (
        word.lower().rstrip(".") not in lexicon_en.NOT_NAME_WORDS or _title(word))


def _joined(text: str, prev_end: int, start: int) -> bool:
    word = re.search(r"[A-Za-z]+$", text[max(0, prev_end - 12) : prev_end])
    if text[prev_end:start] in (". ", ".") and word and word.group().lower() in lexicon_en.TITLES:
        return True  # "DR. BIRX": an all-caps title and its full stop
    tail = text[max(0, prev_end - 6) : prev_end]
    if tail.endswith(".") and not re.search(r"(?:^|\s)[A-Z][a-z]{0,3}\.$", tail):
        return False  # a full stop ends the name unless it closes "Sen." or "O."
    between = text[prev_end:start]
    # Spaces, non-breaking ones too ("Donald\xa0Trump"), but no line break.
    return len(between) <= 2 and all(c in " \xa0\u2009\u202f" for c in between)


def _name_word(word: str) -> bool:
    if not word[:1].isupper():
        return False
    low = word.lower().rstrip(".")
    if low in lexicon_en.SPEECH_VERBS or low in lexicon_en.NOT_NAME_WORDS or (
            low in lexicon_en.NEEDS_COMPLEMENT):
        return _title(word)
    # A Title Case headline's adverb ("Trump Finally Endorses"): no name ends so.
    return not ADVERB.search(low)


def _title(word: str) -> bool:
    return word.lower().rstrip(".") in lexicon_en.TITLES


def _is_name(words: list[str]) -> bool:
    """Not an all-caps acronym alone ("DNC"), not only titles."""
    plain = [w for w in words if not re.fullmatch(r"[A-Z]\.", w)]
    if not plain:
        return False
    if len(plain) == 1 and (plain[0].isupper() and len(plain[0]) <= 4):
        return False
    return not all(_title(w) for w in plain)


def _mention(text: str, start: int, end: int, words: tuple[str, ...],
             titles: tuple[str, ...]) -> Mention:
    surname = [w for w in words if not re.fullmatch(r"[A-Z]\.|Jr\.|Sr\.|I{2,3}", w)]
    last = (surname or list(words))[-1]
    key = "en:" + last.lower()
    subject = _can_be_subject(text, start) and not (
        re.match(r"['’]s?\b", text[end : end + 2]))  # "Hillary's campaign" is no subject
    return Mention(start, end, text[start:end], words, key, gender_of(words, titles), subject)


def _can_be_subject(text: str, start: int) -> bool:
    """Whether a name at `start` can be a clause's subject: not after a verb or a preposition
    ("a dinner honoring Governor Paul Kerr", "a deal with Kasich", "a Trump supporter").
    The title or role before the name is passed over; a conjunction, an adverb, a
    punctuation mark or an inverted reporting verb ("said Smith") leaves it a subject."""
    role = role_before(text, start)
    if role:
        start = text.rfind(role, max(0, start - 160), start)
    m = WORD_BEFORE.search(text, max(0, start - 40), start)
    if m is None or text[m.end() : start].strip(" \t"):
        return True  # the text's start, or punctuation between: a new sentence or clause
    word = m.group()
    low = word.lower().rstrip(".")
    if word.endswith(".") and low not in ABBREVIATED:
        return True
    if low.endswith(("ing", "ed")) and ARTICLE_BEFORE.search(text, max(0, m.start() - 5),
                                                              m.start()):
        return True  # "a smiling Clinton said": after an article a participle is an adjective
    return word[:1].isupper() or low in lexicon_en.SUBJECT_AFTER


def role_before(text: str, start: int) -> str:
    """"Republican vice-presidential nominee Gov. Mike Pence" -> the words before the name."""
    first = start
    tokens = list(ROLE_TOKEN.finditer(text, max(0, start - 120), start))
    for k in range(len(tokens) - 1, -1, -1):
        m = tokens[k]
        t = m.group()
        if "\n" in text[m.end() : first]:
            break  # "07:54 PM EDT\nNed Price": a title stays on the name's line
        low = t.lower().rstrip(".")
        if t.endswith(".") and low not in lexicon_en.TITLES and not ACRONYM.fullmatch(t):
            break  # a sentence's end, not "Gov." nor "U.S."
        if k > 0 and first < start and _joins(low, tokens[k - 1].group(), text[first:start]):
            first = m.start()  # "Center for American Progress", "Clinton aide and ..."
            continue
        if low in ROLE_STOP or not re.match(r"[A-Za-z]|(?:19|20)\d\d$", t) or "'" in t or (
                "’" in t or t == "I"):
            break  # "I'll let Deputy Mayor Ortiz", "Clinton's aide"
        if t[:1].islower() and (low in lexicon_en.SPEECH_VERBS or low.endswith(("ed", "ing"))) and (
                low not in lexicon_en.ATTRIBUTIVE_PARTICIPLES):
            break  # "she accused Republican contender Donald Trump", "including front-runner"
        first = m.start()
    words = text[first:start].strip().split()
    # Only a title or a role word right before the name makes a role ("chief strategist").
    if not words or not is_role_word(words[-1]):
        return _office_of(text, start)
    # "The", "And", "on Monday" go; a party stays ("Republican presidential nominee").
    while words and (words[0].lower() in ROLE_STOP or words[0][:1].islower() and (
            words[0].lower() in lexicon_en.NOT_NAME_WORDS)):
        words.pop(0)
    if any(w[:1].isupper() for w in words):
        while words and words[0][:1].islower() and (
                not ADJECTIVE.search(words[0]) or words[0] in OF_THE_MOMENT) and (
                words[0] not in lexicon_en.ATTRIBUTIVE_PARTICIPLES):
            words.pop(0)  # "let Deputy Mayor" -> "Deputy Mayor"; "presumptive GOP nominee"
    return " ".join(words)


def is_role_word(word: str) -> bool:
    """A title or role word, also with a prefix ("co-Anchor", "vice-chairman") or two of them
    joined ("Secretary-Treasurer")."""
    low = word.lower().rstrip(".")
    parts = low.split("-")
    return low in ROLE_WORDS or len(parts) > 1 and (parts[-1] in ROLE_WORDS and low.startswith(
        ("co-", "vice-", "ex-", "deputy-")) or all(p in ROLE_WORDS for p in parts))


def _joins(low: str, left: str, right: str) -> bool:
    """Whether "of"/"for" or "and" at this place joins two parts of one role: "of"/"for"
    between capitalised words of a name ("Center for American Progress President"), "and"
    after a role word ("Clinton aide and Center ... President")."""
    if low in ("of", "for"):
        return left[:1].isupper() and right.lstrip()[:1].isupper() and left.lower() not in (
            ROLE_STOP | lexicon_en.NOT_NAME_WORDS)  # not "called Wednesday for Justice Kim"
    return low == "and" and is_role_word(left) and right.lstrip()[:1].isupper()


def _office_of(text: str, start: int) -> str:
    """"Secretary of Homeland Security Jeh Johnson", "former secretary of state Colin
    Powell": an office whose head noun comes before "of"/"for", with what comes before the
    head ("UMWA Director of ..."); "Sens. Ann Kim (Ore.) and Tom Reed": a plural title
    shared by the names it lists."""
    shared = PLURAL_TITLE.search(text, max(0, start - 100), start)
    if shared is not None:
        return PLURAL_TITLES[shared.group("title").lower()]
    m = OFFICE_OF.search(text, max(0, start - 100), start) or OFFICE_OF_LOWER.search(
        text, max(0, start - 60), start)
    if m is None or m.group("head").lower() not in ROLE_WORDS:
        return ""
    return " ".join(w for w in (role_before(text, m.end("head")), m.group("rest").strip()) if w)


def role_after(text: str, end: int) -> str:
    """"Robby Mook, Sanders' campaign manager, said": words in apposition after the name and
    a comma, up to the next comma or the sentence's end, with a role word among them."""
    return appositive(text, end)[1]


def appositive(text: str, end: int) -> tuple[str, str]:
    """The article and the words of a role in apposition after a name ending at `end`. With
    an article the description is a role whatever its noun ("an elections analyst at the
    Cook Political Report"); without one it needs a role word ("Sanders' campaign manager")."""
    m = APPOSITIVE.match(text, end)
    if m is None:
        return "", ""
    words = m.group("role").split()
    if len(words) > APPOSITIVE_WORDS or any(w.lower() in APPOSITIVE_STOP for w in words):
        return "", ""
    first = words[0].lower()
    if first in ROLE_STOP or first in ("both", "for", "pressed") or first.endswith(("ed", "ing")):
        return "", ""  # ", pressed by the moderator", ", for years a Democrat"
    if words[0][:1].isupper() and words[0].lower().rstrip(".") not in lexicon_en.TITLES and (
            not words[0].endswith(("'", "’", "'s", "’s"))) and len(words) == 1:
        return "", ""  # "Smith, Jones and Brown"
    lows = [w.lower().rstrip(".,") for w in words]
    if len(words) == 1 and lows[0] in ABBREVIATED:
        return "", ""  # "Donald Trump, Sen. Ted Cruz and ...": the next name's title
    article = m.group("article") or ""
    if not any(w in ROLE_WORDS for w in lows) and not (
            article and not TIME_NOUNS.intersection(lows)):
        return "", ""  # ", a day after the debate"
    state = STATE_AFTER.match(text, m.end("role"))
    return article, m.group("role") + (state.group() if state else "")


def role_around(text: str, start: int, end: int) -> str:
    """The role the text gives a name at text[start:end], all of it: the title before, a
    party and state in brackets, "of" and a place, and a description in apposition after
    ("Rep. Tom Cole (R) of Oklahoma, an ally of GOP leadership" -> "Rep. (R) of Oklahoma,
    an ally of GOP leadership"); else a role set before the name by a comma ("the finance
    minister, Lou Jiwei,")."""
    before = role_before(text, start)
    if before:
        before = _with_possessor(text, text.rfind(before, max(0, start - 160), start), before)
    parts = [before] if before else []
    pos = end
    m = PARTY.match(text, pos)
    if m is not None and before:
        parts.append(m.group("party"))
        pos = m.end()
    m = OF_PLACE.match(text, pos)
    if m is not None and before:
        parts.append(m.group("place"))
        pos = m.end()
    article, after = appositive(text, pos)
    if after and len(parts) == 1 and parts[0].lower().rstrip(".") in COURTESY | HONORIFICS:
        parts = []  # "Dr. Ann Kim, the county health director": the description is her role
    head = " ".join(parts)
    if head and after:
        return f"{head}, {article} {after}" if article else f"{head}, {after}"
    return head or after or _role_set_before(text, start, end)


def _with_possessor(text: str, first: int, role: str) -> str:
    """"Trump’s campaign manager": a possessor right before a role is part of it."""
    m = POSSESSOR.search(text, max(0, first - 40), first)
    if m is None:
        return role
    owner = text[m.start() : first]
    return owner[:1].lower() + owner[1:] + role if owner[:4] in ("The ", "An ", "A ") else (
        owner + role)


def _role_set_before(text: str, start: int, end: int) -> str:
    """"The finance minister, Lou Jiwei, suggested", "by a lawyer for the outlets, Ann
    Kim.": a role and a comma before a name that a comma or a full stop closes."""
    comma = re.search(r",[ \t]+$", text[max(0, start - 4) : start])
    if comma is None or not re.match(r"[ \t]*[,.)]", text[end : end + 3]):
        return ""
    at = start - len(comma.group())
    role = role_before(text, at)
    if role:
        first = text.rfind(role, max(0, at - 160), at)
        return _with_possessor(text, first, role)
    m = ROLE_FOR.search(text, max(0, at - 100), at)
    if m is None or m.group("head").lower() not in ROLE_WORDS:
        return ""
    head = role_before(text, m.end("head"))
    return f"{head} {m.group('rest').strip()}" if head else ""


HONORIFICS = frozenset("mr mrs ms miss mister sir madam".split())
# Titles of courtesy rather than office: alone they are a role, beside a description not.
COURTESY = frozenset("dr rev prof".split())
# Adjectives by their ending, and "former": they stay before a capitalised role; words of
# the moment ("current", "present") say when, not which office.
ADJECTIVE = re.compile(r"(?:ive|al|ic|ous|ent|ant|ary|ian|ean|ish|ese)$|^(?:former|ex-\w+)$")
OF_THE_MOMENT = frozenset({"current", "present", "then"})
ROLE_WORDS = lexicon_en.TITLES | lexicon_en.ROLE_NOUNS | lexicon_en.ROLE_HEADS
TIME_NOUNS = frozenset("""day days week weeks month months year years morning afternoon
    evening night time times moment decade hour hours minute minutes weekend""".split())
# ", the Vermont senator," / ", a spokeswoman for the mayor." after a name.
APPOSITIVE = re.compile(r",[ \t]+(?:(?P<article>a|an|the)[ \t]+)?(?P<role>[^\W\d_][^,;:()\n\"“”]*?)"
                        r"(?=[ \t]*(?:[,;:)\"“”\n]|(?<!\bMrs)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)"
                        r"\.(?:\s|$)|$)|[ \t]+[-–—])")
APPOSITIVE_WORDS = 14
APPOSITIVE_STOP = frozenset("""said says told who which that is was are were has have had will
    would when while after before said, and, i he she they we it""".split())
ARTICLE_BEFORE = re.compile(r"(?<![\w'’])(?:[Aa]n?|[Tt]he)[ \t]+$")
WORD_BEFORE = re.compile(r"[A-Za-z]+\.?(?=[ \t]*$)")
# Titles written with a full stop: "Sen." ends no sentence.
ABBREVIATED = frozenset("sen gov rep dr mr mrs ms gen lt col adm sgt rev prof pres st jr sr".split(
))
ACRONYM = re.compile(r"(?:[A-Z]\.){2,}")
# ", La." or ", N.Y." after a town: the state is part of the place.
STATE_AFTER = re.compile(r",[ \t]+(?:[A-Z][a-z]{1,4}|[A-Z]\.[A-Z])\.(?=[,;:)]|[ \t]|$)")
# "(R-S.C.)", "(D-Mo.)", "(R)", "(Fla.)", "(R-IN)" after a lawmaker's name.
PARTY = re.compile(r"[ \t]+(?P<party>\((?:[RDI](?:-[A-Z][A-Za-z.]{0,5})?|[A-Z][a-z]{1,4}\.|"
                   r"[A-Z]{2})\))")
# "Rep. Tom Cole of Oklahoma," - "of" and a place closed by punctuation or a verb.
OF_PLACE = re.compile(r"[ \t]+(?P<place>of(?:[ \t]+[A-Z][a-z]+){1,3})(?=[ \t]*[,.;:)]|[ \t]+[a-z])")
OFFICE_OF = re.compile(r"(?<![\w.])(?P<head>[A-Z][a-z]+)(?P<rest>[ \t]+(?:of|for)[ \t]+"
                       r"(?:the[ \t]+)?(?:[A-Z][\w&.-]*[ \t]+){1,4})$")
OFFICE_OF_LOWER = re.compile(r"(?<![\w.])(?P<head>[a-z]+)(?P<rest>[ \t]+of[ \t]+"
                             r"(?:[a-z]+[ \t]+){1,2})$")
PLURAL_TITLES = {"sens": "Sen.", "reps": "Rep.", "govs": "Gov."}
PLURAL_TITLE = re.compile(r"(?<![\w.])(?P<title>Sens|Reps|Govs)\.[ \t]+(?:(?:[A-Z][\w.'’-]*[ \t]+)"
                          r"{1,3}(?:\([^()\n]{1,12}\)[ \t]*)?(?:,|and)[ \t]+)?$")
ROLE_FOR = re.compile(r"(?<![\w.])(?P<head>[A-Za-z]+)(?P<rest>[ \t]+(?:of|for|at)[ \t]+"
                      r"(?:the[ \t]+)?(?:[\w&.'’-]+[ \t]+){0,4}[\w&.'’-]+)$")
# "Trump’s", "Sanders'", "the party’s" before a role: its possessor (a common noun with its
# article, so that "it’s" and "that’s" are none).
POSSESSOR = re.compile(r"(?<![\w.])(?:[A-Z][\w.-]*|(?:[Tt]he|[Aa]n?)[ \t]+[a-z][\w-]*)"
                       r"['’]s?[ \t]+$")
ROLE_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][a-z]{0,3}\.|[A-Z]{2,3}\.(?=[ \t])|"
                        r"[A-Za-z]+(?:[-'’][A-Za-z]+)*|\d+|\S")
ROLE_STOP = frozenset("""the a an and or but said says told of by with to from for in on at as
    that who when while if his her their its our was is were be been has have had""".split())


def gender_of(words: tuple[str, ...], titles: tuple[str, ...] = ()) -> Gender:
    """Gender from a title (Mrs., Ms., Mr.) or a common first name."""
    for t in titles:
        low = t.lower().rstrip(".")
        if low in ("mrs", "ms", "miss", "madam"):
            return Gender.FEMN
        if low in ("mr", "sir"):
            return Gender.MASC
    if len(words) >= 2:
        first = words[0].lower()
        if first in lexicon_en.FEMALE_NAMES:
            return Gender.FEMN
        if first in lexicon_en.MALE_NAMES:
            return Gender.MASC
    return Gender.UNKNOWN


def label_mention(text: str, start: int, end: int) -> Mention:
    """A transcript label's surname as a mention ("PARK:"), acronym-like as it may look."""
    return _mention(text, start, end, (text[start:end],), ())
