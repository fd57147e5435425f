"""One loader for the packaged word lists (``data/*.toml``) and the default alias data.

Each file is read once per process into a validated pydantic model (unknown keys are errors,
so a typo in a word list fails loudly), then indexed for lookup. :func:`fingerprint` hashes
every file together with the tuned weights of :mod:`putin_claims.tuning`; the pipeline key
includes it, so changing a word list or a weight re-processes the documents it affects.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from putin_claims.errors import ActorDataError
from putin_claims.models import ActorData, ActorType, AssertionKind, BoilerplateKind
from putin_claims.tuning import TUNING

DATA_FILES = ("actors.toml", "boilerplate.toml", "claims.toml", "ingest.toml", "lexicon.toml")


class _Words(BaseModel):
    """A section of a word-list file: no unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _read(name: str) -> dict[str, Any]:
    return tomllib.loads(files("putin_claims.data").joinpath(name).read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- lexicon.toml


class ActorWords(_Words):
    """``data/lexicon.toml``: the words the actor layer reads."""

    honorifics: frozenset[str] = Field(description="Courtesy and rank titles before a name.")
    male_honorifics: frozenset[str] = Field(description="Honorifics that make a name male.")
    female_honorifics: frozenset[str] = Field(description="Honorifics that make a name female.")
    roles: tuple[str, ...] = Field(description="Offices ('prime minister', 'spokesman').")
    head_roles: frozenset[str] = Field(description="Offices that lead a country's government.")
    role_modifiers: frozenset[str] = Field(description="'former', 'acting' before an office.")
    past_modifiers: frozenset[str] = Field(
        description="Role modifiers kept in the role key: the office is no longer held."
    )
    locative_prepositions: frozenset[str] = Field(description="'in Moscow' is a place.")
    male_pronouns: frozenset[str] = Field(description="he, him, his, himself.")
    female_pronouns: frozenset[str] = Field(description="she, her, hers, herself.")
    entity_labels: dict[str, str] = Field(
        description="spaCy label -> actor type of a new name with it ('' = not an actor)."
    )
    demonyms: dict[str, str] = Field(description="Nationality adjective -> country name.")

    @model_validator(mode="after")
    def _longest_roles_first(self) -> ActorWords:
        object.__setattr__(self, "roles", tuple(sorted(self.roles, key=len, reverse=True)))
        return self

    def actor_type(self, label: str) -> ActorType | None:
        """The actor type a name with this entity label gets; None: the label names no actor."""
        value = self.entity_labels.get(label, "")
        return ActorType(value) if value else None


@cache
def actor_words() -> ActorWords:
    return ActorWords.model_validate(_read("lexicon.toml"))


# --------------------------------------------------------------------------- ingest.toml


class NameWords(_Words):
    """``data/ingest.toml``: words the ingest stage and name matching read."""

    small_words: frozenset[str] = Field(description="Lowercase words of Title Case headlines.")
    stop_words: frozenset[str] = Field(description="Words too common to count as a topic.")
    not_name_words: frozenset[str] = Field(description="Words that make a line not a name.")
    surname_particles: frozenset[str] = Field(description="'da', 'van': part of a surname.")
    transliteration: tuple[tuple[str, str], ...] = Field(
        description="Spelling variants folded before names are compared, in order."
    )

    @model_validator(mode="after")
    def _stop_words_include_small_words(self) -> NameWords:
        object.__setattr__(self, "stop_words", self.stop_words | self.small_words)
        return self


@cache
def name_words() -> NameWords:
    return NameWords.model_validate(_read("ingest.toml"))


# --------------------------------------------------------------------------- boilerplate.toml


@dataclass(frozen=True)
class CueSet:
    """Compiled cues of one kind of page furniture."""

    kind: BoilerplateKind
    strong: tuple[re.Pattern[str], ...]
    weak: tuple[re.Pattern[str], ...]


class _CueSpec(_Words):
    strong: list[str] = Field(default_factory=list, description="Phrases only furniture uses.")
    weak: list[str] = Field(default_factory=list, description="Words prose uses too.")


class BoilerplateWords(_Words):
    """``data/boilerplate.toml``: cue patterns per kind of page furniture."""

    strong_max_words: int = Field(description="Strong cues apply to lines up to this long.")
    cues: dict[BoilerplateKind, _CueSpec] = Field(description="Cue patterns per kind.")

    @model_validator(mode="before")
    @classmethod
    def _gather_tables(cls, data: Any) -> Any:
        if isinstance(data, dict) and "cues" not in data:
            tables = {k: v for k, v in data.items() if isinstance(v, dict)}
            rest = {k: v for k, v in data.items() if not isinstance(v, dict)}
            return {**rest, "cues": tables}
        return data

    def cue_sets(self) -> tuple[CueSet, ...]:
        return tuple(
            CueSet(
                kind,
                tuple(re.compile(p, re.IGNORECASE) for p in spec.strong),
                tuple(re.compile(p, re.IGNORECASE) for p in spec.weak),
            )
            for kind, spec in self.cues.items()
        )


@cache
def boilerplate_words() -> BoilerplateWords:
    return BoilerplateWords.model_validate(_read("boilerplate.toml"))


@cache
def boilerplate_cues() -> tuple[int, tuple[CueSet, ...]]:
    """(strong_max_words, compiled cue sets), compiled once."""
    words = boilerplate_words()
    return words.strong_max_words, words.cue_sets()


# --------------------------------------------------------------------------- claims.toml


class _Markers(_Words):
    items: tuple[str, ...] = Field(
        alias="list", description="Words that introduce list items ('including')."
    )
    conditional: frozenset[str] = Field(description="Subordinators of a condition ('if').")
    instrument_verbs: frozenset[str] = Field(description="'use the talks to X': X is the point.")


class _Hedges(_Words):
    modals: frozenset[str] = Field(description="may, might, could.")
    adverbs: frozenset[str] = Field(description="reportedly, apparently, ...")
    verbs: frozenset[str] = Field(description="appear, seem.")
    adjectives: frozenset[str] = Field(description="likely, possible, ...")
    passive_reports: frozenset[str] = Field(description="'is said to', 'is believed to'.")


class _Negation(_Words):
    words: frozenset[str] = Field(description="Words that negate a proposition.")


class _Terms(_Words):
    light: frozenset[str] = Field(description="Lemmas with no content for matching.")
    vague: frozenset[str] = Field(description="Modifiers that say nothing about a goal.")
    event_nouns: frozenset[str] = Field(description="Nouns that can head a list item.")


class GrammarWords(_Words):
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


class ClaimsWords(_Words):
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
    data = ClaimsWords.model_validate(_read("claims.toml"))
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


# --------------------------------------------------------------------------- actors.toml


def load_actor_data(user_file: Path | None = None) -> ActorData:
    """The packaged alias data, extended (and overridden by id) by ``user_file``."""
    default = _parse_actor_toml(
        files("putin_claims.data").joinpath("actors.toml").read_text(encoding="utf-8"),
        "actors.toml",
    )
    if user_file is None:
        return default
    try:
        text = user_file.read_text(encoding="utf-8")
    except OSError as exc:
        raise ActorDataError(user_file, exc.strerror or "cannot be read") from exc
    user = _parse_actor_toml(text, user_file)
    merged = {spec.id: spec for spec in default.actor}
    merged.update({spec.id: spec for spec in user.actor})
    return ActorData(actor=list(merged.values()))


def _parse_actor_toml(text: str, origin: Path | str) -> ActorData:
    try:
        return ActorData.model_validate(tomllib.loads(text))
    except tomllib.TOMLDecodeError as exc:
        raise ActorDataError(origin, f"not valid TOML ({exc})") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ActorDataError(origin, f"{where}: {first['msg']}") from exc


def actor_fingerprint(data: ActorData) -> str:
    """Hash of the alias data in use (packaged plus the user's file)."""
    return hashlib.sha256(data.model_dump_json().encode()).hexdigest()[:16]


# --------------------------------------------------------------------------- fingerprint


@cache
def fingerprint() -> str:
    """Hash of every packaged word list and every tuned weight (part of the pipeline key)."""
    digest = hashlib.sha256()
    for name in DATA_FILES:
        digest.update(name.encode())
        digest.update(files("putin_claims.data").joinpath(name).read_bytes())
    digest.update(TUNING.model_dump_json().encode())
    return digest.hexdigest()[:12]
