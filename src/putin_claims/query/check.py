"""`check`: passages that support or contradict a claim an editor types, with a verdict.

The claim is read by :mod:`putin_claims.query.parse` through the same spaCy components as the
articles. FTS5 and the actor's own assertions give candidate passages; lexical coverage,
actor, kind and polarity rank and label them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacy.language import Language

from putin_claims.corpus.families import Families
from putin_claims.corpus.grouping import KIND_GROUPS
from putin_claims.corpus.similarity import NEGATION, Weights, bag, concept, coverage
from putin_claims.lexicons import cue_lexicon
from putin_claims.models import (
    GOAL_KINDS,
    AssertionKind,
    AssertionRow,
    CheckHit,
    CheckLabel,
    CheckResult,
    ContentSentence,
    Corroboration,
)
from putin_claims.query.parse import Query, parse_query
from putin_claims.store import Store
from putin_claims.tuning import TUNING

#: Candidate passages taken from the full-text index per query.
SEARCH_LIMIT = 300


@dataclass(frozen=True)
class _Fit:
    """How well one passage fits the claim: score, label, and the assertion that fits best."""

    score: float
    label: CheckLabel
    row: AssertionRow | None


@dataclass(frozen=True)
class _Scored:
    sentence: ContentSentence
    fit: _Fit


def check(store: Store, text: str, nlp: Language, top: int = 10) -> CheckResult:
    """Passages that support (or contradict) a typed claim, best first, with a verdict."""
    return Checker(store).check(text, nlp, top)


class Checker:
    """What `check` reads of the corpus, read once: several claims can be checked against it."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.families = Families.load(store)
        self.key_actors = store.key_actors()
        self.assertions = store.assertion_rows()
        self.sentences = {s.sentence_id: s for s in store.content_sentences()}
        self.bags = {sid: bag(s.terms, self.key_actors) for sid, s in self.sentences.items()}
        self.weights = Weights.of(self.bags.values())
        self.total = len(store.doc_ids())

    def check(self, text: str, nlp: Language, top: int = 10) -> CheckResult:
        actors = list(self.families.actors.values())
        query = parse_query(text, nlp, actors, self.families, self.key_actors)
        scored = sorted(
            self._scored(query),
            key=lambda p: (-p.fit.score, p.sentence.doc_id, p.sentence.start),
        )
        hits = [self._hit(rank, p) for rank, p in enumerate(scored[:top], 1)]
        supporting = {p.sentence.doc_id for p in scored if p.fit.label is CheckLabel.SUPPORTS}
        contradicting = {p.sentence.doc_id for p in scored if p.fit.label is CheckLabel.CONTRADICTS}
        pro = self.families.corroboration(supporting)
        con = self.families.corroboration(contradicting)
        return CheckResult(
            query=text,
            actor=query.family,
            content=query.content,
            hits=tuple(hits),
            supporting_sources=pro.n_sources,
            independent_supporting_sources=pro.n_independent_sources,
            opinion_supporting_sources=pro.n_opinion_sources,
            contradicting_sources=con.n_sources,
            independent_contradicting_sources=con.n_independent_sources,
            opinion_contradicting_sources=con.n_opinion_sources,
            total_sources=self.total,
            verdict=_verdict(pro, con, self.total),
        )

    def _candidates(self, query: Query) -> set[int]:
        """Sentences the index finds for the claim's words and synonyms, and every sentence
        where the claim's actor (family) wants or demands something."""
        words = set(query.words)
        for c in {concept(w) for w in query.words}:
            words.update(cue_lexicon().concept_words.get(c, ()))
        found = set(self.store.search(sorted(words), limit=SEARCH_LIMIT))
        if query.family:
            found |= {
                r.sentence_id
                for r in self.assertions
                if r.actor and self.families.head(r.actor) == query.family and r.kind in GOAL_KINDS
            }
        return found & self.sentences.keys()

    def _scored(self, query: Query) -> Iterable[_Scored]:
        candidates = self._candidates(query)
        by_sentence: dict[int, list[AssertionRow]] = defaultdict(list)
        for r in self.assertions:
            if r.sentence_id in candidates:
                by_sentence[r.sentence_id].append(r)
        scorer = _Scorer(query, self.weights, self.key_actors, self.families)
        for sid in sorted(candidates):
            fit = scorer.passage(self.bags.get(sid, frozenset()), by_sentence.get(sid, []))
            yield _Scored(self.sentences[sid], fit)

    def _hit(self, rank: int, p: _Scored) -> CheckHit:
        row, s = p.fit.row, p.sentence
        attributed = None
        if row is not None:
            attributed = (
                self.families.name(row.attributed_actor)
                if row.attributed_actor
                else row.attributed_text
            )
        return CheckHit(
            rank=rank, label=p.fit.label, score=round(p.fit.score, 3), doc_id=s.doc_id,
            sentence_id=s.sentence_id, text=s.text, start=s.start, end=s.end, line=s.line,
            content=row.content if row else None, actor=row.actor if row else None,
            hedge=row.hedge if row else None, attributed_to=attributed,
        )  # fmt: skip


@dataclass(frozen=True)
class _Scorer:
    """Scores passages against one claim."""

    query: Query
    weights: Weights
    key_actors: Mapping[str, str]
    families: Families

    def passage(self, sentence_bag: frozenset[str], rows: Sequence[AssertionRow]) -> _Fit:
        """The best of the passage's assertions, or the sentence as a whole."""
        best = _Fit(0.0, CheckLabel.RELATED, None)
        whole_cover = coverage(self.query.terms, sentence_bag, self.weights)
        for r in rows:
            fit = self._assertion(r, whole_cover)
            if fit.score > best.score:
                best = fit
        whole = TUNING.check_content * TUNING.check_sentence * whole_cover
        whole += TUNING.check_kind * self._names_actor(sentence_bag)
        if whole > best.score:
            best = _Fit(whole, CheckLabel.RELATED, best.row)
        return best

    def _assertion(self, r: AssertionRow, whole_cover: float) -> _Fit:
        q = self.query
        own = coverage(q.terms, bag(r.terms, self.key_actors), self.weights)
        share = TUNING.check_own_share
        content = max(own, share * own + (1 - share) * whole_cover)
        same_actor = bool(q.family and r.actor and self.families.head(r.actor) == q.family)
        score = (
            TUNING.check_content * content
            + TUNING.check_actor * same_actor
            + TUNING.check_kind * _kind_fit(q.kind, r.kind)
        )
        if not (same_actor and content >= TUNING.support_threshold):
            return _Fit(score, CheckLabel.RELATED, r)
        if _opposed(q, r):
            return _Fit(score * TUNING.check_opposed, CheckLabel.CONTRADICTS, r)
        return _Fit(score, CheckLabel.SUPPORTS, r)

    def _names_actor(self, sentence_bag: frozenset[str]) -> bool:
        family = self.query.family
        return bool(
            family
            and any(t.startswith("@") and self.families.head(t[1:]) == family for t in sentence_bag)
        )


def _opposed(query: Query, r: AssertionRow) -> bool:
    """The passage states the opposite: one side negated (the cue or what it governs: "it
    would not impose sanctions" against "it will impose sanctions"), or a refusal against an
    aim."""
    negative_content = NEGATION in r.terms.split()
    if query.positive != (r.negated == negative_content):
        return True
    goal_vs_goal = (query.kind in GOAL_KINDS) == (r.kind in GOAL_KINDS)
    return not goal_vs_goal and AssertionKind.REFUSAL in (query.kind, r.kind)


def _kind_fit(query: AssertionKind | None, found: AssertionKind) -> float:
    if query is None:
        return TUNING.kind_near if found in GOAL_KINDS else 0.0
    if KIND_GROUPS[query] == KIND_GROUPS[found]:
        return 1.0
    if {query, found} <= GOAL_KINDS | {AssertionKind.REFUSAL}:
        return TUNING.kind_near
    return 0.0


def _verdict(supporting: Corroboration, contradicting: Corroboration, total: int) -> str:
    """'supported by 1 of 5 sources (1 independent); contradicted by 3 (1 independent,
    1 opinion)'."""
    if supporting.n_sources == 0 and contradicting.n_sources == 0:
        return f"not supported by any of {total} sources"
    text = f"supported by {supporting.n_sources} of {total} sources ({_apart(supporting)})"
    if contradicting.n_sources:
        text += f"; contradicted by {contradicting.n_sources} ({_apart(contradicting)})"
    return text


def _apart(c: Corroboration) -> str:
    text = f"{c.n_independent_sources} independent"
    return text + (f", {c.n_opinion_sources} opinion" if c.n_opinion_sources else "")
