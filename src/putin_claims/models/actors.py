"""Actors: alias-file entries, the corpus resolution, canonical actors."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

from putin_claims.models.base import Record


class ActorType(StrEnum):
    """What sort of actor a canonical actor is."""

    PERSON = "person"
    GOVERNMENT = "government"
    ORGANIZATION = "organization"


class Gender(StrEnum):
    """Grammatical gender used to agree pronouns."""

    MALE = "male"
    FEMALE = "female"


class ActorSpec(BaseModel):
    """One actor in an alias file (TOML ``[[actor]]`` table)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Stable identifier, lowercase with hyphens.")
    name: str = Field(description="Canonical display name.")
    type: ActorType = Field(description="person, government or organization.")
    gender: Gender | None = Field(default=None, description="For pronoun agreement.")
    aliases: list[str] = Field(default_factory=list, description="Other names and metonyms.")
    demonyms: list[str] = Field(
        default_factory=list, description="Adjectives naming the country ('Russian')."
    )
    leader: str | None = Field(default=None, description="Actor id of a government's leader.")

    @field_validator("name", "id")
    @classmethod
    def _has_a_letter(cls, value: str) -> str:
        if not any(ch.isalnum() for ch in value):
            raise ValueError("must contain a letter or digit")
        return value

    @field_validator("aliases", "demonyms")
    @classmethod
    def _no_blank_names(cls, values: list[str]) -> list[str]:
        if any(not any(ch.isalnum() for ch in v) for v in values):
            raise ValueError("every name must contain a letter or digit")
        return values


class ActorData(BaseModel):
    """An alias file: a list of actors."""

    model_config = ConfigDict(extra="forbid")

    actor: list[ActorSpec] = Field(default_factory=list, description="The actors.")


class KeyStats(Record):
    """What the store knows about one mention key across the corpus (pronouns left out)."""

    key: str = Field(description="Mention key.")
    mentions: int = Field(description="Mentions with this key outside boilerplate.")
    labels: dict[str, int] = Field(default_factory=dict, description="Mentions per NER label.")
    surfaces: dict[str, int] = Field(
        default_factory=dict, description="Mentions per surface form, as written."
    )
    surface_labels: dict[str, tuple[str, ...]] = Field(
        default_factory=dict, description="Per surface form, the labels it was seen with."
    )

    def top_label(self) -> str:
        """The most common label (a tie goes to the first in sort order); '' when none."""
        return _most_common(self.labels) or ""

    def top_surface(self) -> str:
        """The most common surface form; the key itself when none.

        A tie goes to a form seen with the top label ("Istanbul" as GPE over "ISTANBUL" as
        ORG in a dateline), then to the first in sort order.
        """
        label = self.top_label()
        best = min(
            self.surfaces.items(),
            key=lambda item: (-item[1], label not in self.surface_labels.get(item[0], ()), item[0]),
            default=None,
        )
        return best[0] if best else self.key


def _most_common(counts: dict[str, int]) -> str | None:
    best = min(counts.items(), key=lambda item: (-item[1], item[0]), default=None)
    return best[0] if best else None


@dataclass(frozen=True)
class ResolvedActor:
    """A canonical actor as the corpus resolution makes it."""

    actor_id: str
    name: str
    type: ActorType
    government: str | None = None
    leader: str | None = None


@dataclass(frozen=True)
class Resolution:
    """The corpus resolution: actors, and which actor each mention key names."""

    actors: list[ResolvedActor]
    key_to_actor: dict[str, str]


class Actor(Record):
    """A canonical actor as resolved over the whole corpus."""

    actor_id: str = Field(description="Stable identifier.")
    name: str = Field(description="Canonical name.")
    type: ActorType = Field(description="person, government or organization.")
    aliases: tuple[str, ...] = Field(description="Every surface form seen in the corpus.")
    mentions: int = Field(description="Number of mentions across all documents.")
    documents: dict[str, int] = Field(description="Mentions per document id.")
    government: str | None = Field(default=None, description="Government a person leads.")
    leader: str | None = Field(default=None, description="Leader of a government.")
