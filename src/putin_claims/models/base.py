"""The base of every record: frozen, no unknown fields."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Record(BaseModel):
    """A frozen value with no unknown fields."""

    model_config = ConfigDict(extra="forbid", frozen=True)
