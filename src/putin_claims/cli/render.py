"""Rendering for the CLI: rich tables for people, pure JSON for machines (stdout only)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:  # the evaluation stage loads spaCy; tables only name its results
    from putin_claims.evaluate import QuoteScores, Scores
    from putin_claims.evaluate.article_scores import ArticleScores

from putin_claims.errors import shown
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


#: Control characters a terminal would act on (colours, title, clear screen, bell).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\udc80-\udcff]")


def terminal_safe(text: str) -> str:
    """``text`` with every control character escaped as :func:`errors.shown` escapes file
    names (newlines and tabs kept), instead of acted on; plain text is returned as it is."""
    return shown(text, keep="\n\t") if CONTROL.search(text) else text


class SafeTable(Table):
    """A rich table whose text cells (from documents, file names) cannot drive the terminal."""

    def add_row(self, *renderables: RenderableType | None, **options: Any) -> None:
        super().add_row(*(_safe(r) for r in renderables), **options)


def _safe(cell: RenderableType | None) -> RenderableType | None:
    if isinstance(cell, str):
        return terminal_safe(cell)
    if isinstance(cell, Text) and CONTROL.search(cell.plain):
        return Text(terminal_safe(cell.plain), style=cell.style)
    return cell


def _cell(value: object) -> str:
    if value is None:
        return "—"
    text = str(value).replace("\n", " ")
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def summary_table(summary: ExtractSummary) -> Table:
    table = SafeTable(title="putin-claims extract", show_header=True, header_style="bold")
    table.add_column("what")
    table.add_column("count", justify="right")
    rows = [
        ("article files found", summary.files),
        ("processed in this run", summary.processed),
        ("unchanged since last run", summary.unchanged),
        ("removed (files gone)", len(summary.removed)),
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
    table = SafeTable(title="skipped files", header_style="bold")
    table.add_column("file")
    table.add_column("why")
    for item in summary.skipped:
        table.add_row(item.path, item.problem.removeprefix(item.path + ": "))
    return table


def sources_table(sources: Sequence[SourceInfo]) -> Table:
    table = SafeTable(title="sources", header_style="bold")
    table.add_column("doc_id", no_wrap=True)
    for column in ("title", "author", "outlet", "date", "notes"):
        table.add_column(column, ratio=3 if column == "title" else 1)
    for column in ("sent", "boil", "ment", "dates"):
        table.add_column(column, justify="right", no_wrap=True)
    for s in sources:
        notes = "; ".join(
            ([s.genre.value] if s.genre.value != "news" else [])
            + ([s.url] if s.url else [])
            + [f"{n.kind.value.replace('_', ' ')}: {n.value}" for n in s.notes]
            + [f"derived from {d.source} ({d.score:.2f})" for d in s.derived_from]
            + ([f"{len(s.paths)} paths"] if len(s.paths) > 1 else [])
        )
        date = f"{s.date} ({s.date_kind.value})" if s.date and s.date_kind else s.date
        table.add_row(
            s.doc_id, _cell(s.title), _cell(s.author), _cell(s.outlet), _cell(date),
            _cell(notes or None), str(s.sentences), str(s.boilerplate), str(s.mentions),
            str(s.dates),
        )  # fmt: skip
    return table


def actors_table(actors: Sequence[Actor]) -> Table:
    table = SafeTable(title="actors", header_style="bold")
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
    table = SafeTable(title=f"sentences of {doc_id}", header_style="bold")
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
    table = SafeTable(title=title, header_style="bold", show_lines=True)
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
    table = SafeTable(title=f"check: {result.query}", caption=result.verdict, header_style="bold")
    for column in ("#", "label", "score", "where", "passage"):
        table.add_column(column)
    for hit in result.hits:
        table.add_row(
            str(hit.rank), hit.label.value, f"{hit.score:.2f}",
            f"{hit.doc_id} L{hit.line} @{hit.start}-{hit.end}", hit.text,
        )  # fmt: skip
    return table


def scores_table(scores: Scores) -> Table:
    table = SafeTable(title=f"evaluation: {scores.actor}", header_style="bold")
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
    table = SafeTable(title="per gold objective", header_style="bold")
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
    table = SafeTable(title="quotes", header_style="bold", show_lines=True)
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
    table = SafeTable(title="quote evaluation", header_style="bold")
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
    table = SafeTable(title=f"real-news evaluation ({scores.split or 'all'})", header_style="bold")
    table.add_column("score")
    table.add_column("value", justify="right")
    for name, value in scores.model_dump(exclude={"per_actor", "split"}).items():
        table.add_row(name, f"{value:.3f}" if isinstance(value, float) else str(value))
    for a in scores.per_actor:
        found = f"{a.matched}/{a.objectives} ({a.found_as or 'not found'})"
        table.add_row(f"  {a.actor}", found)
    return table
