"""`normalise_date`: clean the entity text, try the rules in order, then dateparser."""

import datetime
import functools
from typing import Final

from putin_claims.dates.fallback import from_dateparser
from putin_claims.dates.patterns import (
    DECADE_APOS_RE,
    EDGE_PUNCT,
    PLURAL_POSSESSIVE_RE,
    POSSESSIVE_RE,
    PREFIX_RE,
    TIME_OF_DAY_RE,
    TRANSLATE,
    WEEKDAY_PREFIX_RE,
)
from putin_claims.dates.rules import RULES
from putin_claims.dates.values import UNKNOWN
from putin_claims.models.dates import DateKind, DateValue, Granularity

MAX_LEN: Final = 80  # longer strings are not date entities


def from_weekday_prefixed(s: str, anchor: datetime.date | None) -> DateValue | None:
    """Monday, December 15, 2025 -> the date after the weekday name."""
    m = WEEKDAY_PREFIX_RE.fullmatch(s)
    if m is None:
        return None
    rest = strip_prefixes(m["rest"].strip(EDGE_PUNCT))
    result = dispatch(rest, anchor) or from_dateparser(rest, anchor)
    if result is None or result.granularity is not Granularity.DAY:
        return None
    return result if result.kind is DateKind.DATE else None


def dispatch(s: str, anchor: datetime.date | None) -> DateValue | None:
    """The value of the first rule that takes the cleaned text; None if none does."""
    for handler in (*RULES, from_weekday_prefixed):
        result = handler(s, anchor)
        if result is not None:
            return result
    return None


def strip_prefixes(s: str) -> str:
    """Drop leading prepositions and position modifiers ("in the early", "by the end of")."""
    while (m := PREFIX_RE.match(s)) is not None and m.end() < len(s):
        s = s[m.end() :]
    return s


def clean(text: str) -> str:
    """Lower case, one space, no possessives, prepositions or a time of day after the day."""
    s = " ".join(text.translate(TRANSLATE).lower().split()).strip(EDGE_PUNCT)
    s = DECADE_APOS_RE.sub("s", s)  # the 1990's -> the 1990s
    s = PLURAL_POSSESSIVE_RE.sub("", POSSESSIVE_RE.sub("", s))
    s = strip_prefixes(s).strip(EDGE_PUNCT)
    if (m := TIME_OF_DAY_RE.fullmatch(s)) is not None:
        s = m["head"]  # Monday night -> Monday, yesterday morning -> yesterday
    return s


def _normalise(text: str, anchor: datetime.date | None) -> DateValue:
    if len(text) > 4 * MAX_LEN:
        return UNKNOWN
    s = clean(text)
    if not s or len(s) > MAX_LEN:
        return UNKNOWN
    return dispatch(s, anchor) or from_dateparser(s, anchor) or UNKNOWN


@functools.lru_cache(maxsize=4096)
def normalise_date(text: str, anchor: datetime.date | None = None) -> DateValue:
    """Normalise the text of a DATE entity, resolving relative forms against `anchor`.

    `anchor` is the article's publication date, or None when unknown. Relative expressions
    ("Monday", "last summer", "this month", "two weeks ago") resolve only when it is given;
    otherwise their value is None (month-day and month forms keep "XXXX-03-18"/"XXXX-03").
    See the package docstring for the value formats and the rules for ambiguous cases.
    Never raises: anything uninterpretable gives kind DATE, value None, granularity UNKNOWN.
    """
    if not isinstance(text, str):
        return UNKNOWN
    if isinstance(anchor, datetime.datetime):
        anchor = anchor.date()
    elif not isinstance(anchor, datetime.date):
        anchor = None
    try:
        return _normalise(text, anchor)
    except (ValueError, OverflowError):  # dates out of range, impossible days
        return UNKNOWN
