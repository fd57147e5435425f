"""Text pieces the Markdown and HTML renderers share: marked sentences, derivation notes."""

from __future__ import annotations

from collections.abc import Callable

from putin_claims.report.model import Passage, ReportSource


def marked(p: Passage, mark: tuple[str, str], escape: Callable[[str], str]) -> str:
    """The sentence with the claim's words wrapped in ``mark``; text escaped, never changed."""
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


def derivation_text(s: ReportSource) -> str:
    """What a source derives from, who copies it, and its provenance notes, in one line."""
    parts = [f"derived from {d.source} ({d.score:.2f})" for d in s.derived_from]
    parts += [f"copied by {c}" for c in s.copies]
    parts += list(s.notes)
    return "; ".join(parts)
