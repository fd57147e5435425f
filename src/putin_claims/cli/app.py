"""The command-line interface: a thin shell over the library.

Each command parses its options, calls one library function and renders the result. Expected
failures (:class:`PutinClaimsError`) print one line on stderr and exit 1; anything else is an
internal error (exit 70) whose traceback ``--traceback`` shows.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from typing import Annotated

import typer

from putin_claims import __version__
from putin_claims.cli import render as output
from putin_claims.cli.documents import prune
from putin_claims.cli.options import (
    ActorsOption,
    DbOption,
    ExtractModelOption,
    FieldOption,
    JsonOption,
    PruneOption,
    ReportDirOption,
    SchedulerOption,
    WorkersOption,
)
from putin_claims.cli.options import example as _example
from putin_claims.cli.shell import (
    ExitCode,
    err,
    existing,
    named,
    out,
    progress_bar,
    report_skipped,
    show,
    write_text,
)
from putin_claims.errors import PutinClaimsError
from putin_claims.evaluate import evaluate as evaluate_gold
from putin_claims.evaluate import evaluate_quotes, is_article_gold, is_quote_gold
from putin_claims.evaluate.article_scores import evaluate_articles
from putin_claims.evaluate.articles import Split
from putin_claims.ingest.fields import parse_field_options
from putin_claims.models import AssertionKind, QuoteKind
from putin_claims.nlp.loading import load_pipeline, resolve_model_name
from putin_claims.pipeline import extract as run_extract
from putin_claims.query import check as check_engine
from putin_claims.query import claims as claims_engine
from putin_claims.query.quotes import select as quote_query
from putin_claims.report import ReportFormat, build_report, render
from putin_claims.store import DEFAULT_DB, Store

app = typer.Typer(
    name="putin-claims",
    help="Track who claims what across news articles, with every passage traced to its source.",
    epilog=_example("putin-claims extract data/seeds", "putin-claims objectives Putin"),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


VagueOption = Annotated[
    bool,
    typer.Option(
        "--include-vague",
        help="Also list vague claims, whose contents say too little ('the issue', 'more demands').",
    ),
]
ModelOption = Annotated[
    str | None,
    typer.Option("--model", help="spaCy pipeline to use (default: the installed en_core_web_sm)."),
]


def _version(value: bool) -> None:
    if value:
        out().print(f"putin-claims {__version__}", highlight=False)
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
    json_out: JsonOption = False,
) -> int:
    """Read articles into the store: sentences, boilerplate set aside, actors and dates."""
    with Store.open(db) as store, progress_bar() as progress:
        task = progress.add_task("extracting", total=None)

        def advance(done: int, total: int, path: str) -> None:
            name = Path(path).name if path else "extracting"
            progress.update(task, completed=done, total=total, description=name)

        summary = run_extract(
            paths,
            store,
            model=model,
            actors_file=actors,
            fields=parse_field_options(field or []),
            prune=prune_gone,
            workers=workers,
            scheduler=scheduler,
            progress=advance,
            report=report_skipped,
        )
        if out_dir is not None:
            built = build_report(store)
            for name, fmt in (("report.md", ReportFormat.MD), ("report.json", ReportFormat.JSON)):
                write_text(out_dir / name, render(built, fmt))
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
    min_sources: Annotated[
        int, typer.Option("--min-sources", min=1, help="Only claims carried by N+ documents.")
    ] = 1,
    kind: Annotated[
        list[AssertionKind] | None,
        typer.Option("--kind", help="Only these kinds (repeat the option for several)."),
    ] = None,
    include_vague: VagueOption = False,
    db: DbOption = Path(DEFAULT_DB),
    json_out: JsonOption = False,
) -> int:
    """All claims: who wants, demands, refuses, offers, says or thinks what, and where."""
    with existing(db) as store:
        who = named(store, actor) if actor else None
        result = claims_engine.claims(
            store, who, min_sources=min_sources, kinds=kind or (), include_vague=include_vague
        )
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
    return show(output.as_json(found) if json_out else output.quotes_table(found))


@app.command(epilog=_example("putin-claims report --format html --actor Putin --out putin.html"))
def report(  # noqa: PLR0917 - typer reads options from the signature
    fmt: Annotated[
        ReportFormat, typer.Option("--format", help="md, json, html or csv.")
    ] = ReportFormat.MD,
    actor: Annotated[str | None, typer.Option("--actor", help="Only this actor (fuzzy).")] = None,
    min_sources: Annotated[
        int, typer.Option("--min-sources", min=1, help="Only claims carried by N+ documents.")
    ] = 1,
    out_file: Annotated[
        Path | None,
        typer.Option("--out", help="Write to this file instead of stdout.", dir_okay=False),
    ] = None,
    include_vague: VagueOption = False,
    db: DbOption = Path(DEFAULT_DB),
) -> int:
    """A claim-to-source report for editors: Markdown, JSON, HTML or CSV."""
    with existing(db) as store:
        who = named(store, actor) if actor else None
        found = build_report(store, actor=who, min_sources=min_sources, include_vague=include_vague)
        text = render(found, fmt)
    if out_file is None:
        sys.stdout.write(text)
    else:
        write_text(out_file, text)
        err().print(f"putin-claims: wrote {out_file}", highlight=False, markup=False)
    return ExitCode.OK


@app.command(epilog=_example("putin-claims evaluate tests/gold/seeds.yaml"))
def evaluate(
    gold: Annotated[
        Path,
        typer.Argument(
            help="Gold YAML file, or a folder of article gold files (see docs/claims.md).",
        ),
    ],
    split: Annotated[
        Split | None,
        typer.Option("--split", help="Article gold: score only the dev or heldout part."),
    ] = None,
    model: ModelOption = None,
    db: DbOption = Path(DEFAULT_DB),
    json_out: JsonOption = False,
) -> int:
    """Score `objectives` and `check`, or `quotes`, or everything (article gold), against gold."""
    with existing(db) as store:
        if is_article_gold(gold):
            nlp = load_pipeline(resolve_model_name(model))
            article_scores = evaluate_articles(store, [gold], nlp, split)
            return show(
                output.as_json(article_scores)
                if json_out
                else output.article_scores_table(article_scores)
            )
        if is_quote_gold(gold):
            quote_scores = evaluate_quotes(store, gold)
            if json_out:
                return show(output.as_json(quote_scores))
            out().print(output.quote_scores_table(quote_scores))
            return ExitCode.OK
        nlp = load_pipeline(resolve_model_name(model))
        scores = evaluate_gold(store, gold, nlp)
    if json_out:
        return show(output.as_json(scores))
    out().print(output.scores_table(scores))
    out().print(output.objective_scores_table(scores))
    return ExitCode.OK


app.command(epilog=_example("putin-claims prune --json"))(prune)


def main(argv: list[str] | None = None) -> int:
    """Console-script entry point: the one error boundary of the program."""
    args = sys.argv[1:] if argv is None else argv
    try:
        result = app(args=args, prog_name="putin-claims", standalone_mode=False)
    except typer.TyperException as exc:  # usage errors: typer prints them its own way
        show = getattr(exc, "show", None)
        if show is not None:
            show(file=sys.stderr)
        else:  # pragma: no cover - every typer usage error has show()
            err().print(exc.format_message(), markup=False)
        return int(exc.exit_code)
    except (KeyboardInterrupt, typer.Abort):
        err().print(
            "putin-claims: interrupted; everything stored before stays stored", markup=False
        )
        return int(ExitCode.INTERRUPTED)
    except PutinClaimsError as exc:
        err().print(f"putin-claims: error: {exc}", highlight=False, markup=False)
        return int(ExitCode.ERROR)
    except Exception as exc:
        if "--traceback" in args:
            traceback.print_exc()
        else:
            err().print(
                f"putin-claims: internal error: {type(exc).__name__}: {exc} "
                "(run again with --traceback and report it)",
                highlight=False,
                markup=False,
            )
        return int(ExitCode.INTERNAL)
    return int(result or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
