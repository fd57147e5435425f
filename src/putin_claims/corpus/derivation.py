"""Source independence: which documents are rewrites, summaries or copies of which.

Three kinds of evidence, weighed together for every ordered pair of documents that share
telling words (an inverted index over concepts gives the candidates, never all pairs):

* **text overlap**: the share of B's content sentences that have a close counterpart in A
  (concept similarity from :mod:`putin_claims.corpus.similarity` at least 0.35). A summary or a spun
  rewrite keeps the sentences' content while changing their words, which word shingles miss
  and concepts catch; a copy scores 1;
* **shared quotes**: the same quote in both, word for word or paraphrased;
* **explicit cues**: a provenance note in B ("Original Source:", "Reprinted from", "Source:
  Reuters") says B is not original.

B is derived from A when at least 40% of B's sentences have a counterpart in A. Of two
documents that cover each other, the one with the provenance note, then the later one, then
the shorter one is the derived. Derived documents collapse with their source when claims
count independent sources.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from putin_claims.corpus.similarity import Bag, Weights, bag, bag_similarity
from putin_claims.corpus.speakers import same_quote
from putin_claims.models import AlignedSentences, Derivation, QuoteKind, SourceInfo, StoredQuote
from putin_claims.store import Store
from putin_claims.tuning import TUNING

EXAMPLES = 3
_Sentence = tuple[int, str, frozenset[str]]  # (sentence_id, text, concepts)
_SentenceIndex = tuple[dict[str, list[int]], list[Bag]]


def find_derivations(store: Store) -> list[Derivation]:
    """Every derived-from relation in the store, best evidence first."""
    key_actors = store.key_actors()
    by_doc: dict[str, list[_Sentence]] = defaultdict(list)
    for s in store.content_sentences():
        concepts = bag(s.terms, key_actors)
        if len(concepts) >= TUNING.min_concepts:
            by_doc[s.doc_id].append((s.sentence_id, s.text, concepts))
    weights = Weights.of(c for sentences in by_doc.values() for _, _, c in sentences)
    sources = {s.doc_id: s for s in store.sources()}
    quotes = _direct_quotes(store.quotes())
    coverage = _coverage(by_doc, weights)
    out: list[Derivation] = []
    for (derived, source), (share, pairs) in coverage.items():
        if share < TUNING.derived_coverage:
            continue
        back = coverage.get((source, derived), (0.0, []))[0]
        sizes = (len(by_doc[derived]), len(by_doc[source]))
        if back >= TUNING.derived_coverage and _original(derived, source, sources, *sizes):
            continue  # they cover each other and ``derived`` is the original
        shared = _shared_quotes(derived, source, quotes)
        cue = _cue(sources.get(derived))
        bonus = (TUNING.cue_bonus if cue else 0.0) + min(
            TUNING.quote_bonus_cap, TUNING.quote_bonus * shared
        )
        score = min(1.0, share + bonus)
        out.append(
            Derivation(
                derived=derived,
                source=source,
                score=round(score, 3),
                coverage=round(share, 3),
                reverse_coverage=round(back, 3),
                shared_quotes=shared,
                cue=cue,
                examples=tuple(sorted(pairs, key=lambda p: -p.similarity)[:EXAMPLES]),
            )
        )
    out.sort(key=lambda d: (-d.score, d.derived, d.source))
    return out


def _coverage(
    by_doc: Mapping[str, Sequence[_Sentence]], weights: Weights
) -> dict[tuple[str, str], tuple[float, list[AlignedSentences]]]:
    """(derived, source) -> share of derived's sentences with a counterpart in source.

    Only document pairs that share enough rare concepts are aligned, and within a pair a
    sentence is compared only with sentences that share one of its rarer concepts: the work
    grows with the overlap, not with the square of the corpus.
    """
    out: dict[tuple[str, str], tuple[float, list[AlignedSentences]]] = {}
    indexes: dict[str, _SentenceIndex] = {}
    for a, b in _candidate_pairs(by_doc):
        for derived, source in ((a, b), (b, a)):
            if source not in indexes:
                indexes[source] = _sentence_index(by_doc[source], weights)
            pairs = _align(by_doc[derived], by_doc[source], indexes[source], weights)
            if pairs:
                out[(derived, source)] = (len(pairs) / len(by_doc[derived]), pairs)
    return out


def _candidate_pairs(by_doc: Mapping[str, Sequence[_Sentence]]) -> list[tuple[str, str]]:
    """Document pairs that share many of the concepts few documents use.

    A concept is rare in at most a tenth of the documents and never in more than
    ``rare_docs_cap``: each posting list is short, so the pairs counted grow with the corpus,
    not with its square (in a tenth of 2,225 documents, 81 % of all pairs were counted).
    """
    concepts = {d: frozenset().union(*(c for _, _, c in sents)) for d, sents in by_doc.items()}
    df: Counter[str] = Counter(c for cs in concepts.values() for c in cs)
    rare_limit = min(max(2, len(by_doc) // 10), TUNING.rare_docs_cap)
    index: dict[str, list[str]] = defaultdict(list)
    for doc_id, cs in concepts.items():
        for c in cs:
            if df[c] <= rare_limit:
                index[c].append(doc_id)
    shared: Counter[tuple[str, str]] = Counter()
    for docs in index.values():
        for a, b in itertools.combinations(sorted(docs), 2):
            shared[(a, b)] += 1
    rare = {d: sum(1 for c in cs if df[c] <= rare_limit) for d, cs in concepts.items()}
    return [
        (a, b)
        for (a, b), n in shared.items()
        if n >= TUNING.rare_shared and n >= TUNING.rare_overlap * min(rare[a], rare[b])
    ]


def _sentence_index(source: Sequence[_Sentence], weights: Weights) -> _SentenceIndex:
    """Concept -> positions of the sentences of ``source`` that carry it, for the concepts in
    at most a third of them, and each sentence's weighted bag (built once per document,
    whatever it is aligned with)."""
    index: dict[str, list[int]] = defaultdict(list)
    for n, (_, _, concepts) in enumerate(source):
        for concept in concepts:
            index[concept].append(n)
    limit = max(3, len(source) // 3)
    postings = {c: posting for c, posting in index.items() if len(posting) <= limit}
    return postings, [weights.bag(concepts) for _, _, concepts in source]


def _align(
    derived: Sequence[_Sentence],
    source: Sequence[_Sentence],
    index: _SentenceIndex,
    weights: Weights,
) -> list[AlignedSentences]:
    postings, bags = index
    out = []
    for sid, text, concepts in derived:
        candidates = {n for c in concepts if c in postings for n in postings[c]}
        mine = weights.bag(concepts)
        best: tuple[float, int] | None = None
        for n in candidates:
            score = bag_similarity(mine, bags[n], weights, TUNING.sentence_match)
            if score >= TUNING.sentence_match and (best is None or score > best[0]):
                best = (score, n)
        if best is not None:
            osid, otext, _ = source[best[1]]
            out.append(
                AlignedSentences(
                    derived_sentence_id=sid, derived_text=text, source_sentence_id=osid,
                    source_text=otext, similarity=round(best[0], 3),
                )
            )  # fmt: skip
    return out


def _original(
    derived: str, source: str, sources: Mapping[str, SourceInfo], n_derived: int, n_source: int
) -> bool:
    """Of two documents that cover each other, is ``derived`` in fact the original?"""
    a, b = sources.get(derived), sources.get(source)
    cue_a, cue_b = bool(_cue(a)), bool(_cue(b))
    if cue_a != cue_b:
        return cue_b  # the one with the provenance note is the copy
    if a and b and a.date and b.date and a.date != b.date:
        return a.date < b.date  # the later one is the copy
    return n_derived > n_source  # the shorter one is the summary


def _cue(source: SourceInfo | None) -> str | None:
    if source is None:
        return None
    for note in source.notes:
        return f"{note.kind.value}: {note.value}"
    return None


def _direct_quotes(quotes: Iterable[StoredQuote]) -> dict[str, list[StoredQuote]]:
    """Direct quotes per document, read once for every derivation."""
    out: dict[str, list[StoredQuote]] = defaultdict(list)
    for q in quotes:
        if q.kind is QuoteKind.DIRECT:
            out[q.doc_id].append(q)
    return out


def _shared_quotes(derived: str, source: str, quotes: Mapping[str, Sequence[StoredQuote]]) -> int:
    mine, theirs = quotes.get(derived, ()), quotes.get(source, ())
    ids = {t.quote_id for t in theirs}
    return sum(
        1
        for q in mine
        if q.resolved_from in ids
        or any(same_quote(q.content, t.content) >= TUNING.same_quote for t in theirs)
    )


def independent_groups(doc_ids: Iterable[str], derivations: Sequence[Derivation]) -> int:
    """How many independent sources a set of documents is, copies collapsed into originals."""
    return count_independent(doc_ids, source_roots(derivations))


def source_roots(derivations: Iterable[Derivation]) -> dict[str, str]:
    """Document -> the original its chain of derivations leads to (a document that derives
    from nothing is its own root and is left out). Computed once, any set of documents is
    then counted in time linear in its size."""
    parent: dict[str, str] = {}

    def root(doc: str) -> str:
        while parent.get(doc, doc) != doc:
            doc = parent[doc]
        return doc

    for d in derivations:
        a, b = root(d.derived), root(d.source)
        if a != b:
            parent[a] = b
    return {doc: root(doc) for doc in parent}


def count_independent(doc_ids: Iterable[str], roots: Mapping[str, str]) -> int:
    """How many independent sources ``doc_ids`` are, given :func:`source_roots`."""
    return len({roots.get(doc, doc) for doc in doc_ids})
