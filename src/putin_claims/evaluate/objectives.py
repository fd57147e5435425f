"""Score `objectives` and `check` against an objectives gold file.

A gold file names an actor and lists that actor's objectives, each with queries an editor
might type and every sentence that supports it (a document id or its prefix before "_", and a
substring of one sentence: the words that state the objective). Scores:

* objective recall: gold objectives matched by a returned claim whose evidence holds one of
  their supporting sentences;
* passage recall: gold supports found among the evidence of the actor's objectives;
* evidence precision: returned evidence passages that are gold supports;
* grouping: returned claims per matched gold objective (1 is ideal);
* for `check` on each query: capped recall@k (gold sentences in the top k over
  min(k, gold sentences), as BEIR's R_cap@k) and reciprocal rank of the first gold sentence.

An evidence passage matches a gold support when it is the same sentence and, if the passage
carries a content span, that span overlaps the gold words: one item of a list sentence does
not count for another item's objective.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pydantic import Field
from spacy.language import Language

from putin_claims.errors import GoldFileError
from putin_claims.evaluate.gold import GoldFile, GoldObjective, gold_doc, load_gold
from putin_claims.models import Claim, Evidence, Record
from putin_claims.query.check import Checker
from putin_claims.query.claims import objectives
from putin_claims.store import Store

K = 5

_Span = tuple[int, int, int]  # (sentence_id, start, end) of the gold words


class ObjectiveScore(Record):
    """How one gold objective fared."""

    id: str = Field(description="Gold objective id.")
    statement: str = Field(description="Gold statement.")
    matched: bool = Field(description="Some returned claim holds one of its supports.")
    claims: int = Field(description="Returned claims holding one of its supports.")
    supports: int = Field(description="Gold supports.")
    found: int = Field(description="Gold supports found as evidence.")
    recall_at_k: float | None = Field(description="Mean capped recall@5 of its queries.")
    reciprocal_rank: float | None = Field(description="Mean reciprocal rank of its queries.")


class Scores(Record):
    """The scores `evaluate` prints."""

    actor: str = Field(description="Actor evaluated.")
    objectives: int = Field(description="Gold objectives.")
    objective_recall: float = Field(description="Share of gold objectives matched.")
    passage_recall: float = Field(description="Share of gold supports found.")
    evidence_precision: float = Field(description="Share of returned evidence that is gold.")
    grouping: float = Field(description="Returned claims per matched gold objective.")
    recall_at_5: float = Field(description="Mean capped recall@5 over all queries.")
    mrr: float = Field(description="Mean reciprocal rank over all queries.")
    returned_claims: int = Field(description="Objective claims returned for the actor.")
    returned_evidence: int = Field(description="Evidence passages returned.")
    per_objective: tuple[ObjectiveScore, ...] = Field(description="Details per objective.")


def evaluate(store: Store, gold_path: Path, nlp: Language) -> Scores:
    """Score the stored corpus against a gold file."""
    gold = load_gold(gold_path)
    located = _locate(store, gold, gold_path)
    actor, returned = objectives(store, gold.actor)
    evidence = [e for c in returned for e in c.evidence]
    all_spans = [s for spans in located.values() for s in spans]
    gold_evidence = sum(1 for e in evidence if any(_matches(e, s) for s in all_spans))
    per: list[ObjectiveScore] = []
    recalls: list[float] = []
    ranks: list[float] = []
    checker = Checker(store)
    for objective in gold.objectives:
        spans = located[objective.id]
        q_recalls, q_ranks = _check_scores(checker, objective, spans, nlp)
        recalls += q_recalls
        ranks += q_ranks
        per.append(
            _objective_score(objective, spans, returned, evidence, recalls=q_recalls, ranks=q_ranks)
        )
    matched = [p for p in per if p.matched]
    return Scores(
        actor=actor.actor_id,
        objectives=len(per),
        objective_recall=len(matched) / len(per) if per else 0.0,
        passage_recall=sum(p.found for p in per) / max(1, sum(p.supports for p in per)),
        evidence_precision=gold_evidence / len(evidence) if evidence else 0.0,
        grouping=_mean([p.claims for p in matched]) if matched else 0.0,
        recall_at_5=_mean(recalls) if recalls else 0.0,
        mrr=_mean(ranks) if ranks else 0.0,
        returned_claims=len(returned),
        returned_evidence=len(evidence),
        per_objective=tuple(per),
    )


def _locate(store: Store, gold: GoldFile, path: Path) -> dict[str, list[_Span]]:
    """Every gold support as (sentence_id, start, end) in the store."""
    doc_ids = store.doc_ids()
    sentences = store.content_sentences()
    out: dict[str, list[_Span]] = {}
    for objective in gold.objectives:
        spans = []
        for support in objective.support:
            doc_id = gold_doc(path, doc_ids, support.doc, objective.id)
            hits = [
                (s.sentence_id, s.start + s.text.index(support.text))
                for s in sentences
                if s.doc_id == doc_id and support.text in s.text
            ]
            if not hits:
                raise GoldFileError(
                    path, f"{objective.id}: {support.text!r} is in no sentence of {doc_id}"
                )
            sid, start = hits[0]
            spans.append((sid, start, start + len(support.text)))
        out[objective.id] = spans
    return out


def _matches(e: Evidence, span: _Span) -> bool:
    sid, start, end = span
    return e.sentence_id == sid and any(a < end and start < b for a, b in e.spans)


def _objective_score(
    objective: GoldObjective,
    spans: Sequence[_Span],
    returned: Sequence[Claim],
    evidence: Sequence[Evidence],
    *,
    recalls: Sequence[float],
    ranks: Sequence[float],
) -> ObjectiveScore:
    claims = [c for c in returned if any(_matches(e, s) for e in c.evidence for s in spans)]
    return ObjectiveScore(
        id=objective.id,
        statement=objective.statement,
        matched=bool(claims),
        claims=len(claims),
        supports=len(spans),
        found=sum(1 for s in spans if any(_matches(e, s) for e in evidence)),
        recall_at_k=_mean(recalls) if recalls else None,
        reciprocal_rank=_mean(ranks) if ranks else None,
    )


def _check_scores(
    checker: Checker,
    objective: GoldObjective,
    spans: Sequence[_Span],
    nlp: Language,
) -> tuple[list[float], list[float]]:
    relevant = {sid for sid, _, _ in spans}
    recalls, ranks = [], []
    for query in objective.queries:
        hits = checker.check(query, nlp, top=max(K, 20)).hits
        top = [h.sentence_id for h in hits[:K]]
        recalls.append(len(relevant & set(top)) / min(K, len(relevant)))
        first = next((h.rank for h in hits if h.sentence_id in relevant), None)
        ranks.append(1 / first if first else 0.0)
    return recalls, ranks


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)
