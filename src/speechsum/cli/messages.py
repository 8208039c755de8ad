"""One-line messages on stderr and the exit statuses they go with."""

from __future__ import annotations

import contextlib
import enum
import sys
from typing import NoReturn

import typer

# Set it to see the traceback of an internal error instead of a one-line report.
TRACEBACK_VARIABLE = "SPEECHSUM_TRACEBACK"
STDIN = "<stdin>"


class ExitStatus(enum.IntEnum):
    OK = 0
    ERROR = 1
    USAGE = 2
    INTERRUPTED = 130


def report(level: str, message: str) -> None:
    """One line on stderr: "speechsum: error: PATH: message"; nothing if stderr is gone."""
    if sys.stderr is None:  # started with `2>&-`
        return
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"speechsum: {level}: {message}\n")
        sys.stderr.flush()


def usage_error(message: str) -> NoReturn:
    """One line on stderr and exit status 2: the command line itself is wrong."""
    report("error", message)
    raise typer.Exit(ExitStatus.USAGE)


def fail(message: str) -> NoReturn:
    """Report an error and stop with exit status 1."""
    report("error", message)
    raise typer.Exit(ExitStatus.ERROR)


def decodable(path: str) -> str:
    """`path` as given, but with bytes that are not UTF-8 as U+FFFD, so output can encode it.

    Whatever the locale: under LC_ALL=C the command line comes as surrogate escapes of its
    bytes, which this turns back into the UTF-8 they were; a path already decoded stays.
    """
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def source_name(path: str) -> str:
    """What a digest calls its input: the path, or <stdin> for '-'."""
    return STDIN if path == "-" else decodable(path)


def display_path(path: str) -> str:
    """A path fit for a one-line message: control characters, newlines too, made visible."""
    from speechsum.render import printable

    return printable(decodable(path)).replace("\n", "\u240a").replace("\t", "\u2409")
