"""Spans that may name an actor: alias-list hits and trusted entities, longest first."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from putin_claims.lexicons import actor_words
from putin_claims.names import POSSESSIVES, AliasIndex


class NameCandidates:
    """Finds the candidate name spans of a Doc; an alias hit carries its actor id as ``id_``.

    Aliases in capitals or of three letters at most ("UN", "EU") match case-sensitively, the
    others in any case.
    """

    def __init__(self, nlp: Language, index: AliasIndex) -> None:
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        for spec in index.specs.values():
            for alias in [spec.name, *spec.aliases]:
                matcher = self.exact if alias.isupper() or len(alias) <= 3 else self.lower
                matcher.add(spec.id, [nlp.make_doc(alias)])

    def __call__(self, doc: Doc, headline: bool) -> list[Span]:
        """Entities and alias hits, the longest where they overlap (an alias hit on a tie).

        An entity that holds alias hits of two different actors ("Trump Regarding Ukraine" in
        a headline) gives way to those hits. In Title Case headlines, where the tagger guesses,
        entities of more than two words or with a verb in them are not trusted, and an entity
        that holds an alias hit gives way to it ("Zelensky Meet" -> "Zelensky").
        """
        hits = [
            Span(doc, start, end, span_id=match_id)
            for matcher in (self.exact, self.lower)
            for match_id, start, end in matcher(doc)
        ]
        entities = [trim(ent) for ent in doc.ents if _trusted(ent, hits, headline)]
        return filter_spans([span for span in [*hits, *entities] if len(span)])


def _trusted(ent: Span, hits: Sequence[Span], headline: bool) -> bool:
    if not actor_words().entity_labels.get(ent.label_):
        return False
    inside = {hit.id_ for hit in hits if ent.start <= hit.start and hit.end <= ent.end}
    doubtful = headline and (len(ent) > 2 or any(t.tag_.startswith("VB") for t in ent))
    return len(inside) < (1 if headline else 2) and not doubtful


def trim(span: Span) -> Span:
    """Drop a leading 'the'; cut at a possessive ("Putin's Objectives" -> "Putin")."""
    start, end = span.start, span.end
    doc = span.doc
    if start < end and doc[start].lower_ == "the":
        start += 1
    for i in range(start + 1, end):
        if doc[i].text in POSSESSIVES:
            end = i
            break
    return Span(doc, start, end, label=span.label_)
