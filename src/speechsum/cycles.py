"""The cycle collector paused while a digest is built.

A digest is made of many small frozen values (a claim, a mention, a sentence for every few
words) and none of them refers back to another: everything the pipeline drops is freed by
reference counting the moment it is dropped. The cycle collector still walks every live
container each time enough of them have been made, and on a text of one claim every few bytes
those walks grew faster than the text (a third of the time on 40,000 one-line transcript
turns). So it waits while `build_digest` runs, and runs on as before once it returns;
memory does not change. (mypy, for the same reason, runs it less often: `gc.set_threshold`.)
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def cycle_collector_paused(function: Callable[P, R]) -> Callable[P, R]:
    """`function` run with the cycle collector disabled, its state restored afterwards (a
    caller who disabled it keeps it disabled)."""

    @functools.wraps(function)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return paused
