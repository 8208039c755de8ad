"""One-line messages on stderr and the exit statuses they go with."""

from __future__ import annotations

import contextlib
import enum
import sys
from typing import NoReturn

import typer

from speechsum.batch import STDIN, TRACEBACK_VARIABLE, decodable, source_name

__all__ = ["STDIN", "TRACEBACK_VARIABLE", "ExitStatus", "decodable", "display_path", "fail",
           "report", "source_name", "usage_error"]


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


def display_path(path: str) -> str:
    """A path fit for a one-line message: control characters, newlines too, made visible."""
    from speechsum.render import printable

    return printable(decodable(path)).replace("\n", "\u240a").replace("\t", "\u2409")
