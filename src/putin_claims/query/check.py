"""`check`: passages that support or contradict a claim an editor types, with a verdict.

The query is parsed by the same registered spaCy components as the articles (``nlp(text)``):
its actor is the first run of words naming a stored actor, its kind and content come from the
assertion it states. FTS5 and the actor's own assertions give candidate passages; lexical
coverage, actor, kind and polarity rank and label them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.tokens import Doc, Span

from putin_claims.corpus.families import Families
from putin_claims.corpus.grouping import KIND_GROUPS
from putin_claims.corpus.similarity import NEGATION, Weights, bag, concept, coverage
from putin_claims.lexicons import cue_lexicon
from putin_claims.models import (
    GOAL_KINDS,
    Actor,
    AssertionKind,
    AssertionRow,
    CheckHit,
    CheckLabel,
    CheckResult,
)
from putin_claims.nlp.components import assertions_of, terms_of
from putin_claims.store import Store
from putin_claims.tuning import TUNING


@dataclass
class _Query:
    text: str
    actor: Actor | None
    family: str | None
    kind: AssertionKind | None
    negated: bool
    content: str
    terms: frozenset[str]
    words: list[str]


def parse_query(text: str, nlp: Language, actors: Sequence[Actor], families: Families) -> _Query:
    """Recognise actor, kind and content of a claim typed by an editor.

    The actor is the first run of words naming a stored actor (the grammatical subject
    first); the kind comes from the assertion the query states, or from its first cue word;
    the content is every other content word of the query.
    """
    doc = nlp(text)
    actor, actor_spans = _query_actor(doc, actors)
    family = families.head(actor.actor_id) if actor else None
    found = assertions_of(doc)
    lex = cue_lexicon()
    chosen = next((a for a in found if a.kind in GOAL_KINDS | {AssertionKind.REFUSAL}), None)
    chosen = chosen or (found[0] if found else None)
    kind: AssertionKind | None = chosen.kind if chosen else None
    negated = chosen.negated if chosen else False
    cue_at = chosen.cue_start if chosen else None
    terms = terms_of(doc)
    if chosen is None:
        for start, end, lemma in terms:
            if _inside(start, end, actor_spans):
                continue
            hit = lex.verbs.get(lemma) or lex.nouns.get(lemma)
            if hit is not None:
                kind, cue_at = hit, start
                break
    others = _other_actors(doc, actors, actor_spans)
    words = [
        lemma
        for start, end, lemma in terms
        if not _inside(start, end, actor_spans)
        and start != cue_at
        and not _inside(start, end, [span for span, _ in others])
    ]
    words += [f"@{a.actor_id}" for _, a in others]
    negated = negated or NEGATION in words
    content = chosen.content if chosen else text
    concepts = frozenset(concept(w) for w in words)
    return _Query(text, actor, family, kind, negated, content, concepts, words)


def _query_actor(doc: Doc, actors: Sequence[Actor]) -> tuple[Actor | None, list[tuple[int, int]]]:
    """The run of words that names a stored actor: subject first, then left to right."""
    labels = _labels(actors)
    spans: list[Span] = [
        doc[t.left_edge.i : t.i + 1] for t in doc if t.dep_ in ("nsubj", "nsubjpass")
    ]
    for size in (4, 3, 2, 1):
        spans += [doc[i : i + size] for i in range(len(doc) - size + 1)]
    for fuzzy in (False, True):
        for span in spans:
            words = span.text.lower().removeprefix("the ")
            hit = labels.get(words) or labels.get(span.text.lower())
            if hit is None and fuzzy and all(t.pos_ == "PROPN" for t in span):
                best = process.extractOne(
                    words, list(labels), scorer=fuzz.ratio, score_cutoff=TUNING.query_actor_fuzzy
                )
                hit = labels[best[0]] if best else None
            if hit is not None:
                return hit, [(span.start_char, span.end_char)]
    return None, []


def _other_actors(
    doc: Doc, actors: Sequence[Actor], taken: Sequence[tuple[int, int]]
) -> list[tuple[tuple[int, int], Actor]]:
    """Other actors the query names ("the United States"), longest names first."""
    labels = _labels(actors)
    found: list[tuple[tuple[int, int], Actor]] = []
    used = list(taken)
    for size in (4, 3, 2, 1):
        for i in range(len(doc) - size + 1):
            span = doc[i : i + size]
            where = (span.start_char, span.end_char)
            if any(a < where[1] and where[0] < b for a, b in used):
                continue
            hit = labels.get(span.text.lower().removeprefix("the ")) or labels.get(
                span.text.lower()
            )
            if hit is not None:
                found.append((where, hit))
                used.append(where)
    return found


def _labels(actors: Sequence[Actor]) -> dict[str, Actor]:
    """Lower-cased names and capitalised aliases -> actor (the first actor wins)."""
    labels: dict[str, Actor] = {}
    for actor in actors:
        for label in (actor.name, *actor.aliases):
            if label and label[0].isupper():
                labels.setdefault(label.lower(), actor)
    return labels


def _inside(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in spans)


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
        families = self.families
        query = parse_query(text, nlp, list(families.actors.values()), families)
        lex = cue_lexicon()
        words = set(query.words)
        for c in {concept(w) for w in query.words}:
            words.update(lex.concept_words.get(c, ()))
        candidate_ids = set(self.store.search(sorted(words), limit=300))
        if query.family:
            candidate_ids |= {
                r.sentence_id
                for r in self.assertions
                if r.actor and families.head(r.actor) == query.family and r.kind in GOAL_KINDS
            }
        by_sentence: dict[int, list[AssertionRow]] = defaultdict(list)
        for r in self.assertions:
            if r.sentence_id in candidate_ids:
                by_sentence[r.sentence_id].append(r)
        scored = []
        for sid in sorted(candidate_ids & self.sentences.keys()):
            s = self.sentences[sid]
            hit = _score(
                query, self.bags.get(sid, frozenset()), by_sentence.get(sid, []), self.weights,
                self.key_actors, families,
            )  # fmt: skip
            scored.append((hit[0], sid, s.doc_id, s.text, s.start, s.end, s.line, hit))
        scored.sort(key=lambda item: (-item[0], item[2], item[4]))
        hits = [_hit(rank, item, families) for rank, item in enumerate(scored[:top], 1)]
        supporting = {item[2] for item in scored if item[7][1] is CheckLabel.SUPPORTS}
        contradicting = {item[2] for item in scored if item[7][1] is CheckLabel.CONTRADICTS}
        independent = families.independent(supporting)
        return CheckResult(
            query=text,
            actor=query.family,
            content=query.content,
            hits=tuple(hits),
            supporting_sources=len(supporting),
            independent_supporting_sources=independent,
            contradicting_sources=len(contradicting),
            total_sources=self.total,
            verdict=_verdict(len(supporting), independent, len(contradicting), self.total),
        )


_Scored = tuple[float, int, str, str, int, int, int, tuple[float, CheckLabel, AssertionRow | None]]


def _hit(rank: int, item: _Scored, families: Families) -> CheckHit:
    score, sid, doc_id, text, start, end, line, (_, label, row) = item
    attributed = None
    if row is not None:
        attributed = (
            families.name(row.attributed_actor) if row.attributed_actor else row.attributed_text
        )
    return CheckHit(
        rank=rank, label=label, score=round(score, 3), doc_id=doc_id, sentence_id=sid,
        text=text, start=start, end=end, line=line,
        content=row.content if row else None, actor=row.actor if row else None,
        hedge=row.hedge if row else None, attributed_to=attributed,
    )  # fmt: skip


def _score(  # noqa: PLR0917 - one passage, every input it is scored against
    query: _Query,
    sentence_bag: frozenset[str],
    rows: Sequence[AssertionRow],
    weights: Weights,
    key_actors: Mapping[str, str],
    families: Families,
) -> tuple[float, CheckLabel, AssertionRow | None]:
    """Score one passage: best of its assertions, or the sentence as a whole."""
    best: tuple[float, CheckLabel, AssertionRow | None] = (0.0, CheckLabel.RELATED, None)
    for r in rows:
        own = coverage(query.terms, bag(r.terms, key_actors), weights)
        share = TUNING.check_own_share
        whole_cover = coverage(query.terms, sentence_bag, weights)
        content = max(own, share * own + (1 - share) * whole_cover)
        same_actor = bool(query.family and r.actor and families.head(r.actor) == query.family)
        kind_fit = _kind_fit(query.kind, r.kind)
        score = (
            TUNING.check_content * content
            + TUNING.check_actor * same_actor
            + TUNING.check_kind * kind_fit
        )
        label = CheckLabel.RELATED
        if same_actor and content >= TUNING.support_threshold:
            opposed = (query.negated != r.negated) or (
                (query.kind in GOAL_KINDS) != (r.kind in GOAL_KINDS)
                and AssertionKind.REFUSAL in (query.kind, r.kind)
            )
            label = CheckLabel.CONTRADICTS if opposed else CheckLabel.SUPPORTS
            if opposed:
                score *= TUNING.check_opposed
        if score > best[0]:
            best = (score, label, r)
    names_actor = bool(
        query.family
        and any(t.startswith("@") and families.head(t[1:]) == query.family for t in sentence_bag)
    )
    whole = (
        TUNING.check_content * TUNING.check_sentence * coverage(query.terms, sentence_bag, weights)
        + TUNING.check_kind * names_actor
    )
    if whole > best[0]:
        best = (whole, CheckLabel.RELATED, best[2])
    return best


def _kind_fit(query: AssertionKind | None, found: AssertionKind) -> float:
    if query is None:
        return TUNING.kind_near if found in GOAL_KINDS else 0.0
    if KIND_GROUPS[query] == KIND_GROUPS[found]:
        return 1.0
    if {query, found} <= GOAL_KINDS | {AssertionKind.REFUSAL}:
        return TUNING.kind_near
    return 0.0


def _verdict(supporting: int, independent: int, contradicting: int, total: int) -> str:
    if supporting == 0 and contradicting == 0:
        return f"not supported by any of {total} sources"
    text = f"supported by {supporting} of {total} sources ({independent} independent)"
    if contradicting:
        text += f"; contradicted by {contradicting}"
    return text
