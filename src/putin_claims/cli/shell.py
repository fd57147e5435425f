"""What every command shares: exit codes, the two consoles, opening a store, naming an
actor, showing a result, progress, writing a file. Results go to stdout, everything else to
stderr; rich respects NO_COLOR and stays quiet on a non-terminal."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from enum import IntEnum
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from putin_claims.cli import render as output
from putin_claims.errors import OutputClashError, ReportWriteError, shown
from putin_claims.models import SkippedFile
from putin_claims.query.actors import match_in_store
from putin_claims.store import STATE_KEY, Store


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1
    USAGE = 2
    SKIPPED_INPUT = 3
    INTERNAL = 70
    INTERRUPTED = 130


def out() -> Console:
    """Results go to stdout (made per call so that NO_COLOR, COLUMNS and redirection apply)."""
    return Console()


def err() -> Console:
    """Diagnostics go to stderr."""
    return Console(stderr=True, soft_wrap=True)


def check_output(path: Path, db: Path, force: bool, inputs: Sequence[Path] = ()) -> None:
    """Refuse an output that would overwrite the store, an input, or (without ``force``) any
    existing file."""
    target = path.resolve()
    if target in {db.resolve(), Path(f"{db.resolve()}-wal"), Path(f"{db.resolve()}-shm")}:
        raise OutputClashError(f"--out {shown(path)} is the store (--db); choose another file")
    if target in {p.resolve() for p in inputs}:
        raise OutputClashError(f"--out {shown(path)} is one of the inputs; choose another file")
    if path.exists() and not force:
        raise OutputClashError(f"{shown(path)} exists; pass --force to overwrite it")


def write_text(path: Path, text: str) -> None:
    """Write through a temporary file, so a failed write leaves the old report whole."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".part")
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)
    except OSError as exc:
        raise ReportWriteError(path, exc.strerror or str(exc)) from exc


def say_waiting(path: Path) -> None:
    """One line when another process holds the store's write lock."""
    err().print(
        f"putin-claims: {path} is being written by another process; waiting for it to finish",
        markup=False,
        highlight=False,
    )


def existing(db: Path) -> Store:
    """The store a query reads; a line on stderr when its corpus-wide tables are out of date."""
    store = Store.existing(db, waiting=say_waiting)
    if store.setting(STATE_KEY) == "stale":
        err().print(
            "putin-claims: warning: the claims, actors and derivations are out of date "
            "(an extract was interrupted); run `putin-claims extract` on the same files",
            highlight=False,
            markup=False,
        )
    return store


def named(store: Store, name: str) -> str:
    """The id of the actor ``name`` means; a line on stderr when only a close spelling matched."""
    match = match_in_store(store, name)
    if not match.exact:
        err().print(
            f"putin-claims: taking {name!r} to mean {match.actor.name} ({match.actor.actor_id});"
            " `putin-claims actors` lists every actor",
            highlight=False,
            markup=False,
        )
    return match.actor.actor_id


def nothing_found(message: str) -> None:
    """Say on stderr that an answer is empty (stdout keeps its JSON or its table)."""
    err().print(f"putin-claims: {message}", highlight=False, markup=False)


def show(result: str | Table) -> int:
    """JSON text goes to stdout verbatim; a table is rendered."""
    if isinstance(result, str):
        output.print_json(out(), result)
    else:
        out().print(result)
    return ExitCode.OK


def report_skipped(item: SkippedFile) -> None:
    err().print(f"putin-claims: skipped {item.problem}", highlight=False, markup=False)
    if item.trace and "--traceback" in sys.argv:
        err().print(item.trace, highlight=False, markup=False)


def progress_bar() -> Progress:
    console = err()
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
