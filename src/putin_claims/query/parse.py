"""What an editor's typed claim says: its actor, kind, polarity and content words.

The query goes through the same registered spaCy components as the articles (``nlp(text)``):
its kind and polarity come from the assertion it states, or from its first cue word; its
actor is the first run of words naming a stored actor (the grammatical subject first); the
content is every other content word.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.tokens import Doc, Span

from putin_claims.corpus.families import Families
from putin_claims.corpus.similarity import NEGATION, concept
from putin_claims.lexicons import cue_lexicon
from putin_claims.models import GOAL_KINDS, Actor, AssertionKind, MentionKind
from putin_claims.nlp.components import assertions_of, mentions_of, terms_of
from putin_claims.tuning import TUNING


@dataclass(frozen=True)
class Query:
    """A typed claim as the engine reads it."""

    text: str
    actor: Actor | None
    family: str | None
    kind: AssertionKind | None
    negated: bool
    #: What the claim says holds, all negations counted: "X will not sell" is False, "X
    #: insists that Y never joins" is False, "X wants Y to join" is True.
    positive: bool
    content: str
    terms: frozenset[str]
    words: list[str]


def parse_query(
    text: str,
    nlp: Language,
    actors: Sequence[Actor],
    families: Families,
    key_actors: Mapping[str, str] | None = None,
) -> Query:
    """Recognise actor, kind and content of a claim typed by an editor.

    The actor is the first run of words naming a stored actor (the grammatical subject
    first); the kind comes from the assertion the query states, or from its first cue word;
    the content is every other content word of the query.
    """
    doc = nlp(text)
    actor, actor_spans = _mentioned_actor(doc, actors, key_actors or {})
    if actor is None:
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
    # the assertion the claim states carries its polarity ("does not want X" is a refusal of X)
    negated = negated if chosen else NEGATION in words
    negative_content = chosen is not None and any(t[2] == NEGATION for t in chosen.terms)
    positive = negated == negative_content
    content = chosen.content if chosen else text
    concepts = frozenset(concept(w) for w in words)
    return Query(text, actor, family, kind, negated, positive, content, concepts, words)


def _mentioned_actor(
    doc: Doc, actors: Sequence[Actor], key_actors: Mapping[str, str]
) -> tuple[Actor | None, list[tuple[int, int]]]:
    """The actor the query's mentions name, read as the articles' are (same finder, same keys
    resolved through the corpus): the grammatical subject's mention first."""
    by_id = {a.actor_id: a for a in actors}
    subjects = {t.idx for t in doc if t.dep_ in ("nsubj", "nsubjpass")}
    found = []
    for m in mentions_of(doc)[0]:
        actor_id = m.key[1:] if m.key.startswith("@") else key_actors.get(m.key)
        if m.kind is not MentionKind.PRONOUN and actor_id in by_id:
            subject = any(m.start <= i < m.end for i in subjects)
            found.append((not subject, m.start, by_id[actor_id], (m.start, m.end)))
    if not found:
        return None, []
    _, _, actor, span = min(found, key=lambda f: (f[0], f[1]))
    return actor, [span]


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
