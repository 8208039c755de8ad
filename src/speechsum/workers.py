"""Worker processes for many inputs: results in input order, and a worker that dies costs
at most a retry of what it held, never a hang.

concurrent.futures' process pool notices a worker that dies (killed, out of memory, a
crash in a library) and fails every unfinished task with BrokenProcessPool, where
multiprocessing.Pool would wait for the lost task forever. The inputs that were unfinished
are then suspects: each runs again in a fresh pool, alone, so that a second break names the
input that kills its worker; it is reported, and the others go on in parallel.
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
    suspects: deque[int] = deque()  # unfinished at a break: run one at a time
    following = 0  # the next index to yield
    while following < len(rest):
        in_flight: deque[tuple[list[int], Future[list[R]]]] = deque()
        with pool(workers) as executor:
            try:
                while suspects or pending or in_flight:
                    if suspects:
                        # Alone in the pool: if it breaks now, this input broke it.
                        done[suspects[0]] = executor.submit(
                            run_all, work, [rest[suspects[0]]]).result()[0]
                        suspects.popleft()
                    else:
                        while pending and len(in_flight) < workers * AHEAD:
                            chunk = [rest[i] for i in pending[0]]
                            in_flight.append((pending[0],
                                              executor.submit(run_all, work, chunk)))
                            pending.popleft()
                        indices, future = in_flight[0]
                        results = future.result()
                        in_flight.popleft()
                        done.update(zip(indices, results, strict=True))
                    while following in done:
                        yield done.pop(following)
                        following += 1
            except BrokenProcessPool:
                if suspects:
                    culprit = suspects.popleft()
                    done[culprit] = died(rest[culprit])
                for indices, future in in_flight:
                    if future.done() and future.exception() is None:
                        done.update(zip(indices, future.result(), strict=True))
                    else:
                        suspects.extend(indices)
        while following in done:
            yield done.pop(following)
            following += 1


def run_all(work: Callable[[T], R], chunk: Sequence[T]) -> list[R]:
    """In a worker: `work` on each item of a chunk."""
    return [work(item) for item in chunk]


STARTED: list[bool] = []


def pools_started() -> bool:
    """Whether this process has started worker processes (the CLI then leaves with
    os._exit, see speechsum.cli.commands.leave)."""
    return bool(STARTED)


@contextlib.contextmanager
def pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A process pool that is shut down without waiting: on an error, Ctrl-C or SIGTERM its
    workers are killed, so leaving never waits on a worker that will not answer."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    executor = ProcessPoolExecutor(workers, mp_context=context,
                                   initializer=leave_signals_to_parent)
    STARTED.append(True)
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
