"""People met in the text: identity by surname, forms as written, gender, roles, recency."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from speechsum.model import Gender, Language, Speaker
from speechsum.speakers.lang import cyrillic_names as names
from speechsum.speakers.lang import en_lexicon as lexicon_en
from speechsum.speakers.lang import kk_lexicon as lexicon_kk
from speechsum.speakers.lang import ru_lexicon as lexicon_ru
from speechsum.speakers.lang.cyrillic_names import Mention
from speechsum.speakers.morph import inflect, lemma, parses

ROLE_STOP_POS = {"VERB", "INFN", "GRND", "ADVB", "CONJ", "PRCL", "INTJ", "NUMR", "PRED", "NPRO",
                 "COMP", "PRTS"}


@dataclass
class Person:
    """Everything known about one person while attributing (mutable, internal)."""

    key: str
    forms: list[tuple[Mention, bool, str | None]] = field(default_factory=list)
    gender: Gender = Gender.UNKNOWN
    roles: list[str] = field(default_factory=list)
    role_nouns: set[str] = field(default_factory=set)
    first_names: set[str] = field(default_factory=set)
    initials: set[str] = field(default_factory=set)


class People:
    """The people of one text, merged by surname key; the only mutable part of attribution."""

    def __init__(self, text: str, language: Language) -> None:
        self.text = text
        self.language = language
        self.persons: dict[str, Person] = {}
        self.history: list[tuple[int, str]] = []
        self.subjects: list[tuple[int, str]] = []
        self.labels: dict[str, str] = {}
        self.seen: set[int] = set()
        self.aliases: dict[str, list[str]] = {}
        # Indexes, so that each name costs the same however many people came before.
        self.by_first: dict[str, str] = {}
        self.by_stem: dict[str, str] = {}
        self.namesakes: dict[str, list[str]] = {}
        self.last_seen: dict[str, int] = {}
        self.role_holders: dict[str, str] = {}

    # -- registering -------------------------------------------------------------------------

    def register(self, mention: Mention, *, subject: bool = False,
                 gender: Gender = Gender.UNKNOWN, remember: bool = True,
                 case: str | None = None) -> str:
        """Record a mention and return its person's key."""
        key = self._key_for(mention)
        self.seen.add(mention.start)
        person = self.persons.get(key)
        if person is None:
            person = self.persons[key] = Person(key)
            self.by_stem.setdefault(names.stem_key(key), key)
            base = key.split(":")[0] if not key.startswith("en:") else ":".join(key.split(":")[:2])
            self.namesakes.setdefault(base, []).append(key)
        person.forms.append((mention, subject, "nomn" if subject else case))
        for g in (gender, mention.gender if not subject or gender is Gender.UNKNOWN
                  else Gender.UNKNOWN):
            if g is not Gender.UNKNOWN and person.gender is Gender.UNKNOWN:
                person.gender = g
        plain = [w for w in mention.words if not names.INITIAL.fullmatch(w)]
        if len(plain) >= 2:
            person.first_names.add(plain[0].lower())
            self.by_first.setdefault(plain[0].lower(), key)
        letter = _first_letter(mention)
        if letter:
            person.initials.add(letter)
        role = self._role_before(mention)
        if role:
            person.roles.append(role)
            if self.language is Language.EN:
                person.role_nouns.update(_english_role_nouns(role))
            else:
                person.role_nouns.update(lemma(w) for w in role.split())
                person.role_nouns.update(
                    stem for w in role.split() if (stem := lexicon_kk.role_stem(w)))
        self.last_seen[key] = len(self.history)
        if remember:
            self.history.append((mention.start, key))
            if subject or case == "nomn" or case is None and mention.nominative:
                self.subjects.append((mention.start, key))
        return key

    def _key_for(self, mention: Mention) -> str:
        plain = [w for w in mention.words if not names.INITIAL.fullmatch(w)]
        if len(plain) == 1 and mention.key not in self.persons:
            # A lone word that is some known person's first name joins that person.
            known_first = self.by_first.get(plain[0].lower())
            if known_first is not None:
                return known_first
        if len(plain) == 2 and mention.key not in self.persons:
            # "Игорь Винцентасович": a first name and patronymic as a form of address.
            first = plain[0].lower()
            patr = parses(names._caseless(plain[1]).lower())
            if any("Patr" in p.grammemes for p in patr) and first in self.by_first:
                return self.by_first[first]
        if mention.key in self.persons and len(plain) >= 2 and not names.INITIAL.fullmatch(
                plain[0]):
            first = plain[0].lower()
            known = self.persons[mention.key].first_names
            if self.language is not Language.EN:
                # Inflected or variant spellings agree at the start: Малика/Малик, Наталья/Наталия.
                first = first[:3]
                known = {k[:3] for k in known}
            if known and first not in known:
                # "Erica Garner" is not "Eric Garner": same surname, another first name.
                return mention.key + ":" + first
        letter = _first_letter(mention)
        if letter and mention.key in self.persons:
            known_letters = self.persons[mention.key].initials
            if known_letters and not any(k.startswith(letter) or letter.startswith(k)
                                         for k in known_letters):
                # "ИВАНОВ А. Г." and "ИВАНОВ Б. Д." are two deputies.
                return mention.key + ":" + letter
        if len(plain) == 1 and mention.key in self.persons:
            # A bare surname is the most recently mentioned person of that name.
            namesakes = sorted(self.namesakes.get(mention.key, [mention.key]),
                               key=lambda k: self.last_seen.get(k, -1), reverse=True)
            for key in namesakes:
                known = self.persons[key].initials if key in self.persons else set()
                if not letter or not known or any(
                        k.startswith(letter) or letter.startswith(k) for k in known):
                    return key
        if mention.key not in self.persons:
            same_stem = self.by_stem.get(names.stem_key(mention.key))
            if same_stem is not None:
                return same_stem
        return mention.key

    def add_alias(self, key: str, alias: str) -> None:
        aliases = self.aliases.setdefault(key, [])
        if alias not in aliases:
            aliases.append(alias)

    def remember(self, pos: int, key: str) -> None:
        self.last_seen[key] = len(self.history)
        self.history.append((pos, key))
        self.subjects.append((pos, key))

    def note_gender(self, key: str, gender: Gender) -> None:
        person = self.persons.get(key)
        if person is not None and gender in (Gender.MASC, Gender.FEMN):
            person.gender = gender

    # -- resolving ---------------------------------------------------------------------------

    def antecedent(self, pos: int, gender: Gender) -> str | None:
        """The most recent person named in the nominative before `pos` whose gender agrees;
        one whose gender is known to agree wins over a nearer one of unknown gender."""
        fallback: str | None = None
        seen = 0
        for p, key in reversed(self.subjects):
            if p >= pos:
                continue
            if gender is Gender.PLUR:
                # "они" stands for an organisation, never for one person.
                if key.startswith("org:"):
                    return key
                continue
            if key not in self.persons:
                continue
            g = self.persons[key].gender
            if gender is Gender.UNKNOWN or g is gender:
                return key
            if g is Gender.UNKNOWN and fallback is None:
                fallback = key
            seen += 1
            if seen >= 4:
                break
        if fallback is None and gender in (Gender.MASC, Gender.FEMN):
            fallback = self._oblique_antecedent(pos, gender)
        return fallback

    def _oblique_antecedent(self, pos: int, gender: Gender) -> str | None:
        """With no subject of that gender before: the person last named at all, in any case,
        when the name shows the gender ("Нурлановой вручили награду. Она ...")."""
        for p, key in reversed(self.history[-4:]):
            person = self.persons.get(key)
            if p < pos and person is not None and person.gender is gender:
                return key
        return None

    def by_role(self, noun: str, pos: int) -> str | None:
        """The most recent person before `pos` whose role has this noun or a synonym."""
        nouns = {noun}.union(*(g for g in lexicon_ru.ROLE_SYNONYMS if noun in g))
        for p, key in reversed(self.history):
            person = self.persons.get(key)
            if p < pos and person is not None and nouns & person.role_nouns:
                return key
        return None

    def organisation(self, name: str) -> str:
        """Key for a named organisation speaking as one ("департамент полиции")."""
        key = "org:" + name.lower()
        self.labels.setdefault(key, name)
        return key

    def mentions(self, start: int, end: int) -> list[Mention]:
        """Names in text[start:end], found the way this language writes them."""
        if self.language is Language.EN:
            from speechsum.speakers.lang import en_names as names_en

            return names_en.find_mentions(self.text, start, end)
        return names.find_mentions(self.text, start, end)

    # -- describing --------------------------------------------------------------------------

    def speaker(self, key: str, sid: str) -> Speaker:
        """The frozen Speaker for a person: fullest nominative name, role, aliases, gender."""
        if key in self.labels and key not in self.persons:
            return Speaker(sid, self.labels[key], "", tuple(self.aliases.get(key, ())))
        person = self.persons[key]
        name = self._best_name(person)
        aliases: list[str] = []
        for mention, _, _ in person.forms:
            form = names.display_name(mention.words)
            if form != name and form not in aliases:
                aliases.append(form)
        for extra in self.aliases.get(key, []):
            if extra != name and extra not in aliases:
                aliases.append(extra)
        role = max(person.roles, key=len) if person.roles else ""
        return Speaker(sid, name, role, tuple(aliases), person.gender)

    def _best_name(self, person: Person) -> str:
        def score(item: tuple[int, tuple[Mention, bool, str | None]]) -> tuple[int, ...]:
            index, (mention, subject, case) = item
            plain = [w for w in mention.words if not names.INITIAL.fullmatch(w)]
            initials = len(mention.words) - len(plain)
            nominative = case == "nomn" or case is None and mention.nominative
            return (min(len(plain), 3), initials, int(nominative), int(subject), -index)

        if not person.forms:
            return person.key.title()
        index, (mention, subject, case) = max(enumerate(person.forms), key=score)
        words = mention.words
        gender = person.gender
        if case is None:
            # "советника Малика Оспанова": the title before tells the case of "-ова".
            case, gender = names.case_of_preceding(self.text, mention.start)
        if case is None:
            agreed = names.case_by_agreement(words)
            if agreed is not None:
                case, gender = agreed
            elif names.OBLIQUE_END.search(names._caseless(words[-1]).lower()):
                # "Сауле Абдрахмановой": a surname the dictionary does not know, by its ending.
                femn = words[-1].lower().endswith(("ой", "ую"))
                words = (*words[:-1], names._restore_case(words[-1], names._surname_nominative(
                    names._caseless(words[-1]).lower(), "femn" if femn else "masc")))
        if self.language is Language.EN:
            return names.display_name(words)
        if self.language is Language.KK:
            words = tuple(names.kazakh_nominative(w) for w in words)
        elif case and case != "nomn":
            words = names.nominative_words(
                words, case, person.gender if person.gender is not Gender.UNKNOWN else gender)
        return names.display_name(words)

    def _role_before(self, mention: Mention) -> str:
        """The title right before a name ("председатель областного совета Иван Петров")."""
        if self.language is Language.EN:
            return _english_role_before(self.text, mention.start)
        if self.language is Language.KK:
            return _kazakh_role_before(self.text, mention.start)
        before = self.text[max(0, mention.start - 160) : mention.start]
        cut = max(before.rfind(c) for c in ".,;:!?()\n«»\"")
        before = before[cut + 1 :]
        words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+", before)
        kept: list[str] = []
        for w in reversed(words):
            low = w.lower()
            found = parses(low)
            pos = str(found[0].pos) if found else ""
            if pos in ROLE_STOP_POS or low.isdigit():
                break
            if pos == "PREP" and not kept:
                break
            kept.append(w)
        kept.reverse()
        # The role starts at the first title noun ("Далее председатель ..." -> "председатель ...").
        start = None
        for i, w in enumerate(kept):
            low = w.lower()
            if low in lexicon_ru.ROLE_NOUNS or lemma(low) in lexicon_ru.ROLE_NOUNS or any(
                p.pos == "NOUN" and "anim" in p.grammemes and p.score > 0.3
                for p in parses(low)
            ):
                start = i
                break
        if start is None:
            return ""
        # Keep an agreeing adjective before the head: "первый заместитель".
        while start > 0 and any(
            p.pos == "ADJF" for p in parses(kept[start - 1].lower())
        ):
            start -= 1
        role_words = kept[start:]
        if not role_words:
            return ""
        role_words = _nominative_head(role_words)
        role = " ".join(role_words)
        return role[:1].lower() + role[1:] if role_words[0][1:].islower() else role


def _nominative_head(words: list[str]) -> list[str]:
    """Put the head noun and its adjectives in the nominative ("советника" -> "советник")."""
    out = list(words)
    for i, w in enumerate(words):
        found = parses(w.lower())
        if not found:
            break
        p = found[0]
        if p.pos not in ("NOUN", "ADJF"):
            break
        if p.case != "nomn":
            form = inflect(p, frozenset({"nomn"}))
            if form is not None:
                out[i] = w[:1] + form[1:] if w[:1].isupper() else form
        if p.pos == "NOUN":
            break
    return out


EN_ROLE_TOKEN = re.compile(r"[A-Z][a-z]{0,3}\.|[A-Za-z]+(?:[-'’][A-Za-z]+)*|\S")
EN_ROLE_STOP = frozenset("""the a an and or but said says told of by with to from for in on at as
    that who when while if his her their its our was is were be been has have had""".split())
EN_TITLE_NOUNS = {"sen": "senator", "gov": "governor", "rep": "representative",
                  "pres": "president", "gen": "general", "dr": "doctor"}


def _english_role_before(text: str, start: int) -> str:
    """"Republican vice-presidential nominee Gov. Mike Pence" -> the words before the name."""
    first = start
    for m in reversed(list(EN_ROLE_TOKEN.finditer(text, max(0, start - 120), start))):
        t = m.group()
        low = t.lower().rstrip(".")
        if t.endswith(".") and low not in lexicon_en.TITLES:
            break  # a sentence's end, not "Gov."
        if low in EN_ROLE_STOP or not re.match(r"[A-Za-z]", t) or "'" in t or "’" in t or (
                t == "I"):
            break  # "I'll let Deputy Mayor Ortiz", "Clinton's aide"
        if t[:1].islower() and (low in lexicon_en.SPEECH_VERBS or low.endswith("ed")):
            break  # "she accused Republican contender Donald Trump"
        first = m.start()
    role = text[first:start].strip()
    words = role.split()
    # Only a title or a role word right before the name makes a role ("chief strategist").
    if not words or words[-1].lower().rstrip(".") not in (
            lexicon_en.TITLES | lexicon_en.ROLE_NOUNS | lexicon_en.ROLE_HEADS):
        return ""
    while words and words[0].lower() in lexicon_en.NOT_NAME_WORDS:
        words.pop(0)
    if any(w[:1].isupper() for w in words):
        while words and words[0][:1].islower():
            words.pop(0)  # "let Deputy Mayor" -> "Deputy Mayor"
    return " ".join(words)


def _english_role_nouns(role: str) -> set[str]:
    nouns = set()
    for w in role.split():
        low = w.lower().rstrip(".")
        nouns.add(EN_TITLE_NOUNS.get(low, low))
    return nouns


def _first_letter(mention: Mention) -> str:
    """The initials ("АГ" for "Иванов А. Г.") or the first name's letter, upper-cased."""
    words = [w for w in mention.words if w.lower() not in lexicon_en.TITLES]
    initials = [w for w in words if names.INITIAL.fullmatch(w)]
    plain = [w for w in words if not names.INITIAL.fullmatch(w)]
    if initials:
        return "".join(w[0] for w in initials).upper()
    if len(plain) >= 2:
        return plain[0][0].upper()
    return ""


# Kazakh words that end a role phrase going back from the name: cases of place and time
# ("Жиында", "кеште"), converbs and finite verbs ("келіп", "айтты").
KK_NOT_ROLE = re.compile(r"(?:да|де|та|те|нда|нде|дан|ден|тан|тен|нан|нен|ып|іп|ды|ді|ты|ті)$")


KK_DETERMINERS = frozenset("аталмыш аталған бұл осы сол ол және мен бен пен де да".split())


def _kazakh_role_before(text: str, start: int) -> str:
    """"Облыс әкімі Ербол Қарашөкеев" -> "Облыс әкімі": the words before a name ending in a
    role noun ("әкімі", "министрі", "төрағасы"), back to a word that cannot be in it."""
    before = text[max(0, start - 120) : start]
    cut = max(before.rfind(c) for c in ".,;:!?()\n«»\"")
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+", before[cut + 1 :])
    if not words or lexicon_kk.role_stem(words[-1]) is None:
        return ""
    kept = [words[-1]]
    for w in reversed(words[:-1]):
        if len(kept) >= 5 or KK_NOT_ROLE.search(w.lower()) or w.isdigit() or (
                w.lower() in KK_DETERMINERS):
            break
        kept.append(w)
    return " ".join(reversed(kept))
