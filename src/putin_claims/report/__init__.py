"""Claim-to-source reports for editors: one :class:`Report` model, four renderings.

:func:`build_report` (:mod:`.model`) gathers, per actor, the claims with every supporting
passage, its source and a reference an editor can follow back; the sources with their
derivations; and what was set aside as boilerplate. A renderer turns the model into text and
never adds or drops content: Markdown for reading and forwarding (:mod:`.markdown`), JSON
(versioned, with a committed JSON Schema) and CSV with one row per claim-passage pair
(:mod:`.tabular`), one self-contained HTML file with filters (:mod:`.html`). Renderers are
registered per :class:`ReportFormat` in :data:`RENDERERS`.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Protocol

from putin_claims.errors import ReportFormatError
from putin_claims.report.html import to_html
from putin_claims.report.markdown import md_escape, to_markdown
from putin_claims.report.model import (
    REPORT_KINDS,
    SCHEMA_VERSION,
    Passage,
    Report,
    ReportActor,
    ReportClaim,
    ReportFormat,
    ReportSource,
    SetAside,
    build_report,
    corroboration,
    report_json_schema,
)
from putin_claims.report.quotes import QuoteWording, ReportQuote, ReportSpeaker, SourceRef
from putin_claims.report.tabular import CSV_COLUMNS, to_csv, to_json


class Renderer(Protocol):
    """Turns a report into the text of one format."""

    def __call__(self, report: Report, /) -> str: ...


#: One renderer per output format.
RENDERERS: dict[ReportFormat, Renderer] = {
    ReportFormat.MD: to_markdown,
    ReportFormat.JSON: to_json,
    ReportFormat.HTML: to_html,
    ReportFormat.CSV: to_csv,
}


#: The format a report file's extension names (`report --out FILE` without --format).
EXTENSIONS: dict[str, ReportFormat] = {
    ".md": ReportFormat.MD,
    ".markdown": ReportFormat.MD,
    ".json": ReportFormat.JSON,
    ".html": ReportFormat.HTML,
    ".htm": ReportFormat.HTML,
    ".csv": ReportFormat.CSV,
}


def render(report: Report, fmt: ReportFormat) -> str:
    """The report in one format."""
    return RENDERERS[fmt](report)


def format_for(fmt: ReportFormat | None, out: PurePath | None) -> ReportFormat:
    """An explicit format wins; else the output file's extension (any case) names it; else
    Markdown (stdout)."""
    if fmt is not None:
        return fmt
    if out is None:
        return ReportFormat.MD
    found = EXTENSIONS.get(out.suffix.lower())
    if found is None:
        raise ReportFormatError(str(out), tuple(EXTENSIONS))
    return found


__all__ = [
    "CSV_COLUMNS",
    "EXTENSIONS",
    "RENDERERS",
    "REPORT_KINDS",
    "SCHEMA_VERSION",
    "Passage",
    "QuoteWording",
    "Renderer",
    "Report",
    "ReportActor",
    "ReportClaim",
    "ReportFormat",
    "ReportQuote",
    "ReportSource",
    "ReportSpeaker",
    "SetAside",
    "SourceRef",
    "build_report",
    "corroboration",
    "format_for",
    "md_escape",
    "render",
    "report_json_schema",
    "to_csv",
    "to_html",
    "to_json",
    "to_markdown",
]
