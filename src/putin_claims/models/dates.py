"""Normalised date expressions."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class DateKind(StrEnum):
    """What a date expression denotes."""

    DATE = "date"
    DURATION = "duration"
    SET = "set"  # recurring: "every week", "daily"


class Granularity(StrEnum):
    """The precision of a date value (or the unit of a duration / set)."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    UNKNOWN = "unknown"


class DateValue(BaseModel):
    """A normalised date expression."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: DateKind = Field(description="Point/period in time, duration, or recurring set.")
    value: str | None = Field(
        description="TIMEX3-style value ('2025-12-15', '2025-W51', '2025-SU', '199X', "
        "'XXXX-03-18', 'P30D', ...); None when it cannot be resolved."
    )
    granularity: Granularity = Field(
        description="Precision of the value, or the unit of a duration or set."
    )
    relative: bool = Field(
        description="True when the expression needs an anchor (publication date or the "
        "narrative) to be resolved."
    )
