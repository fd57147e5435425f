"""Score the store against article gold (``evaluate/articles.py``): quotes and speakers,
objectives per actor, `check` on paraphrased claims, and polarity.

* **direct quotes found**: gold direct quotes that a stored quote overlaps (character Jaccard
  of at least ``OVERLAP`` with the quote or one of its pieces);
* **right speaker**: of all gold direct quotes, those found with the gold speaker
  (:func:`same_speaker`: the same normalised name, or its tail, as "O'Leary" for "Michael
  O'Leary"; a description such as "a Ryanair spokesman" is not the company);
* **quote precision**: of the stored direct quotes in the annotated articles, those that are
  a gold quote (of any kind) with the gold speaker;
* **objectives**, per gold actor (found by any of its names): gold objectives with a
  supporting passage among the evidence of the actor's objectives; evidence precision:
  evidence passages in the actor's annotated articles that state one of its gold objectives;
* **check**: capped recall@5 and reciprocal rank of the gold supports for every paraphrased
  query;
* **polarity**: for each contradiction pair, whether `check` labels the contradicting passage
  ``supports`` (it never should) or ``contradicts``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field
from rapidfuzz import fuzz
from spacy.language import Language

from putin_claims.corpus.families import Families
from putin_claims.errors import ActorNotFoundError, GoldFileError
from putin_claims.evaluate.articles import ArticleActor, ArticleGold, load_article_gold
from putin_claims.models import CheckLabel, Claim, Evidence, QuoteKind, Record, Split, StoredQuote
from putin_claims.names import name_key
from putin_claims.query.actors import find_actor
from putin_claims.query.check import Checker
from putin_claims.query.claims import listed, stored_claims
from putin_claims.store import Store

#: Character Jaccard from which a stored quote is the gold one.
OVERLAP = 0.5
K = 5


class ActorScore(Record):
    """How one gold actor's objectives fared."""

    actor: str = Field(description="Gold actor.")
    found_as: str | None = Field(description="Stored actor id it was found as; null: none.")
    objectives: int = Field(description="Gold objectives.")
    matched: int = Field(description="Gold objectives with a supporting passage found.")
    evidence: int = Field(description="Evidence passages in the actor's annotated articles.")
    gold_evidence: int = Field(description="Of those, passages that state a gold objective.")


class ArticleScores(Record):
    """The scores of a set of article gold files."""

    split: Split | None = Field(description="The split scored; null: every file.")
    articles: int = Field(description="Annotated articles.")
    direct_quotes: int = Field(description="Gold direct quotes.")
    direct_recall: float = Field(description="Share of gold direct quotes found.")
    speaker_accuracy: float = Field(
        description="Share of gold direct quotes found with the right speaker."
    )
    returned_direct: int = Field(description="Stored direct quotes in the annotated articles.")
    quote_precision: float = Field(
        description="Share of stored direct quotes that are gold quotes with the right speaker."
    )
    quotes: int = Field(description="Gold quotes of every kind.")
    quote_recall: float = Field(description="Share of gold quotes of every kind found.")
    objective_recall: float = Field(description="Share of gold objectives matched.")
    evidence_precision: float = Field(description="Share of evidence that states a gold one.")
    recall_at_5: float = Field(description="Mean capped recall@5 of the gold queries.")
    mrr: float = Field(description="Mean reciprocal rank of the gold queries.")
    contradictions: int = Field(description="Gold contradiction pairs.")
    contradicted: int = Field(description="Pairs whose passage `check` labels contradicts.")
    wrongly_supported: int = Field(description="Pairs whose passage `check` labels supports.")
    per_actor: tuple[ActorScore, ...] = Field(description="Objectives per gold actor.")


def load_set(paths: Sequence[Path], split: Split | None) -> list[tuple[Path, ArticleGold]]:
    """The article gold files of ``paths`` (files or folders of ``*.yaml``) in one split."""
    files = sorted(f for p in paths for f in ([p] if p.is_file() else p.glob("*.yaml")))
    golds = [(f, load_article_gold(f)) for f in files]
    return [(f, g) for f, g in golds if split is None or g.split is split]


def same_speaker(gold: str | None, tool: str | None) -> bool:
    """The tool's speaker is the gold one: the same name, or its tail ("O'Leary")."""
    if gold is None or tool is None:
        return gold is None and tool is None
    g, t = name_key(gold).split(), name_key(tool).split()
    if not g or not t:
        return False
    if g == t or (len(t) < len(g) and g[-len(t) :] == t):
        return True
    return fuzz.ratio(" ".join(g), " ".join(t)) >= 90


def evaluate_articles(
    store: Store, paths: Sequence[Path], nlp: Language, split: Split | None = None
) -> ArticleScores:
    """Score the store against the article gold files under ``paths``."""
    golds = load_set(paths, split)
    docs = _documents(store, golds)
    stored = [q for q in store.quotes() if q.doc_id in docs.values()]
    quote_parts = _quote_scores(golds, docs, stored)
    checker = Checker(store)
    corpus = _Corpus.read(store)
    actors = [_actor_score(corpus, a, g, docs) for _, g in golds for a in g.actors]
    recalls, ranks = _check_scores(checker, golds, docs, nlp)
    contradicted, wrong = _polarity(checker, golds, docs, nlp)
    objectives_total = sum(a.objectives for a in actors)
    evidence = sum(a.evidence for a in actors)
    return ArticleScores(
        split=split,
        articles=len(golds),
        **quote_parts,
        objective_recall=sum(a.matched for a in actors) / max(1, objectives_total),
        evidence_precision=sum(a.gold_evidence for a in actors) / evidence if evidence else 0.0,
        recall_at_5=_mean(recalls),
        mrr=_mean(ranks),
        contradictions=sum(len(g.contradictions) for _, g in golds),
        contradicted=contradicted,
        wrongly_supported=wrong,
        per_actor=tuple(actors),
    )


def _documents(store: Store, golds: Sequence[tuple[Path, ArticleGold]]) -> dict[str, str]:
    """Gold article ('business/042') -> stored doc id, found by the end of the file's path."""
    by_path = {s.path.replace("\\", "/"): s.doc_id for s in store.sources()}
    out = {}
    for path, gold in golds:
        hits = [d for p, d in by_path.items() if p.endswith(f"/{gold.doc}.txt")]
        if len(hits) != 1:
            raise GoldFileError(path, f"article {gold.doc!r} matches {len(hits)} stored documents")
        out[gold.doc] = hits[0]
    return out


def _best(q: tuple[int, int], doc: str, stored: Sequence[StoredQuote]) -> StoredQuote | None:
    """The stored quote that gives the gold one: together the stored quotes overlapping it
    cover at least ``OVERLAP`` of its characters (annotators and the tool may cut a quote
    split by its frame in one piece or two); the one covering most of it answers."""
    covering = []
    covered: set[int] = set()
    for s in stored:
        if s.doc_id != doc:
            continue
        chars = {
            i for a, b in ((s.start, s.end), *s.pieces) for i in range(max(a, q[0]), min(b, q[1]))
        }
        if chars:
            covering.append((len(chars), s))
            covered |= chars
    if not covering or len(covered) < OVERLAP * (q[1] - q[0]):
        return None
    return max(covering, key=lambda c: (c[1].kind is QuoteKind.DIRECT, c[0]))[1]


def _quote_scores(
    golds: Sequence[tuple[Path, ArticleGold]], docs: dict[str, str], stored: Sequence[StoredQuote]
) -> dict[str, float | int]:
    direct = found = right = every = every_found = 0
    for _, g in golds:
        for q in g.quotes:
            hit = _best(q.span, docs[g.doc], stored)
            every += 1
            every_found += hit is not None
            if q.kind is QuoteKind.DIRECT:
                direct += 1
                found += hit is not None
                right += hit is not None and same_speaker(q.speaker, hit.speaker_name)
    returned = [s for s in stored if s.kind is QuoteKind.DIRECT]
    true = sum(1 for s in returned if _is_gold(s, golds, docs))
    return {
        "direct_quotes": direct,
        "direct_recall": found / direct if direct else 0.0,
        "speaker_accuracy": right / direct if direct else 0.0,
        "returned_direct": len(returned),
        "quote_precision": true / len(returned) if returned else 0.0,
        "quotes": every,
        "quote_recall": every_found / every if every else 0.0,
    }


def _is_gold(
    s: StoredQuote, golds: Sequence[tuple[Path, ArticleGold]], docs: dict[str, str]
) -> bool:
    """Most of the stored quote lies in gold quotes, and the one holding most of it has the
    stored quote's speaker."""
    mine = {i for a, b in ((s.start, s.end), *s.pieces) for i in range(a, b)}
    overlaps = [
        (len(mine & set(range(*q.span))), q)
        for _, g in golds
        if docs[g.doc] == s.doc_id
        for q in g.quotes
    ]
    inside = sum(n for n, _ in overlaps)
    if not mine or inside < OVERLAP * len(mine):
        return False
    return same_speaker(max(overlaps, key=lambda o: o[0])[1].speaker, s.speaker_name)


def _states(e: Evidence, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a < end and start < b for start, end in spans for a, b in e.spans)


@dataclass(frozen=True)
class _Corpus:
    """What the objective scores read of the store, read once for every gold actor."""

    families: Families
    keys: dict[str, str]
    claims: list[Claim]

    @classmethod
    def read(cls, store: Store) -> _Corpus:
        families = Families.load(store)
        return cls(families, store.key_actors(), stored_claims(store, families))

    def objectives(self, actor_id: str) -> list[Claim]:
        """The actor's objective claims, as `objectives` lists them (government included, vague
        ones left out)."""
        family = self.families.head(actor_id)
        return [c for c in self.claims if listed(c, family)]


def _actor_score(
    corpus: _Corpus, a: ArticleActor, g: ArticleGold, docs: dict[str, str]
) -> ActorScore:
    doc = docs[g.doc]
    gold_spans = {o.id: [s.span for s in o.support] for o in a.objectives}
    found_as, evidence = None, []
    actors = list(corpus.families.actors.values())
    for name in (a.actor, *a.names):
        try:
            found = find_actor(name, actors, corpus.keys)
        except ActorNotFoundError:
            continue
        found_as = found.actor_id
        claims = corpus.objectives(found.actor_id)
        evidence = [e for c in claims for e in c.evidence if e.doc_id == doc]
        break
    matched = sum(1 for spans in gold_spans.values() if any(_states(e, spans) for e in evidence))
    every = [s for spans in gold_spans.values() for s in spans]
    return ActorScore(
        actor=a.actor, found_as=found_as, objectives=len(a.objectives), matched=matched,
        evidence=len(evidence), gold_evidence=sum(1 for e in evidence if _states(e, every)),
    )  # fmt: skip


def _check_scores(
    checker: Checker, golds: Sequence[tuple[Path, ArticleGold]], docs: dict[str, str], nlp: Language
) -> tuple[list[float], list[float]]:
    recalls: list[float] = []
    ranks: list[float] = []
    for _, g in golds:
        for a in g.actors:
            for o in a.objectives:
                spans = [s.span for s in o.support]
                for query in o.queries:
                    hits = checker.check(query, nlp, top=20).hits
                    good = [
                        h.rank for h in hits if _holds(h.doc_id, h.start, h.end, docs[g.doc], spans)
                    ]
                    relevant = len(spans)
                    recalls.append(sum(1 for r in good if r <= K) / min(K, relevant))
                    ranks.append(1 / good[0] if good else 0.0)
    return recalls, ranks


def _holds(doc: str, start: int, end: int, gold_doc: str, spans: Sequence[tuple[int, int]]) -> bool:
    return doc == gold_doc and any(start < e and s < end for s, e in spans)


def _polarity(
    checker: Checker, golds: Sequence[tuple[Path, ArticleGold]], docs: dict[str, str], nlp: Language
) -> tuple[int, int]:
    contradicted = wrong = 0
    for _, g in golds:
        for c in g.contradictions:
            (s, e) = c.span
            labels = {
                h.label
                for h in checker.check(c.claim, nlp, top=20).hits
                if h.doc_id == docs[g.doc] and h.start < e and s < h.end
            }
            contradicted += CheckLabel.CONTRADICTS in labels
            wrong += CheckLabel.SUPPORTS in labels
    return contradicted, wrong


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0
