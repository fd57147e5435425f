"""The quality gate: `evaluate` scores the store against gold files (a thin shell)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from putin_claims.cli import render as output
from putin_claims.cli.options import DbOption, JsonOption, ModelOption
from putin_claims.cli.shell import ExitCode, existing, out, show
from putin_claims.models import Split
from putin_claims.store import DEFAULT_DB


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
    from putin_claims.evaluate import evaluate as evaluate_gold  # loads spaCy: only when run
    from putin_claims.evaluate import evaluate_quotes, is_article_gold, is_quote_gold
    from putin_claims.evaluate.article_scores import evaluate_articles
    from putin_claims.nlp.loading import load_pipeline, resolve_model_name

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
