"""The driver: every rule family on every sentence of a parsed Doc.

The patterns are matched once per Doc (:class:`~putin_claims.nlp.assertions.patterns.Hits`);
then each token is offered to the rule families for its part of speech, in order, until one
finds something. Records carry Doc-local offsets and no sentence index (``sentence == -1``):
the assembler moves them into the document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Token

from putin_claims.lexicons import cue_lexicon
from putin_claims.models import GOAL_KINDS
from putin_claims.nlp.assertions.actions import action
from putin_claims.nlp.assertions.adjectives import adjective_assertions
from putin_claims.nlp.assertions.context import Sentence
from putin_claims.nlp.assertions.labels import ADJ, NOUN, PRON, PROPN, SUBJECTS, VERB
from putin_claims.nlp.assertions.matching import Hits
from putin_claims.nlp.assertions.nouns import noun_assertions
from putin_claims.nlp.assertions.priorities import what_matters
from putin_claims.nlp.assertions.records import UNPLACED, RawAssertion, Subject
from putin_claims.nlp.assertions.verbs import SPEECH_KINDS, verb_assertions

Rule = Callable[[Sentence, Token], list[RawAssertion]]

#: The rule families a token is offered to, by part of speech, until one finds something.
RULES: dict[str, tuple[Rule, ...]] = {
    VERB: (verb_assertions, action),
    NOUN: (noun_assertions,),
    PROPN: (noun_assertions,),
    ADJ: (adjective_assertions,),
}


class AssertionFinder:
    """Finds assertions in the sentences of one parsed paragraph."""

    def __init__(self) -> None:
        self.lex = cue_lexicon()

    def find(self, doc: Doc, *, headline: bool = False) -> tuple[list[RawAssertion], list[Subject]]:
        """Assertions and grammatical subjects of ``doc`` (offsets local to it); ``headline``:
        the Doc is a title or a heading."""
        spans = [sent for sent in doc.sents if sent.text.strip()]
        if not spans:
            return [], []
        hits = Hits(doc)
        out: list[RawAssertion] = []
        subjects: list[Subject] = []
        for span in spans:
            sentence = Sentence(span, self.lex, hits, headline)
            out.extend(read(sentence))
            subjects.extend(_subjects(sentence))
        return out, subjects


#: Cue words of one sentence read at most: each costs up to the sentence's length, so a
#: pathological sentence (a thousand nested "he said") stays linear. Real sentences have a few.
MAX_CUES_PER_SENTENCE = 30


def read(s: Sentence) -> list[RawAssertion]:
    """The assertions of one sentence, one per content span."""
    out = what_matters(s)
    cues = 0
    for tok in s.span:
        for rule in RULES.get(tok.pos_, ()):
            found = rule(s, tok)
            if found:
                out.extend(found)
                cues += 1
                break
        if cues >= MAX_CUES_PER_SENTENCE:
            break
    return _dedupe(out)


def _subjects(s: Sentence) -> Iterator[Subject]:
    for t in s.span:
        if (t.dep_ in SUBJECTS and t.pos_ != PRON) or t.lower_ in s.words.person_pronouns:
            yield Subject(UNPLACED, t.idx, t.idx + len(t))


def _dedupe(found: list[RawAssertion]) -> list[RawAssertion]:
    """One record per content span (and one speech record); goals win over other kinds."""
    seen: dict[tuple[int, int, bool], RawAssertion] = {}
    for record in found:
        key = (record.start, record.end, record.kind in SPEECH_KINDS)
        kept = seen.get(key)
        if kept is None or (kept.kind not in GOAL_KINDS and record.kind in GOAL_KINDS):
            seen[key] = record
    return list(seen.values())
