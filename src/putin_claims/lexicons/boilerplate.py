"""``data/boilerplate.toml``: cue patterns per kind of page furniture."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import Field, model_validator

from putin_claims.lexicons.base import Words, read
from putin_claims.models import BoilerplateKind


@dataclass(frozen=True)
class CueSet:
    """Compiled cues of one kind of page furniture."""

    kind: BoilerplateKind
    strong: tuple[re.Pattern[str], ...]
    weak: tuple[re.Pattern[str], ...]


class _CueSpec(Words):
    strong: list[str] = Field(default_factory=list, description="Phrases only furniture uses.")
    weak: list[str] = Field(default_factory=list, description="Words prose uses too.")


class BoilerplateWords(Words):
    """``data/boilerplate.toml``: cue patterns per kind of page furniture."""

    strong_max_words: int = Field(description="Strong cues apply to lines up to this long.")
    cues: dict[BoilerplateKind, _CueSpec] = Field(description="Cue patterns per kind.")

    @model_validator(mode="before")
    @classmethod
    def _gather_tables(cls, data: Any) -> Any:
        if isinstance(data, dict) and "cues" not in data:
            tables = {k: v for k, v in data.items() if isinstance(v, dict)}
            rest = {k: v for k, v in data.items() if not isinstance(v, dict)}
            return {**rest, "cues": tables}
        return data

    def cue_sets(self) -> tuple[CueSet, ...]:
        return tuple(
            CueSet(
                kind,
                tuple(re.compile(p, re.IGNORECASE) for p in spec.strong),
                tuple(re.compile(p, re.IGNORECASE) for p in spec.weak),
            )
            for kind, spec in self.cues.items()
        )


@cache
def boilerplate_words() -> BoilerplateWords:
    return BoilerplateWords.model_validate(read("boilerplate.toml"))


@cache
def boilerplate_cues() -> tuple[int, tuple[CueSet, ...]]:
    """(strong_max_words, compiled cue sets), compiled once."""
    words = boilerplate_words()
    return words.strong_max_words, words.cue_sets()
