"""Options several commands share, as typer ``Annotated`` types, and the help's examples."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DbOption = Annotated[
    Path,
    typer.Option("--db", envvar="PUTIN_CLAIMS_DB", help="SQLite store to use.", dir_okay=False),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Overwrite the --out file(s) if they exist.")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON on stdout and nothing else.")]
VagueOption = Annotated[
    bool,
    typer.Option(
        "--include-vague",
        help="Also list vague claims, whose contents say too little ('the issue', 'more demands').",
    ),
]
MinIndependentOption = Annotated[
    int,
    typer.Option(
        "--min-independent",
        min=0,
        help="Only claims carried by N+ independent news sources (copies collapsed, opinion "
        "and analysis left out).",
    ),
]
ModelOption = Annotated[
    str | None,
    typer.Option("--model", help="spaCy pipeline to use (default: the installed en_core_web_sm)."),
]
MinSourcesOption = Annotated[
    int, typer.Option("--min-sources", min=1, help="Only claims carried by N+ documents.")
]


def example(*lines: str) -> str:
    """A help epilog of example command lines, kept as written (click's \\b: no rewrapping)."""
    return "\b\nExample:\n" + "\n".join(f"  {line}" for line in lines)
