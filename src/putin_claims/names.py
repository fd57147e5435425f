"""Names as keys: normalisation, slugs, and the lookup tables built from the alias data.

Pure functions over text (no spaCy): the mention finder (:mod:`putin_claims.nlp.mentions`)
and the corpus-wide resolution (:mod:`putin_claims.corpus.resolution`) share them, so a name
normalises the same way wherever it is read.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from putin_claims.lexicons import actor_words, load_actor_data
from putin_claims.models import ActorData, ActorSpec, ActorType, Gender

ROLE_PREFIX = "role:"
POSSESSIVES = ("'s", "’s", "'", "’")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 17)
def name_key(text: str) -> str:
    """Normalised name: lower case, no accents, titles, initials, possessive or 'the'
    (memoised: queries key every actor's every name, and the word lists never change within
    a process)."""
    text = strip_accents(text).replace("’", "'")
    for suffix in POSSESSIVES:
        text = text.removesuffix(suffix)
    words = [w.strip(".,") for w in text.lower().split()]
    lex = actor_words()
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
        ) | frozenset(actor_words().demonyms)
        return cls(specs=specs, by_key=by_key, countries=countries, demonyms=demonyms)

    def gender(self, actor_id: str) -> Gender | None:
        spec = self.specs.get(actor_id)
        return spec.gender if spec else None

    def country(self, text: str) -> str:
        """Actor id of the country a name or nationality adjective stands for."""
        key = name_key(text)
        if key in self.countries:
            return self.countries[key]
        return slug(actor_words().demonyms.get(key, key))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", strip_accents(text).lower()).strip("-") or "unknown"


@cache
def alias_index(actors_file: str = "") -> AliasIndex:
    """The alias index of the default data extended by ``actors_file`` (built once per file)."""
    return AliasIndex.build(load_actor_data(Path(actors_file) if actors_file else None))
