"""Typography shared by every language: dashes, quotation marks, letters, cue boundaries.

Data and small pure helpers, as razdel keeps its punctuation apart from its rules.
"""

from __future__ import annotations

import re

DASHES = "-–—―"
DASH = f"[{DASHES}]"
UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
LOWER = "a-zа-яёәғқңөұүһі"

WORDS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
OPEN_CLOSE = {"«": "»", "“": "”", "„": "“", '"': '"', "''": "''"}
QUOTE_OPEN = re.compile(r"''|[«“„\"]")
QUOTE_OPENERS = "“«„\""
# Every mark find_quotes reads: the openers, and a closer whose opener was lost.
QUOTE_MARKS = "“«„\"'»"
# A closing mark of another kind after a word: the end of a quote opened with «.
STRAY_CLOSER = re.compile(r"(?<=\S)[\"”“](?=[\s,.!?;:…\-–—]|$)")

# ", - сказала Ж. Нурмурадкызы." / "!» – подчеркнул он" / ",– написала"
CUE_SEP = re.compile(rf"[,!?…]\s*{DASH}\s*(?=[{LOWER}])|(?<=[.!?…])\s+{DASH}\s+(?=[{LOWER}])")
# Where a cue clause ends: a new dash piece of the quote, or the paragraph's end.
CUE_END = re.compile(rf"(?<!\b[{UPPER}])[.!?:…]\s*(?={DASH}\s*[{UPPER}«\"„“])")
# ". Next" but not the initial in "сказала Д. Ускумбаева."
SENTENCE_END = re.compile(rf"(?<!\b[{UPPER}])[.!?…]+(?=\s+[{UPPER}«\"„“])|"
                          rf"(?<=[{LOWER}]{{2}})[.!?…]+(?=[{UPPER}][{LOWER}])")
# "- Я понял ваш вопрос, ..." opening inside a paragraph after a sentence of narration.
INNER_DASH = re.compile(rf"(?<=[.!?…:])\s+{DASH}\s*(?=[{UPPER}«\"])")
# "WASHINGTON (Reuters) - ", "INDIANAPOLIS - ": a dateline, not part of anyone's words.
DATELINE = re.compile(r"[A-ZА-ЯЁ][A-ZА-ЯЁ .,'-]{2,40}(?:\s*\([^()\n]{1,30}\))?\s+[-–—]\s+")
# "(Аплодисменты.)", "[Laughter]": a note inside a turn, not the speaker's words.
STAGE_DIRECTION = re.compile(r"\((?:[^()\n]{1,80})\)|\[(?:[^\[\]\n]{1,80})\]")
# A reporting clause is short; no scan for its end goes further than this.
CUE_REACH = 300


def opens_with_dash(line: str) -> bool:
    """"- Слово", "— Слово", but not a "--" rule."""
    return line[:1] in DASHES and line[:2] != "--"


def cue_end(text: str, start: int, limit: int) -> int:
    """A cue ends where the quote resumes ("- сказал он. - ...") or at its sentence's end."""
    limit = min(limit, start + CUE_REACH)
    m = CUE_END.search(text, start, limit)
    end = m.end() if m else limit
    stop = SENTENCE_END.search(text, start, end)
    return stop.end() if stop else end


def find_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Top-level quotations in text[start:end], marks included; an unclosed one runs to `end`,
    and a closing mark with no opener before it closes a quote opened at `start`."""
    quotes: list[tuple[int, int]] = []
    pos = start
    first_close = text.find("»", start, end)
    if first_close > start and text.find("«", start, first_close) < 0:
        # "Работа идет», - сказал он." - the opening mark was lost.
        quotes.append((start, first_close + 1))
        pos = first_close + 1
    while pos < end:
        m = QUOTE_OPEN.search(text, pos, end)
        if m is None:
            break
        opener = m.group()
        if opener == '"' and m.start() > start and text[m.start() - 1].isalnum() and (
            m.end() < end and not text[m.end()].isalnum()
        ):
            pos = m.end()  # a closing mark with no opener
            continue
        closer = OPEN_CLOSE[opener]
        close = _matching_close(text, m.end(), end, opener, closer)
        if close is None:
            if opener in ("«", "“", "„") or opener == '"' and (
                    m.start() == start or text[m.start() - 1].isspace()):
                quotes.append((m.start(), end))
            break
        quotes.append((m.start(), close))
        pos = close
    return quotes


def _matching_close(text: str, pos: int, end: int, opener: str, closer: str) -> int | None:
    if opener == '"':
        return _straight_close(text, pos, end)
    if opener == closer:
        i = text.find(closer, pos, end)
        return None if i < 0 else i + len(closer)
    depth = 1
    i = pos
    while i < end:
        c = text[i]
        if c == closer and (opener != "„" or depth == 1):
            depth -= 1
            if depth == 0:
                return i + 1
        elif c == opener:
            depth += 1
        i += 1
    if opener == "«":
        # «Цены не вырастут", - заверил он: a quote opened one way and closed another.
        other = STRAY_CLOSER.search(text, pos, end)
        return None if other is None else other.start() + 1
    return None


def _straight_close(text: str, pos: int, end: int) -> int | None:
    """The straight quote that closes one opened before `pos`, telling openers from closers
    by what stands around them: '"Отец сказал: "Иди", и я пошел", -' nests."""
    depth = 1
    first = None
    i = text.find('"', pos, end)
    while i >= 0:
        if first is None:
            first = i
        before = text[i - 1] if i > pos else " "
        after = text[i + 1] if i + 1 < end else " "
        if (before.isspace() or before in "([«:") and not after.isspace():
            depth += 1  # an opening mark: space before it, a word after
        else:
            depth -= 1
            if depth == 0:
                return i + 1
        i = text.find('"', i + 1, end)
    return None if first is None else first + 1


def is_whole_quote(text: str, start: int, end: int) -> bool:
    """A sentence that is all quotation: it opens and closes with quotation marks."""
    words = text[start:end].strip().rstrip(".!?…")
    return len(words) > 2 and words[0] in "\"“«„" and words[-1] in "\"”»“"
