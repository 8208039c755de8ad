"""Worker processes for many inputs: results in input order, and a worker that dies costs
at most a retry of what it held, never a hang.

concurrent.futures' process pool notices a worker that dies (killed, out of memory, a
crash in a library) and fails every unfinished task with BrokenProcessPool, where
multiprocessing.Pool would wait for the lost task forever. The inputs that were unfinished
then run again in a fresh pool, one task each; an input in flight at MAX_BREAKS breaks is
reported as the one that kills its worker, and the others go on.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# An input in flight when the pool breaks this many times is given up on.
MAX_BREAKS = 2
# Tasks waiting per worker: enough to keep every worker busy, few enough to stream.
AHEAD = 4


def worker_count(jobs: int, inputs: int) -> int:
    """No more workers than inputs, cores, or asked for."""
    return max(1, min(jobs, inputs, os.cpu_count() or 1))


def map_ordered(work: Callable[[T], R], items: Sequence[T], jobs: int,
                died: Callable[[T], R]) -> Iterator[R]:
    """`map(work, items)` in up to `jobs` worker processes, yielding in input order as soon
    as each result is ready; `died(item)` stands for an input whose worker keeps dying."""
    if not items:
        return
    # The first input runs here: forked workers then share what it loaded (dictionaries).
    yield work(items[0])
    rest = list(items[1:])
    if not rest:
        return
    workers = worker_count(jobs, len(rest))
    batch = max(1, min(16, len(rest) // (workers * 8)))
    pending: deque[list[int]] = deque(
        list(range(i, min(i + batch, len(rest)))) for i in range(0, len(rest), batch)
    )
    done: dict[int, R] = {}
    breaks = [0] * len(rest)
    following = 0  # the next index to yield
    while following < len(rest):
        in_flight: deque[tuple[list[int], Future[list[R]]]] = deque()
        with pool(workers) as executor:
            try:
                while pending or in_flight:
                    while pending and len(in_flight) < workers * AHEAD:
                        chunk = [rest[i] for i in pending[0]]
                        in_flight.append((pending[0], executor.submit(run_all, work, chunk)))
                        pending.popleft()
                    indices, future = in_flight[0]
                    results = future.result()
                    in_flight.popleft()
                    done.update(zip(indices, results, strict=True))
                    while following in done:
                        yield done.pop(following)
                        following += 1
            except BrokenProcessPool:
                unfinished = []
                for indices, future in in_flight:
                    if future.done() and future.exception() is None:
                        done.update(zip(indices, future.result(), strict=True))
                    else:
                        unfinished.extend(indices)
                pending = retry(unfinished, pending, breaks, rest, done, died)
        while following in done:
            yield done.pop(following)
            following += 1


def retry(unfinished: list[int], pending: deque[list[int]], breaks: list[int],
          items: Sequence[T], done: dict[int, R], died: Callable[[T], R]
          ) -> deque[list[int]]:
    """After a break: the unfinished inputs one task each (the given-up ones recorded as
    died), then what was still to be sent."""
    again: deque[list[int]] = deque()
    for i in sorted(set(unfinished)):
        breaks[i] += 1
        if breaks[i] >= MAX_BREAKS:
            done[i] = died(items[i])
        else:
            again.append([i])
    again.extend(pending)
    return again


def run_all(work: Callable[[T], R], chunk: Sequence[T]) -> list[R]:
    """In a worker: `work` on each item of a chunk."""
    return [work(item) for item in chunk]


@contextlib.contextmanager
def pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A process pool that is shut down without waiting: on an error, Ctrl-C or SIGTERM its
    workers are killed, so leaving never waits on a worker that will not answer."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    executor = ProcessPoolExecutor(workers, mp_context=context,
                                   initializer=leave_signals_to_parent)
    try:
        yield executor
    finally:
        for child in multiprocessing.active_children():
            with contextlib.suppress(OSError):
                child.kill()
        executor.shutdown(wait=False, cancel_futures=True)


def leave_signals_to_parent() -> None:
    """In a worker: leave Ctrl-C to the parent, and die quietly when terminated."""
    # Otherwise each worker prints a KeyboardInterrupt traceback; the parent stops the pool
    # and exits 130 by itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
