"""Renderers: each turns a Digest into output; `terminal` is the only module importing rich."""

from __future__ import annotations

import unicodedata

FORMATS = ("rich", "json", "jsonl", "markdown", "text")

# Control Pictures show a stray "\x1b" as "␛" instead of letting the terminal obey it.
_CONTROL_PICTURES = {code: 0x2400 + code for code in range(0x20)} | {0x7F: 0x2421}
# All of Unicode's category Cc lies below U+00A0; C1 controls become U+FFFD.
_CONTROLS = {
    code: _CONTROL_PICTURES.get(code, 0xFFFD)
    for code in range(0xA0)
    if unicodedata.category(chr(code)) == "Cc" and chr(code) not in "\n\t"
}


def printable(text: str) -> str:
    """`text` with control characters other than newline and tab made visible and harmless.

    >>> printable("a\\x1b[31mb\\tc")
    'a␛[31mb\\tc'
    """
    return text.translate(_CONTROLS)


def one_line(text: str) -> str:
    """`text` with whitespace runs, newlines included, collapsed to single spaces; printable."""
    return " ".join(printable(text).split())


def plural(count: int, noun: str) -> str:
    """`count` with `noun`, plural unless it is one.

    >>> plural(1, "word"), plural(3, "sentence")
    ('1 word', '3 sentences')
    """
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
