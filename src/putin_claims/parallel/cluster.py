"""Start or reach a Dask cluster, and parse a stream of documents on it in input order.

``--workers N`` starts a ``LocalCluster`` of N single-threaded worker processes for the run;
``--scheduler tcp://HOST:PORT`` uses a running cluster (its workers must import the same
``putin_claims``, model and data files). Either way the cluster, or the connection, is closed
when the run ends, however it ends.
"""

from __future__ import annotations

import logging
import re
import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from putin_claims import __version__
from putin_claims.errors import SchedulerAddressError, SchedulerUnreachableError, WorkerError
from putin_claims.lexicons import fingerprint
from putin_claims.models import IngestedDocument, ProcessedDocument
from putin_claims.parallel import worker
from putin_claims.parallel.shards import in_order

if TYPE_CHECKING:
    from distributed import Client, Future

#: Documents per task: a call of the parser has a cost of its own (with 8, 150 BBC articles
#: on two workers took 36-40 s, with 16 or 32 30-37 s), and the last tasks of a run should
#: end close together (16 BBC articles take a worker about 3 s).
SHARD_SIZE = 16
#: Shards sent or waiting to be stored, per worker thread: the workers never wait for the
#: driver, and memory stays flat however long the corpus is.
SHARDS_PER_THREAD = 2
#: How long a named scheduler may take to show a worker.
WORKER_WAIT_SECONDS = 30.0

_ADDRESS = re.compile(r"(?:tcp://)?(?P<host>\[[0-9a-fA-F:]+\]|[^\s:/\[\]]+):(?P<port>\d{1,5})")


@dataclass
class ClusterParser:
    """Parses documents on a cluster's workers; records come back in input order."""

    client: Client
    actors_file: str | None
    identity: worker.WorkerIdentity

    @property
    def model_version(self) -> str:
        return self.identity.model_version

    def parse(self, documents: Iterable[IngestedDocument]) -> Iterator[ProcessedDocument]:
        threads = sum(self.client.nthreads().values())
        stream = iter(documents)
        shards: Iterator[list[IngestedDocument]] = iter(
            lambda: list(islice(stream, SHARD_SIZE)), []
        )
        for shard in in_order(self._submit, shards, SHARDS_PER_THREAD * threads):
            if shard.identity != self.identity:
                raise WorkerError(_mismatch(shard.identity, self.identity))
            yield from shard.records

    def _submit(self, shard: list[IngestedDocument]) -> Future[worker.ParsedShard]:
        name = self.identity.model
        return self.client.submit(worker.parse_shard, name, self.actors_file, shard, pure=False)


def scheduler_address(address: str) -> str:
    """``tcp://HOST:PORT`` (the scheme may be left out); anything else is an error."""
    match = _ADDRESS.fullmatch(address.strip())
    if match is None or not 0 < int(match["port"]) < 65536:
        raise SchedulerAddressError(
            f"--scheduler {address!r} is not a Dask scheduler address; write tcp://HOST:PORT,"
            " e.g. tcp://127.0.0.1:8786"
        )
    return f"tcp://{match['host']}:{int(match['port'])}"


@contextmanager
def on_cluster(
    model: str | None,
    actors_file: Path | None,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
) -> Iterator[ClusterParser]:
    """A parser on a new local cluster of ``workers`` processes or on the one at ``scheduler``;
    the cluster (or the connection) is closed on the way out."""
    if (workers is None) == (scheduler is None):
        raise SchedulerAddressError("give either --workers N or --scheduler ADDRESS, not both")
    if workers is not None and workers < 1:
        raise SchedulerAddressError(f"--workers wants at least 1 process, got {workers}")
    address = scheduler_address(scheduler) if scheduler is not None else None
    actors = str(actors_file.resolve()) if actors_file else None
    with _client(workers, address) as client:
        yield ClusterParser(client, actors, _identity(client, model, actors))


@contextmanager
def _client(workers: int | None, address: str | None) -> Iterator[Client]:
    from distributed import Client, LocalCluster

    if address is None:
        with _quiet():
            with _sigint_ignored():
                cluster = LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.CRITICAL,
                    preload=[worker.__name__],  # a restarted worker ignores SIGINT too
                )
            try:
                with Client(cluster) as client:
                    yield client
            finally:
                cluster.close()
        return
    with _quiet():
        try:
            client = Client(address)
        except (OSError, ValueError) as exc:
            raise SchedulerUnreachableError(
                f"no Dask scheduler answers at {address} ({exc}); start one with"
                " `dask scheduler` or check the address"
            ) from None
        with client:
            _wait_for_workers(client, address)
            yield client


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Start the workers ignoring SIGINT, as they inherit it: Ctrl-C, sent to the whole job,
    is the driver's to handle by closing the cluster. (A Ctrl-C in the second or two this
    takes is lost.)"""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread receives signals
        return
    handler = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, handler)


@contextmanager
def _quiet() -> Iterator[None]:
    """Dask's own log lines off while it runs: what goes wrong reaches the driver as an
    exception, and an interrupt would otherwise end in a screen of closing-down messages."""
    loggers = [logging.getLogger(name) for name in ("distributed", "asyncio", "tornado")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _wait_for_workers(client: Client, address: str) -> None:
    try:
        client.wait_for_workers(1, timeout=WORKER_WAIT_SECONDS)
    except TimeoutError:
        raise SchedulerUnreachableError(
            f"the Dask scheduler at {address} has no workers after {WORKER_WAIT_SECONDS:.0f} s;"
            f" start some with `dask worker {address}`"
        ) from None


def _identity(client: Client, model: str | None, actors: str | None) -> worker.WorkerIdentity:
    """Every worker loads its pipeline now, all at once; they must all load the same one."""
    tasks = [
        client.submit(worker.identity, model, actors, workers=[address], pure=False)
        for address in client.scheduler_info()["workers"]
    ]
    found = client.gather(tasks)
    for other in found[1:]:
        if other != found[0]:
            raise WorkerError(_mismatch(other, found[0]))
    return _check(found[0])


def _check(who: worker.WorkerIdentity) -> worker.WorkerIdentity:
    if who.version != __version__ or who.lexicons != fingerprint():
        raise WorkerError(
            f"the Dask workers run putin-claims {who.version} with other data files than this"
            f" {__version__}; install the same version on the workers"
        )
    return who


def _mismatch(found: worker.WorkerIdentity, expected: worker.WorkerIdentity) -> str:
    return (
        f"a Dask worker parses with {found.model_version} (putin-claims {found.version}),"
        f" another with {expected.model_version} ({expected.version}); give every worker"
        " the same model and version"
    )
