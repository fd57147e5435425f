"""What every word-list file shares: its section model and how it is read."""

from __future__ import annotations

import tomllib
from importlib.resources import files
from typing import Any

from pydantic import BaseModel, ConfigDict


class Words(BaseModel):
    """A section of a word-list file: no unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def read(name: str) -> dict[str, Any]:
    return tomllib.loads(files("putin_claims.data").joinpath(name).read_text(encoding="utf-8"))
