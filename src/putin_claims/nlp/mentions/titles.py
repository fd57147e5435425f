"""Offices and honorifics before a name: "Mr.", "Former UK Prime Minister", "Gen.".

A title joins the name mention; an office with a country before it ("Brazilian President
Lula") is role evidence: a role key ``"president|brazil"`` held by the named person.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from putin_claims.lexicons import actor_words
from putin_claims.models import Gender
from putin_claims.names import AliasIndex
from putin_claims.nlp.mentions.countries import country_before


@dataclass(frozen=True)
class RolePhrases:
    """The office phrases of a Doc, the longest where they overlap ("prime minister")."""

    spans: tuple[Span, ...]
    tokens: frozenset[int]
    start_by_end: dict[int, int]

    @classmethod
    def of(cls, spans: list[Span]) -> RolePhrases:
        chosen = tuple(filter_spans(spans))
        return cls(
            spans=chosen,
            tokens=frozenset(i for span in chosen for i in range(span.start, span.end)),
            start_by_end={span.end: span.start for span in chosen},
        )


def role_matcher(nlp: Language) -> PhraseMatcher:
    """A matcher of the offices of ``data/lexicon.toml``, in any case."""
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("ROLE", [nlp.make_doc(role) for role in actor_words().roles])
    return matcher


@dataclass(frozen=True)
class Title:
    """Where a name mention starts once its title is included, and what the title says."""

    start: int
    honorific: str | None = None
    role_key: str | None = None

    @property
    def evidence(self) -> str | None:
        """The role key, when it names the office's country (else it proves nothing)."""
        return self.role_key if self.role_key and not self.role_key.endswith("|") else None

    @property
    def gender(self) -> Gender | None:
        lex = actor_words()
        if self.honorific in lex.male_honorifics:
            return Gender.MALE
        if self.honorific in lex.female_honorifics:
            return Gender.FEMALE
        return None


def honorific(token: Token) -> str | None:
    """The honorific a token is ("Mr." -> "mr"), or None."""
    word = token.lower_.rstrip(".")
    return word if word in actor_words().honorifics else None


def title_before(doc: Doc, span: Span, roles: RolePhrases, index: AliasIndex) -> Title:
    """Extend a name leftwards over "Mr." or "Former UK Prime Minister"."""
    start = span.start
    if start > 0 and (word := honorific(doc[start - 1])) is not None:
        return Title(start - 1, honorific=word)
    role_start = roles.start_by_end.get(start)
    if role_start is None:
        return Title(start)
    role_text = doc[role_start:start].text.lower()
    country_start, country = country_before(doc, role_start, index)
    mod_start, modifier = modifier_before(doc, country_start)
    return Title(mod_start, role_key=role_key(modifier, role_text, country))


def modifier_before(doc: Doc, pos: int) -> tuple[int, str | None]:
    """A role modifier ("former", "acting") right before ``pos``: (its start, the word)."""
    if pos > 0 and (word := doc[pos - 1].lower_.strip("-")) in actor_words().role_modifiers:
        return pos - 1, word
    return pos, None


def role_key(modifier: str | None, role: str, country: str | None) -> str:
    """ "president|brazil"; a past modifier stays part of the role ("former president|")."""
    words = f"{modifier} {role}" if modifier in actor_words().past_modifiers else role
    return f"{words}|{country or ''}"
