"""The corpus refresh is one unit: interrupted or killed anywhere, the next run repairs it.

Scenario (the bug this module guards against): extract a corpus, change two of its files,
run `extract` again and stop it inside a corpus-wide step. The documents are stored, the
corpus-wide tables are not rebuilt. The next `extract` has nothing to re-process, yet it must
rebuild them: the store must equal, row for row in every table, the store of the same
history without the interruption.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from spacy.language import Language

from conftest import SEEDS, copy_store, store_tables
from putin_claims import pipeline
from putin_claims.corpus import refresh as refresh_module
from putin_claims.names import AliasIndex
from putin_claims.pipeline import extract
from putin_claims.store import STATE_KEY, Store

ADDED = {
    "001": "\nThe Canadian prime minister said Ottawa wants a new trade agreement with Mexico.\n",
    "004": "\nAnalysts said Brussels is demanding an end to the tariffs on steel.\n",
}


@dataclass(frozen=True)
class Incremental:
    folder: Path
    base: Path  # the store after the first run, before the files changed
    reference: Path  # the store after an uninterrupted second run
    tables: dict[str, list[tuple[object, ...]]]
    #: The store after the second run's documents were saved, before any corpus step.
    saved: dict[str, list[tuple[object, ...]]]


def _change(folder: Path) -> None:
    for prefix, sentence in ADDED.items():
        (path,) = folder.glob(f"{prefix}_*.txt")
        path.write_text(path.read_text(encoding="utf-8") + sentence, encoding="utf-8")


@pytest.fixture(scope="module")
def incremental(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Incremental:
    root = tmp_path_factory.mktemp("incremental")
    folder = root / "articles"
    shutil.copytree(SEEDS, folder)
    base = root / "base.db"
    with Store.open(base) as store:
        extract([folder], store)
    _change(folder)
    reference = copy_store(base, root / "reference.db")
    with Store.open(reference) as store:
        summary = extract([folder], store)
    assert summary.processed == len(ADDED)
    saved = copy_store(base, root / "saved.db")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "refresh", lambda store, index, key: None)
        with Store.open(saved) as store:
            extract([folder], store)
    return Incremental(folder, base, reference, store_tables(reference), store_tables(saved))


def _interrupting(name: str, before: bool) -> tuple[tuple[str, refresh_module.Step], ...]:
    def wrap(step: refresh_module.Step) -> refresh_module.Step:
        def interrupted(store: Store, index: AliasIndex) -> object:
            if not before:
                step(store, index)
            raise KeyboardInterrupt

        return interrupted

    return tuple((n, wrap(s) if n == name else s) for n, s in refresh_module.STEPS)


@pytest.mark.parametrize("before", [True, False], ids=["on-entry", "after-its-writes"])
@pytest.mark.parametrize("step", [name for name, _ in refresh_module.STEPS])
def test_an_interrupt_inside_any_corpus_step_is_repaired_by_the_next_run(
    step: str,
    before: bool,
    incremental: Incremental,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = copy_store(incremental.base, tmp_path / "store.db")
    with monkeypatch.context() as patch:
        patch.setattr(refresh_module, "STEPS", _interrupting(step, before))
        with Store.open(db) as store, pytest.raises(KeyboardInterrupt):
            extract([incremental.folder], store)
    interrupted = store_tables(db)
    assert interrupted == incremental.saved  # the refresh rolled back whole
    assert dict(interrupted["settings"])[STATE_KEY] == "stale"
    with Store.open(db) as store:
        summary = extract([incremental.folder], store)
    assert summary.processed == 0
    assert store_tables(db) == incremental.tables


def test_a_fresh_corpus_is_not_rebuilt(
    incremental: Incremental, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = copy_store(incremental.reference, tmp_path / "store.db")
    calls: list[str] = []
    monkeypatch.setattr(pipeline, "refresh", lambda store, index, key: calls.append(key))
    with Store.open(db) as store:
        extract([incremental.folder], store)
    assert calls == []
    assert store_tables(db) == incremental.tables


def test_a_document_changed_and_changed_back_leaves_the_clean_store(
    tmp_path: Path, nlp: Language
) -> None:
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    db = tmp_path / "store.db"
    with Store.open(db) as store:
        extract([folder], store)
    clean = store_tables(db)
    _change(folder)
    with Store.open(db) as store:
        extract([folder], store)
    assert store_tables(db) != clean
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, folder / path.name)  # changed back
    with Store.open(db) as store:
        assert extract([folder], store).processed == len(ADDED)
    assert store_tables(db) == clean


# --------------------------------------------------------------------------- SIGKILL

#: Kills a child `extract` with SIGKILL from inside, at a precise moment: the patch runs in
#: the child only (the library has no hook for it).
KILLER = """
import os, signal, sys
from putin_claims.corpus import refresh
from putin_claims.store import documents
from putin_claims.cli.app import main

where, nth = sys.argv[1], int(sys.argv[2])
seen = [0]

def kill():
    os.kill(os.getpid(), signal.SIGKILL)

if where == "save":  # inside the n-th document's transaction, after its rows are written
    real_insert = documents._insert_annotations
    def insert(*args):
        real_insert(*args)
        seen[0] += 1
        if seen[0] == nth:
            kill()
    documents._insert_annotations = insert
else:  # inside a corpus step, after its writes
    def wrap(name, step):
        def killed(store, index):
            step(store, index)
            kill()
        return killed
    refresh.STEPS = tuple((n, wrap(n, s) if n == where else s) for n, s in refresh.STEPS)
sys.exit(main(sys.argv[3:]))
"""

KILL_POINTS = [("save", 1), ("save", 2)] + [(name, 0) for name, _ in refresh_module.STEPS]


def _child(args: list[str]) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    return subprocess.Popen(
        [sys.executable, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )


def _repaired(incremental: Incremental, db: Path) -> None:
    with Store.open(db) as store:
        extract([incremental.folder], store)
    assert store_tables(db) == incremental.tables


@pytest.mark.parametrize(("where", "nth"), KILL_POINTS, ids=[f"{w}{n}" for w, n in KILL_POINTS])
def test_sigkill_at_a_chosen_moment_then_a_rerun_gives_the_clean_store(
    where: str, nth: int, incremental: Incremental, tmp_path: Path
) -> None:
    db = copy_store(incremental.base, tmp_path / "store.db")
    child = _child(
        ["-c", KILLER, where, str(nth), "extract", str(incremental.folder), "--db", str(db)]
    )
    _, err = child.communicate(timeout=300)
    assert child.returncode == -signal.SIGKILL, err.decode()
    _repaired(incremental, db)


def _timed_kill(incremental: Incremental, db: Path, delay: float) -> int:
    child = _child(["-m", "putin_claims.cli", "extract", str(incremental.folder), "--db", str(db)])
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=300)
    return child.returncode


def test_sigkill_at_moments_spread_over_a_run(incremental: Incremental, tmp_path: Path) -> None:
    durations = []
    for n in range(2):  # the faster of two runs: the first may pay for cold caches
        timing = copy_store(incremental.base, tmp_path / f"timing{n}.db")
        started = time.monotonic()
        child = _child(
            ["-m", "putin_claims.cli", "extract", str(incremental.folder), "--db", str(timing)]
        )
        child.communicate(timeout=300)
        assert child.returncode == 0
        durations.append(time.monotonic() - started)
    duration = min(durations)
    killed = 0
    for n, share in enumerate((0.3, 0.45, 0.6, 0.75, 0.9)):
        db = copy_store(incremental.base, tmp_path / f"kill{n}.db")
        killed += _timed_kill(incremental, db, duration * share) == -signal.SIGKILL
        _repaired(incremental, db)
    assert killed >= 3  # most kills landed while the run was still going
