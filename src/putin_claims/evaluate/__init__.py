"""The quality gate: score `objectives` and `check` against a hand-made gold file.

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
from typing import TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from rapidfuzz import fuzz
from spacy.language import Language

from putin_claims.errors import GoldFileError
from putin_claims.models import Evidence, QuoteKind, Record
from putin_claims.query.check import Checker
from putin_claims.query.claims import objectives
from putin_claims.store import Store

K = 5
_M = TypeVar("_M", bound=BaseModel)


class GoldModel(BaseModel):
    """A record of a hand-written gold file: unknown keys are typos, so they are errors."""

    model_config = ConfigDict(extra="forbid")


class GoldSupport(GoldModel):
    """One sentence that supports a gold objective."""

    doc: str = Field(description="Document id, or its prefix before '_'.")
    text: str = Field(description="Exact words of one sentence that state the objective.")


class GoldObjective(GoldModel):
    """One objective of the gold actor."""

    id: str = Field(description="Identifier within the file (O1, O2, ...).")
    statement: str = Field(description="The objective in the annotator's words.")
    queries: list[str] = Field(default_factory=list, description="Claims typed for `check`.")
    support: list[GoldSupport] = Field(description="Every supporting sentence.")


class GoldFile(GoldModel):
    """A gold annotation file (YAML)."""

    actor: str = Field(description="Whose objectives the file annotates.")
    corpus: str | None = Field(default=None, description="Folder of the annotated articles.")
    objectives: list[GoldObjective] = Field(description="The actor's objectives.")


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


def _load_yaml(path: Path) -> object:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GoldFileError(path, f"cannot read it ({exc.strerror or exc})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "syntax error"
        raise GoldFileError(path, f"not valid YAML ({problem}{where})") from exc


def _validate(path: Path, model: type[_M], data: object) -> _M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise GoldFileError(path, f"{where}: {first['msg']}") from exc


def is_quote_gold(path: Path) -> bool:
    """True for a quote gold file (a `quotes:` list) rather than an objectives one."""
    data = _load_yaml(path)
    return isinstance(data, dict) and "quotes" in data


def load_gold(path: Path) -> GoldFile:
    return _validate(path, GoldFile, _load_yaml(path))


_Span = tuple[int, int, int]  # (sentence_id, start, end) of the gold words


def _locate(store: Store, gold: GoldFile, path: Path) -> dict[str, list[_Span]]:
    """Every gold support as (sentence_id, start, end) in the store."""
    doc_ids = store.doc_ids()
    sentences = store.content_sentences()
    out: dict[str, list[_Span]] = {}
    for objective in gold.objectives:
        spans = []
        for support in objective.support:
            doc_id = _gold_doc(path, doc_ids, support.doc, objective.id)
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


def _gold_doc(path: Path, doc_ids: Sequence[str], ref: str, where: str) -> str:
    """The stored document a gold entry names (its id, or the prefix before '_')."""
    docs = [d for d in doc_ids if d == ref or d.split("_")[0] == ref]
    if len(docs) != 1:
        raise GoldFileError(path, f"{where}: document {ref!r} matches {len(docs)} stored ones")
    return docs[0]


def _matches(e: Evidence, span: _Span) -> bool:
    sid, start, end = span
    return e.sentence_id == sid and any(a < end and start < b for a, b in e.spans)


def evaluate(
    store: Store,
    gold_path: Path,
    nlp: Language,
) -> Scores:
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
        claims = [c for c in returned if any(_matches(e, s) for e in c.evidence for s in spans)]
        found = sum(1 for s in spans if any(_matches(e, s) for e in evidence))
        q_recalls, q_ranks = _check_scores(checker, objective, spans, nlp)
        recalls += q_recalls
        ranks += q_ranks
        per.append(
            ObjectiveScore(
                id=objective.id,
                statement=objective.statement,
                matched=bool(claims),
                claims=len(claims),
                supports=len(spans),
                found=found,
                recall_at_k=_mean(q_recalls) if q_recalls else None,
                reciprocal_rank=_mean(q_ranks) if q_ranks else None,
            )
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


# --------------------------------------------------------------------------- quotes


class GoldQuote(GoldModel):
    """One quotation or reported statement of a quote gold file."""

    doc: str = Field(description="Document id, or its prefix before '_'.")
    text: str = Field(description="The quoted or reported words, exactly as in the document.")
    speaker: str | None = Field(description="Speaker as the document names them; null: nobody.")
    resolved: str | None = Field(default=None, description="Name a description stands for.")
    kind: QuoteKind = Field(description="direct, indirect, mixed or partial.")


class QuoteGoldFile(GoldModel):
    """A quote gold file (YAML)."""

    quotes: list[GoldQuote] = Field(description="Every quote and reported statement.")


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
    gold = _validate(path, QuoteGoldFile, _load_yaml(path))
    doc_ids = store.doc_ids()
    out = []
    for n, q in enumerate(gold.quotes):
        doc_id = _gold_doc(path, doc_ids, q.doc, f"quotes.{n}")
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
    return any(fuzz.partial_ratio(gold.lower(), n.lower()) >= 85 for n in given)


def evaluate_quotes(store: Store, gold_path: Path) -> QuoteScores:
    """Quote recall and precision, speaker and kind accuracy, span overlap against a gold file.

    A gold quote is found by a stored quote of the same document whose span overlaps it; the
    best overlap (character Jaccard with the whole quote or one of its pieces) is kept.
    """
    located = gold_quote_spans(store, gold_path)
    docs = {doc_id for _, doc_id, _, _ in located}
    stored = [s for s in store.quotes() if s.doc_id in docs]
    per = []
    for q, doc_id, start, end in located:
        candidates = [
            (max(jaccard((start, end), piece) for piece in ((s.start, s.end), *s.pieces)), s)
            for s in stored
            if s.doc_id == doc_id and s.start < end and start < s.end
        ]
        if not candidates:
            missed = QuoteScore(
                doc=doc_id, text=q.text, found=False, speaker_ok=False, kind_ok=False,
                overlap=0.0, got_speaker=None, got_kind=None,
            )  # fmt: skip
            per.append(missed)
            continue
        overlap, best = max(candidates, key=lambda c: (c[0], c[1].kind == q.kind))
        expected = q.resolved or q.speaker
        names = [best.speaker_name, best.speaker_text]
        if q.resolved:
            names = [best.speaker_name]
        per.append(
            QuoteScore(
                doc=doc_id, text=q.text, found=True, speaker_ok=speaker_matches(expected, names),
                kind_ok=best.kind == q.kind, overlap=round(overlap, 3),
                got_speaker=best.speaker_name, got_kind=best.kind,
            )
        )  # fmt: skip
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
