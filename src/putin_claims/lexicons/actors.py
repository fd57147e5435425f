"""``data/lexicon.toml`` (the actor layer's words) and ``data/actors.toml`` (alias data)."""

from __future__ import annotations

import hashlib
import tomllib
from functools import cache
from importlib.resources import files
from pathlib import Path

from pydantic import Field, ValidationError, model_validator

from putin_claims.errors import ActorDataError
from putin_claims.lexicons.base import Words, read
from putin_claims.models import ActorData, ActorType


class ActorWords(Words):
    """``data/lexicon.toml``: the words the actor layer reads."""

    honorifics: frozenset[str] = Field(description="Courtesy and rank titles before a name.")
    male_honorifics: frozenset[str] = Field(description="Honorifics that make a name male.")
    female_honorifics: frozenset[str] = Field(description="Honorifics that make a name female.")
    roles: tuple[str, ...] = Field(description="Offices ('prime minister', 'spokesman').")
    head_roles: frozenset[str] = Field(description="Offices that lead a country's government.")
    role_modifiers: frozenset[str] = Field(description="'former', 'acting' before an office.")
    past_modifiers: frozenset[str] = Field(
        description="Role modifiers kept in the role key: the office is no longer held."
    )
    locative_prepositions: frozenset[str] = Field(description="'in Moscow' is a place.")
    male_pronouns: frozenset[str] = Field(description="he, him, his, himself.")
    female_pronouns: frozenset[str] = Field(description="she, her, hers, herself.")
    entity_labels: dict[str, str] = Field(
        description="spaCy label -> actor type of a new name with it ('' = not an actor)."
    )
    demonyms: dict[str, str] = Field(description="Nationality adjective -> country name.")
    government_nouns: frozenset[str] = Field(
        default=frozenset(),
        description="'the UK government', 'the French authorities': the state's government.",
    )

    @model_validator(mode="after")
    def _longest_roles_first(self) -> ActorWords:
        object.__setattr__(self, "roles", tuple(sorted(self.roles, key=len, reverse=True)))
        return self

    def actor_type(self, label: str) -> ActorType | None:
        """The actor type a name with this entity label gets; None: the label names no actor."""
        value = self.entity_labels.get(label, "")
        return ActorType(value) if value else None


@cache
def actor_words() -> ActorWords:
    return ActorWords.model_validate(read("lexicon.toml"))


def load_actor_data(user_file: Path | None = None) -> ActorData:
    """The packaged alias data, extended (and overridden by id) by ``user_file``."""
    default = _parse_actor_toml(
        files("putin_claims.data").joinpath("actors.toml").read_text(encoding="utf-8"),
        "actors.toml",
    )
    if user_file is None:
        return default
    try:
        text = user_file.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ActorDataError(
            user_file, f"not UTF-8 text (byte {exc.start}); TOML files are UTF-8, save it so"
        ) from exc
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


def actor_fingerprint(data: ActorData) -> str:
    """Hash of the alias data in use (packaged plus the user's file)."""
    return hashlib.sha256(data.model_dump_json().encode()).hexdigest()[:16]
