"""The rules' patterns over the parse, declared once (compiled in :mod:`.matching`).

* A ``DependencyMatcher`` pattern is a small tree whose first node, ``anchor``, is the cue the
  rule asks about: ``hits.trees(VERB_XCOMP, verb)`` lists the ``(verb, clause)`` pairs.
* A ``Matcher`` pattern is a run of words: list markers, condition markers, two-word cue nouns.

The tree patterns come in :class:`Family` groups; each pattern's first node is lexical (a cue
word, or a label), which is what :mod:`.anchored` looks it up by.

Patterns are written per family, with the family's words in one node ("a phrasal verb's
lemma, with one of the particles"); where a family's words come in pairs ("push for", "intent
on"), the rule looks the matched pair up in the lexicon. A pattern per pair would cost one
predicate per pair and token. The words come from ``data/claims.toml``; the rules compare
``lemma_.lower()``, and spaCy has no lowercased-lemma attribute, so :func:`_lemma` matches the
lemma in any case.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from putin_claims.lexicons import CueLexicon, GrammarWords
from putin_claims.nlp.assertions.labels import (
    ACOMP,
    ADJ,
    ATTR,
    AUX,
    CCOMP,
    CSUBJ,
    DOBJ,
    MARK,
    NOMINAL_POS,
    NOUN_CLAUSES,
    NSUBJ,
    POBJ,
    PREP,
    PREP_OBJECTS,
    PRT,
    SUBJECTS,
    THAT_CLAUSES,
    VERB,
    XCOMP,
)

Attrs = dict[str, Any]
Pattern = list[dict[str, Any]]

# --------------------------------------------------------------------------- rule names

STATEMENT_PHRASE = "statement_phrase"  # "made clear that X": verb + a dependent word
WOULD_VERB = "would_verb"  # "would like X"
PHRASAL_PARTICLE = "phrasal_particle"  # "push for X", "rule out X", "to press"
PHRASAL_INFINITIVE = "phrasal_infinitive"  # "moved to block X": verb + xcomp with "to"
VERB_XCOMP = "verb_xcomp"  # "wants to X"
VERB_CCOMP = "verb_ccomp"  # "insists that X"
VERB_DOBJ = "verb_dobj"  # "seeks X"
VERB_PREP = "verb_prep"  # "insists on X", "calls for X"
COPULA_VALUE = "copula_value"  # "what he wants is X": the copula's complement
STANCE = "stance"  # "expressed skepticism that X"
OBLIGATION_MODAL = "obligation_modal"  # "X must stop"
OBLIGATION_VERB = "obligation_verb"  # "X has to stop"
ATTRIBUTION_PHRASE = "attribution_phrase"  # "according to X"
PRIORITY = "priority"  # "what matters (most) is X"
ADJ_PREP = "adj_prep"  # "intent on X"
ADJ_CLAUSE = "adj_clause"  # "ready to X"
NOUN_TO_CLAUSE = "noun_to_clause"  # "the goal to X"
NOUN_THAT_CLAUSE = "noun_that_clause"  # "the demand that X"
NOUN_PREP = "noun_prep"  # "the demand for X"
NOUN_OF = "noun_of"  # "the goals of Turkey"
NOUN_SUBJECT_VALUE = "noun_subject_value"  # "the goal is X"
NOUN_ATTR_SUBJECT = "noun_attr_subject"  # "X is the goal"
LIST_MARKER = "list_marker"  # "including", "such as"
OFFER_CONDITION = "offer_condition"  # "provided", "as long as"
PHRASAL_NOUN = "phrasal_noun"  # "red line"


def _lemma(words: Iterable[str]) -> Attrs:
    """Token attributes: the lemma is one of ``words`` in lower, title or upper case (what
    ``lemma_.lower()`` compares, as a set lookup: a case-blind regex costs far more)."""
    forms = {form for w in words for form in (w, w.capitalize(), w.upper())}
    return {"LEMMA": {"IN": sorted(forms)}}


def _in(values: Iterable[str]) -> Any:
    """One of ``values`` (a plain value for one: compared without a Python predicate)."""
    ordered = sorted(values)
    return ordered[0] if len(ordered) == 1 else {"IN": ordered}


def _tree(anchor: Attrs, *edges: tuple[str, str, str, Attrs]) -> Pattern:
    """A DependencyMatcher pattern: the anchor node, then ``(left, op, name, attrs)`` edges."""
    pattern: Pattern = [{"RIGHT_ID": "anchor", "RIGHT_ATTRS": anchor}]
    for left, op, name, attrs in edges:
        pattern.append({"LEFT_ID": left, "REL_OP": op, "RIGHT_ID": name, "RIGHT_ATTRS": attrs})
    return pattern


def cue_verbs(lex: CueLexicon) -> frozenset[str]:
    """Every lemma a verb can cue with (the anchor of the complement patterns)."""
    w = lex.words
    phrases = {phrase.split()[0] for phrase in w.statement_phrases}
    return frozenset(lex.verbs) | {v for v, _ in lex.phrasal_verbs} | w.would_verbs | phrases


def cue_nouns(lex: CueLexicon) -> frozenset[str]:
    """Every lemma a noun can cue with (the anchor of the noun patterns)."""
    return frozenset(lex.nouns) | {noun for _, noun in lex.phrasal_nouns}


# --------------------------------------------------------------------------- verbs


def _cue_verb_patterns(lex: CueLexicon) -> dict[str, list[Pattern]]:
    """Verbs that cue with a dependent word: "make clear", "would like", "push for"."""
    w = lex.words
    to = _in(w.infinitive_markers)
    phrasal = {"POS": VERB, **_lemma(v for v, _ in lex.phrasal_verbs)}
    infinitival = [v for v, p in lex.phrasal_verbs if p in w.infinitive_markers]
    particles = {"DEP": _in([PREP, PRT]), "LOWER": _in(p for _, p in lex.phrasal_verbs)}
    return {
        STATEMENT_PHRASE: [
            _tree(_lemma([verb]), ("anchor", ">", "word", {"LOWER": word}))
            for verb, word in (phrase.split() for phrase in w.statement_phrases)
        ],
        WOULD_VERB: [
            _tree(_lemma(w.would_verbs), ("anchor", ">", "modal", {"LOWER": _in(w.would_modals)}))
        ],
        PHRASAL_PARTICLE: [
            _tree(phrasal, ("anchor", ">", "particle", particles)),
            # "to press": the verb's own infinitive marker
            _tree(phrasal, ("anchor", ">", "particle", {"DEP": AUX, "LOWER": to})),
        ],
        PHRASAL_INFINITIVE: [
            _tree(
                {"POS": VERB, **_lemma(infinitival)},
                ("anchor", ">", "clause", {"DEP": XCOMP}),
                ("clause", ">", "to", {"DEP": AUX, "LOWER": to}),
            )
        ],
    }


def _complement_patterns(lex: CueLexicon) -> dict[str, list[Pattern]]:
    """What a cue verb is about: a clause after it, its object, a content preposition's object."""
    verb = {"POS": VERB, **_lemma(cue_verbs(lex))}
    value = {"DEP": _in([ATTR, ACOMP])}
    return {
        VERB_XCOMP: [_tree(verb, ("anchor", ">++", "clause", {"DEP": XCOMP}))],
        VERB_CCOMP: [_tree(verb, ("anchor", ">++", "clause", {"DEP": CCOMP}))],
        VERB_DOBJ: [_tree(verb, ("anchor", ">", "object", {"DEP": DOBJ}))],
        VERB_PREP: [
            _tree(
                verb,
                ("anchor", ">", "prep", {"DEP": PREP, "LOWER": _in(lex.words.verb_content_preps)}),
                ("prep", ">", "object", {"DEP": _in(PREP_OBJECTS)}),
            )
        ],
        # "what he wants is X": the copula's complement, a sibling of the clause subject
        COPULA_VALUE: [
            _tree({**verb, "DEP": CSUBJ}, ("anchor", "$++", "value", value)),
            _tree({**verb, "DEP": CSUBJ}, ("anchor", "$--", "value", value)),
        ],
    }


def _speech_patterns(w: GrammarWords) -> dict[str, list[Pattern]]:
    """Stance, obligation (on a reported clause), attribution and priority constructions."""
    clause = {"DEP": _in(THAT_CLAUSES)}
    return {
        STANCE: [
            _tree(
                _lemma(w.stance_verbs),
                ("anchor", ">", "noun", {"DEP": DOBJ, **_lemma(w.stance_nouns)}),
                ("noun", ">", "clause", clause),
                ("clause", ">", "that", {"LOWER": _in(w.complementizers)}),
            )
        ],
        OBLIGATION_MODAL: [
            _tree(clause, ("anchor", ">", "modal", {"DEP": AUX, "LOWER": _in(w.obligation_modals)}))
        ],
        OBLIGATION_VERB: [
            _tree(
                {**clause, "LEMMA": _in(w.obligation_verbs)},
                ("anchor", ">", "clause", {"DEP": XCOMP}),
                ("clause", ">", "to", {"DEP": AUX, "LOWER": _in(w.infinitive_markers)}),
            )
        ],
        ATTRIBUTION_PHRASE: [
            _tree(
                {"LOWER": head},
                ("anchor", ">", "prep", {"LOWER": prep}),
                ("prep", ">", "source", {"DEP": POBJ}),
            )
            for head, prep in (phrase.split() for phrase in w.attribution_phrases)
        ],
        PRIORITY: [
            _tree(
                {"DEP": CSUBJ, **_lemma(w.priority_verbs)},
                ("anchor", ">", "what", {"LOWER": _in(w.priority_pronouns)}),
            )
        ],
    }


# --------------------------------------------------------------------------- nouns, adjectives


def _noun_patterns(lex: CueLexicon) -> dict[str, list[Pattern]]:
    """What a cue noun is about, and whose it is ("the demand of Turkey for X")."""
    w = lex.words
    noun = {"POS": _in(NOMINAL_POS), **_lemma(cue_nouns(lex))}
    to = _in(w.infinitive_markers)
    return {
        NOUN_TO_CLAUSE: [
            _tree(
                noun,
                ("anchor", ">++", "clause", {"DEP": _in(NOUN_CLAUSES)}),
                ("clause", ">", "to", {"DEP": AUX, "LOWER": to}),
            )
        ],
        NOUN_THAT_CLAUSE: [
            _tree(
                noun,
                ("anchor", ">++", "clause", {"DEP": _in(THAT_CLAUSES)}),
                ("clause", ">", "that", {"DEP": MARK, "LOWER": _in(w.complementizers)}),
            )
        ],
        NOUN_PREP: [
            _tree(
                noun,
                ("anchor", ">++", "prep", {"DEP": PREP, "LOWER": _in(w.noun_content_preps)}),
                ("prep", ">", "object", {"DEP": _in(PREP_OBJECTS)}),
            )
        ],
        NOUN_OF: [
            _tree(
                noun,
                ("anchor", ">", "prep", {"DEP": PREP, "LOWER": _in(w.possessive_preps)}),
                ("prep", ">", "object", {"DEP": POBJ}),
            )
        ],
        **_copular_patterns(w, noun),
    }


def _copular_patterns(w: GrammarWords, noun: Attrs) -> dict[str, list[Pattern]]:
    """A cue noun linked to its content by a copula: "the goal is X", "X is the goal"."""
    return {
        NOUN_SUBJECT_VALUE: [
            _tree(
                {**noun, "DEP": _in(SUBJECTS)},
                ("anchor", "<", "verb", {"LEMMA": _in(w.linking_verbs)}),
                ("anchor", "$++", "value", {"DEP": _in([ATTR, XCOMP, CCOMP, DOBJ])}),
            )
        ],
        NOUN_ATTR_SUBJECT: [
            _tree(
                {**noun, "DEP": ATTR},
                ("anchor", "<", "verb", {"LEMMA": _in(w.copulas)}),
                ("anchor", "$--", "subject", {"DEP": _in([NSUBJ, CSUBJ])}),
            )
        ],
    }


def _adjective_patterns(lex: CueLexicon) -> dict[str, list[Pattern]]:
    """An adjective with its preposition ("intent on X") or infinitive ("ready to X")."""
    to = lex.words.infinitive_markers
    adjectives = {"POS": ADJ, "LOWER": _in(a for a, _ in lex.adjectives)}
    infinitival = {"POS": ADJ, "LOWER": _in(a for a, p in lex.adjectives if p in to)}
    return {
        ADJ_PREP: [
            _tree(
                adjectives,
                ("anchor", ">", "prep", {"DEP": PREP, "LOWER": _in(p for _, p in lex.adjectives)}),
                ("prep", ">", "object", {"DEP": _in(PREP_OBJECTS)}),
            )
        ],
        ADJ_CLAUSE: [_tree(infinitival, ("anchor", ">", "clause", {"DEP": XCOMP}))],
    }


@dataclass(frozen=True)
class Family:
    """The patterns of one rule family (each anchored on the family's cue words)."""

    name: str
    patterns: dict[str, list[Pattern]]


def tree_families(lex: CueLexicon) -> list[Family]:
    """Every dependency pattern, by family."""
    speech = _speech_patterns(lex.words)
    obligation = {rule: speech.pop(rule) for rule in (OBLIGATION_MODAL, OBLIGATION_VERB)}
    return [
        Family("cue verbs", _cue_verb_patterns(lex)),
        Family("verb complements", _complement_patterns(lex)),
        Family("speech", speech),
        Family("obligations", obligation),
        Family("nouns", _noun_patterns(lex)),
        Family("adjectives", _adjective_patterns(lex)),
    ]


def sequence_patterns(lex: CueLexicon) -> dict[str, list[Pattern]]:
    """Every Matcher pattern (runs of words), by rule."""
    offer = lex.conditional - lex.words.not_offer_conditions
    return {
        LIST_MARKER: [[{"LOWER": word} for word in marker] for marker in lex.list_markers],
        OFFER_CONDITION: [[{"LOWER": word} for word in marker.split()] for marker in sorted(offer)],
        PHRASAL_NOUN: [[{"LOWER": first}, _lemma([noun])] for first, noun in lex.phrasal_nouns],
    }
