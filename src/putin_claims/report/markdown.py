"""The report as Markdown, for reading and forwarding: every passage quoted exactly."""

from __future__ import annotations

import html
import re

from putin_claims.models import Derivation, Genre
from putin_claims.report.model import Passage, Report, ReportActor
from putin_claims.report.quotes import QuoteWording, ReportQuote, SourceRef
from putin_claims.report.text import derivation_text, marked

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


#: What would end or break a link destination written in angle brackets.
_URL_UNSAFE = str.maketrans({"<": "%3C", ">": "%3E", " ": "%20", "\n": ""})


def md_link(text: str, url: str) -> str:
    """A Markdown link; the URL in angle brackets, so parentheses in it need no escape."""
    return f"[{text}](<{url.translate(_URL_UNSAFE)}>)"


def md_escape(text: str) -> str:
    """Escape what Markdown would read as formatting, so quoted text renders as written."""
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def to_markdown(report: Report) -> str:
    """Summary, one section per actor, the sources, and what was set aside."""
    lines = _summary(report)
    for actor in report.actors:
        lines += _actor_section(actor)
    lines += _quotes(report)
    lines += _sources(report)
    lines += _appendix(report)
    return "\n".join(lines).rstrip() + "\n"


def _summary(report: Report) -> list[str]:
    lines = [
        "# Claims report",
        "",
        f"{report.generated_by}, {report.generated_on.isoformat()}: "
        f"{report.documents} documents ({report.independent_documents} independent news, "
        f"{report.opinion_documents} opinion or analysis), "
        f"{sum(len(a.claims) for a in report.actors)} claims by {len(report.actors)} actors. "
        "Each passage is quoted exactly as in its source, the words that state the claim in "
        "bold, followed by its source and a reference to the file (document id, line, "
        "character offsets). Paths are relative to "
        + (f"`{report.root}`." if report.root else "the folder the tool ran in."),
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
    return lines


def _actor_section(actor: ReportActor) -> list[str]:
    lines = ["", f"## {md_escape(actor.name)}", ""]
    for n, claim in enumerate(actor.claims, 1):
        lines += [
            f"### {n}. {md_escape(claim.statement)}",
            "",
            f"*{claim.kind.value} · {claim.corroboration} · claim `{claim.id}`"
            + (" · vague*" if claim.vague else "*"),
            "",
        ]
        for p in claim.passages:
            lines += _passage(p)
        if claim.contradicting:
            lines += [f"**Contradicted by** {claim.contradicted_by}:", ""]
            for p in claim.contradicting:
                lines += _passage(p)
    return lines


def _passage(p: Passage) -> list[str]:
    return [f"> {marked(p, ('**', '**'), md_escape)}", ">", f"> {_source_line(p)}", ""]


def source_name(s: SourceRef | Passage) -> str:
    """Title (a link when the URL is known), outlet, author, date, and the genre unless news."""
    title = f"*{md_escape(s.title)}*" if s.title else "untitled"
    if s.url:
        title = md_link(title, s.url)
    parts = [title] + [md_escape(x) for x in (s.outlet, s.author) if x]
    parts.append(s.date.isoformat() if s.date else "undated")
    if s.genre is not Genre.NEWS:
        parts.append(f"**{s.genre.value}**")
    return ", ".join(parts)


def _source_line(p: Passage) -> str:
    how = [p.hedge.value]
    if p.via_government:
        how.append(f"said of the government ({md_escape(p.named_as)})")
    if p.attributed_to:
        how.append(f"according to {md_escape(p.attributed_to)}")
    ref = f"`{p.doc_id}` line {p.line}, chars {p.start}–{p.end}"
    return f"— {source_name(p)} · {' · '.join(how)} · {ref}"


def _quotes(report: Report) -> list[str]:
    if not report.speakers:
        return []
    lines = [
        "",
        "## Quotes",
        "",
        "Every quote of each speaker, exactly as each source words it; a quote several sources "
        "carry is listed once with every wording, flagged when the wordings differ.",
    ]
    for speaker in report.speakers:
        lines += ["", f"### {md_escape(speaker.name)}", ""]
        for n, quote in enumerate(speaker.quotes, 1):
            lines += _quote(n, quote)
    return [*lines, ""]


def _quote(n: int, quote: ReportQuote) -> list[str]:
    head = f"{n}. *{quote.kind.value}*, {len(quote.wordings)} source" + (
        "s" if len(quote.wordings) != 1 else ""
    )
    if quote.wording_differs:
        head += " · **wording differs between sources**"
    lines = [head + f" · `{quote.id}`", ""]
    for w in quote.wordings:
        lines += [f"   > {md_escape(w.text)}", "   >", f"   > — {_wording_source(w)}", ""]
    return lines


def _wording_source(w: QuoteWording) -> str:
    speaker = f" · as “{md_escape(w.speaker_as)}”" if w.speaker_as else ""
    ref = f"`{w.doc_id}` line {w.line}, chars " + ", ".join(f"{a}–{b}" for a, b in w.pieces)
    return f"{source_name(w)}{speaker} · {ref}"


def _sources(report: Report) -> list[str]:
    lines = ["## Sources", "",
             "| document | title | outlet | author | date | genre | path | derivation |",
             "|---|---|---|---|---|---|---|---|"]  # fmt: skip
    for s in report.sources:
        title = md_escape(s.title or "")
        if s.url:
            title = md_link(title or md_escape(s.url), s.url)
        lines.append(
            f"| `{s.doc_id}` | {title} | {md_escape(s.outlet or '')} | "
            f"{md_escape(s.author or '')} | {s.date.isoformat() if s.date else ''} | "
            f"{s.genre.value} | {md_escape(s.path)} | {md_escape(derivation_text(s))} |"
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
    return lines


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


def _appendix(report: Report) -> list[str]:
    lines = ["", "## Appendix: set aside as boilerplate", ""]
    for s in report.sources:
        lines += [
            "<details>",
            f"<summary>{html.escape(s.doc_id)}: {len(s.set_aside)} lines</summary>",
            "",
        ]
        lines += [f"- line {b.line} · {b.kind} · {md_escape(b.text)}" for b in s.set_aside]
        lines += ["", "</details>", ""]
    return lines
