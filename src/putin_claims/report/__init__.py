"""Claim-to-source reports for editors: one :class:`Report` model, four renderings.

:func:`build_report` gathers, per actor, the claims (objectives, demands, refusals, offers)
with every supporting passage, its source's metadata, how firmly and on whose authority it
is stated, and a reference an editor can follow back (document, line, character offsets);
the sources with their derivations; and what was set aside as boilerplate. The renderers
never add or drop content: Markdown for reading and forwarding, JSON (versioned, with a
committed JSON Schema), one self-contained HTML file with filters, CSV with one row per
claim-passage pair.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from enum import StrEnum

from pydantic import Field

from putin_claims import __version__
from putin_claims.corpus.families import Families
from putin_claims.models import (
    AssertionKind,
    Claim,
    Derivation,
    Evidence,
    Hedge,
    LineRole,
    Record,
    SentenceRef,
    SourceInfo,
    StoredSentence,
)
from putin_claims.query.claims import OBJECTIVE_KINDS, claims
from putin_claims.store import Store

SCHEMA_VERSION = "1"
#: Kinds a report lists by default: what actors want, demand, refuse and offer.
REPORT_KINDS = frozenset(OBJECTIVE_KINDS | {AssertionKind.OFFER})


class ReportFormat(StrEnum):
    """Output formats of `report`."""

    MD = "md"
    JSON = "json"
    HTML = "html"
    CSV = "csv"


class Passage(SentenceRef):
    """One supporting passage, quoted exactly, with everything needed to trace it."""

    title: str | None = Field(description="Headline of the source.")
    outlet: str | None = Field(description="Publication.")
    author: str | None = Field(description="Byline.")
    date: dt.date | None = Field(description="Publication or update date.")
    path: str = Field(description="File the document was read from.")
    spans: tuple[tuple[int, int], ...] = Field(
        description="Offsets of the words that state the claim."
    )
    paragraph: str = Field(description="The whole paragraph the sentence stands in.")
    paragraph_start: int = Field(description="Offset of the paragraph in the document text.")
    hedge: Hedge = Field(description="asserted, reported, hedged or conditional.")
    attributed_to: str | None = Field(description="On whose authority the source states it.")
    via_government: bool = Field(description="Said of the actor's government, not the person.")
    named_as: str = Field(description="How the passage names the actor.")
    score: float = Field(description="Similarity to the claim's statement, 0-1.")


class ReportClaim(Record):
    """A claim with its corroboration and passages."""

    id: str = Field(description="Claim id (as `claims` prints it).")
    kind: AssertionKind = Field(description="objective, demand, refusal or offer.")
    statement: str = Field(description="Canonical statement.")
    n_sources: int = Field(description="Documents among the passages.")
    n_independent_sources: int = Field(description="Documents once copies collapse.")
    corroboration: str = Field(description="'4 sources, 3 independent'.")
    passages: tuple[Passage, ...] = Field(description="Every supporting passage.")


class ReportActor(Record):
    """One actor's section."""

    actor: str = Field(description="Actor id.")
    name: str = Field(description="Canonical name.")
    claims: tuple[ReportClaim, ...] = Field(
        description="The actor's claims, best corroborated first."
    )


class SetAside(Record):
    """A line set aside as boilerplate."""

    line: int = Field(description="1-based line number.")
    kind: str = Field(description="Boilerplate kind.")
    text: str = Field(description="The line as written.")


class ReportSource(Record):
    """A source with its metadata, derivations and boilerplate."""

    doc_id: str = Field(description="Document id.")
    path: str = Field(description="File path.")
    title: str | None = Field(description="Headline.")
    outlet: str | None = Field(description="Publication.")
    author: str | None = Field(description="Byline.")
    date: dt.date | None = Field(description="Date.")
    notes: tuple[str, ...] = Field(description="Provenance notes ('original_source: ...').")
    derived_from: tuple[Derivation, ...] = Field(description="Sources this one rewrites or copies.")
    copies: tuple[str, ...] = Field(description="Documents that derive from this one.")
    set_aside: tuple[SetAside, ...] = Field(description="Boilerplate lines, kept.")


class Report(Record):
    """The whole report; `schema_version` changes when the shape does."""

    schema_version: str = Field(description="Version of this JSON shape.")
    generated_by: str = Field(description="Tool and version.")
    generated_on: dt.date = Field(description="Date of the report.")
    documents: int = Field(description="Documents in the store.")
    independent_documents: int = Field(description="Documents once copies collapse.")
    actors: tuple[ReportActor, ...] = Field(description="Per actor, the claims.")
    sources: tuple[ReportSource, ...] = Field(description="Every source.")


# --------------------------------------------------------------------------- build


def build_report(
    store: Store,
    actor: str | None = None,
    min_sources: int = 1,
    kinds: Iterable[AssertionKind] = REPORT_KINDS,
) -> Report:
    """Gather the report's content from the store."""
    sources = store.sources()
    by_doc = {s.doc_id: s for s in sources}
    families = Families.load(store)
    found = claims(store, actor, min_sources=min_sources, kinds=kinds, families=families)
    paragraphs = _Paragraphs(store)
    grouped: dict[str, list[ReportClaim]] = defaultdict(list)
    for claim in found:
        grouped[claim.actor].append(_report_claim(claim, by_doc, paragraphs))
    actors = sorted(
        (
            ReportActor(actor=a, name=families.name(a), claims=tuple(cs))
            for a, cs in grouped.items()
        ),
        key=lambda r: (-len(r.claims), r.name),
    )
    derivations = store.derivations()
    return Report(
        schema_version=SCHEMA_VERSION,
        generated_by=f"putin-claims {__version__}",
        generated_on=dt.date.today(),
        documents=len(sources),
        independent_documents=families.independent(by_doc),
        actors=tuple(actors),
        sources=tuple(_report_source(s, derivations, paragraphs) for s in sources),
    )


class _Paragraphs:
    """Paragraph text around a sentence, and boilerplate lines, per document (cached)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.cache: dict[str, tuple[str, list[StoredSentence]]] = {}

    def of(self, doc_id: str) -> tuple[str, list[StoredSentence]]:
        if doc_id not in self.cache:
            self.cache[doc_id] = (self.store.document_text(doc_id), self.store.sentences(doc_id))
        return self.cache[doc_id]

    def around(self, doc_id: str, sentence_id: int) -> tuple[str, int]:
        text, sentences = self.of(doc_id)
        (here,) = [s for s in sentences if s.sentence_id == sentence_id]
        same = [s for s in sentences if s.paragraph is not None and s.paragraph == here.paragraph]
        same = same or [here]
        start, end = min(s.start for s in same), max(s.end for s in same)
        return text[start:end], start


def _report_claim(
    claim: Claim, sources: dict[str, SourceInfo], paragraphs: _Paragraphs
) -> ReportClaim:
    return ReportClaim(
        id=claim.id,
        kind=claim.kind,
        statement=claim.statement,
        n_sources=claim.n_sources,
        n_independent_sources=claim.n_independent_sources,
        corroboration=corroboration(claim.n_sources, claim.n_independent_sources),
        passages=tuple(_passage(e, sources[e.doc_id], paragraphs) for e in claim.evidence),
    )


def corroboration(n: int, independent: int) -> str:
    sources = f"{n} source" + ("s" if n != 1 else "")
    return f"{sources}, {independent} independent"


def _passage(e: Evidence, source: SourceInfo, paragraphs: _Paragraphs) -> Passage:
    paragraph, paragraph_start = paragraphs.around(e.doc_id, e.sentence_id)
    return Passage(
        doc_id=e.doc_id, title=source.title, outlet=source.outlet, author=source.author,
        date=source.date, path=source.path, sentence_id=e.sentence_id, line=e.line,
        start=e.start, end=e.end, text=e.text, spans=e.spans, paragraph=paragraph,
        paragraph_start=paragraph_start, hedge=e.hedge, attributed_to=e.attributed_to,
        via_government=e.via_government, named_as=e.actor_text, score=e.score,
    )  # fmt: skip


def _report_source(
    source: SourceInfo, derivations: Sequence[Derivation], paragraphs: _Paragraphs
) -> ReportSource:
    _, sentences = paragraphs.of(source.doc_id)
    return ReportSource(
        doc_id=source.doc_id,
        path=source.path,
        title=source.title,
        outlet=source.outlet,
        author=source.author,
        date=source.date,
        notes=tuple(f"{n.kind.value}: {n.value}" for n in source.notes),
        derived_from=source.derived_from,
        copies=tuple(d.derived for d in derivations if d.source == source.doc_id),
        set_aside=tuple(
            SetAside(line=s.line, kind=s.boilerplate.value if s.boilerplate else "", text=s.text)
            for s in sentences
            if s.role is LineRole.BOILERPLATE
        ),
    )


def render(report: Report, fmt: ReportFormat) -> str:
    """The report in one format."""
    renderers = {
        ReportFormat.MD: to_markdown,
        ReportFormat.JSON: to_json,
        ReportFormat.HTML: to_html,
        ReportFormat.CSV: to_csv,
    }
    return renderers[fmt](report)


# --------------------------------------------------------------------------- json, csv


def to_json(report: Report) -> str:
    return report.model_dump_json(indent=2) + "\n"


CSV_COLUMNS = (
    "claim_id", "actor", "actor_name", "kind", "statement", "n_sources", "n_independent_sources",
    "doc_id", "title", "outlet", "author", "date", "path", "line", "start", "end", "claim_words",
    "hedge", "attributed_to", "via_government", "score", "passage",
)  # fmt: skip


def to_csv(report: Report) -> str:
    """One row per (claim, passage); the csv module quotes commas, quotes and newlines."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for actor in report.actors:
        for claim in actor.claims:
            for p in claim.passages:
                words = " … ".join(p.text[a - p.start : b - p.start] for a, b in p.spans)
                writer.writerow(
                    (
                        claim.id, actor.actor, actor.name, claim.kind.value, claim.statement,
                        claim.n_sources, claim.n_independent_sources, p.doc_id, p.title or "",
                        p.outlet or "", p.author or "", p.date.isoformat() if p.date else "",
                        p.path, p.line, p.start, p.end, words, p.hedge.value,
                        p.attributed_to or "", p.via_government, p.score, p.text,
                    )
                )  # fmt: skip
    return buffer.getvalue()


# --------------------------------------------------------------------------- markdown

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md_escape(text: str) -> str:
    """Escape what Markdown would read as formatting, so quoted text renders as written."""
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def _marked(p: Passage, mark: tuple[str, str], escape: object = md_escape) -> str:
    """The sentence with the claim's words wrapped in ``mark``; text escaped, never changed."""
    assert callable(escape)
    out, at = [], p.start
    for first, last in sorted(p.spans):
        a, b = max(first, at), min(last, p.end)
        if b <= a:
            continue
        out.append(escape(p.text[at - p.start : a - p.start]))
        out.append(mark[0] + escape(p.text[a - p.start : b - p.start]) + mark[1])
        at = b
    out.append(escape(p.text[at - p.start :]))
    return "".join(out)


def _source_line(p: Passage) -> str:
    title = f"*{md_escape(p.title)}*" if p.title else "untitled"
    parts = [title] + [md_escape(x) for x in (p.outlet, p.author) if x]
    parts.append(p.date.isoformat() if p.date else "undated")
    how = [p.hedge.value]
    if p.via_government:
        how.append(f"said of the government ({md_escape(p.named_as)})")
    if p.attributed_to:
        how.append(f"according to {md_escape(p.attributed_to)}")
    ref = f"`{p.doc_id}` line {p.line}, chars {p.start}–{p.end}"
    return f"— {', '.join(parts)} · {' · '.join(how)} · {ref}"


def to_markdown(report: Report) -> str:
    lines = [
        "# Claims report",
        "",
        f"{report.generated_by}, {report.generated_on.isoformat()}: "
        f"{report.documents} documents ({report.independent_documents} independent), "
        f"{sum(len(a.claims) for a in report.actors)} claims by {len(report.actors)} actors. "
        "Each passage is quoted exactly as in its source, the words that state the claim in "
        "bold, followed by its source and a reference to the file (document id, line, "
        "character offsets).",
        "",
        "## Summary",
        "",
        "| actor | claims | best corroborated |",
        "|---|---|---|",
    ]
    for actor in report.actors:
        best = actor.claims[0]
        lines.append(
            f"| {md_escape(actor.name)} | {len(actor.claims)} | "
            f"{md_escape(best.statement)} ({best.corroboration}) |"
        )
    for actor in report.actors:
        lines += ["", f"## {md_escape(actor.name)}", ""]
        for n, claim in enumerate(actor.claims, 1):
            lines += [
                f"### {n}. {md_escape(claim.statement)}",
                "",
                f"*{claim.kind.value} · {claim.corroboration} · claim `{claim.id}`*",
                "",
            ]
            for p in claim.passages:
                lines += [f"> {_marked(p, ('**', '**'))}", ">", f"> {_source_line(p)}", ""]
    lines += ["## Sources", "", "| document | title | outlet | author | date | derivation |",
              "|---|---|---|---|---|---|"]  # fmt: skip
    for s in report.sources:
        lines.append(
            f"| `{s.doc_id}` | {md_escape(s.title or '')} | {md_escape(s.outlet or '')} | "
            f"{md_escape(s.author or '')} | {s.date.isoformat() if s.date else ''} | "
            f"{md_escape(_derivation_text(s))} |"
        )
    derived = [d for s in report.sources for d in s.derived_from]
    if derived:
        lines += ["", "### Copies and rewrites", ""]
        for d in derived:
            lines.append(f"- {md_escape(_derivation_sentence(d))}")
            for ex in d.examples:
                lines.append(
                    f"  - “{md_escape(ex.derived_text)}” ~ “{md_escape(ex.source_text)}” "
                    f"({ex.similarity:.2f})"
                )
    lines += ["", "## Appendix: set aside as boilerplate", ""]
    for s in report.sources:
        lines += [
            "<details>",
            f"<summary>{html.escape(s.doc_id)}: {len(s.set_aside)} lines</summary>",
            "",
        ]
        lines += [f"- line {b.line} · {b.kind} · {md_escape(b.text)}" for b in s.set_aside]
        lines += ["", "</details>", ""]
    return "\n".join(lines).rstrip() + "\n"


def _derivation_text(s: ReportSource) -> str:
    parts = [f"derived from {d.source} ({d.score:.2f})" for d in s.derived_from]
    parts += [f"copied by {c}" for c in s.copies]
    parts += list(s.notes)
    return "; ".join(parts)


def _derivation_sentence(d: Derivation) -> str:
    text = (
        f"{d.derived} derives from {d.source} (score {d.score:.2f}): "
        f"{d.coverage:.0%} of its sentences have a counterpart there"
    )
    if d.shared_quotes:
        text += f", {d.shared_quotes} shared quote" + ("s" if d.shared_quotes > 1 else "")
    if d.cue:
        text += f", note “{d.cue}”"
    return text + "."


# --------------------------------------------------------------------------- html

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:72rem;color:#1b1b1b;
padding:0 1rem}
h1{font-size:1.6rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;
padding:.4rem;text-align:left;vertical-align:top}th{background:#f4f4f4}mark{background:#ffe58a}
.filters{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0;padding:.6rem;background:#f7f7f7}
.passage{margin:.4rem 0 .8rem;padding-left:.8rem;border-left:3px solid #ccc}.meta{color:#555;
font-size:.85rem}.hidden{display:none}details{margin:.3rem 0}code{font-size:.85rem}
"""

_JS = """
function applyFilters(){
  var actor=document.getElementById('f-actor').value, kind=document.getElementById('f-kind').value,
      min=parseInt(document.getElementById('f-min').value||'1',10), shown=0;
  document.querySelectorAll('tr.claim').forEach(function(row){
    var ok=(!actor||row.dataset.actor===actor)&&(!kind||row.dataset.kind===kind)
           &&parseInt(row.dataset.sources,10)>=min;
    row.classList.toggle('hidden',!ok); if(ok){shown++;}
  });
  document.getElementById('shown').textContent=shown;
}
document.addEventListener('DOMContentLoaded',function(){
  ['f-actor','f-kind','f-min'].forEach(function(id){
    var el=document.getElementById(id); el.addEventListener('change',applyFilters);
    el.addEventListener('input',applyFilters);});
  applyFilters();
});
"""


def to_html(report: Report) -> str:
    """One self-contained page: no network requests, works from a file."""
    e = html.escape
    total = sum(len(a.claims) for a in report.actors)
    actor_options = "".join(
        f'<option value="{e(a.actor)}">{e(a.name)}</option>' for a in report.actors
    )
    kinds = sorted({c.kind.value for a in report.actors for c in a.claims})
    kind_options = "".join(f'<option value="{e(k)}">{e(k)}</option>' for k in kinds)
    rows = []
    for actor in report.actors:
        for claim in actor.claims:
            passages = "".join(_html_passage(p) for p in claim.passages)
            rows.append(
                f'<tr class="claim" id="claim-{e(claim.id)}" data-actor="{e(actor.actor)}" '
                f'data-kind="{e(claim.kind.value)}" data-sources="{claim.n_independent_sources}">'
                f"<td>{e(actor.name)}</td><td>{e(claim.kind.value)}</td>"
                f"<td>{e(claim.corroboration)}</td><td><strong>{e(claim.statement)}</strong>"
                f"<details><summary>{len(claim.passages)} passages</summary>{passages}</details>"
                "</td></tr>"
            )
    sources = "".join(_html_source(s, report) for s in report.sources)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Claims report</title><style>{_CSS}</style><script>{_JS}</script></head><body>"
        f'<h1>Claims report</h1><p class="meta">{e(report.generated_by)}, '
        f"{report.generated_on.isoformat()}: {report.documents} documents "
        f"({report.independent_documents} independent), {total} claims.</p>"
        '<div class="filters"><label>Actor <select id="f-actor"><option value="">all</option>'
        f'{actor_options}</select></label><label>Kind <select id="f-kind">'
        f'<option value="">all</option>{kind_options}</select></label>'
        '<label>Min. independent sources <input id="f-min" type="number" min="1" value="1">'
        f'</label><span><span id="shown">{total}</span> of {total} claims shown</span></div>'
        '<table id="claims"><thead><tr><th>Actor</th><th>Kind</th><th>Sources</th>'
        f"<th>Claim and passages</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"<h2>Sources</h2>{sources}</body></html>\n"
    )


def _html_passage(p: Passage) -> str:
    e = html.escape
    offset = p.start - p.paragraph_start
    before = p.paragraph[:offset]
    after = p.paragraph[offset + len(p.text) :]
    sentence = _marked(p, ("<mark>", "</mark>"), escape=html.escape)
    meta = ", ".join(x for x in (p.title, p.outlet, p.author) if x)
    how = [p.hedge.value] + (["via government"] if p.via_government else [])
    if p.attributed_to:
        how.append(f"according to {p.attributed_to}")
    return (
        f'<div class="passage"><p>{e(before)}<q>{sentence}</q>{e(after)}</p>'
        f'<p class="meta"><a href="#src-{e(p.doc_id)}">{e(p.doc_id)}</a> · {e(meta)} · '
        f"{p.date.isoformat() if p.date else 'undated'} · {e(' · '.join(how))} · "
        f"line {p.line}, chars {p.start}–{p.end}</p></div>"
    )


def _html_source(s: ReportSource, report: Report) -> str:
    e = html.escape
    linked = [
        f'<a href="#claim-{e(c.id)}">{e(c.statement)}</a>'
        for a in report.actors
        for c in a.claims
        if any(p.doc_id == s.doc_id for p in c.passages)
    ]
    derivation = _derivation_text(s)
    boiler = "".join(f"<li>line {b.line} · {e(b.kind)} · {e(b.text)}</li>" for b in s.set_aside)
    return (
        f'<section id="src-{e(s.doc_id)}"><h3>{e(s.title or s.doc_id)}</h3>'
        f'<p class="meta"><code>{e(s.doc_id)}</code> · {e(s.outlet or "")} · '
        f"{e(s.author or '')} · {s.date.isoformat() if s.date else 'undated'}"
        f"{' · ' + e(derivation) if derivation else ''}</p>"
        f"<details><summary>{len(linked)} claims cite it</summary><ul>"
        f"{''.join(f'<li>{x}</li>' for x in linked)}</ul></details>"
        f"<details><summary>{len(s.set_aside)} lines set aside</summary><ul>{boiler}</ul>"
        "</details></section>"
    )


def report_json_schema() -> str:
    """JSON Schema of the JSON report (committed as docs/schema/report.schema.json)."""
    schema = Report.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
