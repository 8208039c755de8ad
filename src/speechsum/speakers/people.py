"""The people of one document: identity by surname, forms as written, gender, roles, recency.

The mutable registry of the entity pass (entities.py) and of nothing else: the sieves only
return references; this is where the references of the claims, met in document order, become
people.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from speechsum.model import Gender, Speaker
from speechsum.speakers.claims import Label, Mention, Named, Organisation, Pronoun, Ref, Role
from speechsum.speakers.document import Doc
from speechsum.speakers.lang import cyrillic_cases as cases
from speechsum.speakers.lang import cyrillic_names as names

# A pronoun looks back over at most this many people whose gender does not agree.
PRONOUN_REACH = 4


@dataclass
class Person:
    """Everything known about one person while resolving (mutable, internal)."""

    key: str
    forms: list[tuple[Mention, bool, str | None]] = field(default_factory=list)
    gender: Gender = Gender.UNKNOWN
    roles: list[str] = field(default_factory=list)
    role_nouns: set[str] = field(default_factory=set)
    # "the independent Vermont senator said": descriptions that named this person.
    descriptions: list[str] = field(default_factory=list)
    first_names: set[str] = field(default_factory=set)
    initials: set[str] = field(default_factory=set)


class People:
    """The people of one document, merged by surname key, met in document order."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc.text
        self.sentence_starts = doc.sentences.starts
        self.lang = doc.lang
        self.persons: dict[str, Person] = {}
        self.history: list[tuple[int, str]] = []
        self.subjects: list[tuple[int, str]] = []
        self.labels: dict[str, str] = {}
        self.aliases: dict[str, list[str]] = {}
        self.registered: dict[int, str] = {}
        # Indexes, so that each name costs the same however many people came before.
        self.by_first: dict[str, str] = {}
        self.by_stem: dict[str, str] = {}
        self.namesakes: dict[str, list[str]] = {}
        self.last_seen: dict[str, int] = {}
        self.role_holders: dict[str, str] = {}
        self.organisations: list[str] = []
        self.owners: dict[str, str | None] = {}

    def register_named(self, ref: Named) -> str:
        key = self.register(ref.mention, subject=ref.subject, gender=ref.gender, case=ref.case)
        if ref.role and key in self.persons:
            self.persons[key].roles.append(ref.role)
        if ref.holds is not None:
            self.role_holders[ref.holds.key] = key
            self.add_alias(key, ref.holds.display)
        return key

    def resolve(self, ref: Ref | None) -> str | None:
        """The key of the person a reference names at its place, if any."""
        if isinstance(ref, Named):
            return self.registered.get(ref.mention.start) or self.register_named(ref)
        if isinstance(ref, Pronoun):
            return self.latter(ref.at, ref.gender) if ref.latter else self.antecedent(
                ref.at, ref.gender)
        if isinstance(ref, Role):
            found = next((k for noun in ref.nouns if (k := self.by_role(noun, ref.at))), None)
            if found is None and ref.definite:
                found = self.antecedent(ref.at, Gender.UNKNOWN)
            if found is not None and ref.description and found in self.persons:
                self.persons[found].descriptions.append(ref.description)
            return found
        if isinstance(ref, Organisation):
            key = self.organisation(ref.name)
            if ref.alias and ref.alias != ref.name and not _inflected(ref.alias, ref.name):
                self.add_alias(key, ref.alias)
            return key
        if isinstance(ref, Label):
            if ref.key in self.role_holders:
                return self.role_holders[ref.key]
            self.labels.setdefault(ref.key, ref.display)
            return ref.key
        return None

    # -- registering -------------------------------------------------------------------------

    def register(self, mention: Mention, *, subject: bool = False,
                 gender: Gender = Gender.UNKNOWN, remember: bool = True,
                 case: str | None = None) -> str:
        """Record a mention and return its person's key; a mention is recorded once."""
        if mention.start in self.registered:
            return self.registered[mention.start]
        key = self.key_for(mention)
        self.registered[mention.start] = key
        self._add_form(key, mention, subject, gender, case)
        if remember:
            self.history.append((mention.start, key))
            if subject or case == "nomn" or case is None and mention.nominative:
                self.subjects.append((mention.start, key))
        return key

    def _add_form(self, key: str, mention: Mention, subject: bool, gender: Gender,
                  case: str | None) -> None:
        person = self.persons.get(key)
        if person is None:
            person = self.persons[key] = Person(key)
            self.by_stem.setdefault(cases.stem_key(key), key)
            base = key.split(":")[0] if not key.startswith("en:") else ":".join(key.split(":")[:2])
            self.namesakes.setdefault(base, []).append(key)
        person.forms.append((mention, subject, "nomn" if subject else case))
        for g in (gender, mention.gender if not subject or gender is Gender.UNKNOWN
                  else Gender.UNKNOWN):
            if g is not Gender.UNKNOWN and person.gender is Gender.UNKNOWN:
                person.gender = g
        plain = _plain(mention)
        if len(plain) >= 2:
            person.first_names.add(plain[0].lower())
            self.by_first.setdefault(plain[0].lower(), key)
        letter = self._first_letter(mention)
        if letter:
            person.initials.add(letter)
        for role in self.lang.roles_at(self.text, mention.start, mention.end):
            if role:
                person.roles.append(role)
                person.role_nouns.update(self.lang.role_nouns(role))
        self.last_seen[key] = len(self.history)

    def key_for(self, mention: Mention) -> str:
        plain = _plain(mention)
        known = self.persons.get(mention.key)
        if len(plain) == 1 and known is None:
            # A lone word that is some known person's first name joins that person.
            known_first = self.by_first.get(plain[0].lower())
            if known_first is not None:
                return known_first
        if len(plain) == 2 and known is None:
            # "Игорь Винцентасович": a first name and patronymic as a form of address.
            first = plain[0].lower()
            if names.has_patronymic_reading(plain[1]) and first in self.by_first:
                return self.by_first[first]
        if known is not None and len(plain) >= 2 and not cases.INITIAL.fullmatch(plain[0]):
            first = self.lang.first_name_key(plain[0].lower())
            if known.first_names and first not in {
                    self.lang.first_name_key(k) for k in known.first_names}:
                # "Erica Garner" is not "Eric Garner": same surname, another first name.
                return mention.key + ":" + first
        letter = self._first_letter(mention)
        if letter and known is not None:
            if known.initials and not any(k.startswith(letter) or letter.startswith(k)
                                          for k in known.initials):
                # "ИВАНОВ А. Г." and "ИВАНОВ Б. Д." are two deputies.
                return mention.key + ":" + letter
        if len(plain) == 1 and known is not None:
            # A bare surname is the most recently mentioned person of that name.
            namesakes = sorted(self.namesakes.get(mention.key, [mention.key]),
                               key=lambda k: self.last_seen.get(k, -1), reverse=True)
            for key in namesakes:
                initials = self.persons[key].initials if key in self.persons else set()
                if not letter or not initials or any(
                        k.startswith(letter) or letter.startswith(k) for k in initials):
                    return key
        if known is None:
            same_stem = self.by_stem.get(cases.stem_key(mention.key))
            if same_stem is not None:
                return same_stem
        return mention.key

    def _first_letter(self, mention: Mention) -> str:
        """The initials ("АГ" for "Иванов А. Г.") or the first name's letter, upper-cased."""
        words = [w for w in mention.words if w.lower() not in self.lang.lexicon.titles]
        initials = [w for w in words if cases.INITIAL.fullmatch(w)]
        plain = [w for w in words if not cases.INITIAL.fullmatch(w)]
        if initials:
            return "".join(w[0] for w in initials).upper()
        if len(plain) >= 2:
            return plain[0][0].upper()
        return ""

    def add_alias(self, key: str, alias: str) -> None:
        aliases = self.aliases.setdefault(key, [])
        if alias not in aliases:
            aliases.append(alias)

    def remember(self, pos: int, key: str) -> None:
        """A speaker at `pos`: what "он" refers to next."""
        self.last_seen[key] = len(self.history)
        self.history.append((pos, key))
        self.subjects.append((pos, key))

    def organisation(self, name: str) -> str:
        """Key for a named organisation speaking as one ("департамент полиции"): the one met
        before that it abbreviates or spells out ("МВД Казахстана" is "Министерство
        внутренних дел Казахстана", shown by its full name), and a bare head noun
        ("пресс-служба", "ведомство") the organisation named last."""
        key = "org:" + name.lower()
        if key not in self.labels:
            known = _same_organisation(self._owner_named(name) or name,
                                       [(k, self.labels[k]) for k in self.organisations])
            if known is not None:
                shown = self.labels[known]
                if len(name) > len(shown) and " " in name and shown.split()[0].isupper():
                    self.labels[known] = name  # the full name, not the acronym
                    self.add_alias(known, shown)
                elif " " in name or name[:1].isupper():
                    self.add_alias(known, name)  # not a bare "пресс-служба": no name of it
                return known
            self.organisations.append(key)
        self.labels.setdefault(key, name)
        return key

    def _owner_named(self, head: str) -> str | None:
        """"в пресс-службе" after "запрос в пресс-службу МВД": the capitalised name that
        followed the same head noun last, if any (the text is read once per head noun)."""
        if " " in head or not head[:1].islower():
            return None
        if head not in self.owners:
            stem = re.escape(head[: max(4, len(head) - 2)])
            found = list(re.finditer(
                rf"(?i:{stem})\w*\s+(?P<owner>[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w«»-]*)", self.text))
            self.owners[head] = found[-1].group("owner") if found else None
        return self.owners[head]

    # -- resolving ---------------------------------------------------------------------------

    def latter(self, pos: int, gender: Gender) -> str | None:
        """"Судья спросил адвоката Анну Ким ... Однако та сказала": the person named last
        before `pos`, of agreeing gender, who is not the subject before it."""
        # The subject of the sentence before: its first name in the nominative.
        here = max(self.text.rfind(c, 0, pos) for c in ".!?\n")
        there = max(self.text.rfind(c, 0, max(here, 0)) for c in ".!?\n")
        subject = next((key for p, key in self.subjects if there < p < here), None)
        before = (key for p, key in reversed(self.history) if p < pos)
        for key in itertools.islice(before, PRONOUN_REACH * 2):
            person = self.persons.get(key)
            if key == subject or person is None:
                continue
            if person.gender in (gender, Gender.UNKNOWN):
                return key
        return None

    def antecedent(self, pos: int, gender: Gender) -> str | None:
        """The most recent person named in the nominative before `pos` whose gender agrees;
        one whose gender is known to agree wins over a nearer one of unknown gender, and so
        does one named in another case earlier in the pronoun's own sentence ("When Reyes
        criticized Linda Park, she said ...")."""
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
            if seen >= PRONOUN_REACH:
                break
        if gender in (Gender.MASC, Gender.FEMN) and fallback is not None:
            k = bisect.bisect_right(self.sentence_starts, pos) - 1
            since = self.sentence_starts[k] if k >= 0 else 0
            return self._oblique_antecedent(pos, gender, since) or fallback
        if gender in (Gender.MASC, Gender.FEMN):
            return self._oblique_antecedent(pos, gender)
        return fallback

    def _oblique_antecedent(self, pos: int, gender: Gender, since: int = 0) -> str | None:
        """With no subject of that gender before: the person last named at all (since
        `since`), in any case, when the name shows the gender ("Нурлановой вручили награду.
        Она ...")."""
        for p, key in reversed(self.history[-PRONOUN_REACH:]):
            person = self.persons.get(key)
            if since <= p < pos and person is not None and person.gender is gender:
                return key
        return None

    def by_role(self, noun: str, pos: int) -> str | None:
        """The most recent person before `pos` whose role has this noun or a synonym."""
        nouns = {noun}.union(*(g for g in self.lang.lexicon.role_synonyms if noun in g))
        for p, key in reversed(self.history):
            person = self.persons.get(key)
            if p < pos and person is not None and nouns & person.role_nouns:
                return key
        if " " in noun:  # "аудан әкім" when no one was given the district: any "әкім"
            return self.by_role(noun.rsplit(" ", 1)[1], pos)
        return None

    # -- describing --------------------------------------------------------------------------

    def speaker(self, key: str, sid: str) -> Speaker:
        """The frozen Speaker for a person: fullest nominative name, role, aliases, gender."""
        if key in self.labels and key not in self.persons:
            shown = self.labels[key]
            return Speaker(sid, shown, self._label_title(shown),
                           tuple(self.aliases.get(key, ())))
        person = self.persons[key]
        name = self._best_name(person)
        # Other names only: "Н. Байжанов" for "Нурлан Байжанов", not "Динары Нурланкызы" (the
        # name itself in another case).
        aliases: list[str] = []
        for mention, _, case in person.forms:
            form = cases.display_name(mention.words)
            if form == name or form in aliases or _inflected(form, name) or self.lang.display_name(
                    self.text, mention, case, person.gender) == name:
                continue
            aliases.append(form)
        for extra in self.aliases.get(key, []):
            if extra != name and extra not in aliases:
                aliases.append(extra)
        role = _role_of(person)
        return Speaker(sid, name, role, tuple(aliases), person.gender)

    def _label_title(self, label: str) -> str:
        """"The President", "Mr. Speaker": a label that is a title is that role too; "Q",
        "Prosecutor" or "The Court" name no title."""
        words = label.split()
        while words and words[0].lower().rstrip(".") in ("the", "mr", "mrs", "ms", "madam"):
            words.pop(0)
        titles = self.lang.lexicon.titles
        return " ".join(words) if words and all(
            w.lower().rstrip(".") in titles for w in words) else ""

    def _best_name(self, person: Person) -> str:
        def score(item: tuple[int, tuple[Mention, bool, str | None]]) -> tuple[int, ...]:
            index, (mention, subject, case) = item
            plain = _plain(mention)
            initials = len(mention.words) - len(plain)
            nominative = case == "nomn" or case is None and mention.nominative
            return (min(len(plain), 3), initials, int(nominative), int(subject), -index)

        if not person.forms:
            return person.key.title()
        _, (mention, _, case) = max(enumerate(person.forms), key=score)
        return self.lang.display_name(self.text, mention, case, person.gender)


def _plain(mention: Mention) -> list[str]:
    """A name's words without its initials."""
    return [w for w in mention.words if not cases.INITIAL.fullmatch(w)]


def _role_of(person: Person) -> str:
    """The fullest role given by the person's name, else the first description that named
    them ("the presumptive Republican nominee wrote"), or that description when it only
    adds to the role: a description is linked by the entity pass, less sure than the words
    around a name."""
    role = max(person.roles, key=len) if person.roles else ""
    described = person.descriptions[0] if person.descriptions else ""
    if not role or described.lower().endswith(role.lower()):
        return described or role  # "finance minister" -> "Chinese finance minister"
    return role


def _same_organisation(name: str, known: Sequence[tuple[str, str]]) -> str | None:
    """The key of the known organisation (key, name; in the order met) this name refers to:
    a bare head noun names the latest; an acronym and the words it abbreviates name the same
    one."""
    words = name.split()
    if len(words) == 1 and name[:1].islower():
        return known[-1][0] if known else None
    return next((k for k, shown in reversed(known) if shown.lower() == name.lower()
                 or _abbreviates(words, shown.split()) or _abbreviates(shown.split(), words)),
                None)


def _abbreviates(short: list[str], full: list[str]) -> bool:
    """"МВД Казахстана" and "Министерство внутренних дел Казахстана": the capitals of the
    first word are the initials of the words they stand for, and the rest, if any, is the
    same."""
    acronym = short[0] if short else ""
    if len(acronym) < 2 or not acronym.isupper() or not acronym.isalpha():
        return False
    rest = [w.lower() for w in short[1:]]
    for n in range(len(acronym), min(len(full), 2 * len(acronym)) + 1):
        spelled = full[:n]
        letters = "".join(w[0] for w in spelled)
        capitals = "".join(w[0] for w in spelled if w[:1].isupper())
        content = "".join(w[0] for w in spelled if len(w) > 2)  # not "по", "of"
        if acronym.lower() in (letters.lower(), capitals.lower(), content.lower()) and (
                not rest or [w.lower() for w in full[n:]] == rest):
            return True  # "МВД" alone is the ministry too
    return False


def _inflected(form: str, name: str) -> bool:
    """"департаменте полиции" of "департамент полиции": the same words in another case
    (each pair agrees but for an ending of up to three letters)."""
    a, b = form.lower().split(), name.lower().split()
    return len(a) == len(b) and all(
        x[: max(3, min(len(x), len(y)) - 3)] == y[: max(3, min(len(x), len(y)) - 3)]
        for x, y in zip(a, b, strict=True))

