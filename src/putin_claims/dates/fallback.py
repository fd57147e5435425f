"""The dateparser fallback: explicit absolute dates the rules miss, checked against the text."""

import datetime
import functools
from typing import Any

from dateparser.date import DateDataParser

from putin_claims.dates.patterns import (
    FALLBACK_HINT_RE,
    MONTH_WORD_RE,
    NUMBER_TOKEN_RE,
    SHORT_YEAR_RE,
    YEAR_TOKEN_RE,
)
from putin_claims.dates.rules import yearless_day, yearless_month
from putin_claims.dates.values import fmt_day, point
from putin_claims.models.dates import DateValue, Granularity


@functools.cache
def date_parser() -> Any:
    """The shared DateDataParser (built on first use; only absolute-date parsers enabled)."""
    settings = {
        "RELATIVE_BASE": datetime.datetime(2000, 1, 1),
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": ["month"],
        "PARSERS": ["custom-formats", "absolute-time"],
    }
    return DateDataParser(languages=["en"], settings=settings)


def _fallback_allowed(s: str) -> bool:
    if FALLBACK_HINT_RE.search(s) is None:
        return False
    return len(set(YEAR_TOKEN_RE.findall(s))) <= 1  # two different years: a range


def from_dateparser(s: str, anchor: datetime.date | None) -> DateValue | None:
    """Explicit absolute dates the regexes miss ("15/12/2025", "December the 15th, 2025")."""
    if not _fallback_allowed(s):
        return None
    try:
        parsed = date_parser().get_date_data(s)
    except Exception:  # dateparser can fail in many ways on odd input; never propagate
        return None
    date_obj, period = getattr(parsed, "date_obj", None), getattr(parsed, "period", None)
    if not isinstance(date_obj, datetime.datetime):
        return None
    return _accept_parsed(s, date_obj.date(), str(period), anchor)


def _accept_parsed(
    s: str, parsed: datetime.date, period: str, anchor: datetime.date | None
) -> DateValue | None:
    """Keep dateparser's answer only when it agrees with the digits written in the text."""
    numbers = [int(n) for n in NUMBER_TOKEN_RE.findall(s)]
    years = {int(y) for y in YEAR_TOKEN_RE.findall(s)}
    if period not in {"day", "week", "time", "month"}:
        return None
    granularity = Granularity.MONTH if period == "month" else Granularity.DAY
    if years and parsed.year not in years:
        return None
    if granularity is Granularity.DAY and parsed.day not in numbers:
        return None
    has_month_name = MONTH_WORD_RE.search(s) is not None
    if not has_month_name and len(numbers) < (3 if granularity is Granularity.DAY else 2):
        return None
    year_known = bool(years) or len(numbers) >= 3 or SHORT_YEAR_RE.search(s) is not None
    if granularity is Granularity.MONTH:
        if year_known:
            return point(f"{parsed.year:04d}-{parsed.month:02d}", granularity, False)
        return yearless_month(parsed.month, None, anchor)
    if year_known:
        return point(fmt_day(parsed), granularity, False)
    return yearless_day(parsed.month, parsed.day, anchor)
