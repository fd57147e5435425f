"""`--help`, `--version` and the query commands never load spaCy (issue 12): they start in a
fraction of the time `extract` needs to load its pipeline."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROBE = (
    "import sys\n"
    "from putin_claims.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "loaded = sorted(m for m in ('spacy', 'thinc', 'trafilatura') if m in sys.modules)\n"
    "print('LOADED', ','.join(loaded), file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def _loaded(*args: str) -> tuple[int, set[str]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    (line,) = [line for line in done.stderr.splitlines() if line.startswith("LOADED")]
    return done.returncode, set(filter(None, line.removeprefix("LOADED ").split(",")))


@pytest.mark.parametrize(
    "args",
    [
        ("--version",),
        ("--help",),
        ("extract", "--help"),
        ("sources",),
        ("actors",),
        ("objectives", "Putin"),
        ("claims", "--min-sources", "2"),
        ("quotes", "--speaker", "Likhacheva"),
        ("report", "--format", "json"),
    ],
    ids=" ".join,
)
def test_commands_that_need_no_model_load_none(args: tuple[str, ...], seed_db: Path) -> None:
    needs_store = not any(a.startswith("--help") or a == "--version" for a in args)
    code, loaded = _loaded(*args, *(("--db", str(seed_db)) if needs_store else ()))
    assert code == 0
    assert loaded == set()


def test_extract_does_load_the_model(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Council backs budget\n\nThe mayor said the vote was close.\n")
    code, loaded = _loaded("extract", str(article), "--db", str(tmp_path / "s.db"))
    assert code == 0
    assert "spacy" in loaded  # the probe sees what it is meant to see
