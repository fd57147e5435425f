"""Actor mentions in a parsed paragraph: names, titles, role descriptions and pronouns.

spaCy entities and alias-list hits become mentions with a normalised *key*
(:func:`putin_claims.names.name_key`); titles before a name ("Russian President Putin")
become role evidence; role descriptions ("the Russian president") and pronouns become
mentions whose key points at a role or, once :mod:`putin_claims.nlp.pronouns` has run, at
an earlier mention. Offsets are local to the parsed Doc; the assembler adds the paragraph's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from putin_claims.lexicons import actor_words
from putin_claims.models import ActorType, Gender, MentionKind
from putin_claims.names import POSSESSIVES, ROLE_PREFIX, AliasIndex, name_key

# --------------------------------------------------------------------------- per document


@dataclass(frozen=True)
class RawMention:
    """A mention before pronoun resolution; ``gender`` and ``person`` guide pronouns.

    Offsets are local to the parsed Doc until the assembler moves them into the document and
    sets ``sentence`` (-1 until then).
    """

    start: int
    end: int
    surface: str
    kind: MentionKind
    label: str
    key: str
    gender: Gender | None
    person: bool
    sentence: int = -1


@dataclass(frozen=True)
class RoleEvidence:
    """A role held by a named person, at ``start`` (the mention's offset in the Doc)."""

    start: int
    role_key: str
    name_key: str


class MentionFinder:
    """Finds actor mentions and role evidence in parsed paragraphs."""

    def __init__(self, nlp: Language, index: AliasIndex) -> None:
        self.index = index
        self.lex = actor_words()
        self.alias_exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.alias_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.role_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for spec in index.specs.values():
            for alias in [spec.name, *spec.aliases]:
                exact = alias.isupper() or len(alias) <= 3
                matcher = self.alias_exact if exact else self.alias_lower
                matcher.add(spec.id, [nlp.make_doc(alias)])
        self.role_matcher.add("ROLE", [nlp.make_doc(role) for role in self.lex.roles])

    def find(self, doc: Doc, headline: bool = False) -> tuple[list[RawMention], list[RoleEvidence]]:
        """Mentions and role evidence in one parsed paragraph (``headline``: title case)."""
        roles = self._role_matches(doc)
        role_tokens = {i for start, end in roles for i in range(start, end)}
        role_ends = {end: start for start, end in roles}
        mentions: list[RawMention] = []
        links: list[RoleEvidence] = []
        taken: dict[int, RawMention] = {}
        for span, actor_id in self._candidate_spans(doc, headline):
            built = self._name_mention(doc, span, actor_id, role_tokens, role_ends)
            if built is None:
                continue
            mention, role_key = built
            mentions.append(mention)
            taken.update(dict.fromkeys(range(span.start, span.end), mention))
            if role_key:
                links.append(RoleEvidence(mention.start, role_key, mention.key))
        for mention, holder in self._role_mentions(doc, roles, taken):
            mentions.append(mention)
            if holder is not None:
                role_key = mention.key.removeprefix(ROLE_PREFIX)
                links.append(RoleEvidence(mention.start, role_key, holder))
        mentions.extend(self._pronouns(doc))
        mentions.sort(key=lambda m: m.start)
        return mentions, links

    def _role_matches(self, doc: Doc) -> list[tuple[int, int]]:
        """Longest non-overlapping role phrases ("prime minister" over "minister")."""
        found = sorted(((s, e) for _, s, e in self.role_matcher(doc)), key=lambda m: (m[0], -m[1]))
        out: list[tuple[int, int]] = []
        for start, end in found:
            if not out or start >= out[-1][1]:
                out.append((start, end))
        return out

    # -- names

    def _candidate_spans(self, doc: Doc, headline: bool) -> list[tuple[Span, str | None]]:
        """Entities and alias hits, longest first where they overlap.

        An entity that holds alias hits of two different actors ("Trump Regarding Ukraine" in
        a headline) gives way to those hits; in Title Case headlines, where the tagger guesses,
        entities of more than two words or with a verb in them are not trusted.
        """
        hits = [
            (doc[start:end], doc.vocab.strings[match_id])
            for matcher in (self.alias_exact, self.alias_lower)
            for match_id, start, end in matcher(doc)
        ]
        found: list[tuple[Span, str | None]] = list(hits)
        for ent in doc.ents:
            if not self.lex.entity_labels.get(ent.label_):
                continue
            inside = {a for span, a in hits if ent.start <= span.start and span.end <= ent.end}
            doubtful = headline and (len(ent) > 2 or any(t.tag_.startswith("VB") for t in ent))
            if len(inside) < 2 and not doubtful:
                found.append((_trim(ent), None))
        found = [(s, a) for s, a in found if len(s)]
        found.sort(key=lambda item: (item[0].start, -len(item[0]), item[1] is None))
        chosen: list[tuple[Span, str | None]] = []
        end = -1
        for span, actor_id in found:
            if span.start >= end:
                chosen.append((span, actor_id))
                end = span.end
        return chosen

    def _name_mention(
        self,
        doc: Doc,
        span: Span,
        actor_id: str | None,
        role_tokens: set[int],
        role_ends: dict[int, int],
    ) -> tuple[RawMention, str | None] | None:
        """A name mention (offsets local to the paragraph) and the role its title names."""
        key = name_key(span.text)
        actor_id = actor_id or self.index.by_key.get(key)
        if actor_id is None and self._not_an_actor(span, key):
            return None
        if actor_id:
            key = f"@{actor_id}"
        label = "ALIAS" if actor_id and span.label_ == "" else (span.label_ or "ALIAS")
        spec = self.index.specs.get(actor_id) if actor_id else None
        person = spec.type is ActorType.PERSON if spec else self._person(doc, span, role_tokens)
        if not person and self._locative(span):
            return None
        title_start, honorific, role_key = (
            self._title_before(doc, span, role_ends) if person else (span.start, None, None)
        )
        first = doc[title_start]
        gender = self._honorific_gender(honorific) or (
            self.index.gender(actor_id) if actor_id else None
        )
        mention = RawMention(
            start=first.idx,
            end=span.end_char,
            surface=doc[title_start : span.end].text,
            kind=MentionKind.NAME,
            label=label,
            key=key,
            gender=gender,
            person=person,
        )
        return mention, (role_key if role_key and not role_key.endswith("|") else None)

    def _person(self, doc: Doc, span: Span, role_tokens: set[int]) -> bool:
        """PERSON, or a name the tagger mislabelled that a title or an apposition shows is one."""
        if span.label_ == "PERSON":
            return True
        if span.label_ != "ORG":
            return False
        before = doc[span.start - 1] if span.start else None
        if before is not None and (
            before.i in role_tokens or before.lower_.rstrip(".") in self.lex.honorifics
        ):
            return True
        root = span.root
        if root.dep_ == "appos" and root.head.i in role_tokens:
            return True
        return any(c.dep_ == "appos" and c.i in role_tokens for c in root.children)

    def _not_an_actor(self, span: Span, key: str) -> bool:
        """Lower-case entities, nationality adjectives and "U.S.-Russia"-style compounds."""
        if not any(ch.isupper() for ch in span.text) or key in self.index.demonyms:
            return True
        parts = re.split(r"[-–]", key)
        return len(parts) > 1 and all(name_key(p) in self.index.countries for p in parts)

    def _locative(self, span: Span) -> bool:
        root = span.root
        return root.dep_ == "pobj" and root.head.lower_ in self.lex.locative_prepositions

    def _honorific_gender(self, honorific: str | None) -> Gender | None:
        if honorific in self.lex.male_honorifics:
            return Gender.MALE
        if honorific in self.lex.female_honorifics:
            return Gender.FEMALE
        return None

    def _title_before(
        self, doc: Doc, span: Span, role_ends: dict[int, int]
    ) -> tuple[int, str | None, str | None]:
        """Extend a name leftwards over "Mr." or "Former UK Prime Minister"; return role key."""
        start = span.start
        if start > 0 and doc[start - 1].lower_.rstrip(".") in self.lex.honorifics:
            return start - 1, doc[start - 1].lower_.rstrip("."), None
        role_start = role_ends.get(start)
        if role_start is None:
            return start, None, None
        role_text = doc[role_start:start].text.lower()
        country_start, country = self._country_before(doc, role_start)
        mod_start, modifier = self._modifier_before(doc, country_start)
        return mod_start, None, _role_key(modifier, role_text, country)

    def _country_before(self, doc: Doc, pos: int) -> tuple[int, str | None]:
        """A country or nationality right before ``pos``: "Russian", "U.S.", "Russia's"."""
        i = pos - 1
        if i > 0 and doc[i].text in POSSESSIVES:
            i -= 1
        if i < 0:
            return pos, None
        if doc[i].ent_type_ in {"GPE", "NORP"}:
            start = i
            while start > 0 and doc[start].ent_iob_ == "I":
                start -= 1
            return start, self.index.country(doc[start : i + 1].text)
        key = name_key(doc[i].text)
        if key in self.index.countries or key in self.index.demonyms:
            return i, self.index.country(doc[i].text)
        return pos, None

    def _modifier_before(self, doc: Doc, pos: int) -> tuple[int, str | None]:
        if pos > 0 and doc[pos - 1].lower_.strip("-") in self.lex.role_modifiers:
            return pos - 1, doc[pos - 1].lower_.strip("-")
        return pos, None

    # -- roles and pronouns

    def _role_mentions(
        self,
        doc: Doc,
        roles: list[tuple[int, int]],
        taken: dict[int, RawMention],
    ) -> Iterable[tuple[RawMention, str | None]]:
        """Role descriptions with a country, and the key of a name in apposition, if any."""
        for start, end in roles:
            if taken.keys() & set(range(start, end)) or end in taken:
                continue  # part of a name, or a title right before one
            mention = self._role_mention(doc, start, end)
            if mention is None:
                continue
            head = doc[end - 1]
            holder = taken.get(head.head.i) if head.dep_ == "appos" else None
            for child in head.children:
                if holder is None and child.dep_ == "appos" and child.i in taken:
                    holder = taken[child.i]
            yield mention, (holder.key if holder is not None and holder.person else None)

    def _role_mention(self, doc: Doc, start: int, end: int) -> RawMention | None:
        country_start, country = self._country_before(doc, start)
        last = end
        if country is None:
            after = self._country_after(doc, end)
            if after is None:
                return None
            last, country = after
        first, modifier = self._modifier_before(doc, country_start)
        span = doc[first:last]
        role = doc[start:end].text.lower()
        return RawMention(
            start=span.start_char,
            end=span.end_char,
            surface=span.text,
            kind=MentionKind.ROLE,
            label="ROLE",
            key=ROLE_PREFIX + _role_key(modifier, role, country),
            gender=None,
            person=True,
        )

    def _country_after(self, doc: Doc, end: int) -> tuple[int, str] | None:
        """ "President of Russia", "the President of the United States": (span end, country)."""
        if end + 1 >= len(doc) or doc[end].lower_ != "of":
            return None
        i = end + 2 if doc[end + 1].lower_ == "the" and end + 2 < len(doc) else end + 1
        if doc[i].ent_type_ != "GPE":
            return None
        last = i
        while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
            last += 1
        return last + 1, self.index.country(doc[i : last + 1].text)

    def _pronouns(self, doc: Doc) -> Iterable[RawMention]:
        for token in doc:
            gender = self._pronoun_gender(token)
            if gender is None:
                continue
            yield RawMention(
                start=token.idx,
                end=token.idx + len(token),
                surface=token.text,
                kind=MentionKind.PRONOUN,
                label="PRON",
                key="",
                gender=gender,
                person=True,
            )

    def _pronoun_gender(self, token: Token) -> Gender | None:
        if token.pos_ != "PRON" and token.tag_ not in {"PRP", "PRP$"}:
            return None
        if token.lower_ in self.lex.male_pronouns:
            return Gender.MALE
        if token.lower_ in self.lex.female_pronouns:
            return Gender.FEMALE
        return None


def _trim(span: Span) -> Span:
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


def _role_key(modifier: str | None, role: str, country: str | None) -> str:
    words = f"{modifier} {role}" if modifier in {"former", "ex"} else role
    return f"{words}|{country or ''}"
