"""The report as data: JSON (the :class:`Report` model, versioned, with a committed schema)
and CSV, one row per claim-passage pair."""

from __future__ import annotations

import csv
import io

from putin_claims.report.model import Passage, Report, ReportActor, ReportClaim

CSV_COLUMNS = (
    "claim_id", "actor", "actor_name", "kind", "statement", "n_sources", "n_independent_sources",
    "doc_id", "title", "outlet", "author", "date", "path", "line", "start", "end", "claim_words",
    "hedge", "attributed_to", "via_government", "score", "passage",
)  # fmt: skip

_Row = tuple[str | int | float | bool, ...]


def to_json(report: Report) -> str:
    """The report model as indented JSON; docs/schema/report.schema.json describes it."""
    return report.model_dump_json(indent=2) + "\n"


def to_csv(report: Report) -> str:
    """One row per (claim, passage); the csv module quotes commas, quotes and newlines."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for actor in report.actors:
        for claim in actor.claims:
            writer.writerows(_row(actor, claim, p) for p in claim.passages)
    return buffer.getvalue()


def _row(actor: ReportActor, claim: ReportClaim, p: Passage) -> _Row:
    words = " … ".join(p.text[a - p.start : b - p.start] for a, b in p.spans)
    return (
        claim.id, actor.actor, actor.name, claim.kind.value, claim.statement,
        claim.n_sources, claim.n_independent_sources, p.doc_id, p.title or "",
        p.outlet or "", p.author or "", p.date.isoformat() if p.date else "",
        p.path, p.line, p.start, p.end, words, p.hedge.value,
        p.attributed_to or "", p.via_government, p.score, p.text,
    )  # fmt: skip
