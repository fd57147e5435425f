"""Options several commands share."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DbOption = Annotated[
    Path,
    typer.Option("--db", envvar="PUTIN_CLAIMS_DB", help="SQLite store to use.", dir_okay=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON on stdout and nothing else.")]


def example(*lines: str) -> str:
    """A help epilog of example command lines, kept as written (click's \\b: no rewrapping)."""
    return "\b\nExample:\n" + "\n".join(f"  {line}" for line in lines)
