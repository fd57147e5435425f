"""Short names resolved within their document: "Osbourne" and "Sharon" are the "Sharon
Osbourne" the same article names in full.

A one-word name (a surname, or a first name) takes the key of a full name of a person in the
same document that ends (or, failing that, begins) with it: the nearest one before it when
several do ("Ozzy Osbourne" and "Sharon Osbourne"), else the first after it. The corpus-wide
resolution then never has to guess which of the corpus's many Williamses a bare "Williams"
is. The tagger's label of the short form does not matter (it often calls a surname an
organisation): the short form takes the full name's label with its key.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from putin_claims.models import MentionKind
from putin_claims.nlp.mentions import RawMention

#: Labels of a short form that may stand for a person named in full.
SHORT_LABELS = frozenset({"PERSON", "ORG"})


def local_names(mentions: Sequence[RawMention]) -> list[RawMention]:
    """The mentions (in document order), short person names keyed to their full name."""
    by_last: dict[str, list[RawMention]] = defaultdict(list)
    by_first: dict[str, list[RawMention]] = defaultdict(list)
    for m in mentions:
        if _full_person(m):
            words = m.key.split()
            by_last[words[-1]].append(m)
            by_first[words[0]].append(m)
    out = []
    for m in mentions:
        full = _nearest(m, by_last.get(m.key) or by_first.get(m.key) or []) if _short(m) else None
        if full is None:
            out.append(m)
        else:
            gender = m.gender or full.gender  # and its label: the document says who it is
            out.append(replace(m, key=full.key, label=full.label, person=True, gender=gender))
    return out


def _full_person(m: RawMention) -> bool:
    return m.kind is MentionKind.NAME and m.person and " " in m.key and not m.key.startswith("@")


def _short(m: RawMention) -> bool:
    return (
        m.kind is MentionKind.NAME
        and m.label in SHORT_LABELS
        and " " not in m.key
        and not m.key.startswith("@")
    )


def _nearest(m: RawMention, candidates: Sequence[RawMention]) -> RawMention | None:
    if len({c.key for c in candidates}) == 1:
        return candidates[0]
    before = [c for c in candidates if c.start < m.start]
    if before:
        return before[-1]
    return candidates[0] if candidates else None
