"""Archives (issue 16): reports/s of one `speechsum summarize DIR -f jsonl` process with
--jobs 1 and 2, against speechsum.dask.map_on_dask on a LocalCluster, with the cluster's
start and stop left out and counted in.

    python benchmarks/archive.py                  # 1,000 reports, 2 workers
    python benchmarks/archive.py -n 200 -w 2      # a smoke run

Needs the dask extra: pip install -e ".[dask]".
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import SPEECHSUM, machine, run, write_reports  # noqa: E402


def cli(folder: Path, jobs: int, out: Path) -> tuple[float, list[str]]:
    """Seconds of one whole `summarize DIR -f jsonl -j JOBS` process, and its lines."""
    result = run([*SPEECHSUM, "summarize", str(folder), "-f", "jsonl", "-j", str(jobs),
                  "-o", str(out)])
    if result.status != 0:
        raise SystemExit(f"speechsum exited {result.status} with --jobs {jobs}")
    return result.seconds, out.read_text("utf-8").splitlines()


def on_dask(folder: Path, address: str, workers: int) -> tuple[float, list[str]]:
    """Seconds of map_on_dask over the folder's reports, rendered as JSONL, and its lines."""
    from speechsum.batch import expand_paths
    from speechsum.dask import map_on_dask
    from speechsum.model import DigestOptions
    from speechsum.render.json import render_jsonl

    start = time.perf_counter()
    items = expand_paths([str(folder)])
    lines = []
    for outcome in map_on_dask(items, DigestOptions(), 10_000_000, address, workers):
        if outcome.digest is None:
            raise SystemExit(f"failed on Dask: {outcome.error}")
        lines.append(render_jsonl(outcome.digest).rstrip("\n"))
    return time.perf_counter() - start, lines


def measure(count: int, workers: int, directory: Path) -> Iterable[str]:
    """Each way of digesting `count` reports, one line each as soon as it is timed."""
    from speechsum.dask import local_cluster

    folder = directory / "reports"
    folder.mkdir()
    write_reports(folder, count)
    seconds, reference = cli(folder, 1, directory / "j1.jsonl")
    yield line("speechsum -j 1", count, seconds)
    seconds, lines = cli(folder, workers, directory / f"j{workers}.jsonl")
    yield line(f"speechsum -j {workers}", count, seconds, lines == reference)
    seconds, lines = on_dask(folder, "local", workers)
    yield line(f"dask local, {workers} workers, start+stop counted", count, seconds,
               lines == reference)
    start = time.perf_counter()
    with local_cluster(workers) as cluster:
        started = time.perf_counter() - start
        yield f"dask     LocalCluster of {workers} workers started in {started:.2f} s"
        for run_name in ("cold workers", "warm workers"):
            seconds, lines = on_dask(folder, cluster.scheduler_address, workers)
            yield line(f"dask {cluster.scheduler_address}, {run_name}, start left out", count,
                       seconds, lines == reference)


def line(what: str, count: int, seconds: float, same: bool | None = None) -> str:
    """One figure: reports/s, and whether the output is that of `-j 1`."""
    tail = "" if same is None else f", output identical to -j 1: {same}"
    return f"{what}: {seconds:.2f} s, {count / seconds:.0f} reports/s{tail}"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--reports", type=int, default=1000)
    parser.add_argument("-w", "--workers", type=int, default=2)
    args = parser.parse_args(argv)
    print(f"machine  {machine()}", flush=True)
    with tempfile.TemporaryDirectory() as name:
        for text in measure(args.reports, args.workers, Path(name)):
            print(text, flush=True)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"after    load average {load}", flush=True)


# Dask's worker processes import this file again as they start: only a run measures.
if __name__ == "__main__":
    main()
