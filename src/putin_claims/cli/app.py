"""The command-line interface: a thin shell over the library.

Each command parses its options, calls one library function and renders the result. Expected
failures (:class:`PutinClaimsError`) print one line on stderr and exit 1; anything else is an
internal error (exit 70) whose traceback ``--traceback`` shows.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from putin_claims.cli import render as output
from putin_claims.cli import version_line
from putin_claims.cli.boundary import run
from putin_claims.cli.documents import prune
from putin_claims.cli.evaluation import evaluate
from putin_claims.cli.options import (
    ActorsOption,
    DbOption,
    ExtractModelOption,
    FieldOption,
    ForceOption,
    JsonOption,
    MinIndependentOption,
    MinSourcesOption,
    ModelOption,
    PruneOption,
    ReportDirOption,
    SchedulerOption,
    VagueOption,
    WorkersOption,
)
from putin_claims.cli.options import example as _example
from putin_claims.cli.shell import (
    ExitCode,
    check_output,
    err,
    existing,
    named,
    nothing_found,
    out,
    progress_bar,
    report_skipped,
    say_waiting,
    show,
    write_text,
)
from putin_claims.models import AssertionKind, ExtractSummary, QuoteKind
from putin_claims.query import claims as claims_engine
from putin_claims.query.quotes import select as quote_query
from putin_claims.report import ReportFormat, build_report, format_for, render
from putin_claims.store import DEFAULT_DB, Store


def run_extract(*args: Any, **kwargs: Any) -> ExtractSummary:
    """:func:`putin_claims.pipeline.extract`, imported when a command runs (it loads spaCy,
    which `--help`, `--version` and the queries do not need)."""
    from putin_claims.pipeline import extract

    return extract(*args, **kwargs)


def _fields(options: list[str]) -> dict[str, str]:
    from putin_claims.ingest.fields import parse_field_options

    return parse_field_options(options)


app = typer.Typer(
    name="putin-claims",
    help="Track who claims what across news articles, with every passage traced to its source.",
    epilog=_example("putin-claims extract data/seeds", "putin-claims objectives Putin"),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        out().print(version_line(), highlight=False)
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
    show_traceback: Annotated[
        bool, typer.Option("--traceback", help="Show the full traceback of an internal error.")
    ] = False,
) -> None:
    """putin-claims: articles in, sentences, actors and dates out, every one traceable."""


@app.command(
    epilog=_example(
        "putin-claims extract data/seeds --out reports/",
        "putin-claims extract data/seeds --workers 2",
    )
)
def extract(  # noqa: PLR0917 - typer reads options from the signature
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH",
            help="Article files (.txt, .md, .html, .json, .jsonl) and folders of them.",
        ),
    ],
    db: DbOption = Path(DEFAULT_DB),
    model: ExtractModelOption = None,
    actors: ActorsOption = None,
    out_dir: ReportDirOption = None,
    field: FieldOption = None,
    prune_gone: PruneOption = False,
    workers: WorkersOption = None,
    scheduler: SchedulerOption = None,
    force: ForceOption = False,
    json_out: JsonOption = False,
) -> int:
    """Read articles into the store: sentences, boilerplate set aside, actors and dates."""
    reports = [out_dir / name for name in ("report.md", "report.json")] if out_dir else []
    for target in reports:  # refused before any work, not after it
        check_output(target, db, force, inputs=paths)
    with Store.open(db, waiting=say_waiting) as store, progress_bar() as progress:
        task = progress.add_task("extracting", total=None)

        def advance(done: int, total: int, path: str) -> None:
            name = Path(path).name if path else "extracting"
            progress.update(task, completed=done, total=total, description=name)

        summary = run_extract(
            paths,
            store,
            model=model,
            actors_file=actors,
            fields=_fields(field or []),
            prune=prune_gone,
            workers=workers,
            scheduler=scheduler,
            progress=advance,
            report=report_skipped,
        )
        if reports:
            built = build_report(store)
            for target, fmt in zip(reports, (ReportFormat.MD, ReportFormat.JSON), strict=True):
                write_text(target, render(built, fmt))
    if json_out:
        output.print_json(out(), output.as_json(summary))
    else:
        out().print(output.summary_table(summary))
        if summary.skipped:
            out().print(output.skipped_table(summary))
    return ExitCode.SKIPPED_INPUT if summary.skipped else ExitCode.OK


@app.command(epilog=_example("putin-claims sources --json"))
def sources(db: DbOption = Path(DEFAULT_DB), json_out: JsonOption = False) -> int:
    """List the stored documents with their metadata and counts."""
    with existing(db) as store:
        found = store.sources()
    return show(output.as_json(found) if json_out else output.sources_table(found))


@app.command(epilog=_example("putin-claims actors --json"))
def actors(db: DbOption = Path(DEFAULT_DB), json_out: JsonOption = False) -> int:
    """List canonical actors with the aliases seen and mention counts per document."""
    with existing(db) as store:
        found = store.actors()
    return show(output.as_json(found) if json_out else output.actors_table(found))


@app.command(epilog=_example("putin-claims sentences 004_c43749f4912c1b2f"))
def sentences(
    doc: Annotated[str, typer.Argument(help="Document id, as `sources` lists it.")],
    db: DbOption = Path(DEFAULT_DB),
    json_out: JsonOption = False,
) -> int:
    """Show a document's sentence records, boilerplate marked."""
    with existing(db) as store:
        found = store.sentences(doc)
    return show(output.as_json(found) if json_out else output.sentences_table(doc, found))


@app.command(epilog=_example("putin-claims objectives Putin --strict"))
def objectives(
    actor: Annotated[str, typer.Argument(help="Actor name or alias, matched fuzzily ('putin').")],
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help="Only what is said of the person, not of the government he leads."
        ),
    ] = False,
    include_vague: VagueOption = False,
    db: DbOption = Path(DEFAULT_DB),
    json_out: JsonOption = False,
) -> int:
    """An actor's objectives, demands and refusals, each once, with every supporting passage."""
    with existing(db) as store:
        found, result = claims_engine.objectives(
            store, named(store, actor), strict=strict, include_vague=include_vague
        )
    title = f"objectives of {found.name}" + (" (strict)" if strict else " (and government)")
    if not result:
        nothing_found(f"no objectives of {found.name} in the store")
    return show(output.as_json(result) if json_out else output.claims_table(title, result))


@app.command(epilog=_example("putin-claims check 'Putin demands end of military aid' --top 5"))
def check(
    claim: Annotated[str, typer.Argument(help="The claim to check, as an editor would type it.")],
    top: Annotated[int, typer.Option("--top", min=1, help="Passages to show.")] = 10,
    model: ModelOption = None,
    db: DbOption = Path(DEFAULT_DB),
    json_out: JsonOption = False,
) -> int:
    """Passages that support a typed claim, best first, with a one-line verdict."""
    with existing(db) as store:
        from putin_claims.nlp.loading import load_pipeline, resolve_model_name
        from putin_claims.query import check as check_engine

        nlp = load_pipeline(resolve_model_name(model))
        result = check_engine.check(store, claim, nlp, top=top)
    if json_out:
        return show(output.as_json(result))
    out().print(output.check_table(result))
    return ExitCode.OK


@app.command(
    name="claims",
    epilog=_example("putin-claims claims --actor Putin --min-sources 2 --kind demand"),
)
def list_claims(  # noqa: PLR0917 - typer reads options from the signature
    actor: Annotated[
        str | None, typer.Option("--actor", help="Only claims of this actor (fuzzy).")
    ] = None,
    min_sources: MinSourcesOption = 1,
    kind: Annotated[
        list[AssertionKind] | None,
        typer.Option("--kind", help="Only these kinds (repeat the option for several)."),
    ] = None,
    include_vague: VagueOption = False,
    min_independent: MinIndependentOption = 0,
    db: DbOption = Path(DEFAULT_DB),
    json_out: JsonOption = False,
) -> int:
    """All claims: who wants, demands, refuses, offers, says or thinks what, and where."""
    with existing(db) as store:
        who = named(store, actor) if actor else None
        result = claims_engine.claims(
            store, who, min_sources, kind or (), include_vague=include_vague,
            min_independent=min_independent,
        )  # fmt: skip
    if not result:
        nothing_found("no claims in the store match")
    return show(output.as_json(result) if json_out else output.claims_table("claims", result))


@app.command(epilog=_example("putin-claims quotes --speaker Likhacheva --kind direct"))
def quotes(
    speaker: Annotated[
        str | None,
        typer.Option(
            "--speaker",
            help="Only this speaker (actor name or alias, fuzzy; or words of a description).",
        ),
    ] = None,
    doc: Annotated[str | None, typer.Option("--doc", help="Only this document.")] = None,
    kind: Annotated[
        list[QuoteKind] | None,
        typer.Option("--kind", help="Only these kinds (repeat the option for several)."),
    ] = None,
    db: DbOption = Path(DEFAULT_DB),
    json_out: JsonOption = False,
) -> int:
    """Who said what: direct, indirect, mixed and partial quotes with their speakers."""
    with existing(db) as store:
        found = quote_query(store, speaker=speaker, doc_id=doc, kinds=kind or ())
    if not found:
        nothing_found("no quotes in the store match")
    return show(output.as_json(found) if json_out else output.quotes_table(found))


@app.command(epilog=_example("putin-claims report --format html --actor Putin --out putin.html"))
def report(  # noqa: PLR0917 - typer reads options from the signature
    fmt: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            case_sensitive=False,
            help="md, json, html or csv (default: from the --out file's extension, else md).",
        ),
    ] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Only this actor (fuzzy).")] = None,
    min_sources: MinSourcesOption = 1,
    out_file: Annotated[
        Path | None,
        typer.Option("--out", help="Write to this file instead of stdout.", dir_okay=False),
    ] = None,
    include_vague: VagueOption = False,
    min_independent: MinIndependentOption = 0,
    force: ForceOption = False,
    db: DbOption = Path(DEFAULT_DB),
) -> int:
    """A claim-to-source report for editors: Markdown, JSON, HTML or CSV."""
    chosen = format_for(fmt, out_file)
    if out_file is not None:
        check_output(out_file, db, force)
    with existing(db) as store:
        who = named(store, actor) if actor else None
        found = build_report(
            store, actor=who, min_sources=min_sources, include_vague=include_vague,
            min_independent=min_independent,
        )  # fmt: skip
        text = render(found, chosen)
    if not any(a.claims for a in found.actors):
        nothing_found("no claims in the store match; the report lists none")
    if out_file is None:
        sys.stdout.write(text)
    else:
        write_text(out_file, text)
        err().print(f"putin-claims: wrote {out_file}", highlight=False, markup=False)
    return ExitCode.OK


app.command(epilog=_example("putin-claims evaluate tests/gold/seeds.yaml"))(evaluate)
app.command(epilog=_example("putin-claims prune --json"))(prune)


def main(argv: list[str] | None = None) -> int:
    """Console-script entry point: the one error boundary of the program."""
    return run(app, sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
