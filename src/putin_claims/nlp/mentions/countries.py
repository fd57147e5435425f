"""The country of an office, written before it ("Russian", "U.S.", "Russia's") or after it
("President of Russia", "the President of the United States")."""

from __future__ import annotations

from typing import Final

from spacy.tokens import Doc, Span

from putin_claims.names import POSSESSIVES, AliasIndex, name_key

#: Entity labels of a country or nationality written before an office.
COUNTRY_LABELS: Final = frozenset({"GPE", "NORP"})


def country_before(doc: Doc, pos: int, index: AliasIndex) -> tuple[int, str | None]:
    """A country or nationality right before ``pos``: (where it starts, its actor id)."""
    i = pos - 1
    if i > 0 and doc[i].text in POSSESSIVES:
        i -= 1
    if i < 0:
        return pos, None
    if doc[i].ent_type_ in COUNTRY_LABELS:
        start = _entity_of(doc, i).start
        return start, index.country(doc[start : i + 1].text)
    key = name_key(doc[i].text)
    if key in index.countries or key in index.demonyms:
        return i, index.country(doc[i].text)
    return pos, None


def country_after(doc: Doc, end: int, index: AliasIndex) -> tuple[int, str] | None:
    """ "of Russia", "of the United States" at ``end``: (where it ends, its actor id)."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    i = end + 2 if doc[end + 1].lower_ == "the" and end + 2 < len(doc) else end + 1
    if doc[i].ent_type_ != "GPE":
        return None
    last = _entity_of(doc, i).end
    return last, index.country(doc[i:last].text)


def _entity_of(doc: Doc, i: int) -> Span:
    """The entity that holds token ``i`` (which has an entity type)."""
    return next(ent for ent in doc.ents if ent.start <= i < ent.end)
