"""The report as data: JSON (the :class:`Report` model, versioned, with a committed schema)
and CSV, one row per claim-passage pair (supporting, then contradicting), then one row per
quote wording."""

from __future__ import annotations

import csv
import io

from putin_claims.report.model import Passage, Report, ReportActor, ReportClaim
from putin_claims.report.quotes import QuoteWording, ReportQuote, ReportSpeaker

CSV_COLUMNS = (
    "claim_id", "actor", "actor_name", "kind", "statement", "n_sources", "n_independent_sources",
    "doc_id", "title", "outlet", "author", "date", "path", "line", "start", "end", "claim_words",
    "hedge", "attributed_to", "via_government", "score", "passage", "n_opinion_sources",
    "section", "url", "genre", "quote_id", "wording_differs",
)  # fmt: skip
#: What a CSV row is: a passage supporting or contradicting a claim, or a quote's wording.
SECTIONS = ("supports", "contradicts", "quote")

_Row = tuple[str | int | float | bool, ...]
#: A cell a spreadsheet would run as a formula (OWASP's CSV-injection rule).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralised(row: _Row) -> _Row:
    """The row with every text cell that starts like a formula prefixed with ``'``, so a
    spreadsheet shows it as text; the passage itself stays exact in the JSON report."""
    return tuple(
        f"'{cell}" if isinstance(cell, str) and cell.startswith(FORMULA_START) else cell
        for cell in row
    )


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
            writer.writerows(neutralised(_row(actor, claim, p, "supports")) for p in claim.passages)
            writer.writerows(
                neutralised(_row(actor, claim, p, "contradicts")) for p in claim.contradicting
            )
    for speaker in report.speakers:
        for quote in speaker.quotes:
            writer.writerows(neutralised(_quote_row(speaker, quote, w)) for w in quote.wordings)
    return buffer.getvalue()


def _row(actor: ReportActor, claim: ReportClaim, p: Passage, section: str) -> _Row:
    words = " … ".join(p.text[a - p.start : b - p.start] for a, b in p.spans)
    return (
        claim.id, actor.actor, actor.name, claim.kind.value, claim.statement,
        claim.n_sources, claim.n_independent_sources, p.doc_id, p.title or "",
        p.outlet or "", p.author or "", p.date.isoformat() if p.date else "",
        p.path, p.line, p.start, p.end, words, p.hedge.value,
        p.attributed_to or "", p.via_government, p.score, p.text, claim.n_opinion_sources,
        section, p.url or "", p.genre.value, "", "",
    )  # fmt: skip


def _quote_row(speaker: ReportSpeaker, quote: ReportQuote, w: QuoteWording) -> _Row:
    return (
        "", speaker.actor, speaker.name, quote.kind.value, "", "", "", w.doc_id,
        w.title or "", w.outlet or "", w.author or "", w.date.isoformat() if w.date else "",
        w.path, w.line, w.start, w.end, "", "", "", "", "", w.text, "",
        "quote", w.url or "", w.genre.value, quote.id, quote.wording_differs,
    )  # fmt: skip
