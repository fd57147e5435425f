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

from typing import Protocol

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


def render(report: Report, fmt: ReportFormat) -> str:
    """The report in one format."""
    return RENDERERS[fmt](report)


__all__ = [
    "CSV_COLUMNS",
    "RENDERERS",
    "REPORT_KINDS",
    "SCHEMA_VERSION",
    "Passage",
    "Renderer",
    "Report",
    "ReportActor",
    "ReportClaim",
    "ReportFormat",
    "ReportSource",
    "SetAside",
    "build_report",
    "corroboration",
    "md_escape",
    "render",
    "report_json_schema",
    "to_csv",
    "to_html",
    "to_json",
    "to_markdown",
]
