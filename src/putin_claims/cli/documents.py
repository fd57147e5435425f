"""Commands that look after the stored documents themselves (a thin shell, like the others)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from putin_claims.cli import render as output
from putin_claims.cli.options import DbOption, JsonOption
from putin_claims.cli.shell import ExitCode, err, existing, out
from putin_claims.store import DEFAULT_DB


def prune(
    db: DbOption = Path(DEFAULT_DB),
    actors: Annotated[
        Path | None,
        typer.Option(
            "--actors",
            help="The alias file given to extract, so the refreshed tables resolve as before.",
            exists=True,
            dir_okay=False,
            readable=True,
        ),
    ] = None,
    json_out: JsonOption = False,
) -> int:
    """Remove the documents whose files are gone, with their rows; corpus tables refreshed."""
    from putin_claims.pipeline import prune as run_prune  # loads spaCy: only when run

    with existing(db) as store:
        summary = run_prune(store, actors_file=actors)
    if json_out:
        output.print_json(out(), output.as_json(summary))
    elif summary.forgotten:
        removed = ", ".join(summary.removed) or "none (they live on under other paths)"
        out().print(f"forgot {len(summary.forgotten)} paths; removed documents: {removed}")
    else:
        err().print("nothing to prune: every stored document's file is still there")
    return ExitCode.OK
