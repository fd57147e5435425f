"""TIMEX values: building results, formatting periods, calendar arithmetic and amounts."""

import datetime
import re
from typing import Final

from putin_claims.dates.lexicon import (
    LAST_WORDS,
    NEXT_WORDS,
    NUMBER_WORDS,
    SEASON_START_MONTH,
    THIS_WORDS,
    VAGUE_AMOUNTS,
    Unit,
)
from putin_claims.models.dates import DateKind, DateValue, Granularity

_FUTURE_WINDOW_DAYS: Final = 183  # month-day without year: at most this far after the anchor
_WEEKDAY_WINDOW: Final = 3  # bare weekday: within anchor +- 3 days
_YEARS_PER: Final[dict[Granularity, int]] = {
    Granularity.YEAR: 1,
    Granularity.DECADE: 10,
    Granularity.CENTURY: 100,
}


# --------------------------------------------------------------------------- results


def date_value(
    kind: DateKind, value: str | None, granularity: Granularity, relative: bool
) -> DateValue:
    return DateValue(kind=kind, value=value, granularity=granularity, relative=relative)


UNKNOWN: Final = date_value(DateKind.DATE, None, Granularity.UNKNOWN, False)


def unresolved(granularity: Granularity) -> DateValue:
    """A relative date whose value cannot be computed."""
    return date_value(DateKind.DATE, None, granularity, True)


def point(value: str, granularity: Granularity, relative: bool) -> DateValue:
    return date_value(DateKind.DATE, value, granularity, relative)


# --------------------------------------------------------------------------- formatting


def check_year(year: int) -> int:
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        raise ValueError(f"year out of range: {year}")
    return year


def fmt_day(d: datetime.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def fmt_week(d: datetime.date) -> str:
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def _fmt_year_like(year: int, granularity: Granularity) -> str:
    year = check_year(year)
    if granularity is Granularity.DECADE:
        return f"{year // 10:03d}X"
    if granularity is Granularity.CENTURY:
        return f"{year // 100:02d}XX"
    return f"{year:04d}"


def _fmt_number(amount: float) -> str:
    if amount.is_integer():
        return str(int(amount))
    return f"{amount:.3f}".rstrip("0").rstrip(".")


def iso_duration(unit: Unit, amount: float) -> str:
    return f"P{'T' if unit.is_time else ''}{_fmt_number(amount * unit.iso_factor)}{unit.designator}"


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    y, m0 = divmod(year * 12 + month - 1 + n, 12)
    return check_year(y), m0 + 1


# --------------------------------------------------------------------------- calendar arithmetic


def shift(anchor: datetime.date, granularity: Granularity, n: int) -> str:
    """The period `n` units of `granularity` away from the anchor's one, formatted."""
    if granularity is Granularity.DAY:
        return fmt_day(anchor + datetime.timedelta(days=n))
    if granularity is Granularity.WEEK:
        return fmt_week(anchor + datetime.timedelta(weeks=n))
    if granularity is Granularity.MONTH:
        y, m = add_months(anchor.year, anchor.month, n)
        return f"{y:04d}-{m:02d}"
    if granularity is Granularity.QUARTER:
        y, m = add_months(anchor.year, anchor.month, 3 * n)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    return _fmt_year_like(anchor.year + n * _YEARS_PER[granularity], granularity)


def weekday_in_window(anchor: datetime.date, weekday: int) -> datetime.date:
    offset = (weekday - anchor.weekday() + _WEEKDAY_WINDOW) % 7 - _WEEKDAY_WINDOW
    return anchor + datetime.timedelta(days=offset)


def weekday_before(anchor: datetime.date, weekday: int) -> datetime.date:
    return anchor - datetime.timedelta(days=(anchor.weekday() - weekday) % 7 or 7)


def weekday_after(anchor: datetime.date, weekday: int) -> datetime.date:
    return anchor + datetime.timedelta(days=(weekday - anchor.weekday()) % 7 or 7)


def year_for(first_day: datetime.date, anchor: datetime.date) -> int:
    """Year of a yearless date: the anchor's, or the previous one if too far in the future."""
    if (first_day - anchor).days > _FUTURE_WINDOW_DAYS:
        return first_day.year - 1
    return first_day.year


def _season_start(year: int, code: str) -> datetime.date:
    return datetime.date(year, SEASON_START_MONTH[code], 1)


def _season_end(year: int, code: str) -> datetime.date:
    y, m = add_months(year, SEASON_START_MONTH[code], 3)
    return datetime.date(y, m, 1) - datetime.timedelta(days=1)


def season_year(code: str, mod: str | None, anchor: datetime.date) -> int:
    """Start year of the season instance meant by `mod` ("this", "last", "next" or None)."""
    year = anchor.year
    if mod in THIS_WORDS:
        return year - 1 if code == "WI" and anchor.month <= 2 else year
    if mod in LAST_WORDS:  # latest one that ended before the anchor
        for candidate in (year, year - 1):
            if _season_end(candidate, code) < anchor:
                return candidate
        return year - 2
    if mod in NEXT_WORDS:  # first one that starts after the anchor
        return year if _season_start(year, code) > anchor else year + 1
    return year if _season_start(year, code) <= anchor else year - 1


# --------------------------------------------------------------------------- amounts


def amount_value(raw: str) -> float | None:
    """Numeric value of an amount phrase; None for vague amounts ("several")."""
    text = raw.strip()
    half = 0.0
    if text.endswith(" and a half"):
        text, half = text.removesuffix(" and a half").strip(), 0.5
    if text in {"half a", "half an"}:
        return 0.5
    if text in VAGUE_AMOUNTS:
        return None
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text] + half
    parts = re.split(r"[\s-]", text)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]] + half
    return float(text.replace(",", "")) + half
