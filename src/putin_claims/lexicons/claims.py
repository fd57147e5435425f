"""``data/claims.toml``: cue words per kind, markers, hedges, concepts, function words."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pydantic import Field

from putin_claims.lexicons.actors import actor_words
from putin_claims.lexicons.base import Words, read
from putin_claims.models import AssertionKind


class _Markers(Words):
    items: tuple[str, ...] = Field(
        alias="list", description="Words that introduce list items ('including')."
    )
    conditional: frozenset[str] = Field(description="Subordinators of a condition ('if').")
    instrument_verbs: frozenset[str] = Field(description="'use the talks to X': X is the point.")


class _Hedges(Words):
    modals: frozenset[str] = Field(description="may, might, could.")
    adverbs: frozenset[str] = Field(description="reportedly, apparently, ...")
    verbs: frozenset[str] = Field(description="appear, seem.")
    adjectives: frozenset[str] = Field(description="likely, possible, ...")
    passive_reports: frozenset[str] = Field(description="'is said to', 'is believed to'.")


class _Negation(Words):
    words: frozenset[str] = Field(description="Words that negate a proposition.")


class _Terms(Words):
    light: frozenset[str] = Field(description="Lemmas with no content for matching.")
    vague: frozenset[str] = Field(description="Modifiers that say nothing about a goal.")
    event_nouns: frozenset[str] = Field(description="Nouns that can head a list item.")


class GrammarWords(Words):
    """``[words]`` of ``data/claims.toml``: function words the rules read (see the file)."""

    viewpoints: frozenset[str]
    causatives: frozenset[str]
    stance_verbs: frozenset[str]
    stance_nouns: frozenset[str]
    would_verbs: frozenset[str]
    would_modals: frozenset[str]
    priority_verbs: frozenset[str]
    prepositional_participles: frozenset[str]
    event_suffixes: tuple[str, ...]
    verb_content_preps: frozenset[str]
    noun_content_preps: frozenset[str]
    topic_preps: frozenset[str]
    span_junk: frozenset[str]
    conjunctions: frozenset[str]
    anaphors: frozenset[str]
    item_fillers: frozenset[str]
    list_breaks: frozenset[str]
    obligation_modals: frozenset[str]
    obligation_verbs: frozenset[str]
    relative_pronouns: frozenset[str]
    neuter_pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    cue_negators: frozenset[str]
    negating_determiners: frozenset[str]
    naming_verbs: frozenset[str]
    speaker_pronouns: frozenset[str]
    spoken_demands: frozenset[str]
    not_speakers: frozenset[str]
    generic_goals: frozenset[str]
    topic_nouns: frozenset[str]
    bare_modifiers: frozenset[str]
    spokesperson_nouns: frozenset[str]
    first_person: frozenset[str]
    body_nouns: frozenset[str]
    group_words: frozenset[str] = Field(
        default=frozenset(), description="Words that make a description a group: 'the pair'."
    )
    person_nouns: frozenset[str] = Field(
        default=frozenset(), description="Heads of a description naming one person: 'the singer'."
    )
    title_nouns: frozenset[str] = Field(
        default=frozenset(), description="Words before a quoted title: 'the film \"Up\"'."
    )
    term_markers: frozenset[str] = Field(
        default=frozenset(), description="Words before a quoted term: 'so-called \"reset\"'."
    )
    statement_phrases: tuple[str, ...]
    attribution_phrases: tuple[str, ...]
    conditional_modals: frozenset[str]
    infinitive_markers: frozenset[str]
    complementizers: frozenset[str]
    priority_pronouns: frozenset[str]
    free_relatives: frozenset[str]
    possessive_preps: frozenset[str]
    beneficiary_preps: frozenset[str]
    viewpoint_preps: frozenset[str]
    linking_verbs: frozenset[str]
    copulas: frozenset[str]
    bound_nouns: tuple[str, ...]
    list_conjunctions: frozenset[str]
    not_offer_conditions: frozenset[str]
    punctuated_conditions: frozenset[str]


class ClaimsWords(Words):
    """``data/claims.toml`` as written: cue words per kind, markers, hedges, concepts."""

    verbs: dict[str, list[str]] = Field(description="Cue verbs per kind (+ negatable_offers).")
    nouns: dict[str, list[str]] = Field(description="Cue nouns per kind (+ needs_complement).")
    adjectives: dict[AssertionKind, list[str]] = Field(description="'intent on', 'ready to'.")
    markers: _Markers = Field(description="List and condition markers.")
    hedges: _Hedges = Field(description="Hedge words.")
    negation: _Negation = Field(description="Negation words.")
    terms: _Terms = Field(description="Matching stop lists.")
    concepts: dict[str, list[str]] = Field(description="Synonym sets; the first word names it.")
    words: GrammarWords = Field(description="Function words the rules read.")


@dataclass(frozen=True)
class CueLexicon:
    """The cue words of ``data/claims.toml``, indexed for lookup."""

    verbs: dict[str, AssertionKind]
    phrasal_verbs: dict[tuple[str, str], AssertionKind]
    nouns: dict[str, AssertionKind]
    phrasal_nouns: dict[tuple[str, str], AssertionKind]
    needs_complement: frozenset[str]
    adjectives: dict[tuple[str, str], AssertionKind]
    negatable_offers: frozenset[str]
    list_markers: tuple[tuple[str, ...], ...]
    conditional: frozenset[str]
    instrument_verbs: frozenset[str]
    hedge_modals: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_verbs: frozenset[str]
    hedge_adjectives: frozenset[str]
    passive_reports: frozenset[str]
    negation: frozenset[str]
    light: frozenset[str]
    vague: frozenset[str]
    event_nouns: frozenset[str]
    roles: frozenset[str]
    concepts: dict[str, str]
    concept_words: dict[str, tuple[str, ...]]
    words: GrammarWords

    def speech(self, lemma: str) -> bool:
        return self.verbs.get(lemma) in (AssertionKind.STATEMENT, AssertionKind.ASSESSMENT)


def _cue_words(
    table: dict[str, list[str]], skip: str, *, phrasal_tail: bool
) -> tuple[dict[str, AssertionKind], dict[tuple[str, str], AssertionKind]]:
    """One-word and two-word cues; an entry keeps the first kind it is listed under."""
    single: dict[str, AssertionKind] = {}
    phrasal: dict[tuple[str, str], AssertionKind] = {}
    for kind_name, words in table.items():
        if kind_name == skip:
            continue
        kind = AssertionKind(kind_name)
        for entry in words:
            parts = entry.split()
            if len(parts) == 1:
                single.setdefault(parts[0], kind)
            else:
                pair = (parts[-2], parts[-1]) if phrasal_tail else (parts[0], parts[1])
                phrasal.setdefault(pair, kind)
    return single, phrasal


def _concepts(table: dict[str, list[str]]) -> dict[str, str]:
    concepts: dict[str, str] = {}
    for name, words in table.items():
        for entry in words:
            head = entry.split()[0]
            if head in concepts and concepts[head] != name:
                raise ValueError(
                    f"claims.toml: {head!r} is in concepts {concepts[head]} and {name}"
                )
            concepts[head] = name
    return concepts


@cache
def cue_lexicon() -> CueLexicon:
    """``data/claims.toml``, validated and indexed, once per process."""
    data = ClaimsWords.model_validate(read("claims.toml"))
    verbs, phrasal = _cue_words(data.verbs, "negatable_offers", phrasal_tail=False)
    nouns, phrasal_nouns = _cue_words(data.nouns, "needs_complement", phrasal_tail=True)
    adjectives = {
        (entry.split()[0], entry.split()[1]): kind
        for kind, words in data.adjectives.items()
        for entry in words
    }
    return CueLexicon(
        verbs=verbs,
        phrasal_verbs=phrasal,
        nouns=nouns,
        phrasal_nouns=phrasal_nouns,
        needs_complement=frozenset(data.nouns["needs_complement"]),
        adjectives=adjectives,
        negatable_offers=frozenset(data.verbs["negatable_offers"]),
        list_markers=tuple(tuple(m.split()) for m in data.markers.items),
        conditional=data.markers.conditional,
        instrument_verbs=data.markers.instrument_verbs,
        hedge_modals=data.hedges.modals,
        hedge_adverbs=data.hedges.adverbs,
        hedge_verbs=data.hedges.verbs,
        hedge_adjectives=data.hedges.adjectives,
        passive_reports=data.hedges.passive_reports,
        negation=data.negation.words,
        light=data.terms.light,
        vague=data.terms.vague,
        event_nouns=data.terms.event_nouns,
        roles=frozenset(r for r in actor_words().roles if " " not in r),
        concepts=_concepts(data.concepts),
        concept_words={name: tuple(words) for name, words in data.concepts.items()},
        words=data.words,
    )
