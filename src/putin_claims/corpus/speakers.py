"""Speakers named across sources: a description takes the name another source gives.

"Such a detox could be useful ...," commented a prominent academic from Moscow' takes the
name of the speaker of the same quote in another document that names her.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process

from putin_claims.models import QuoteKind, StoredQuote
from putin_claims.tuning import TUNING


def same_quote(a: str, b: str) -> float:
    """How alike two quotes are (0-100), ignoring case and punctuation."""
    return float(fuzz.token_set_ratio(a.lower(), b.lower()))


def resolve_descriptions(quotes: Sequence[StoredQuote]) -> list[tuple[int, str, int, float]]:
    """Speakers given only as a description, named by another source carrying the same quote.

    "Such a detox could be useful ...," commented a prominent academic from Moscow' takes the
    name of the speaker of '"Such a detox," she remarked, "could be advantageous ..."' in
    another document: (quote id, actor id, source quote id, confidence) per resolved quote.
    """
    named = [
        q
        for q in quotes
        if q.speaker and q.kind is QuoteKind.DIRECT and len(q.content.split()) >= 3
    ]
    choices = [q.content.lower() for q in named]
    out = []
    for q in quotes:
        if q.speaker or not q.speaker_text or q.kind is not QuoteKind.DIRECT or not choices:
            continue
        hits = process.extract(
            q.content.lower(), choices, scorer=fuzz.token_set_ratio, score_cutoff=TUNING.same_quote,
            limit=5,
        )  # fmt: skip
        for _, score, n in hits:
            other = named[n]
            if other.doc_id != q.doc_id and other.speaker:
                out.append(
                    (
                        q.quote_id,
                        other.speaker,
                        other.quote_id,
                        round(TUNING.named_elsewhere * score / 100, 2),
                    )
                )
                break
    return out
