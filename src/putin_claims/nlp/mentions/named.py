"""Name mentions: a candidate span that names an actor, with its title and role evidence."""

from __future__ import annotations

import re
from typing import Final

from spacy.tokens import Doc, Span

from putin_claims.lexicons import actor_words
from putin_claims.models import ActorType, MentionKind
from putin_claims.names import AliasIndex, name_key
from putin_claims.nlp.mentions.records import RawMention
from putin_claims.nlp.mentions.titles import RolePhrases, Title, honorific, title_before

#: Edges a describing phrase hangs from a name by; edges and heads that end the phrase.
DESCRIBING: Final = frozenset({"appos", "prep"})
COORDINATION: Final = frozenset({"conj", "cc"})
CLAUSE_HEADS: Final = frozenset({"VERB", "AUX"})


def name_mention(
    doc: Doc, span: Span, index: AliasIndex, roles: RolePhrases
) -> tuple[RawMention, str | None] | None:
    """The mention a candidate span makes and the role key its title proves, if any.

    None when the span names no actor: a lower-case entity, a nationality, a "U.S.-Russia"
    compound, or a place after a locative preposition ("talks in Moscow").
    """
    key = name_key(span.text)
    actor_id = span.id_ or index.by_key.get(key)
    if actor_id is None and _not_an_actor(span, key, index):
        return None
    spec = index.specs.get(actor_id) if actor_id else None
    person = spec.type is ActorType.PERSON if spec else _person(doc, span, roles)
    if not person and _locative(span):
        return None
    title = title_before(doc, span, roles, index) if person else Title(span.start)
    mention = RawMention(
        start=doc[title.start].idx,
        end=span.end_char,
        surface=doc[title.start : span.end].text,
        kind=MentionKind.NAME,
        label=span.label_ or "ALIAS",
        key=f"@{actor_id}" if actor_id else key,
        gender=title.gender or (index.gender(actor_id) if actor_id else None),
        person=person,
        modifier=_describes_another(span),
    )
    return mention, title.evidence


def _describes_another(span: Span) -> bool:
    """The span hangs off a person named before it, through an apposition or a preposition
    and no verb or coordination ("Ann Lee, head of research at analysts Gartner": Gartner
    describes Ann Lee; in "Ann Lee and Bob Hart", Bob Hart does not)."""
    node = span.root
    while node.head.i != node.i:
        head = node.head
        if node.dep_ in COORDINATION or head.pos_ in CLAUSE_HEADS:
            return False
        if node.dep_ in DESCRIBING and head.ent_type_ == "PERSON" and head.i < span.start:
            return True
        node = head
    return False


def _person(doc: Doc, span: Span, roles: RolePhrases) -> bool:
    """PERSON, or a name the tagger mislabelled that a title or an apposition shows is one."""
    if span.label_ == "PERSON":
        return True
    if span.label_ != "ORG":
        return False
    before = doc[span.start - 1] if span.start else None
    if before is not None and (before.i in roles.tokens or honorific(before) is not None):
        return True
    root = span.root
    if root.dep_ == "appos" and root.head.i in roles.tokens:
        return True
    return any(c.dep_ == "appos" and c.i in roles.tokens for c in root.children)


def _not_an_actor(span: Span, key: str, index: AliasIndex) -> bool:
    """Lower-case entities, nationality adjectives and "U.S.-Russia"-style compounds."""
    if not any(ch.isupper() for ch in span.text) or key in index.demonyms:
        return True
    parts = re.split(r"[-–]", key)
    return len(parts) > 1 and all(name_key(p) in index.countries for p in parts)


def _locative(span: Span) -> bool:
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in actor_words().locative_prepositions
