"""Archives on Dask: many reports digested on a Dask cluster, as a bag of JSON records
(`digest_bag`) or as the outcomes the CLI writes, streamed in input order (`map_on_dask`).

Each input is digested by `speechsum.batch.digest_input`, as on one machine, in the worker
processes, which keep the models they load (dictionaries, stop words) from one task to the
next. The workers read the files themselves: every path must be readable by every worker,
at the same path (one machine, or storage that all of them mount alike). Relative paths are
made absolute here, where they were given; the digests keep them as given.

Needs the `dask` extra: pip install 'speechsum[dask]'.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import heapq
import os
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from speechsum.batch import Item, Outcome, Report, digest_input, digest_report, source_name
from speechsum.model import DigestOptions
from speechsum.reading import DEFAULT_MAX_BYTES
from speechsum.render.json import DigestJSON, ErrorJSON, digest_to_json, error_to_json
from speechsum.workers import leave_signals_to_parent, worker_count

DASK_MISSING = "the Dask path needs the dask extra: pip install 'speechsum[dask]'"

try:
    import dask.bag
    from distributed import Client, Future, KilledWorker, LocalCluster, as_completed
except ImportError as error:
    raise ImportError(DASK_MISSING, name=error.name) from error

# A task that raised is run again this many times before its inputs are given up on.
RETRIES = 2
# Tasks sent ahead per worker thread: enough to keep each busy, few enough to stream.
AHEAD = 4
# Results waiting for an earlier, slower input, per task sent ahead, before sending stops.
WAITING = 4


@dataclass(frozen=True)
class Text:
    """A report given as text rather than as a file; `source` names it in its record."""

    text: str
    source: str


class DigestRecord(DigestJSON):
    """The wire shape of a digest, with what reading and digesting it warned about."""

    warnings: list[str]


# An input that could not be digested is its name and why, in one line: never dropped.
Record = DigestRecord | ErrorJSON
Input = str | os.PathLike[str] | Text


@dataclass(frozen=True)
class File:
    """A file as the workers read it: its absolute `path`, and the path as it was `given`."""

    path: str
    given: str


def digest_bag(inputs: Iterable[Input], options: DigestOptions | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES, partition_size: int = 16) -> dask.bag.Bag:
    """A bag of one record per input, in input order: a digest's JSON with its `warnings`,
    or an error record, so that no input is dropped.

    `inputs` are files (folders are not expanded; see `speechsum.batch.expand_paths`) and
    `Text`s; the workers read the files, so each path must be readable where they run. A
    partition whose workers keep dying fails the compute (KilledWorker), where
    `map_on_dask` reports just the input that kills them.
    """
    entries = [as_entry(given) for given in inputs]
    work = functools.partial(digest_record, options=options or DigestOptions(),
                             max_bytes=max_bytes)
    records: dask.bag.Bag = dask.bag.from_sequence(entries, partition_size=partition_size).map(
        work)
    return records


def as_entry(given: Input) -> File | Text:
    """What a worker is sent for one input of `digest_bag`."""
    if isinstance(given, Text):
        return given
    path = os.fspath(given)
    if not isinstance(path, str):
        raise TypeError(f"digest_bag() takes paths as str or os.PathLike[str], not {path!r}")
    if path == "-":
        raise ValueError("digest_bag() cannot read stdin on the workers; "
                         "pass its text as Text(sys.stdin.read(), '<stdin>')")
    return File(os.path.abspath(path), path)


def digest_record(entry: File | Text, options: DigestOptions, max_bytes: int) -> Record:
    """In a worker: the record of one input."""
    if isinstance(entry, Text):
        return record_of(digest_report(Report(entry.text), entry.source, options), entry.source)
    return record_of(digest_file(entry, options, max_bytes), source_name(entry.given))


def record_of(outcome: Outcome, source: str) -> Record:
    """The record of an outcome: its digest's wire shape and warnings, or its error."""
    if outcome.digest is None:
        return error_to_json(source, outcome.error)
    return {**digest_to_json(outcome.digest), "warnings": list(outcome.warnings)}


def digest_file(file: File, options: DigestOptions, max_bytes: int) -> Outcome:
    """In a worker: `digest_input` of a file, its digest named by the path as given."""
    outcome = digest_input(Item(file.path), options, max_bytes)
    if outcome.digest is None or file.path == file.given:
        return outcome
    return replace(outcome, digest=replace(outcome.digest, source=source_name(file.given)))


def digest_files(files: Sequence[File], options: DigestOptions, max_bytes: int
                 ) -> list[Outcome]:
    """In a worker: the outcomes of a batch of files, in order."""
    return [digest_file(file, options, max_bytes) for file in files]


def map_on_dask(items: Sequence[Item], options: DigestOptions, max_bytes: int, address: str,
                workers: int) -> Generator[Outcome, None, None]:
    """`speechsum.batch.map_digests` on Dask: the outcome of each item in input order, each
    as soon as it and those before it are ready.

    `address` "local" starts a LocalCluster of `workers` processes for the run and stops it
    after, also on an error or Ctrl-C; otherwise it is a scheduler's, "tcp://host:8786",
    which is left running. The workers read the files: each path must be readable by every
    worker at the same path (shared storage). A worker that dies (killed, out of memory) is
    restarted by its nanny and the scheduler runs what it held again; a task that raises is
    retried; an input that keeps failing becomes an outcome with its error, and the others
    go on. Stdin and empty folders are done here. Closing the generator stops the run.
    """
    if not items:
        return
    with connect(address, worker_count(workers, len(items))) as client:
        yield from map_ordered(client, items, options, max_bytes)


@contextlib.contextmanager
def connect(address: str, workers: int) -> Iterator[Client]:
    """A client of a LocalCluster started for the run ("local"), or of a running scheduler."""
    if address != "local":
        with Client(address) as client:
            yield client
        return
    with local_cluster(workers) as cluster, Client(cluster) as client:
        yield client


def local_cluster(workers: int) -> LocalCluster:
    """A cluster of `workers` processes on this machine, one thread each, for a run."""
    # No dashboard, and its HTTP server on a free port rather than warning that 8787 is taken.
    return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                        dashboard_address=None, scheduler_kwargs={"dashboard_address": ":0"},
                        preload=[__name__])


def dask_setup(worker: object) -> None:
    """In a worker of a LocalCluster started here, as it starts (Dask's preload hook): leave
    Ctrl-C to this process, which stops the cluster, instead of a traceback from each."""
    leave_signals_to_parent()


def map_ordered(client: Client, items: Sequence[Item], options: DigestOptions,
                max_bytes: int) -> Iterator[Outcome]:
    """The outcomes of `items` digested on `client`'s cluster, in input order, with batches
    sent ahead as results come back.

    A task that raised is split into one task per input, so that only the failing one is
    lost. Dask gives up on a task when the workers it was on kept dying, and on the tasks
    waiting beside it too: each input of such a task runs again alone, and is lost only if
    its worker dies even then.
    """
    # Only this process can read stdin, and a folder's problem needs no reading.
    here = {i for i, item in enumerate(items) if item.path == "-" or item.problem}
    remote = [i for i in range(len(items)) if i not in here]
    threads = max(1, sum(client.nthreads().values()))
    size = max(1, min(16, len(remote) // (threads * 8)))
    # Batches of consecutive inputs by their first input: the next to yield is at the top.
    pending = [remote[i:i + size] for i in range(0, len(remote), size)]
    suspects: deque[int] = deque()  # on a worker that kept dying: each to run alone
    alone: set[int] = set()
    sent: dict[Future[list[Outcome]], list[int]] = {}
    finished = as_completed()
    done: dict[int, Outcome] = {}
    following = 0  # the next index to yield

    def submit(indices: list[int]) -> None:
        files = [File(os.path.abspath(items[i].path), items[i].path) for i in indices]
        future = client.submit(digest_files, files, options, max_bytes, retries=RETRIES,
                               pure=False)
        sent[future] = indices
        finished.add(future)

    def send() -> None:
        if suspects:
            if not sent:
                alone.add(suspects[0])
                submit([suspects.popleft()])
            return
        while pending and len(sent) < threads * AHEAD and (
                len(done) < threads * AHEAD * WAITING * size or following in pending[0]):
            submit(heapq.heappop(pending))

    send()
    for i in sorted(here):
        done[i] = digest_input(items[i], options, max_bytes)
    while following < len(items):
        if following in done:
            yield done.pop(following)
            following += 1
            continue
        send()
        future = next(finished)
        if future.status in ("lost", "pending"):
            # Its result went with a worker that died: the scheduler runs it again.
            finished.add(future)
            continue
        indices = sent.pop(future)
        outcomes = None
        # Lost again while fetched, and then failed: as if it had failed.
        with contextlib.suppress(Exception, asyncio.CancelledError):
            outcomes = future.result() if future.status == "finished" else None
        if outcomes is not None:
            done.update(zip(indices, outcomes, strict=True))
        elif killed_workers(future) and indices[0] not in alone:
            suspects.extend(indices)
        elif len(indices) > 1:
            for i in indices:
                heapq.heappush(pending, [i])
        else:
            done[indices[0]] = given_up(future)


def killed_workers(future: Future[list[Outcome]]) -> bool:
    """Whether Dask gave up on the task because workers died while it was on them."""
    return future.status == "error" and isinstance(future.exception(), KilledWorker)


def given_up(future: Future[list[Outcome]]) -> Outcome:
    """The outcome of an input whose task failed each time it was run."""
    if future.status != "error":
        return Outcome(None, "its task was cancelled on the Dask cluster")
    error = future.exception()
    if isinstance(error, KilledWorker):
        return Outcome(None, "each Dask worker digesting it died, also when it ran alone "
                             "(killed, or out of memory?); the other inputs went on")
    from speechsum.render import one_line

    what = one_line(f"{type(error).__name__}: {error}")[:200]
    return Outcome(None, f"failed on the Dask workers, {RETRIES + 1} times ({what})")
