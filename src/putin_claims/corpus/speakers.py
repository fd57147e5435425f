"""Speakers named across sources: a description takes the name another source gives.

"Such a detox could be useful ...," commented a prominent academic from Moscow' takes the
name of the speaker of the same quote in another document that names her.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
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


#: Words of a quote that tell it apart (the candidate pairs of :func:`same_quote_groups`).
_TELLING = re.compile(r"\w{4,}")


def same_quote_groups(quotes: Sequence[StoredQuote]) -> list[list[StoredQuote]]:
    """Direct quotes that are one quote carried by several documents, each group in store order.

    Two direct quotes of different documents are the same quote when they are alike as
    :func:`same_quote` measures it (at least ``TUNING.same_quote``, the bar the speaker step
    and the derivations use), of comparable length (the shorter has at least
    ``TUNING.same_quote_length`` of the longer's words: "That is not the case" is no wording of
    a forty-word quote, though a token-set ratio finds all its words there), and no two known
    speakers differ. A speaker link (``resolved_from``) is a candidate pair too, held to the
    same test. Candidates share at least two telling words, never all pairs.
    """
    direct = [q for q in quotes if q.kind is QuoteKind.DIRECT and len(q.content.split()) >= 3]
    at = {q.quote_id: n for n, q in enumerate(direct)}
    groups = _Groups(len(direct))
    linked = [(n, at[q.resolved_from]) for n, q in enumerate(direct) if q.resolved_from in at]
    for a, b in sorted({*linked, *_candidate_pairs(direct)}):
        if _one_quote(direct[a], direct[b]):
            groups.join(a, b)
    found: dict[int, list[StoredQuote]] = {}
    for n, q in enumerate(direct):
        found.setdefault(groups.root(n), []).append(q)
    return [g for _, g in sorted(found.items()) if len({q.doc_id for q in g}) > 1]


def _one_quote(a: StoredQuote, b: StoredQuote) -> bool:
    if a.doc_id == b.doc_id or (a.speaker and b.speaker and a.speaker != b.speaker):
        return False
    sizes = sorted((len(a.content.split()), len(b.content.split())))
    if sizes[0] < TUNING.same_quote_length * sizes[1]:
        return False
    return same_quote(a.content, b.content) >= TUNING.same_quote


class _Groups:
    """Union-find over positions; a group's root is its first member."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def root(self, n: int) -> int:
        while self.parent[n] != n:
            self.parent[n] = self.parent[self.parent[n]]
            n = self.parent[n]
        return n

    def join(self, a: int, b: int) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _candidate_pairs(quotes: Sequence[StoredQuote]) -> list[tuple[int, int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for n, q in enumerate(quotes):
        for word in sorted(set(_TELLING.findall(q.content.lower()))):
            index[word].append(n)
    shared: Counter[tuple[int, int]] = Counter()
    limit = max(10, len(quotes) // 20)  # words most quotes use tell nothing apart
    for posting in index.values():
        if len(posting) <= limit:
            for a, b in itertools.combinations(posting, 2):
                shared[(a, b)] += 1
    return sorted(pair for pair, n in shared.items() if n >= 2)


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
