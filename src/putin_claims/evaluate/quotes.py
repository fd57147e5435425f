"""Score the stored quotes against a quote gold file: recall and precision, speaker and kind
accuracy, span overlap.

A gold quote is found by a stored quote of the same document whose span overlaps it; the
best overlap (character Jaccard with the whole quote or one of its pieces) is kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pydantic import Field
from rapidfuzz import fuzz

from putin_claims.errors import GoldFileError
from putin_claims.evaluate.gold import GoldQuote, gold_doc, load_quote_gold
from putin_claims.models import QuoteKind, Record, StoredQuote
from putin_claims.store import Store

#: rapidfuzz partial ratio at which a gold speaker matches the tool's.
SPEAKER_MATCH = 85


class QuoteScore(Record):
    """How one gold quote fared."""

    doc: str = Field(description="Document id.")
    text: str = Field(description="Gold words.")
    found: bool = Field(description="A stored quote overlaps the gold words.")
    speaker_ok: bool = Field(description="The found quote has the gold speaker.")
    kind_ok: bool = Field(description="The found quote has the gold kind.")
    overlap: float = Field(description="Character overlap (Jaccard) of the spans.")
    got_speaker: str | None = Field(description="Speaker the tool gave.")
    got_kind: QuoteKind | None = Field(description="Kind the tool gave.")


class QuoteScores(Record):
    """The scores `evaluate` prints for a quote gold file."""

    quotes: int = Field(description="Gold quotes.")
    returned: int = Field(description="Quotes the tool stored for the annotated documents.")
    recall: float = Field(description="Share of gold quotes found.")
    precision: float = Field(description="Share of returned quotes that overlap a gold quote.")
    speaker_accuracy: float = Field(description="Share of found quotes with the right speaker.")
    kind_accuracy: float = Field(description="Share of found quotes of the right kind.")
    span_overlap: float = Field(description="Mean character Jaccard of found spans.")
    per_quote: tuple[QuoteScore, ...] = Field(description="Details per gold quote.")


def gold_quote_spans(store: Store, path: Path) -> list[tuple[GoldQuote, str, int, int]]:
    """Each gold quote with its document id and offsets; errors name the file."""
    gold = load_quote_gold(path)
    doc_ids = store.doc_ids()
    out = []
    for n, q in enumerate(gold.quotes):
        doc_id = gold_doc(path, doc_ids, q.doc, f"quotes.{n}")
        start = store.document_text(doc_id).find(q.text)
        if start < 0:
            raise GoldFileError(path, f"quotes.{n}: {q.text!r} is not in {doc_id}")
        out.append((q, doc_id, start, start + len(q.text)))
    return out


def jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def speaker_matches(gold: str | None, names: Sequence[str | None]) -> bool:
    """Gold speaker against the tool's (name, words as written): fuzzy, surname-tolerant."""
    given = [n for n in names if n]
    if gold is None:
        return not given
    return any(fuzz.partial_ratio(gold.lower(), n.lower()) >= SPEAKER_MATCH for n in given)


def evaluate_quotes(store: Store, gold_path: Path) -> QuoteScores:
    """Quote recall and precision, speaker and kind accuracy, span overlap against a gold file."""
    located = gold_quote_spans(store, gold_path)
    docs = {doc_id for _, doc_id, _, _ in located}
    stored = [s for s in store.quotes() if s.doc_id in docs]
    per = [_quote_score(q, doc_id, start, end, stored) for q, doc_id, start, end in located]
    found = [p for p in per if p.found]
    spans = [(doc_id, start, end) for _, doc_id, start, end in located]
    true = sum(
        1 for s in stored if any(d == s.doc_id and a < s.end and s.start < b for d, a, b in spans)
    )
    return QuoteScores(
        quotes=len(per),
        returned=len(stored),
        recall=len(found) / len(per) if per else 0.0,
        precision=true / len(stored) if stored else 0.0,
        speaker_accuracy=sum(p.speaker_ok for p in found) / len(found) if found else 0.0,
        kind_accuracy=sum(p.kind_ok for p in found) / len(found) if found else 0.0,
        span_overlap=_mean([p.overlap for p in found]) if found else 0.0,
        per_quote=tuple(per),
    )


def _quote_score(
    q: GoldQuote, doc_id: str, start: int, end: int, stored: Sequence[StoredQuote]
) -> QuoteScore:
    """The best-overlapping stored quote of the document against one gold quote."""
    candidates = [
        (max(jaccard((start, end), piece) for piece in ((s.start, s.end), *s.pieces)), s)
        for s in stored
        if s.doc_id == doc_id and s.start < end and start < s.end
    ]
    if not candidates:
        return QuoteScore(
            doc=doc_id, text=q.text, found=False, speaker_ok=False, kind_ok=False,
            overlap=0.0, got_speaker=None, got_kind=None,
        )  # fmt: skip
    overlap, best = max(candidates, key=lambda c: (c[0], c[1].kind == q.kind))
    expected = q.resolved or q.speaker
    names = [best.speaker_name] if q.resolved else [best.speaker_name, best.speaker_text]
    return QuoteScore(
        doc=doc_id, text=q.text, found=True, speaker_ok=speaker_matches(expected, names),
        kind_ok=best.kind == q.kind, overlap=round(overlap, 3),
        got_speaker=best.speaker_name, got_kind=best.kind,
    )  # fmt: skip


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)
