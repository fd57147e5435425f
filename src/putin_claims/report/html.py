"""The report as one self-contained HTML page: filters by actor, kind and sources, no network."""

from __future__ import annotations

import html

from putin_claims.report.model import Passage, Report, ReportActor, ReportSource
from putin_claims.report.text import derivation_text, marked

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

_e = html.escape


def to_html(report: Report) -> str:
    """One self-contained page: no network requests, works from a file."""
    total = sum(len(a.claims) for a in report.actors)
    rows = "".join(_claim_rows(actor) for actor in report.actors)
    sources = "".join(_source(s, report) for s in report.sources)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Claims report</title><style>{_CSS}</style><script>{_JS}</script></head><body>"
        f'<h1>Claims report</h1><p class="meta">{_e(report.generated_by)}, '
        f"{report.generated_on.isoformat()}: {report.documents} documents "
        f"({report.independent_documents} independent), {total} claims.</p>"
        f"{_filters(report, total)}"
        '<table id="claims"><thead><tr><th>Actor</th><th>Kind</th><th>Sources</th>'
        f"<th>Claim and passages</th></tr></thead><tbody>{rows}</tbody></table>"
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
        '<label>Min. independent sources <input id="f-min" type="number" min="1" value="1">'
        f'</label><span><span id="shown">{total}</span> of {total} claims shown</span></div>'
    )


def _claim_rows(actor: ReportActor) -> str:
    rows = []
    for claim in actor.claims:
        passages = "".join(_passage(p) for p in claim.passages)
        rows.append(
            f'<tr class="claim" id="claim-{_e(claim.id)}" data-actor="{_e(actor.actor)}" '
            f'data-kind="{_e(claim.kind.value)}" data-sources="{claim.n_independent_sources}">'
            f"<td>{_e(actor.name)}</td><td>{_e(claim.kind.value)}</td>"
            f"<td>{_e(claim.corroboration)}</td><td><strong>{_e(claim.statement)}</strong>"
            f"<details><summary>{len(claim.passages)} passages</summary>{passages}</details>"
            "</td></tr>"
        )
    return "".join(rows)


def _passage(p: Passage) -> str:
    offset = p.start - p.paragraph_start
    before = p.paragraph[:offset]
    after = p.paragraph[offset + len(p.text) :]
    sentence = marked(p, ("<mark>", "</mark>"), html.escape)
    meta = ", ".join(x for x in (p.title, p.outlet, p.author) if x)
    how = [p.hedge.value] + (["via government"] if p.via_government else [])
    if p.attributed_to:
        how.append(f"according to {p.attributed_to}")
    return (
        f'<div class="passage"><p>{_e(before)}<q>{sentence}</q>{_e(after)}</p>'
        f'<p class="meta"><a href="#src-{_e(p.doc_id)}">{_e(p.doc_id)}</a> · {_e(meta)} · '
        f"{p.date.isoformat() if p.date else 'undated'} · {_e(' · '.join(how))} · "
        f"line {p.line}, chars {p.start}–{p.end}</p></div>"
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
        f'<p class="meta"><code>{_e(s.doc_id)}</code> · {_e(s.outlet or "")} · '
        f"{_e(s.author or '')} · {s.date.isoformat() if s.date else 'undated'}"
        f"{' · ' + _e(derivation) if derivation else ''}</p>"
        f"<details><summary>{len(linked)} claims cite it</summary><ul>"
        f"{''.join(f'<li>{x}</li>' for x in linked)}</ul></details>"
        f"<details><summary>{len(s.set_aside)} lines set aside</summary><ul>{boiler}</ul>"
        "</details></section>"
    )
