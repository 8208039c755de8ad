"""A progress bar on stderr while many inputs, or one long one, are digested.

Only on a terminal, so pipes and logs stay clean; `-q` turns it off.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence

# One input this large takes seconds: show that something is happening.
LONG_INPUT = 1_000_000


def wanted(paths: Sequence[str], quiet: bool) -> bool:
    """Whether to show progress: stderr is a terminal, and there is enough work to wait for."""
    if quiet or sys.stderr is None or not sys.stderr.isatty():
        return False
    if len(paths) > 1:
        return True
    with contextlib.suppress(OSError):
        return paths[0] != "-" and os.path.getsize(paths[0]) >= LONG_INPUT
    return False


@contextlib.contextmanager
def progress(total: int, shown: bool) -> Iterator[Callable[[], None]]:
    """A function to call after each input; it moves a bar on stderr when `shown`."""
    if not shown:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        SpinnerColumn,
        TextColumn,
        TimeRemainingColumn,
    )

    columns: list[ProgressColumn] = [SpinnerColumn(), TextColumn("{task.description}")]
    if total > 1:
        columns += [BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()]
    bar = Progress(*columns, console=Console(stderr=True), transient=True)
    with bar:
        task = bar.add_task("digesting", total=total if total > 1 else None)
        yield lambda: bar.advance(task)
