"""The report as one self-contained HTML page: filters by actor, kind and sources, no network."""

from __future__ import annotations

import html

from putin_claims import REPORT_MARK
from putin_claims.models import Genre
from putin_claims.report.model import Passage, Report, ReportActor, ReportSource
from putin_claims.report.quotes import QuoteWording, ReportQuote, ReportSpeaker, SourceRef
from putin_claims.report.text import derivation_text, marked

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:72rem;color:#1b1b1b;
padding:0 1rem}
h1{font-size:1.6rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;
padding:.4rem;text-align:left;vertical-align:top}th{background:#f4f4f4}mark{background:#ffe58a}
.filters{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0;padding:.6rem;background:#f7f7f7}
.passage{margin:.4rem 0 .8rem;padding-left:.8rem;border-left:3px solid #ccc}.meta{color:#555;
font-size:.85rem}.hidden{display:none}details{margin:.3rem 0}code{font-size:.85rem}
.against{border-left-color:#c0392b}.genre{background:#e8e0f5;padding:0 .3rem;border-radius:3px}
.differs{color:#a04000;font-weight:600}.quote{margin:.6rem 0}
"""

_JS = """
function applyFilters(){
  var actor=document.getElementById('f-actor').value, kind=document.getElementById('f-kind').value,
      min=parseInt(document.getElementById('f-min').value||'0',10), shown=0;
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

_e = html.escape


def to_html(report: Report) -> str:
    """One self-contained page: no network requests, works from a file."""
    total = sum(len(a.claims) for a in report.actors)
    rows = "".join(_claim_rows(actor) for actor in report.actors)
    sources = "".join(_source(s, report) for s in report.sources)
    speakers = "".join(_speaker(s) for s in report.speakers)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta name="generator" content="{REPORT_MARK}">'
        f"<title>Claims report</title><style>{_CSS}</style><script>{_JS}</script></head><body>"
        f'<h1>Claims report</h1><p class="meta">{_e(report.generated_by)}, '
        f"{report.generated_on.isoformat()}: {report.documents} documents "
        f"({report.independent_documents} independent news, {report.opinion_documents} "
        f"opinion or analysis), {total} claims. Paths are relative to "
        f"{_e(report.root or 'the folder the tool ran in')}.</p>"
        f"{_filters(report, total)}"
        '<table id="claims"><thead><tr><th>Actor</th><th>Kind</th><th>Sources</th>'
        f"<th>Claim and passages</th></tr></thead><tbody>{rows}</tbody></table>"
        f'<h2>Quotes</h2><div id="quotes">{speakers}</div>'
        f"<h2>Sources</h2>{sources}</body></html>\n"
    )


def _filters(report: Report, total: int) -> str:
    actor_options = "".join(
        f'<option value="{_e(a.actor)}">{_e(a.name)}</option>' for a in report.actors
    )
    kinds = sorted({c.kind.value for a in report.actors for c in a.claims})
    kind_options = "".join(f'<option value="{_e(k)}">{_e(k)}</option>' for k in kinds)
    return (
        '<div class="filters"><label>Actor <select id="f-actor"><option value="">all</option>'
        f'{actor_options}</select></label><label>Kind <select id="f-kind">'
        f'<option value="">all</option>{kind_options}</select></label>'
        '<label>Min. independent sources <input id="f-min" type="number" min="0" value="0">'
        f'</label><span><span id="shown">{total}</span> of {total} claims shown</span></div>'
    )


def _claim_rows(actor: ReportActor) -> str:
    rows = []
    for claim in actor.claims:
        passages = "".join(_passage(p) for p in claim.passages)
        against = ""
        if claim.contradicting:
            against = (
                f'<details class="contradicting"><summary>contradicted by '
                f"{_e(claim.contradicted_by or '')}</summary>"
                f"{''.join(_passage(p, against=True) for p in claim.contradicting)}</details>"
            )
        rows.append(
            f'<tr class="claim" id="claim-{_e(claim.id)}" data-actor="{_e(actor.actor)}" '
            f'data-kind="{_e(claim.kind.value)}" data-sources="{claim.n_independent_sources}" '
            f'data-opinion="{claim.n_opinion_sources}">'
            f"<td>{_e(actor.name)}</td><td>{_e(claim.kind.value)}</td>"
            f"<td>{_e(claim.corroboration)}</td><td><strong>{_e(claim.statement)}</strong>"
            f"<details><summary>{len(claim.passages)} passages</summary>{passages}</details>"
            f"{against}</td></tr>"
        )
    return "".join(rows)


def _passage(p: Passage, against: bool = False) -> str:
    offset = p.start - p.paragraph_start
    before = p.paragraph[:offset]
    after = p.paragraph[offset + len(p.text) :]
    sentence = marked(p, ("<mark>", "</mark>"), html.escape)
    how = [p.hedge.value] + (["via government"] if p.via_government else [])
    if p.attributed_to:
        how.append(f"according to {p.attributed_to}")
    kind = "passage against" if against else "passage"
    return (
        f'<div class="{kind}"><p>{_e(before)}<q>{sentence}</q>{_e(after)}</p>'
        f'<p class="meta"><a href="#src-{_e(p.doc_id)}">{_e(p.doc_id)}</a> · {_named(p)} · '
        f"{_e(' · '.join(how))} · line {p.line}, chars {p.start}–{p.end}</p></div>"
    )


def _named(s: SourceRef | Passage | ReportSource) -> str:
    """Title (linked to the article when its URL is known), outlet, author, date, genre."""
    title = _e(s.title or "untitled")
    if s.url:
        title = f'<a class="article" href="{_e(s.url)}">{title}</a>'
    parts = [title] + [_e(x) for x in (s.outlet, s.author) if x]
    parts.append(s.date.isoformat() if s.date else "undated")
    if s.genre is not Genre.NEWS:
        parts.append(f'<span class="genre">{_e(s.genre.value)}</span>')
    return ", ".join(parts)


def _speaker(s: ReportSpeaker) -> str:
    quotes = "".join(_quote(q) for q in s.quotes)
    return (
        f'<section class="speaker" id="speaker-{_e(s.actor)}" data-actor="{_e(s.actor)}">'
        f'<h3>{_e(s.name)}</h3><p class="meta">{len(s.quotes)} quote{_plural(len(s.quotes))}</p>'
        f"{quotes}</section>"
    )


def _plural(n: int) -> str:
    return "" if n == 1 else "s"


def _quote(q: ReportQuote) -> str:
    flag = '<p class="differs">wording differs between sources</p>' if q.wording_differs else ""
    wordings = "".join(_wording(w) for w in q.wordings)
    return (
        f'<div class="quote" id="{_e(q.id)}" data-differs="{str(q.wording_differs).lower()}">'
        f"{flag}{wordings}</div>"
    )


def _wording(w: QuoteWording) -> str:
    where = ", ".join(f"{a}–{b}" for a, b in w.pieces)
    speaker = f" · as “{_e(w.speaker_as)}”" if w.speaker_as else ""
    return (
        f'<div class="passage wording"><q>{_e(w.text)}</q><p class="meta">'
        f'<a href="#src-{_e(w.doc_id)}">{_e(w.doc_id)}</a> · {_named(w)}{speaker} · '
        f"line {w.line}, chars {where}</p></div>"
    )


def _source(s: ReportSource, report: Report) -> str:
    linked = [
        f'<a href="#claim-{_e(c.id)}">{_e(c.statement)}</a>'
        for a in report.actors
        for c in a.claims
        if any(p.doc_id == s.doc_id for p in c.passages)
    ]
    derivation = derivation_text(s)
    boiler = "".join(f"<li>line {b.line} · {_e(b.kind)} · {_e(b.text)}</li>" for b in s.set_aside)
    return (
        f'<section id="src-{_e(s.doc_id)}"><h3>{_e(s.title or s.doc_id)}</h3>'
        f'<p class="meta"><code>{_e(s.doc_id)}</code> · {_named(s)} · <code>{_e(s.path)}</code>'
        f"{' · ' + _e(derivation) if derivation else ''}</p>"
        f"<details><summary>{len(linked)} claims cite it</summary><ul>"
        f"{''.join(f'<li>{x}</li>' for x in linked)}</ul></details>"
        f"<details><summary>{len(s.set_aside)} lines set aside</summary><ul>{boiler}</ul>"
        "</details></section>"
    )
