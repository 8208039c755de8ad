"""Renderers: each turns a Digest into output; `terminal` is the only module importing rich."""

from __future__ import annotations

import bisect
import unicodedata

from speechsum.model import Digest, Kind, Language, Span

FORMATS = ("rich", "json", "jsonl", "markdown", "text")

# Control Pictures show a stray "\x1b" as "␛" instead of letting the terminal obey it.
_CONTROL_PICTURES = {code: 0x2400 + code for code in range(0x20)} | {0x7F: 0x2421}
# All of Unicode's category Cc lies below U+00A0; C1 controls become U+FFFD.
_CONTROLS = {
    code: _CONTROL_PICTURES.get(code, 0xFFFD)
    for code in range(0xA0)
    if unicodedata.category(chr(code)) == "Cc" and chr(code) not in "\n\t"
}
# Bidi embeddings, overrides and isolates reorder what follows them on the screen ("Trojan
# Source"): a quote could show other words than it holds. The plain marks U+200E/F stay.
_BIDI = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)], 0xFFFD)
_UNSAFE = _CONTROLS | _BIDI


def printable(text: str) -> str:
    """`text` with controls other than newline and tab, and bidi overrides, made harmless.

    >>> printable("a\\x1b[31mb\\tc")
    'a␛[31mb\\tc'
    """
    return text.translate(_UNSAFE)


def one_line(text: str) -> str:
    """`text` with whitespace runs, newlines included, collapsed to single spaces; printable."""
    return " ".join(printable(text).split())


def plural(count: int, noun: str) -> str:
    """`count` with `noun`, plural unless it is one.

    >>> plural(1, "word"), plural(3, "sentence")
    ('1 word', '3 sentences')
    """
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


class Sources:
    """Which segment each summary sentence comes from: a sentence lies inside one segment,
    so its kind (a verbatim quote or the reporter's paraphrase) is that segment's."""

    def __init__(self, digest: Digest) -> None:
        self.segments = digest.segments
        self.starts = [s.start for s in digest.segments]

    def index(self, span: Span) -> int | None:
        """The position in `digest.segments` of the segment holding `span`, if any."""
        k = bisect.bisect_right(self.starts, span.start) - 1
        while k >= 0 and self.segments[k].start <= span.start:
            if span.start < self.segments[k].end:
                return k
            k -= 1
        return None

    def kind(self, span: Span) -> Kind | None:
        k = self.index(span)
        return None if k is None else self.segments[k].kind


# Quotation marks a human view puts around quoted words, by language.
QUOTES = {Language.RU: ("«", "»"), Language.KK: ("«", "»"), Language.EN: ("“", "”")}
REPORTED = "reported"


def as_said(text: str, kind: Kind | None, language: Language) -> str:
    """A summary sentence as a human view shows it: quoted words in quotation marks (unless
    the sentence already opens with one or with a dash), a paraphrase as it is.

    >>> as_said("Мост откроем в мае.", Kind.DIRECT, Language.RU)
    '«Мост откроем в мае.»'
    """
    line = one_line(text)
    if kind is not Kind.DIRECT or line[:1] in "«“„\"'-–—―":
        return line
    opening, closing = QUOTES.get(language, ("“", "”"))
    return f"{opening}{line}{closing}"

