"""Actor mentions in a parsed paragraph, and their resolution to canonical actors.

Two steps. Per document (:class:`MentionFinder`, :func:`resolve_pronouns`): spaCy entities and
alias-list hits become mentions with a normalised *key*; titles before a name ("Russian
President Putin") become role evidence; role descriptions ("the Russian president") and
pronouns become mentions whose key points at a role or at an earlier mention. Over the whole
corpus (:mod:`putin_claims.resolution`): keys are grouped into canonical actors with the alias data,
surname matching and rapidfuzz for spelling variants; roles go to the holder the corpus names.
"""

from __future__ import annotations

import bisect
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib.resources import files
from pathlib import Path

from pydantic import ValidationError
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from putin_claims.errors import ActorDataError
from putin_claims.models import (
    ActorData,
    ActorSpec,
    ActorType,
    Gender,
    Mention,
    MentionKind,
    RoleLink,
)

ROLE_PREFIX = "role:"
POSSESSIVES = ("'s", "’s", "'", "’")


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Lexicon:
    honorifics: frozenset[str]
    male_honorifics: frozenset[str]
    female_honorifics: frozenset[str]
    roles: tuple[str, ...]
    head_roles: frozenset[str]
    role_modifiers: frozenset[str]
    locative_prepositions: frozenset[str]
    male_pronouns: frozenset[str]
    female_pronouns: frozenset[str]
    entity_labels: dict[str, str]
    demonyms: dict[str, str]


@cache
def lexicon() -> Lexicon:
    data = tomllib.loads(files("putin_claims.data").joinpath("lexicon.toml").read_text())
    sets = {k: frozenset(v) for k, v in data.items() if isinstance(v, list)}
    return Lexicon(
        honorifics=sets["honorifics"],
        male_honorifics=sets["male_honorifics"],
        female_honorifics=sets["female_honorifics"],
        roles=tuple(sorted(data["roles"], key=len, reverse=True)),
        head_roles=sets["head_roles"],
        role_modifiers=sets["role_modifiers"],
        locative_prepositions=sets["locative_prepositions"],
        male_pronouns=sets["male_pronouns"],
        female_pronouns=sets["female_pronouns"],
        entity_labels=dict(data["entity_labels"]),
        demonyms=dict(data["demonyms"]),
    )


def load_actor_data(user_file: Path | None = None) -> ActorData:
    """The packaged alias data, extended (and overridden by id) by ``user_file``."""
    default = _parse_actor_toml(
        files("putin_claims.data").joinpath("actors.toml").read_text(), "actors.toml"
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


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_key(text: str) -> str:
    """Normalised name: lower case, no accents, titles, initials, possessive or 'the'."""
    text = strip_accents(text).replace("’", "'")
    for suffix in POSSESSIVES:
        text = text.removesuffix(suffix)
    words = [w.strip(".,") for w in text.lower().split()]
    lex = lexicon()
    while words and (words[0] in lex.honorifics or words[0] == "the"):
        words = words[1:]
    kept = [w for w in words if len(w) > 1 or not w.isalpha()]
    return " ".join(kept or words)


@dataclass(frozen=True)
class AliasIndex:
    """Lookup tables built from :class:`ActorData`."""

    specs: dict[str, ActorSpec]
    by_key: dict[str, str]
    countries: dict[str, str]
    demonyms: frozenset[str]

    @classmethod
    def build(cls, data: ActorData) -> AliasIndex:
        specs = {spec.id: spec for spec in data.actor}
        by_key: dict[str, str] = {}
        countries: dict[str, str] = {}
        for spec in data.actor:
            for alias in [spec.name, *spec.aliases]:
                by_key.setdefault(name_key(alias), spec.id)
            if spec.type is ActorType.GOVERNMENT or spec.demonyms:
                for word in [spec.name, *spec.aliases, *spec.demonyms]:
                    countries.setdefault(name_key(word), spec.id)
        demonyms = frozenset(
            name_key(d) for spec in data.actor for d in spec.demonyms if name_key(d) not in by_key
        ) | frozenset(lexicon().demonyms)
        return cls(specs=specs, by_key=by_key, countries=countries, demonyms=demonyms)

    def gender(self, actor_id: str) -> Gender | None:
        spec = self.specs.get(actor_id)
        return spec.gender if spec else None

    def country(self, text: str) -> str:
        """Actor id of the country a name or nationality adjective stands for."""
        key = name_key(text)
        if key in self.countries:
            return self.countries[key]
        return slug(lexicon().demonyms.get(key, key))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", strip_accents(text).lower()).strip("-") or "unknown"


# --------------------------------------------------------------------------- per document


@dataclass(frozen=True)
class RawMention:
    """A mention before pronoun resolution; ``gender`` and ``person`` guide pronouns."""

    sentence: int
    start: int
    end: int
    surface: str
    kind: MentionKind
    label: str
    key: str
    gender: Gender | None
    person: bool


@dataclass
class SentenceMap:
    """Maps token positions of one paragraph Doc to document-wide sentence indices."""

    token_starts: list[int]
    first_index: int

    def sentence_of(self, token_i: int) -> int:
        return self.first_index + bisect.bisect_right(self.token_starts, token_i) - 1


class MentionFinder:
    """Finds actor mentions and role evidence in parsed paragraphs."""

    def __init__(self, nlp: Language, index: AliasIndex) -> None:
        self.index = index
        self.lex = lexicon()
        self.alias_exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.alias_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.role_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for spec in index.specs.values():
            for alias in [spec.name, *spec.aliases]:
                exact = alias.isupper() or len(alias) <= 3
                matcher = self.alias_exact if exact else self.alias_lower
                matcher.add(spec.id, [nlp.make_doc(alias)])
        self.role_matcher.add("ROLE", [nlp.make_doc(role) for role in self.lex.roles])

    def find(
        self, doc: Doc, offset: int, sentences: SentenceMap, headline: bool = False
    ) -> tuple[list[RawMention], list[RoleLink]]:
        """Mentions and role evidence in one parsed paragraph (``headline``: title case)."""
        roles = self._role_matches(doc)
        role_tokens = {i for start, end in roles for i in range(start, end)}
        role_ends = {end: start for start, end in roles}
        mentions: list[RawMention] = []
        links: list[RoleLink] = []
        taken: dict[int, RawMention] = {}
        for span, actor_id in self._candidate_spans(doc, headline):
            built = self._name_mention(doc, span, actor_id, role_tokens, role_ends)
            if built is None:
                continue
            mention, role_key = built
            mention = replace(mention, start=offset + mention.start, end=offset + mention.end)
            mention = replace(mention, sentence=sentences.sentence_of(span.start))
            mentions.append(mention)
            taken.update(dict.fromkeys(range(span.start, span.end), mention))
            if role_key:
                links.append(
                    RoleLink(sentence=mention.sentence, role_key=role_key, name_key=mention.key)
                )
        for mention, holder in self._role_mentions(doc, roles, offset, sentences, taken):
            mentions.append(mention)
            if holder is not None:
                role_key = mention.key.removeprefix(ROLE_PREFIX)
                links.append(
                    RoleLink(sentence=mention.sentence, role_key=role_key, name_key=holder)
                )
        mentions.extend(self._pronouns(doc, offset, sentences))
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
            sentence=0,
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
        offset: int,
        sentences: SentenceMap,
        taken: dict[int, RawMention],
    ) -> Iterable[tuple[RawMention, str | None]]:
        """Role descriptions with a country, and the key of a name in apposition, if any."""
        for start, end in roles:
            if taken.keys() & set(range(start, end)) or end in taken:
                continue  # part of a name, or a title right before one
            mention = self._role_mention(doc, start, end, offset, sentences)
            if mention is None:
                continue
            head = doc[end - 1]
            holder = taken.get(head.head.i) if head.dep_ == "appos" else None
            for child in head.children:
                if holder is None and child.dep_ == "appos" and child.i in taken:
                    holder = taken[child.i]
            yield mention, (holder.key if holder is not None and holder.person else None)

    def _role_mention(
        self, doc: Doc, start: int, end: int, offset: int, sentences: SentenceMap
    ) -> RawMention | None:
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
            sentence=sentences.sentence_of(start),
            start=offset + span.start_char,
            end=offset + span.end_char,
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

    def _pronouns(self, doc: Doc, offset: int, sentences: SentenceMap) -> Iterable[RawMention]:
        for token in doc:
            gender = self._pronoun_gender(token)
            if gender is None:
                continue
            yield RawMention(
                sentence=sentences.sentence_of(token.i),
                start=offset + token.idx,
                end=offset + token.idx + len(token),
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


def resolve_pronouns(
    raw: Sequence[RawMention],
    paragraph_of: Sequence[int | None],
    max_back: int = 1,
    *,
    quoted: Sequence[tuple[int, int]] = (),
    speakers: Sequence[tuple[int, int]] = (),
) -> list[Mention]:
    """Give each he/she the key of the nearest earlier person it agrees with.

    Looks back within the same paragraph and ``max_back`` paragraphs before it; a pronoun
    with no agreeing person is dropped (it names no actor the tool can tell). Quote-aware:
    a pronoun outside quotation marks skips people named inside them, and a pronoun inside
    a quote skips the subjects of speech verbs (``speakers``): in '"If he fails," noted
    Dynkin', "he" is not Dynkin.
    """
    out: list[Mention] = []
    seen: list[RawMention] = []
    gender_of: dict[str, Gender] = {}
    for mention in raw:
        if mention.kind is not MentionKind.PRONOUN:
            if mention.person:
                seen.append(mention)
                if mention.gender:
                    gender_of.setdefault(mention.key, mention.gender)
            out.append(_final(mention, mention.key))
            continue
        here = paragraph_of[mention.sentence]
        inside = _within(mention.start, quoted)
        allowed = [
            c
            for c in seen
            if (not inside and not _within(c.start, quoted))
            or (inside and not any(a < c.end and c.start < b for a, b in speakers))
        ]
        antecedent = _antecedent(
            allowed, mention, here, paragraph_of, gender_of=gender_of, max_back=max_back
        )
        if antecedent is not None:
            gender_of.setdefault(antecedent.key, mention.gender or Gender.MALE)
            out.append(_final(mention, antecedent.key))
            seen.append(replace(mention, key=antecedent.key))
    return out


def _within(offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _antecedent(
    seen: Sequence[RawMention],
    pronoun: RawMention,
    here: int | None,
    paragraph_of: Sequence[int | None],
    *,
    gender_of: dict[str, Gender],
    max_back: int,
) -> RawMention | None:
    for candidate in reversed(seen):
        where = paragraph_of[candidate.sentence]
        if here is None or where is None or here - where > max_back:
            return None
        known = candidate.gender or gender_of.get(candidate.key)
        if known is None or known == pronoun.gender:
            return candidate
    return None


def _final(mention: RawMention, key: str) -> Mention:
    return Mention(
        sentence=mention.sentence,
        start=mention.start,
        end=mention.end,
        surface=mention.surface,
        kind=mention.kind,
        label=mention.label,
        key=key,
    )
