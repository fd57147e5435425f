"""Role descriptions: an office with its country ("the Brazilian president", "the President
of France") is a mention of whoever holds it; a name in apposition says who that is."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from spacy.tokens import Doc, Span, Token

from putin_claims.models import MentionKind
from putin_claims.names import ROLE_PREFIX, AliasIndex
from putin_claims.nlp.mentions.countries import country_after, country_before
from putin_claims.nlp.mentions.records import RawMention
from putin_claims.nlp.mentions.titles import RolePhrases, modifier_before, role_key


def role_mentions(
    doc: Doc, roles: RolePhrases, taken: Mapping[int, RawMention], index: AliasIndex
) -> Iterator[tuple[RawMention, str | None]]:
    """Role descriptions with a country, and the key of a person in apposition, if any.

    ``taken`` maps the tokens of name mentions to them: an office inside a name or right
    before one is that name's title, not a description.
    """
    for phrase in roles.spans:
        if any(i in taken for i in range(phrase.start, phrase.end + 1)):
            continue
        mention = _role_mention(doc, phrase, index)
        if mention is None:
            continue
        holder = _apposition(doc[phrase.end - 1], taken)
        yield mention, (holder.key if holder is not None and holder.person else None)


def _role_mention(doc: Doc, phrase: Span, index: AliasIndex) -> RawMention | None:
    country_start, country = country_before(doc, phrase.start, index)
    last = phrase.end
    if country is None:
        after = country_after(doc, phrase.end, index)
        if after is None:
            return None
        last, country = after
    first, modifier = modifier_before(doc, country_start)
    span = doc[first:last]
    return RawMention(
        start=span.start_char,
        end=span.end_char,
        surface=span.text,
        kind=MentionKind.ROLE,
        label="ROLE",
        key=ROLE_PREFIX + role_key(modifier, phrase.text.lower(), country),
        gender=None,
        person=True,
    )


def _apposition(head: Token, taken: Mapping[int, RawMention]) -> RawMention | None:
    """The name the office's head is in apposition to ("Lula, the Brazilian president") or
    that is in apposition to it ("the Brazilian president, Lula")."""
    if head.dep_ == "appos" and head.head.i in taken:
        return taken[head.head.i]
    for child in head.children:
        if child.dep_ == "appos" and child.i in taken:
            return taken[child.i]
    return None
