"""Transcript turns: a label names the speaker, the words run to the next label.

"ИВАНОВ: ...", "С. КОРЗУН:", "Jen Psaki: (00:18)", "ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ.", a name alone on
its line (Hansard), a name over a dash line, initials and surname with no separator. A text is
a transcript when at least two paragraphs open with a label; the labels are read once per
document (`read_labels`) and give both the turns here and their speakers (`label_names`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from speechsum.model import Kind
from speechsum.speakers.claims import Claim, Cue, CueKind, Label, Named, Organisation, Ref
from speechsum.speakers.document import Doc, Paragraph
from speechsum.speakers.lang.cyrillic_cases import display_name
from speechsum.speakers.marks import DASHES, LOWER, STAGE_DIRECTION, UPPER, WORDS

BARE_LABEL = re.compile(
    rf"(?P<label>(?:[{UPPER}]\.\s?){{1,2}}[{UPPER}][\w'’-]+)\s+(?=[{UPPER}«\"„“])")
# "ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ. Коллеги, ..." / "ОМАРОВ Б. Т., фракция «Ақ жол». У меня вопрос":
# an all-caps label ends at its own full stop.
CAPS_DOT_LABEL = re.compile(
    rf"(?P<label>[{UPPER}][{UPPER}-]+(?:\s+[{UPPER}][{UPPER}-]+)?(?:\s+(?:[{UPPER}]\.\s?){{1,2}})?)"
    rf"(?P<role>,\s*[^.\n–—]{{1,90}})?(?P<sep>\.|(?<=\.))\s+(?=[{UPPER}«\"„“(])(?![{UPPER}]\.)")
# "Q    Can I ask ..." - a question mark label with no separator but wide space.
QA_LABEL = re.compile(r"(?P<label>[QA]\.?)(?P<sep>\s{2,}|\t)(?P<role>)")
# A name alone on its line, a parenthesis allowed: "Mr. Martin Flannery (Sheffield, Hillsborough)"
ALONE_LABEL = re.compile(
    rf"(?P<label>(?:[{UPPER}][\w'’.-]*\s+){{0,4}}[{UPPER}][\w'’-]*)(?P<role>\s*\([^()\n]{{1,80}}\))?")
# "С.БУНТМАН:", "Д.Медведев:", "ПЕТРОВ А. В.:", "Е.АФАНАСЬЕВА –", "Jen Psaki:",
# "Қинаят Құнанбаев, Маралды ауылының тұрғыны:", "ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ.", "**Tim:**"
TRANSCRIPT_LABEL = re.compile(
    # ">> ANDERSON:" (a broadcast transcript), "[00:01:02] John Smith:" (a timed one)
    r"(?:>>\s*|\[\d{1,2}:\d{2}(?::\d{2})?\]\s*)?"
    rf"[\"“]?(?:\*\*)?(?P<label>(?:[{UPPER}]\.\s?){{0,2}}[{UPPER}][\w'’.-]*(?:\s+(?:[{UPPER}]\.\s?){{0,2}}"
    rf"[{UPPER}][\w'’.-]*){{0,3}}(?:\s+(?:[{UPPER}]\.\s?){{1,2}})?)"
    rf"(?P<role>,\s*(?:(?!\.\s)[^:\n–—]){{1,90}}?|\s*\([^)\n]{{1,90}}\))?"
    rf"(?P<sep>\s*:(?:\*\*)?|\s+[–—-](?=\s)|\.(?=\s+[{UPPER}«\"„“])|(?<=[{UPPER}]\.)(?=\s+[{UPPER}]))"
    rf"(?:\*\*)?\s*"
)
DASH_LINE = tuple(DASHES)
QUESTION_KEYS = frozenset({"role:вопрос", "role:question", "role:q", "role:сұрақ"})
# "«Азаттык»: ..." - the outlet asking, in quotation marks, in a Q/A interview.
OUTLET_LABEL = re.compile(rf"«(?P<label>[{UPPER}][^«»\n:]{{0,39}})»\s*:\s*")
WORD_STOP = re.compile(rf"(?<=[{LOWER}]{{2}})\.\s")
INITIALS = re.compile(rf"\b[{UPPER}]\.")
INITIAL_BEFORE = re.compile(rf"(?:^|[\s.])[{UPPER}]\.$")
# "... Анна Ким. А.КИМ: Здравствуйте." - a label after a sentence's end inside a paragraph.
INLINE_LABEL = re.compile(
    rf"(?<=[.!?…])\s+(?P<label>(?:[{UPPER}]\.\s?){{1,2}}[{UPPER}][{UPPER}'’-]+|"
    rf"[{UPPER}]{{2,}}[{UPPER}'’-]*(?:\s+[{UPPER}]{{2,}}[{UPPER}'’-]*)?)\s*:\s")
QUIET_NOTES = ("inaudible", "crosstalk", "laughter", "applause")
# Every label ends at a colon or before white space ("ИВАНОВ:", "Q   ", "ПРЕДСЕДАТЕЛЬ. Да").
LABEL_ROOM = re.compile(r"[\s:]")
# What a label opens with: ">> ", "[00:01]", a quotation mark, "**", "«", a capital.
LABEL_START = re.compile(rf"[>\[\"“*«{UPPER}]")


@lru_cache(maxsize=8)
def numbered_label(voices: tuple[str, ...]) -> re.Pattern[str]:
    """"Speaker 1:", "Спикер 2:" - the numbered voices of machine transcripts."""
    words = "|".join(voices) or "(?!)"
    return re.compile(r"(?P<prefix>>>\s*|\[\d{1,2}:\d{2}(?::\d{2})?\]\s*)?"
                      rf"(?P<label>(?:{words})\s?\d{{1,2}})(?P<role>)(?P<sep>\s*:)\s*")


@dataclass(frozen=True)
class LabelMatch:
    """A label at text[start:end] in paragraph `paragraph` (a line of its own, or the start of
    the line its words follow), and whom it names. A weak label is a capitalised word that
    is a label only if the text uses it as one again ("Лада:", "Пахом.")."""

    start: int
    end: int
    ref: Ref
    paragraph: int
    weak: bool = False


def read_labels(doc: Doc) -> tuple[LabelMatch, ...]:
    """The labels of a transcript in text order; none unless the text has two."""
    return doc.memo("labels", lambda: _read_labels(doc))


def label_starting_at(doc: Doc, start: int) -> LabelMatch | None:
    """The label that begins at `start`, if any."""
    return doc.memo("labels by start", lambda: {m.start: m for m in read_labels(doc)}).get(start)


def _read_labels(doc: Doc) -> tuple[LabelMatch, ...]:
    paragraphs = doc.paragraphs
    starts, ends = paragraphs.starts, paragraphs.ends
    labels: dict[int, LabelMatch] = {}
    alone: dict[int, LabelMatch] = {}
    text, n = doc.text, len(paragraphs)
    for i in range(n):
        start, end = starts[i], ends[i]
        after_length = ends[i + 1] - starts[i + 1] if i + 1 < n else -1
        if after_length <= end - start and not (after_length == 1 and text[starts[i + 1]] in (
                DASHES)) and not may_open_label(doc, start, end):
            continue  # no label, and no longer line or dash line after it
        p = paragraphs[i]
        after = paragraphs[i + 1] if i + 1 < n else None
        found = label_at(doc, p)
        if found is not None:
            labels[i] = found
        elif after is not None and len(after.text) > len(p.text) and (
                after.text.strip() not in DASH_LINE):
            ref = label_line(doc, p)
            if ref is not None:
                alone[i] = LabelMatch(p.start, p.end, ref, i)
        elif after is not None and after.text.strip() in DASH_LINE:
            # Name on its own line, then a line with a dash, then the turn.
            mentions = doc.mentions(p)
            if mentions and mentions[0].end == p.end:
                labels[i] = LabelMatch(p.start, after.end, Named(mentions[0]), i)
    if len(alone) >= 2:
        labels.update(alone)  # Hansard style: names on their own lines before each speech
    bare = {i: m for i in doc.paragraphs_with(".") if i not in labels  # after initials
            and (m := BARE_LABEL.match(doc.text, starts[i], ends[i])) is not None}
    if len(bare) >= 2 and len({m.group("label") for m in bare.values()}) >= 2:
        # "Т. Фельгенгауэр Добрый вечер." - initials and surname, then the words, no separator.
        for i, m in bare.items():
            named = doc.mentions_of(m.start("label"), m.end("label"))
            if named:
                labels[i] = LabelMatch(m.start(), m.end(), Named(named[0]), i)
    kept = _asking(doc, _cast(list(labels.values())))
    kept += _inline_labels(doc, kept)
    kept.sort(key=lambda m: m.start)
    return tuple(kept) if len(kept) >= 2 else ()


def _asking(doc: Doc, labels: list[LabelMatch]) -> list[LabelMatch]:
    """A question label ("Вопрос:", "Q") alone on its line each time, none of whose turns asks
    anything, is a field of a header ("Вопрос:\nПроект федерального закона ..."), not a
    turn ("QUESTION: Hello." in a briefing is one)."""
    labels = sorted(labels, key=lambda m: m.start)
    turn: dict[str, bool] = {}
    for k, m in enumerate(labels):
        if isinstance(m.ref, Label) and m.ref.key in QUESTION_KEYS:
            limit = labels[k + 1].start if k + 1 < len(labels) else len(doc.text)
            alone = not doc.text[m.end : _line_end(doc, m.end)].strip()
            asked = "?" in doc.text[m.end : limit]
            turn[m.ref.key] = turn.get(m.ref.key, False) or asked or not alone
    return [m for m in labels if not isinstance(m.ref, Label) or turn.get(m.ref.key, True)]


def _cast(labels: list[LabelMatch]) -> list[LabelMatch]:
    """Weak labels kept when the text uses them as a cast does: the same one twice or more,
    and two of them, or beside labels of a surer kind."""
    weak = [m for m in labels if m.weak]
    uses: dict[str, int] = {}
    for m in weak:
        key = _label_key(m.ref)
        # A full name as a sentence is a label sooner than one word: it counts twice.
        full = isinstance(m.ref, Named) and len(m.ref.mention.words) > 1
        uses[key] = uses.get(key, 0) + (2 if full else 1)
    cast = {k for k, n in uses.items() if n >= 2}
    strong = len(labels) - len(weak)
    keep_weak = len(cast) >= 2 or cast and strong >= 1
    return [m for m in labels if not m.weak or keep_weak and _label_key(m.ref) in cast]


def _line_end(doc: Doc, pos: int) -> int:
    p = doc.paragraph_at(pos)
    return p.end if p is not None else pos


def _label_key(ref: Ref) -> str:
    return ref.key if isinstance(ref, Label) else ref.mention.key if isinstance(
        ref, Named) else ""


def _inline_labels(doc: Doc, labels: list[LabelMatch]) -> list[LabelMatch]:
    """"... В студии Анна Ким. А.КИМ: Здравствуйте." - labels of initials or capitals after a
    sentence's end inside a paragraph, in a text that has labels or two such."""
    found = []
    taken = sorted((m.start, m.end) for m in labels)
    reach = list(itertools.accumulate((b for _, b in taken), max))  # the end of each and all before
    starts, ends = doc.paragraphs.starts, doc.paragraphs.ends
    for i in doc.paragraphs_with(":"):  # a label ends in one
        start, end = starts[i], ends[i]
        for m in INLINE_LABEL.finditer(doc.text, start, end):
            k = bisect.bisect_right(taken, (m.start("label"), len(doc.text))) - 1
            if k >= 0 and reach[k] > m.start("label") or INITIAL_BEFORE.search(
                    doc.text, max(start, m.start() - 3), m.start() + 1):
                continue  # inside a label, or after an initial ("С. ОРЛОВ:")
            label = TRANSCRIPT_LABEL.match(doc.text, m.start("label"), end)
            ref = label_ref(doc, label) if label is not None else None
            if label is not None and isinstance(ref, Named | Label) and not (
                    isinstance(ref, Label) and ref.key.startswith("voice:")):
                found.append(LabelMatch(m.start("label"), label.end(), ref, i))
    return found if labels or len(found) >= 2 else []


def may_open_label(doc: Doc, start: int, end: int) -> bool:
    """Whether text[start:end] may open with a label, as every label opens with a capital, a
    mark or a numbered voice and ends at a colon or before white space (not "Да.", "— Да")."""
    text = doc.text
    return bool(LABEL_START.match(text, start) or text.startswith(
        doc.lang.lexicon.numbered_voices, start)) and bool(LABEL_ROOM.search(text, start, end))


def label_at(doc: Doc, p: Paragraph) -> LabelMatch | None:
    """A speaker label at the start of a line; a label right after it ("СНХ: САМАТ ЕРЖАНОВ,
    ҚАЛА ӘКІМІ:") names the speaker instead."""
    if not may_open_label(doc, p.start, p.end):
        return None
    numbered = numbered_label(doc.lang.lexicon.numbered_voices).match(doc.text, p.start, p.end)
    if numbered is not None:
        label = " ".join(numbered.group("label").split())
        return LabelMatch(p.start, numbered.end(), Label("role:" + label.lower(), label),
                          p.index)
    outlet = OUTLET_LABEL.match(doc.text, p.start, p.end)
    if outlet is not None:
        name = outlet.group("label").strip()
        return LabelMatch(p.start, outlet.end(), Organisation(name, f"«{name}»"), p.index)
    for pattern in (QA_LABEL, CAPS_DOT_LABEL, TRANSCRIPT_LABEL):
        m = pattern.match(doc.text, p.start, p.end)
        stop = WORD_STOP.search(doc.text, m.start("label"), m.end("label")) if m else None
        if m is not None and stop is not None and m.group("sep").strip() == ".":
            # "Акежан Кажегельдин. Никак. ...": the label ends at the first word's full stop
            # (not an initial's: "Абдрахманова С. К.").
            m = pattern.match(doc.text, p.start, stop.end() + 1) or m
        found = label_ref(doc, m) if m is not None else None
        if m is None or found is None:
            continue
        inner = TRANSCRIPT_LABEL.match(doc.text, m.end(), p.end)
        nested = label_ref(doc, inner) if inner is not None else None
        if inner is not None and isinstance(nested, Named) and inner.group("sep").strip() == ":":
            return LabelMatch(p.start, inner.end(), nested, p.index)
        return LabelMatch(p.start, m.end(), found, p.index, weak=_is_weak(doc, m, found))
    return None


def _is_weak(doc: Doc, m: re.Match[str], ref: Ref) -> bool:
    """A label that names no one the name finder knows and has no capitals, initials or
    role: a capitalised word at a line's start that only its recurrence makes a label."""
    if isinstance(ref, Named):
        # "Пахом." and "Вадим Борейко. Акежан Магжанович, как ...": a name as a sentence.
        return ref.mention.start == m.start("label") and not (
            ref.mention.text.isupper()) and m.group("sep").strip() == "." and not (
            INITIALS.search(m.group("label")))
    return isinstance(ref, Label) and ref.key.startswith("name:")


def label_ref(doc: Doc, m: re.Match[str]) -> Ref | None:
    """Whom a label match names, or None when it is no label after all."""
    lexicon = doc.lang.lexicon
    label = m.group("label").strip()
    sep = m.group("sep").strip()
    words = WORDS.findall(label)
    if not words or len(label) > 60:
        return None
    low = " ".join(label.lower().rstrip(".").split())
    if low in lexicon.role_labels:
        return role_label(doc, m, low)
    # "Mr. SULLIVAN.", "DR. FAUCI:", "Chairman INOUYE:" - titles, then the name.
    name_words = [w for w in words if w.lower() not in lexicon.titles] or words
    is_caps = all(w.isupper() for w in name_words)
    if is_caps and sep in DASH_LINE and not INITIALS.search(label):
        return None  # "DAYTON, Ohio — Sen. ...", "MILLBROOK - ": a dateline, not a label
    # "Ранов К. С., фракция «Ак жол». ...": initials make a full stop a separator.
    if sep == "." and not is_caps and not INITIALS.search(label) and len(words) > 2:
        return None
    # Labels are names: initials, ALL CAPS, or capitalised name-like words.
    mentions = doc.mentions_of(m.start("label"), m.end("label"))
    if not mentions and is_caps and len(name_words) == 1:
        # "PARK:" - a short all-caps surname, not an acronym, when it labels a turn.
        at = doc.text.find(name_words[0], m.start("label"), m.end("label"))
        surname = doc.lang.label_mention(doc.text, at, at + len(name_words[0]))
        mentions = [surname] if surname is not None else []
    if not mentions:
        if is_caps and len(words) <= 3 and sep == ":":
            return Label("role:" + low, display_name(tuple(words)))
        if len(words) <= 2 and "." not in label and all(
                w[:1].isupper() and len(w) > 2 and w.lower() not in lexicon.titles
                for w in words) and sep in (":", ".") and m.end() < _line_end(doc, m.end()):
            return Label("name:" + low, label)  # "Лада:", "Пахом." - weak until used again
        return None
    mention = mentions[0]
    lead = WORDS.findall(doc.text[m.start("label") : mention.start])
    if any(w.lower() not in lexicon.titles for w in lead) and not is_caps:
        return None
    if sep == "." and not is_caps and not INITIALS.search(label) and m.group("role") and (
            not m.group("role").strip().startswith("(")):
        return None  # "Dr. Samuel Okafor, the county health director, warned ...": a sentence
    role = (m.group("role") or "").strip(" ,()")
    if role and doc.lang.stage_direction(role):
        role = ""  # "Кулигин (поет).", "SMITH (laughing):": what they do, not who they are
    return Named(mention, role=role)


def role_label(doc: Doc, m: re.Match[str], low: str) -> Ref:
    """"ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ (Иванов П. С.):" names the holder; later bare labels are his."""
    label = Label("role:" + low, doc.lang.lexicon.role_labels[low])
    holder = doc.mentions_of(m.start("role"), m.end("role")) if m.group("role") else []
    return Named(holder[0], holds=label) if holder else label


def label_line(doc: Doc, p: Paragraph) -> Ref | None:
    """A label alone on its line: "Mr. Martin Flannery (Sheffield, Hillsborough)", "Mr. Speaker"."""
    line = ALONE_LABEL.fullmatch(doc.text, p.start, p.end)
    if line is None:
        return None
    low = " ".join(line.group("label").lower().rstrip(".").split())
    if low in doc.lang.lexicon.role_labels:
        return role_label(doc, line, low)
    mentions = doc.mentions_of(p.start, line.end("label"))
    if len(mentions) != 1 or mentions[0].end != line.end("label"):
        return None
    lead = WORDS.findall(doc.text[p.start : mentions[0].start])
    if any(w.lower() not in doc.lang.lexicon.titles for w in lead):
        return None
    return Named(mentions[0])


def transcript_turn(doc: Doc) -> Iterator[Claim]:
    """Each label's words up to the next label, without stage directions and trailers."""
    for label, spans, _ in read_turns(doc):
        cue = Cue(label.start, label.end, CueKind.LABEL)
        for start, end in spans:
            for a, b in _without_stage_directions(doc.text, start, end):
                yield Claim(a, b, Kind.DIRECT, "transcript-label", cue)


Turn = tuple[LabelMatch, tuple[tuple[int, int], ...], tuple[int, ...]]


def read_turns(doc: Doc) -> list[Turn]:
    """Each label with the stretches of its words and the paragraphs it takes."""
    return doc.memo("turns", lambda: _read_turns(doc))


def _read_turns(doc: Doc) -> list[Turn]:
    labels = read_labels(doc)
    paragraphs = doc.paragraphs
    turns = []
    for n, label in enumerate(labels):
        following = labels[n + 1] if n + 1 < len(labels) else None
        limit = following.start if following is not None else len(doc.text)
        first = label.paragraph
        last = following.paragraph if following is not None else len(paragraphs) - 1
        if first == 0 and (following is None or following.paragraph > 0) and _title_case(
                doc.text[label.end : paragraphs[0].end]):
            last = 0  # "Pence: Flowers Won't Be at Debate" - a headline, not a turn
        # "Тимур Сабитов, музыкант:" on its line, then dash quotes: they end the turn.
        after = next((p for p in paragraphs[first + 1 : first + 3] if p.start >= label.end),
                     None)
        quoted = label.end >= paragraphs[first].end and after is not None and (
            after.opens_with_dash) and after.text.strip() not in DASH_LINE
        spans: list[tuple[int, int]] = []
        taken = [first]
        for p in paragraphs[first : last + 1]:
            if p.index > first and (doc.lang.lexicon.trailer.match(p.text.strip().strip(
                    '"“”')) or quoted and not p.opens_with_dash):
                break
            if p.index > first:
                taken.append(p.index)
            start, end = max(label.end, p.start), min(limit, p.end)
            if start < end and any(c.isalnum() for c in doc.text[start:end]):
                spans.append((start, end))
        turns.append((label, tuple(spans), tuple(taken)))
    return turns


def in_turn(doc: Doc, p: Paragraph) -> bool:
    """Whether a paragraph belongs to a transcript turn (its label's line included)."""
    return p.index in turn_paragraphs(doc)


def turn_paragraphs(doc: Doc) -> set[int]:
    """The indexes of the paragraphs transcript turns take."""
    return doc.memo("turn paragraphs", lambda: {
        k for _, _, taken in read_turns(doc) for k in taken})


def prose_with(doc: Doc, marks: str, inside: bool = False) -> Iterator[Paragraph]:
    """The paragraphs outside transcript turns that hold any of these marks (a finder of
    quotes reads no paragraph without a quotation mark); `inside`: after their first
    character."""
    turns = turn_paragraphs(doc)
    for i in doc.paragraphs_with(marks, inside):
        if i not in turns:
            yield doc.paragraphs[i]


def is_label_like(line: str) -> bool:
    """A line that opens as a transcript label does."""
    return bool(TRANSCRIPT_LABEL.match(line))


def _title_case(line: str) -> bool:
    """A headline written in Title Case: most longer words capitalised."""
    long_words = [w for w in WORDS.findall(line) if len(w) > 3]
    return len(long_words) >= 3 and sum(w[:1].isupper() for w in long_words) >= 0.6 * len(
        long_words)


def _without_stage_directions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    pos = start
    for m in STAGE_DIRECTION.finditer(text, start, end):
        inner = m.group()[1:-1].strip()
        if not inner or not inner[:1].isupper() and inner.lower() not in QUIET_NOTES:
            continue
        if m.start() > pos:
            pieces.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        pieces.append((pos, end))
    return pieces
