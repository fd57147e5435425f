"""Speakers named across sources: a description takes the name another source gives.

"Such a detox could be useful ...," commented a prominent academic from Moscow' takes the
name of the speaker of the same quote in another document that names her.
"""

from __future__ import annotations

from collections import defaultdict
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
    index = _QuoteIndex(choices)
    out = []
    for q in quotes:
        if q.speaker or not q.speaker_text or q.kind is not QuoteKind.DIRECT or not choices:
            continue
        text = q.content.lower()
        candidates = index.candidates(text)
        hits = process.extract(
            text, [choices[n] for n in candidates], scorer=fuzz.token_set_ratio,
            score_cutoff=TUNING.same_quote, limit=5,
        )  # fmt: skip
        for _, score, n in hits:
            other = named[candidates[n]]
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


class _QuoteIndex:
    """Which named quotes can be the same quote as a text: an inverted index over words.

    A word in more than ``quote_words_cap`` named quotes is no key. A text's candidates are
    the named quotes that share one of its other words, and those made of such common words
    only (one may be a part of the text: "we will win"); a text of common words only is
    compared with every named quote. So the quotes one word in the other stays found, and
    only a paraphrase sharing common words alone is lost; the posting lists stay short as the
    corpus grows.
    """

    def __init__(self, choices: Sequence[str]) -> None:
        self.size = len(choices)
        postings: dict[str, list[int]] = defaultdict(list)
        words = [set(c.split()) for c in choices]
        for n, ws in enumerate(words):
            for w in ws:
                postings[w].append(n)
        cap = TUNING.quote_words_cap
        self.postings = {w: p for w, p in postings.items() if len(p) <= cap}
        self.common_only = frozenset(
            n for n, ws in enumerate(words) if self.postings.keys().isdisjoint(ws)
        )

    def candidates(self, text: str) -> list[int]:
        """Indices of the named quotes worth scoring against ``text``, in index order."""
        keys = [self.postings[w] for w in set(text.split()) if w in self.postings]
        if not keys:
            return list(range(self.size))
        return sorted(self.common_only.union(*keys))
