"""speechsum.dask on a LocalCluster of two worker processes: the same records and outcomes
as one process, in input order, with a worker killed mid-run, and within a memory limit."""

from __future__ import annotations

import importlib
import os
import random
import signal
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask.distributed", reason="the Dask path needs the dask extra: "
                                               "pip install 'speechsum[dask]'")

import dask  # noqa: E402
import psutil  # noqa: E402  (comes with distributed)
from distributed import Client, LocalCluster, WorkerPlugin  # noqa: E402

from speechsum import __version__, build_digest  # noqa: E402
from speechsum.batch import Item, Outcome, digest_input, map_digests  # noqa: E402
from speechsum.dask import Text, digest_bag, map_on_dask  # noqa: E402
from speechsum.model import DigestOptions  # noqa: E402
from speechsum.reading import DEFAULT_MAX_BYTES  # noqa: E402
from speechsum.render.json import SCHEMA_VERSION, digest_to_json  # noqa: E402

REPORTS = 240
OPTIONS = DigestOptions(sentences=2)
GIB = 2**30

# Who speaks: name, surname, whether the verb takes the feminine ending.
RU_PEOPLE = [
    ("Иван Петров", "Петров", False), ("Анна Смирнова", "Смирнова", True),
    ("Олег Кузнецов", "Кузнецов", False), ("Мария Волкова", "Волкова", True),
    ("Сергей Орлов", "Орлов", False), ("Елена Козлова", "Козлова", True),
]
RU_TITLES = ["Аким района", "Глава управления", "Депутат маслихата", "Директор школы"]
RU_EVENTS = ["сессии маслихата", "заседании акимата", "встрече с жителями", "брифинге"]
RU_VERBS = ["сказал", "отметил", "заявил", "сообщил"]
RU_CLAIMS = [
    "Ремонт дорог начнётся в мае.", "Бюджет на ремонт увеличен вдвое.",
    "Подрядчики уже выбраны.", "Новая школа откроется осенью.",
    "Тарифы на воду в этом году не изменятся.", "Автобусы выйдут на три новых маршрута.",
    "Больница получит новое оборудование.", "Жалобы жителей мы рассмотрим за неделю.",
]
EN_PEOPLE = [
    ("John Smith", "Smith"), ("Mary Jones", "Jones"), ("Peter Brown", "Brown"),
    ("Alice Taylor", "Taylor"), ("David Wilson", "Wilson"),
]
EN_TITLES = ["Mayor", "Councillor", "Police chief", "Head teacher"]
EN_EVENTS = ["the council meeting", "a press briefing", "the town hall", "a public hearing"]
EN_VERBS = ["said", "added", "told reporters", "explained"]
EN_CLAIMS = [
    "Road repairs will start in May.", "The repair budget has doubled.",
    "The contractors have already been chosen.", "The new school opens in the autumn.",
    "Water prices will not change this year.", "Three new bus routes start next week.",
    "The hospital will get new equipment.", "We will answer every complaint within a week.",
]


def russian_report(rng: random.Random) -> str:
    """A short Russian report: one speaker quoted, another reported."""
    (name, surname, feminine), (other, _, other_feminine) = rng.sample(RU_PEOPLE, 2)
    claims = rng.sample(RU_CLAIMS, 4)
    verb = rng.choice(RU_VERBS) + ("а" if feminine else "")
    spoke = "выступила" if feminine else "выступил"
    added = "добавила" if other_feminine else "добавил"
    return (
        f"{rng.choice(RU_TITLES)} {name} {spoke} на {rng.choice(RU_EVENTS)}.\n\n"
        f"«{claims[0]} {claims[1][:-1]}», — {verb} {surname}.\n\n"
        f"{rng.choice(RU_TITLES)} {other} {added}: «{claims[2]} {claims[3]}»\n"
    )


def english_report(rng: random.Random) -> str:
    """A short English report: one speaker quoted, another after a colon."""
    (name, surname), (other, _) = rng.sample(EN_PEOPLE, 2)
    claims = rng.sample(EN_CLAIMS, 4)
    return (
        f"{rng.choice(EN_TITLES)} {name} spoke at {rng.choice(EN_EVENTS)}.\n\n"
        f"\"{claims[0]} {claims[1][:-1]},\" {surname} {rng.choice(EN_VERBS)}.\n\n"
        f"{rng.choice(EN_TITLES)} {other} said: \"{claims[2]} {claims[3]}\"\n"
    )


def write_archive(folder: Path, count: int) -> list[str]:
    """`count` reports, Russian and English, then an empty file and a missing one among them."""
    paths = []
    for i in range(count):
        rng = random.Random(i)
        text = russian_report(rng) if i % 3 else english_report(rng)
        path = folder / f"report-{i:04}.txt"
        path.write_text(text, "utf-8")
        paths.append(str(path))
    (folder / "empty.txt").write_bytes(b"")
    paths.insert(7, str(folder / "empty.txt"))
    paths.insert(count // 2, str(folder / "missing.txt"))
    return paths


@dataclass(frozen=True)
class Cluster:
    client: Client
    address: str


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    """Two worker processes of one thread each, at most 1 GiB each; a task is given up on
    when its worker has died twice (four times by default), since restarts take seconds."""
    dying = {"distributed.scheduler.allowed-failures": 1}
    with dask.config.set(dying), LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, memory_limit="1GiB",
            dashboard_address=None, scheduler_kwargs={"dashboard_address": ":0"},
    ) as local, Client(local) as client:
        yield Cluster(client, local.scheduler_address)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return write_archive(tmp_path_factory.mktemp("archive"), REPORTS)


@pytest.fixture(scope="module")
def expected(archive: list[str]) -> list[Outcome]:
    """The outcomes of the one-process path."""
    return [digest_input(Item(path), OPTIONS, DEFAULT_MAX_BYTES) for path in archive]


def record(outcome: Outcome, source: str) -> dict[str, Any]:
    """The record one process makes of an outcome."""
    if outcome.digest is None:
        return {"schema_version": SCHEMA_VERSION, "speechsum_version": __version__,
                "source": source, "error": outcome.error}
    return {**digest_to_json(outcome.digest), "warnings": list(outcome.warnings)}


def shown(outcomes: Sequence[Outcome]) -> list[tuple[object, ...]]:
    """What the CLI writes of each outcome."""
    return [(o.digest and digest_to_json(o.digest), o.error, o.warnings, o.unmatched)
            for o in outcomes]


def test_the_bag_holds_the_records_of_one_process_in_input_order(
        cluster: Cluster, archive: list[str], expected: list[Outcome]) -> None:
    bag = digest_bag(archive, OPTIONS, partition_size=32)
    assert bag.npartitions > 2
    records = bag.compute()
    assert records == [record(o, p) for o, p in zip(expected, archive, strict=True)]
    errors = {r["source"]: r["error"] for r in records if "error" in r}
    assert errors == {archive[7]: "input is empty",
                      archive[REPORTS // 2]: "no such file"}
    assert sum(bool(r.get("speakers")) for r in records) >= REPORTS * 0.9


def test_the_bag_takes_texts_and_relative_paths(
        cluster: Cluster, archive: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # The workers started elsewhere: a relative path is read where it was given.
    monkeypatch.chdir(Path(archive[0]).parent)
    russian = Path(archive[1]).read_text("utf-8")
    inputs: list[Text | Path] = [Text(russian, "given"), Path("report-0002.txt"),
                                 Text("", "nothing")]
    records = digest_bag(inputs, OPTIONS).compute()
    assert records[0] == {**digest_to_json(build_digest(russian, OPTIONS, "given")),
                          "warnings": []}
    assert records[1] == record(digest_input(Item("report-0002.txt"), OPTIONS,
                                             DEFAULT_MAX_BYTES), "report-0002.txt")
    assert records[1]["source"] == "report-0002.txt" and records[1]["speakers"]
    assert records[2]["source"] == "nothing" and records[2]["speakers"] == []


def test_the_bag_refuses_stdin() -> None:
    with pytest.raises(ValueError, match="Text"):
        digest_bag(["-"])


def test_outcomes_stream_in_input_order_as_one_process(
        cluster: Cluster, archive: list[str]) -> None:
    items = [Item(p) for p in archive] + [Item("folder", "no files matching *.txt")]
    one = list(map_digests(items, OPTIONS, DEFAULT_MAX_BYTES, jobs=1))
    assert shown(list(map_on_dask(items, OPTIONS, DEFAULT_MAX_BYTES, cluster.address, 2))) == (
        shown(one))
    # A scheduler given by its address is left running.
    assert len(cluster.client.nthreads()) == 2


def test_a_worker_killed_mid_run_loses_nothing(
        cluster: Cluster, archive: list[str], expected: list[Outcome]) -> None:
    pids = cluster.client.run(os.getpid)
    outcomes = map_on_dask([Item(p) for p in archive], OPTIONS, DEFAULT_MAX_BYTES,
                           cluster.address, 2)
    got = [next(outcomes)]
    busy = [address for address, keys in cluster.client.processing().items() if keys]
    victim = pids[busy[0]]
    os.kill(victim, signal.SIGKILL)
    got.extend(outcomes)
    assert shown(got) == shown(expected)
    # Its nanny started another.
    cluster.client.wait_for_workers(2, timeout=30)
    assert victim not in cluster.client.run(os.getpid).values()


class Poison(WorkerPlugin):
    """In every worker, also one restarted after dying: reading a file named poison* raises,
    as a bug would, or kills the worker, as running out of memory would."""

    name = "poison"

    def __init__(self, kill: bool) -> None:
        self.kill = kill

    def setup(self, worker: object) -> None:
        import speechsum.batch

        self.original = original = speechsum.batch.read_report
        kill = self.kill

        def read_report(path: str, max_bytes: int) -> speechsum.batch.Report:
            if os.path.basename(path).startswith("poison"):
                if kill:
                    os.kill(os.getpid(), signal.SIGKILL)
                raise RuntimeError("poisoned")
            return original(path, max_bytes)

        speechsum.batch.read_report = read_report

    def teardown(self, worker: object) -> None:
        import speechsum.batch

        speechsum.batch.read_report = self.original


@pytest.mark.parametrize(("kill", "error"), [
    (False, "failed on the Dask workers, 3 times (RuntimeError: poisoned)"),
    (True, "each Dask worker digesting it died, also when it ran alone (killed, or out of "
           "memory?); the other inputs went on"),
], ids=["raises", "kills its worker"])
def test_an_input_that_keeps_failing_is_reported_and_the_others_go_on(
        cluster: Cluster, archive: list[str], expected: list[Outcome], kill: bool,
        error: str) -> None:
    poison = Path(archive[0]).parent / "poison.txt"
    poison.write_text("Иван Петров сказал: «Да».", "utf-8")
    items = [Item(p) for p in archive[:40]]
    items.insert(20, Item(str(poison)))
    cluster.client.register_plugin(Poison(kill))
    try:
        got = list(map_on_dask(items, OPTIONS, DEFAULT_MAX_BYTES, cluster.address, 2))
    finally:
        cluster.client.unregister_worker_plugin(Poison.name)
        cluster.client.wait_for_workers(2, timeout=30)
    assert (got[20].digest, got[20].error) == (None, error)
    assert shown(got[:20] + got[21:]) == shown(expected[:40])


def test_local_starts_a_cluster_and_stops_it_when_left(archive: list[str],
                                                       expected: list[Outcome]) -> None:
    before = children()
    outcomes = map_on_dask([Item(p) for p in archive[:6]], OPTIONS, DEFAULT_MAX_BYTES,
                           "local", 2)
    assert shown([next(outcomes)]) == shown(expected[:1])
    assert len(children() - before) >= 2
    # As when the reader stops early, or Ctrl-C arrives.
    outcomes.close()
    deadline = time.monotonic() + 10
    while children() - before and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not children() - before


def children() -> set[int]:
    """The live processes this one started, at any depth."""
    return {p.pid for p in psutil.Process().children(recursive=True)
            if p.status() != psutil.STATUS_ZOMBIE}


def test_each_worker_stays_within_its_memory_limit(cluster: Cluster,
                                                   archive: list[str]) -> None:
    digest_bag(archive, OPTIONS).compute()
    limits = {w["memory_limit"] for w in cluster.client.scheduler_info()["workers"].values()}
    assert limits == {GIB}
    used = cluster.client.run(lambda: psutil.Process().memory_info().rss)
    assert len(used) == 2 and all(rss < GIB for rss in used.values()), used


def test_without_dask_the_import_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("dask", "dask.bag", "distributed"):
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.delitem(sys.modules, "speechsum.dask")
    with pytest.raises(ImportError, match=r"^the Dask path needs the dask extra: "
                                          r"pip install 'speechsum\[dask\]'$"):
        importlib.import_module("speechsum.dask")
