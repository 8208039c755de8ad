"""Option values, parsed from the command line's strings and refused in our own words.

Options are declared as strings and parsed here rather than by typer's converters, so that
choices ignore case and a wrong value gets one plain sentence ("expected a whole number,
got 'abc'") instead of the wording of a validation library.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Callable
from typing import TypeVar

import typer

C = TypeVar("C", bound="Choice")


class Choice(str, enum.Enum):
    """An option's choices: parsed in any case, listed in help as "a|b|c"."""

    @classmethod
    def parse(cls: type[C], value: str, option: str) -> C:
        """The choice named `value` in any case; a usage error listing the choices otherwise."""
        wanted = value.strip().lower()
        for choice in cls:
            if choice.value == wanted:
                return choice
        raise typer.BadParameter(
            f"{value!r} is not one of: {', '.join(c.value for c in cls)}", param_hint=option
        )

    @classmethod
    def metavar(cls) -> str:
        """The choices as help shows them."""
        return "|".join(c.value for c in cls)

    @classmethod
    def completer(cls) -> Callable[[str], list[str]]:
        """Shell completion of the choices that start with what is typed."""
        return lambda incomplete: [c.value for c in cls if c.value.startswith(incomplete.lower())]


class Algorithm(Choice):
    # The keys of summarize.METHODS, repeated so that `--help` imports nothing of the
    # pipeline; test_algorithms_match_the_registry checks that the two agree.
    LEXRANK = "lexrank"
    LSA = "lsa"
    LUHN = "luhn"
    TEXTRANK = "textrank"
    EDMUNDSON = "edmundson"
    KL = "kl"
    SUMBASIC = "sumbasic"
    REDUCTION = "reduction"


class Engine(Choice):
    BUILTIN = "builtin"
    SUMY = "sumy"


class LanguageChoice(Choice):
    AUTO = "auto"
    RU = "ru"
    KK = "kk"
    EN = "en"


class Format(Choice):
    RICH = "rich"
    JSON = "json"
    JSONL = "jsonl"
    MARKDOWN = "markdown"
    TEXT = "text"


class ShowFormat(Choice):
    RICH = "rich"
    TEXT = "text"
    HTML = "html"


class Color(Choice):
    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"


def parse_count(value: str, option: str, minimum: int = 1) -> int:
    """A whole number of at least `minimum`."""
    try:
        number = int(value.strip().replace("_", ""))
    except ValueError:
        raise typer.BadParameter(f"expected a whole number, got {value!r}",
                                 param_hint=option) from None
    if number < minimum:
        raise typer.BadParameter(f"must be at least {minimum}, got {number}", param_hint=option)
    return number


def parse_ratio(value: str, option: str) -> float:
    """A share: a number greater than 0 and at most 1."""
    try:
        ratio = float(value.strip())
    except ValueError:
        raise typer.BadParameter(f"expected a number such as 0.2, got {value!r}",
                                 param_hint=option) from None
    if not (math.isfinite(ratio) and 0 < ratio <= 1):
        raise typer.BadParameter(f"must be greater than 0 and at most 1, got {value}",
                                 param_hint=option)
    return ratio


SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?", re.IGNORECASE)
UNITS = {"": 1, "k": 1000, "m": 1000**2, "g": 1000**3}


def parse_size(value: str, option: str) -> int:
    """A size in bytes: 5000000, 5MB, 5M, 500k (decimal units, as `ls -h --si` counts).

    >>> parse_size("1.5MB", "--max-bytes")
    1500000
    """
    match = SIZE.fullmatch(value.strip().replace("_", ""))
    if match is None:
        raise typer.BadParameter(f"expected a size such as 50MB or 500000, got {value!r}",
                                 param_hint=option)
    size = int(float(match.group(1)) * UNITS[match.group(2).lower()])
    if size < 1:
        raise typer.BadParameter(f"must be at least 1 byte, got {value!r}", param_hint=option)
    return size
