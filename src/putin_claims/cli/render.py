"""Rendering for the CLI: rich tables for people, pure JSON for machines (stdout only)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel
from rich.console import Console
from rich.table import Table
from rich.text import Text

from putin_claims.evaluate import QuoteScores, Scores
from putin_claims.evaluate.article_scores import ArticleScores
from putin_claims.models import (
    Actor,
    CheckResult,
    Claim,
    Evidence,
    ExtractSummary,
    SourceInfo,
    StoredQuote,
    StoredSentence,
)

MAX_CELL = 90


def as_json(value: BaseModel | Sequence[BaseModel]) -> str:
    """Indented JSON of a model or a list of models, dates as ISO strings."""
    if isinstance(value, BaseModel):
        data: Any = value.model_dump(mode="json")
    else:
        data = [v.model_dump(mode="json") for v in value]
    return json.dumps(data, indent=2, ensure_ascii=False)


def _cell(value: object) -> str:
    if value is None:
        return "—"
    text = str(value).replace("\n", " ")
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def summary_table(summary: ExtractSummary) -> Table:
    table = Table(title="putin-claims extract", show_header=True, header_style="bold")
    table.add_column("what")
    table.add_column("count", justify="right")
    rows = [
        ("article files found", summary.files),
        ("processed in this run", summary.processed),
        ("unchanged since last run", summary.unchanged),
        ("files skipped", len(summary.skipped)),
        ("documents in store", summary.documents),
        ("content sentences", summary.sentences),
        ("boilerplate lines set aside", summary.boilerplate),
        ("actors", summary.actors),
        ("actor mentions", summary.mentions),
        ("dates", summary.dates),
        ("assertions", summary.assertions),
        ("claims across sources", summary.claims),
        ("quotes", summary.quotes),
    ]
    for label, count in rows:
        table.add_row(label, str(count))
    return table


def skipped_table(summary: ExtractSummary) -> Table:
    table = Table(title="skipped files", header_style="bold")
    table.add_column("file")
    table.add_column("why")
    for item in summary.skipped:
        table.add_row(item.path, item.problem.removeprefix(item.path + ": "))
    return table


def sources_table(sources: Sequence[SourceInfo]) -> Table:
    table = Table(title="sources", header_style="bold")
    table.add_column("doc_id", no_wrap=True)
    for column in ("title", "author", "outlet", "date", "notes"):
        table.add_column(column, ratio=3 if column == "title" else 1)
    for column in ("sent", "boil", "ment", "dates"):
        table.add_column(column, justify="right", no_wrap=True)
    for s in sources:
        notes = "; ".join(
            [f"{n.kind.value.replace('_', ' ')}: {n.value}" for n in s.notes]
            + [f"derived from {d.source} ({d.score:.2f})" for d in s.derived_from]
        )
        date = f"{s.date} ({s.date_kind.value})" if s.date and s.date_kind else s.date
        table.add_row(
            s.doc_id, _cell(s.title), _cell(s.author), _cell(s.outlet), _cell(date),
            _cell(notes or None), str(s.sentences), str(s.boilerplate), str(s.mentions),
            str(s.dates),
        )  # fmt: skip
    return table


def actors_table(actors: Sequence[Actor]) -> Table:
    table = Table(title="actors", header_style="bold")
    table.add_column("actor", ratio=2)
    table.add_column("type", no_wrap=True)
    table.add_column("mentions", justify="right", no_wrap=True)
    for column in ("per document", "aliases seen", "linked"):
        table.add_column(column, ratio=2)
    for a in actors:
        linked = (
            f"leader: {a.leader}"
            if a.leader
            else (f"government: {a.government}" if a.government else None)
        )
        docs = ", ".join(f"{d.split('_')[0]}:{n}" for d, n in a.documents.items())
        table.add_row(
            f"{a.name} [dim]({a.actor_id})[/dim]", a.type.value, str(a.mentions), _cell(docs),
            _cell(", ".join(a.aliases)), _cell(linked),
        )  # fmt: skip
    return table


def sentences_table(doc_id: str, sentences: Sequence[StoredSentence]) -> Table:
    table = Table(title=f"sentences of {doc_id}", header_style="bold")
    for column in ("#", "line", "offsets", "role"):
        table.add_column(
            column, justify="right" if column in ("#", "line") else "left", no_wrap=True
        )
    table.add_column("text", ratio=1)
    for s in sentences:
        role = f"{s.role.value}: {s.boilerplate.value}" if s.boilerplate else s.role.value
        style = "dim" if s.boilerplate else ""
        table.add_row(
            str(s.index), str(s.line), f"{s.start}–{s.end}", role,
            Text(s.text.replace("\n", " "), style=style),
        )  # fmt: skip
    return table


def print_json(console: Console, text: str) -> None:
    """Write JSON verbatim (no markup, wrapping or highlighting)."""
    console.file.write(text + "\n")
    console.file.flush()


def _ref(e: Evidence) -> str:
    return f"{e.doc_id} L{e.line} @{e.content_start}-{e.content_end}"


def claims_table(title: str, claims: Sequence[Claim]) -> Table:
    table = Table(title=title, header_style="bold", show_lines=True)
    for column in ("#", "sources", "claim", "evidence (document, line, offsets, hedge, source)"):
        table.add_column(column)
    for n, claim in enumerate(claims, 1):
        lines = []
        for e in claim.evidence:
            marks = [e.hedge.value]
            if e.via_government:
                marks.append(f"via {e.actor_text}")
            if e.attributed_to:
                marks.append(f"per {e.attributed_to}")
            lines.append(f"{_ref(e)} [{', '.join(marks)}] {e.content}")
        vague = ", vague" if claim.vague else ""
        table.add_row(
            str(n), claim.corroboration.line().replace(", ", ",\n"),
            f"{claim.statement}\n({claim.kind.value}, {claim.id}{vague})",
            "\n".join(lines),
        )  # fmt: skip
    return table


def check_table(result: CheckResult) -> Table:
    table = Table(title=f"check: {result.query}", caption=result.verdict, header_style="bold")
    for column in ("#", "label", "score", "where", "passage"):
        table.add_column(column)
    for hit in result.hits:
        table.add_row(
            str(hit.rank), hit.label.value, f"{hit.score:.2f}",
            f"{hit.doc_id} L{hit.line} @{hit.start}-{hit.end}", hit.text,
        )  # fmt: skip
    return table


def scores_table(scores: Scores) -> Table:
    table = Table(title=f"evaluation: {scores.actor}", header_style="bold")
    table.add_column("score")
    table.add_column("value", justify="right")
    for name in (
        "objective_recall", "passage_recall", "evidence_precision", "grouping", "recall_at_5",
        "mrr", "objectives", "returned_claims", "returned_evidence",
    ):  # fmt: skip
        value = getattr(scores, name)
        table.add_row(name, f"{value:.3f}" if isinstance(value, float) else str(value))
    return table


def objective_scores_table(scores: Scores) -> Table:
    table = Table(title="per gold objective", header_style="bold")
    for column in ("id", "matched", "claims", "found", "recall@5", "RR", "statement"):
        table.add_column(column)
    for p in scores.per_objective:
        table.add_row(
            p.id, "yes" if p.matched else "no", str(p.claims), f"{p.found}/{p.supports}",
            _cell(None if p.recall_at_k is None else round(p.recall_at_k, 2)),
            _cell(None if p.reciprocal_rank is None else round(p.reciprocal_rank, 2)),
            p.statement,
        )  # fmt: skip
    return table


def quotes_table(quotes: Sequence[StoredQuote]) -> Table:
    table = Table(title="quotes", header_style="bold", show_lines=True)
    for column in ("where", "kind", "speaker", "cue", "words"):
        table.add_column(column)
    for q in quotes:
        speaker = q.speaker_name or "—"
        if q.speaker_text and q.speaker_name and q.speaker_text != q.speaker_name:
            speaker += f"\n(as “{q.speaker_text}”)"
        if q.resolved_from is not None:
            speaker += f"\n(named by quote {q.resolved_from})"
        table.add_row(
            f"{q.doc_id} L{q.line} @{q.start}-{q.end}", q.kind.value,
            f"{speaker}\n{q.confidence:.2f}", q.cue or "", q.content,
        )  # fmt: skip
    return table


def quote_scores_table(scores: QuoteScores) -> Table:
    table = Table(title="quote evaluation", header_style="bold")
    table.add_column("score")
    table.add_column("value", justify="right")
    names = ("quotes", "returned", "recall", "precision", "speaker_accuracy", "kind_accuracy",
             "span_overlap")  # fmt: skip
    for name in names:
        value = getattr(scores, name)
        table.add_row(name, f"{value:.3f}" if isinstance(value, float) else str(value))
    return table


def article_scores_table(scores: ArticleScores) -> Table:
    """Every score of an article gold set, then the objectives per gold actor."""
    table = Table(title=f"real-news evaluation ({scores.split or 'all'})", header_style="bold")
    table.add_column("score")
    table.add_column("value", justify="right")
    for name, value in scores.model_dump(exclude={"per_actor", "split"}).items():
        table.add_row(name, f"{value:.3f}" if isinstance(value, float) else str(value))
    for a in scores.per_actor:
        found = f"{a.matched}/{a.objectives} ({a.found_as or 'not found'})"
        table.add_row(f"  {a.actor}", found)
    return table
