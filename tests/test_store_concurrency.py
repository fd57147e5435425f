"""Two processes on one store: the later writer waits (saying so once) and both succeed; the
schema is set up once however many processes open a new file at the same moment; a store a
newer version set up is refused by name."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import PIPELINE, SEEDS, make_doc
from putin_claims.errors import StoreError
from putin_claims.store import Store
from putin_claims.store.migrations import MIGRATIONS

ROOT = Path(__file__).resolve().parent.parent


def _open_new(path: str, start: float) -> int:
    """Open a store at an agreed moment; 0 when it worked (in a child process)."""
    time.sleep(max(0.0, start - time.time()))
    try:
        with Store.open(path) as store:
            store.save(make_doc(f"doc-{os.getpid()}"), PIPELINE)
    except StoreError:
        return 1
    return 0


@pytest.mark.parametrize("trial", range(4))
def test_processes_opening_a_new_store_at_once_set_it_up_once(tmp_path: Path, trial: int) -> None:
    path = tmp_path / f"race-{trial}.db"
    context = multiprocessing.get_context("spawn")
    start = time.time() + 2.0
    with context.Pool(3) as pool:
        results = pool.starmap(_open_new, [(str(path), start)] * 3)
    assert results == [0, 0, 0]
    with sqlite3.connect(path) as db:
        applied = [r[0] for r in db.execute("SELECT name FROM migrations ORDER BY rowid")]
        documents = db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    assert applied == [name for name, _ in MIGRATIONS]
    assert documents == 3


def test_a_writer_waits_for_the_other_and_says_so_once(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    with Store.open(path):
        pass
    holding, released = threading.Event(), threading.Event()

    def hold_the_lock() -> None:
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("BEGIN IMMEDIATE")
        holding.set()
        time.sleep(2.0)
        db.execute("COMMIT")
        released.set()
        db.close()

    other = threading.Thread(target=hold_the_lock)
    other.start()
    holding.wait(10)
    told: list[Path] = []
    with Store.open(path, waiting=told.append) as store:
        store.save(make_doc("alpha"), PIPELINE)
        assert released.is_set(), "the save went in only after the other transaction"
        assert store.doc_ids() == ["alpha"]
    other.join()
    assert told == [path]


def test_a_store_of_a_newer_version_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    with Store.open(path) as store:
        store.db.execute("INSERT INTO migrations VALUES ('m999_from_the_future', 'x')")
    with pytest.raises(StoreError, match=r"newer putin-claims.*m999_from_the_future"):
        Store.open(path)


def test_two_extract_runs_side_by_side_both_succeed(tmp_path: Path) -> None:
    halves = [tmp_path / "one", tmp_path / "two"]
    for n, folder in enumerate(halves):
        folder.mkdir()
        for path in sorted(SEEDS.glob("*.txt"))[n::2]:
            shutil.copy(path, folder / path.name)
    db = tmp_path / "shared.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "putin_claims.cli", "extract", str(f), "--db", str(db)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )
        for f in halves
    ]
    for run in runs:
        _, err = run.communicate(timeout=600)
        assert run.returncode == 0, err.decode()
    with Store.existing(db) as store:
        assert len(store.doc_ids()) == 5
        assert store.setting("corpus_state") != "stale"
