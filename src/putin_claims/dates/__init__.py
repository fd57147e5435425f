"""Normalise the text of a spaCy DATE entity into a TIMEX3-like value.

`normalise_date` is a pure function: it takes the entity text ("March 18", "last summer's",
"30-day", "every week", "the 1990s", ...) and optionally the article's publication date (the
*anchor*) and returns a `DateValue`. It never raises on any string.

Value formats (TIMEX3-like): day "2025-12-15", month "2025-12", year "2025", ISO week
"2025-W51", weekend "2025-W51-WE", season "2025-SU" (SP/SU/FA/WI), quarter "2025-Q1", decade
"199X", century "19XX"; durations and sets use ISO-8601 durations ("P30D", "PT90M", "P2Y");
recurring named days/periods use "XXXX-WXX-1" (every Monday), "XXXX-SU", "XXXX-03".

Rules for ambiguous cases:

* Month+day without a year ("March 18"): without an anchor the value is "XXXX-03-18". With an
  anchor the candidate is in the anchor's year; if that candidate is more than 183 days after
  the anchor, the previous year is used (news mostly reports the recent past). A bare month
  ("March") and a quarter without a year ("the first quarter") follow the same rule, using the
  first day of the period; without an anchor they give "XXXX-03" / "XXXX-Q1".
* A weekday alone ("Monday", "on Tuesday", "this Monday") is the day with that name inside the
  window [anchor - 3 days, anchor + 3 days] (news uses a bare weekday for the last and the
  coming few days). "last Tuesday" / "past Tuesday" is the latest Tuesday strictly before the
  anchor; "next Tuesday" / "coming Tuesday" the first one strictly after it.
* Weekends: "the weekend" is the weekend whose Saturday is in the same +-3-day window;
  "this weekend" the weekend of the anchor's ISO week; "last weekend" the weekend of the latest
  Sunday strictly before the anchor; "next weekend" that of the first Saturday strictly after.
* Seasons are meteorological, northern hemisphere: spring Mar-May, summer Jun-Aug, autumn/fall
  Sep-Nov, winter Dec of year Y to Feb of Y+1 (so "2025-WI" starts in December 2025). A bare
  season ("summer", "early summer") is the one of the anchor's year unless it starts after the
  anchor, in which case the previous year's. "this summer" is the season containing the anchor,
  otherwise the anchor's year's one (winter in January/February is the previous year's).
  "last summer" is the latest one that ended before the anchor; "next summer" the first one
  that starts after it. Without an anchor, seasons that need one resolve to None.
* Modifiers "early", "late", "mid-", "the end/beginning/middle of", "the first half of", ...
  and prepositions ("on", "in", "since", "by", "until", ...) are stripped and shift nothing: the
  value stays at the period's granularity ("the end of 2024" -> "2024", "mid-2023" -> "2023").
* "N units ago" / "N units from now" resolve against the anchor at the unit's granularity
  ("two weeks ago" -> an ISO week; hours/minutes -> the day). "N units later/earlier/before/
  after", "the next day", "the following week", "that year" are relative to the narrative, not
  to the publication date: relative=True and value None even with an anchor.
* "the past year", "the last two years", "the coming months", "recent weeks" are durations.
* Decades: "the '90s"/"the 90s" -> "199X" ('00s and '10s -> 20xx, '20s..'90s -> 19xx); "the
  1800s"/"the 1900s" (hundreds before 2000) are centuries ("18XX"), "the 2000s" is a decade.
* Hours, minutes and seconds have no granularity member: they get Granularity.UNKNOWN.
* A year range or any other text with two different 4-digit years is not interpreted; a day
  range inside one month ("March 18-20", via dateparser) gives its first day.
* Unrecognised forms fall back to dateparser, accepted only when the text has a month name,
  a 4-digit year or digits with separators, and its answer agrees with the digits in the text.
"""

import datetime
import functools
import re
from collections.abc import Callable, Iterable
from typing import Any, Final, NamedTuple

from dateparser.date import DateDataParser

from putin_claims.models.dates import DateKind, DateValue, Granularity

__all__ = ["DateKind", "DateValue", "Granularity", "normalise_date"]


# --------------------------------------------------------------------------- lexicons

MONTH_NAMES: Final[dict[str, int]] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAY_NAMES: Final[dict[str, int]] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thur": 3, "thu": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
WEEKDAY_FULL_NAMES: Final[tuple[str, ...]] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip
SEASON_NAMES: Final[dict[str, str]] = {
    "spring": "SP", "springtime": "SP", "summer": "SU", "summertime": "SU", "autumn": "FA",
    "fall": "FA", "winter": "WI", "wintertime": "WI",
}  # fmt: skip
SEASON_START_MONTH: Final[dict[str, int]] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
NUMBER_WORDS: Final[dict[str, int]] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "one hundred": 100, "dozen": 12, "a dozen": 12, "couple of": 2, "a couple of": 2,
    "a couple": 2, "a pair of": 2,
}  # fmt: skip
TENS_WORDS: Final[tuple[str, ...]] = (
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
)  # fmt: skip
DIGIT_WORDS: Final[tuple[str, ...]] = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
)  # fmt: skip
VAGUE_AMOUNTS: Final[frozenset[str]] = frozenset(
    {"several", "a few", "few", "many", "some", "numerous", "a number of", "countless",
     "dozens of", "hundreds of", "a couple more", "a few more"}
)  # fmt: skip
ORDINAL_WORDS: Final[dict[str, int]] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20,
}  # fmt: skip
COMPOUND_ORDINAL_WORDS: Final[dict[str, int]] = {
    f"twenty{sep}{word}": 20 + ORDINAL_WORDS[word]
    for word in ("first", "second", "third")
    for sep in ("-", " ")
}
QUARTER_ORDINALS: Final[dict[str, int]] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4,
}  # fmt: skip
DECADE_WORDS: Final[dict[str, str]] = {
    "twenties": "192", "thirties": "193", "forties": "194", "fifties": "195", "sixties": "196",
    "seventies": "197", "eighties": "198", "nineties": "199", "noughties": "200",
    "aughts": "200",
}  # fmt: skip
DAY_OFFSETS: Final[dict[str, int]] = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "tomorrow": 1, "day before yesterday": -2,
    "day after tomorrow": 2,
}  # fmt: skip
LEADING_WORDS: Final[tuple[str, ...]] = (
    "the", "on", "in", "at", "since", "ever since", "by", "until", "till", "from", "during",
    "through", "throughout", "before", "after", "around", "about", "approximately", "roughly",
    "nearly", "almost", "over", "under", "within", "some", "just", "only", "as of",
    "as early as", "as late as", "at least", "at most", "up to", "more than", "less than",
    "fewer than", "earlier", "later", "early", "late", "mid", "end of", "beginning of",
    "start of", "middle of", "close of", "rest of", "remainder of", "turn of",
    "first half of", "second half of", "latter half of", "latter part of", "early part of",
    "later part of", "first part of",
)  # fmt: skip
TIME_OF_DAY_WORDS: Final[tuple[str, ...]] = ("morning", "afternoon", "evening", "night")
THIS_WORDS: Final[frozenset[str]] = frozenset({"this", "current", "present"})
LAST_WORDS: Final[frozenset[str]] = frozenset({"last", "past"})
NEXT_WORDS: Final[frozenset[str]] = frozenset({"next", "coming"})
NARRATIVE_WORDS: Final[tuple[str, ...]] = (
    "that", "same", "that same", "following", "preceding", "prior", "previous",
)  # fmt: skip
NARRATIVE_SUFFIXES: Final[frozenset[str]] = frozenset(
    {"earlier", "later", "before", "after", "prior", "on"}
)
PAST_SUFFIXES: Final[frozenset[str]] = frozenset({"ago"})
FUTURE_SUFFIXES: Final[frozenset[str]] = frozenset({"from now", "hence", "time"})
DURATION_MARKERS: Final[tuple[str, ...]] = (
    "past", "last", "next", "coming", "recent", "first", "final", "previous", "following",
)  # fmt: skip
CALENDAR_UNITS: Final[dict[str, Granularity]] = {
    "day": Granularity.DAY, "night": Granularity.DAY, "morning": Granularity.DAY,
    "afternoon": Granularity.DAY, "evening": Granularity.DAY, "week": Granularity.WEEK,
    "weekend": Granularity.WEEK, "month": Granularity.MONTH, "season": Granularity.SEASON,
    "quarter": Granularity.QUARTER, "year": Granularity.YEAR, "decade": Granularity.DECADE,
    "century": Granularity.CENTURY,
}  # fmt: skip


class _Unit(NamedTuple):
    """A duration unit: granularity, ISO-8601 designator and how to shift dates by it."""

    granularity: Granularity
    designator: str  # ISO-8601 designator: Y M W D, or H M S after "T"
    iso_factor: int  # a quarter is 3 months, a decade 10 years, a fortnight 2 weeks
    is_time: bool = False
    days: float = 0.0  # for time units: length in days


_DAY = _Unit(Granularity.DAY, "D", 1)
_WEEK = _Unit(Granularity.WEEK, "W", 1)
_FORTNIGHT = _Unit(Granularity.WEEK, "W", 2)
_MONTH = _Unit(Granularity.MONTH, "M", 1)
_QUARTER = _Unit(Granularity.QUARTER, "M", 3)
_YEAR = _Unit(Granularity.YEAR, "Y", 1)
_DECADE = _Unit(Granularity.DECADE, "Y", 10)
_CENTURY = _Unit(Granularity.CENTURY, "Y", 100)
_HOUR = _Unit(Granularity.UNKNOWN, "H", 1, is_time=True, days=1 / 24)
_MINUTE = _Unit(Granularity.UNKNOWN, "M", 1, is_time=True, days=1 / 1440)
_SECOND = _Unit(Granularity.UNKNOWN, "S", 1, is_time=True, days=1 / 86400)

UNIT_WORDS: Final[dict[str, _Unit]] = {
    "day": _DAY, "days": _DAY, "night": _DAY, "nights": _DAY, "week": _WEEK, "weeks": _WEEK,
    "fortnight": _FORTNIGHT, "fortnights": _FORTNIGHT, "month": _MONTH, "months": _MONTH,
    "quarter": _QUARTER, "quarters": _QUARTER, "year": _YEAR, "years": _YEAR, "yr": _YEAR,
    "yrs": _YEAR, "decade": _DECADE, "decades": _DECADE, "century": _CENTURY,
    "centuries": _CENTURY, "hour": _HOUR, "hours": _HOUR, "hr": _HOUR, "hrs": _HOUR,
    "minute": _MINUTE, "minutes": _MINUTE, "min": _MINUTE, "mins": _MINUTE,
    "second": _SECOND, "seconds": _SECOND, "sec": _SECOND, "secs": _SECOND,
}  # fmt: skip
PLURAL_UNIT_WORDS: Final[frozenset[str]] = frozenset(
    {"days", "nights", "weeks", "fortnights", "months", "quarters", "years", "yrs", "decades",
     "centuries", "hours", "hrs", "minutes", "mins", "seconds", "secs"}
)  # fmt: skip
SET_ADVERBS: Final[dict[str, tuple[str, Granularity]]] = {
    "daily": ("P1D", Granularity.DAY), "nightly": ("P1D", Granularity.DAY),
    "weekly": ("P1W", Granularity.WEEK), "biweekly": ("P2W", Granularity.WEEK),
    "fortnightly": ("P2W", Granularity.WEEK), "monthly": ("P1M", Granularity.MONTH),
    "bimonthly": ("P2M", Granularity.MONTH), "quarterly": ("P3M", Granularity.QUARTER),
    "yearly": ("P1Y", Granularity.YEAR), "annually": ("P1Y", Granularity.YEAR),
    "biannually": ("P6M", Granularity.MONTH), "semiannually": ("P6M", Granularity.MONTH),
    "hourly": ("PT1H", Granularity.UNKNOWN), "weekends": ("XXXX-WXX-WE", Granularity.WEEK),
}  # fmt: skip

_MAX_LEN: Final = 80  # longer strings are not date entities
_FUTURE_WINDOW_DAYS: Final = 183  # month-day without year: at most this far after the anchor
_WEEKDAY_WINDOW: Final = 3  # bare weekday: within anchor +- 3 days
_YEARS_PER: Final[dict[Granularity, int]] = {
    Granularity.YEAR: 1,
    Granularity.DECADE: 10,
    Granularity.CENTURY: 100,
}


def _alt(words: Iterable[str]) -> str:
    """Regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_MON = _alt(MONTH_NAMES)
_WD = _alt(WEEKDAY_NAMES)
_SEASON = _alt(SEASON_NAMES)
_UNIT = _alt(UNIT_WORDS)
_COMPOUND_NUMBER = rf"(?:{_alt(TENS_WORDS)})[\s-](?:{_alt(DIGIT_WORDS)})"
_DIGITS = r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,6}(?:\.[0-9]{1,3})?"
_AMOUNT = (
    rf"(?:{_COMPOUND_NUMBER}|{_alt(NUMBER_WORDS)}|{_alt(VAGUE_AMOUNTS)}|{_DIGITS})"
    r"(?:\s+and\s+a\s+half)?|half\s+an?"
)
_DAYNUM = r"(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?"
_YEAR4 = r"(?P<year>[12][0-9]{3})"

_TRANSLATE: Final = str.maketrans(
    {"’": "'", "‘": "'", "`": "'", "´": "'", "–": "-", "—": "-", "‐": "-", "‑": "-"}
)
_EDGE_PUNCT: Final = ' .,;:!?"()[]{}'
_DECADE_APOS_RE = re.compile(r"(?<=[0-9]0)'s\b")
_POSSESSIVE_RE = re.compile(r"(?<=[a-z0-9])'s\b")
_PLURAL_POSSESSIVE_RE = re.compile(r"(?<=s)'(?=\s|$)")
_PREFIX_RE = re.compile(rf"(?:{_alt(LEADING_WORDS)})(?:\s+|-)")
_TIME_OF_DAY_RE = re.compile(
    rf"(?P<head>.*\b(?:{_WD}|today|yesterday|tomorrow)\.?)\s+(?:{_alt(TIME_OF_DAY_WORDS)})"
)

_NARRATIVE_RE = re.compile(
    rf"(?:{_alt(NARRATIVE_WORDS)})\s+(?P<u1>{_alt(CALENDAR_UNITS)})"
    r"|next\s+(?P<u2>day|morning|afternoon|evening|night)"
    r"|(?P<u3>day|night|week|month|year)\s+(?:before|after|earlier|later|prior)"
)
_EVERY_RE = re.compile(
    rf"(?:every|each)\s+(?:(?P<other>other)\s+|(?P<amt>{_AMOUNT})\s+)?(?P<unit>{_UNIT})"
)
_EVERY_NAME_RE = re.compile(rf"(?:every|each)\s+(?P<name>{_WD}|{_SEASON}|{_MON})")
_TIMES_PER_RE = re.compile(
    rf"(?:(?:once|twice|thrice|(?:{_AMOUNT})\s+times)\s+(?:a|an|per|every|each)|per)"
    rf"\s+(?P<unit>{_UNIT})"
)
_PLURAL_WEEKDAY_RE = re.compile(rf"(?P<wd>{_alt(WEEKDAY_FULL_NAMES)})s")
_RELATIVE_UNIT_RE = re.compile(
    r"(?P<mod>this|current|present|last|next|coming)\s+"
    r"(?P<unit>week|weekend|month|year|quarter|decade|century)"
)
_WEEKDAY_RE = re.compile(rf"(?:(?P<mod>this|last|past|next|coming)\s+)?(?P<wd>{_WD})")
_WEEKDAY_PREFIX_RE = re.compile(rf"(?P<wd>{_WD})\.?,?\s+(?P<rest>.+)")
_SEASON_RE = re.compile(
    rf"(?:(?P<mod>this|last|past|next|coming)\s+)?(?P<season>{_SEASON})"
    rf"(?:,?\s+(?:of\s+)?{_YEAR4})?"
)
_YEAR_SEASON_RE = re.compile(rf"{_YEAR4}\s+(?P<season>{_SEASON})")
_MONTH_DAY_RE = re.compile(rf"(?P<mon>{_MON})\.?\s+{_DAYNUM}(?:,?\s+{_YEAR4})?")
_DAY_MONTH_RE = re.compile(rf"{_DAYNUM}\s+(?:of\s+)?(?P<mon>{_MON})\.?(?:,?\s+{_YEAR4})?")
_MONTH_RE = re.compile(
    rf"(?:(?P<mod>this|last|past|next|coming)\s+)?(?P<mon>{_MON})\.?"
    rf"(?:,?\s+(?:of\s+)?{_YEAR4})?"
)
_ISO_RE = re.compile(rf"{_YEAR4}-(?P<month>[0-9]{{2}})(?:-(?P<day>[0-9]{{2}}))?")
_QUARTER_RE = re.compile(
    rf"(?:q(?P<qn>[1-4])|(?P<qw>{_alt(QUARTER_ORDINALS)})[\s-]+quarter)"
    rf"(?:,?\s+(?:of\s+)?{_YEAR4})?"
)
_YEAR_QUARTER_RE = re.compile(rf"{_YEAR4}[\s-]+q(?P<qn>[1-4])")
_YEAR_RE = re.compile(rf"(?:(?:fiscal\s+)?year\s+|fy\s*)?{_YEAR4}")
_DECADE_FULL_RE = re.compile(r"(?P<head>[12][0-9]{2})0s")
_DECADE_SHORT_RE = re.compile(r"'?(?P<digit>[0-9])0s")
_CENTURY_RE = re.compile(
    r"(?:(?P<num>[0-9]{1,2})(?:st|nd|rd|th)|"
    rf"(?P<word>{_alt({**ORDINAL_WORDS, **COMPOUND_ORDINAL_WORDS})}))[\s-]+century"
)
_AMOUNT_UNIT_RE = re.compile(
    rf"(?:(?P<dir>{_alt(DURATION_MARKERS)})\s+)?(?:(?P<amt>{_AMOUNT})[\s-]+)?"
    rf"(?P<unit>{_UNIT})(?P<half>\s+and\s+a\s+half)?(?P<adj>[\s-]+(?:long|old))?"
    r"(?:\s+(?P<suf>ago|earlier|later|before|after|prior|from\s+now|hence|time|on))?"
)
_BARE_UNIT_RE = re.compile(r"(?P<unit>day|week|weekend|month|year|quarter|decade|century)")

_FALLBACK_HINT_RE = re.compile(
    rf"\b(?:{_MON})\b|\b[12][0-9]{{3}}\b|\b[0-9]{{1,4}}[./-][0-9]{{1,2}}(?:[./-][0-9]{{1,4}})?\b"
)
_MONTH_WORD_RE = re.compile(rf"\b(?:{_MON})\b")
_YEAR_TOKEN_RE = re.compile(r"\b[0-9]{4}\b")
_SHORT_YEAR_RE = re.compile(r"'[0-9]{2}\b")
_NUMBER_TOKEN_RE = re.compile(r"[0-9]+")


# --------------------------------------------------------------------------- results


def _result(
    kind: DateKind, value: str | None, granularity: Granularity, relative: bool
) -> DateValue:
    return DateValue(kind=kind, value=value, granularity=granularity, relative=relative)


_UNKNOWN: Final = _result(DateKind.DATE, None, Granularity.UNKNOWN, False)


def _unresolved(granularity: Granularity) -> DateValue:
    """A relative date whose value cannot be computed."""
    return _result(DateKind.DATE, None, granularity, True)


def _point(value: str, granularity: Granularity, relative: bool) -> DateValue:
    return _result(DateKind.DATE, value, granularity, relative)


# --------------------------------------------------------------------------- formatting


def _check_year(year: int) -> int:
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        raise ValueError(f"year out of range: {year}")
    return year


def _fmt_day(d: datetime.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def _fmt_week(d: datetime.date) -> str:
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def _fmt_year_like(year: int, granularity: Granularity) -> str:
    year = _check_year(year)
    if granularity is Granularity.DECADE:
        return f"{year // 10:03d}X"
    if granularity is Granularity.CENTURY:
        return f"{year // 100:02d}XX"
    return f"{year:04d}"


def _fmt_number(amount: float) -> str:
    if amount.is_integer():
        return str(int(amount))
    return f"{amount:.3f}".rstrip("0").rstrip(".")


def _iso_duration(unit: _Unit, amount: float) -> str:
    return f"P{'T' if unit.is_time else ''}{_fmt_number(amount * unit.iso_factor)}{unit.designator}"


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    y, m0 = divmod(year * 12 + month - 1 + n, 12)
    return _check_year(y), m0 + 1


# --------------------------------------------------------------------------- calendar arithmetic


def _shift(anchor: datetime.date, granularity: Granularity, n: int) -> str:
    """The period `n` units of `granularity` away from the anchor's one, formatted."""
    if granularity is Granularity.DAY:
        return _fmt_day(anchor + datetime.timedelta(days=n))
    if granularity is Granularity.WEEK:
        return _fmt_week(anchor + datetime.timedelta(weeks=n))
    if granularity is Granularity.MONTH:
        y, m = _add_months(anchor.year, anchor.month, n)
        return f"{y:04d}-{m:02d}"
    if granularity is Granularity.QUARTER:
        y, m = _add_months(anchor.year, anchor.month, 3 * n)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    return _fmt_year_like(anchor.year + n * _YEARS_PER[granularity], granularity)


def _weekday_in_window(anchor: datetime.date, weekday: int) -> datetime.date:
    offset = (weekday - anchor.weekday() + _WEEKDAY_WINDOW) % 7 - _WEEKDAY_WINDOW
    return anchor + datetime.timedelta(days=offset)


def _weekday_before(anchor: datetime.date, weekday: int) -> datetime.date:
    return anchor - datetime.timedelta(days=(anchor.weekday() - weekday) % 7 or 7)


def _weekday_after(anchor: datetime.date, weekday: int) -> datetime.date:
    return anchor + datetime.timedelta(days=(weekday - anchor.weekday()) % 7 or 7)


def _year_for(first_day: datetime.date, anchor: datetime.date) -> int:
    """Year of a yearless date: the anchor's, or the previous one if too far in the future."""
    if (first_day - anchor).days > _FUTURE_WINDOW_DAYS:
        return first_day.year - 1
    return first_day.year


def _season_start(year: int, code: str) -> datetime.date:
    return datetime.date(year, SEASON_START_MONTH[code], 1)


def _season_end(year: int, code: str) -> datetime.date:
    y, m = _add_months(year, SEASON_START_MONTH[code], 3)
    return datetime.date(y, m, 1) - datetime.timedelta(days=1)


def _season_year(code: str, mod: str | None, anchor: datetime.date) -> int:
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


def _amount_value(raw: str) -> float | None:
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


# --------------------------------------------------------------------------- handlers

_Handler = Callable[[str, datetime.date | None], DateValue | None]


def _from_day_word(s: str, anchor: datetime.date | None) -> DateValue | None:
    """today, yesterday, tomorrow, last night, the day before yesterday, ..."""
    offset = DAY_OFFSETS.get(s)
    if offset is None:
        return None
    if anchor is None:
        return _unresolved(Granularity.DAY)
    return _point(_shift(anchor, Granularity.DAY, offset), Granularity.DAY, True)


def _from_narrative(s: str, anchor: datetime.date | None) -> DateValue | None:
    """the next day, the following week, that year: relative to the story, not the article."""
    m = _NARRATIVE_RE.fullmatch(s)
    if m is None:
        return None
    unit = m["u1"] or m["u2"] or m["u3"]
    return _unresolved(CALENDAR_UNITS[unit])


def _from_set(s: str, anchor: datetime.date | None) -> DateValue | None:
    """daily, every week, every two weeks, every Monday, twice a year, mondays."""
    if s in SET_ADVERBS:
        adverb_value, granularity = SET_ADVERBS[s]
        return _result(DateKind.SET, adverb_value, granularity, False)
    if m := _EVERY_NAME_RE.fullmatch(s):
        return _named_set(m["name"])
    if m := _PLURAL_WEEKDAY_RE.fullmatch(s):
        return _named_set(m["wd"])
    if m := _EVERY_RE.fullmatch(s):
        unit = UNIT_WORDS[m["unit"]]
        amount = 2.0 if m["other"] else _amount_value(m["amt"]) if m["amt"] else 1.0
        value = None if amount is None else _iso_duration(unit, amount)
        return _result(DateKind.SET, value, unit.granularity, False)
    if m := _TIMES_PER_RE.fullmatch(s):
        unit = UNIT_WORDS[m["unit"]]
        return _result(DateKind.SET, _iso_duration(unit, 1.0), unit.granularity, False)
    return None


def _named_set(name: str) -> DateValue:
    """every Monday -> XXXX-WXX-1, every summer -> XXXX-SU, every March -> XXXX-03."""
    if name in WEEKDAY_NAMES:
        return _result(DateKind.SET, f"XXXX-WXX-{WEEKDAY_NAMES[name] + 1}", Granularity.DAY, False)
    if name in SEASON_NAMES:
        return _result(DateKind.SET, f"XXXX-{SEASON_NAMES[name]}", Granularity.SEASON, False)
    return _result(DateKind.SET, f"XXXX-{MONTH_NAMES[name]:02d}", Granularity.MONTH, False)


def _from_relative_unit(s: str, anchor: datetime.date | None) -> DateValue | None:
    """this week, last month, next year, this decade, last weekend, ..."""
    m = _RELATIVE_UNIT_RE.fullmatch(s)
    if m is None:
        return None
    mod, unit = m["mod"], m["unit"]
    granularity = CALENDAR_UNITS[unit]
    if anchor is None:
        return _unresolved(granularity)
    if unit == "weekend":
        return _point(_weekend(anchor, mod), granularity, True)
    n = 0 if mod in THIS_WORDS else -1 if mod in LAST_WORDS else 1
    return _point(_shift(anchor, granularity, n), granularity, True)


def _weekend(anchor: datetime.date, mod: str | None) -> str:
    """ISO week of the weekend meant by `mod` ("this", "last", "next" or None)."""
    if mod in THIS_WORDS:
        day = anchor
    elif mod in LAST_WORDS:
        day = _weekday_before(anchor, 6)
    elif mod in NEXT_WORDS:
        day = _weekday_after(anchor, 5)
    else:
        day = _weekday_in_window(anchor, 5)
    return f"{_fmt_week(day)}-WE"


def _from_weekday(s: str, anchor: datetime.date | None) -> DateValue | None:
    """Monday, last Tuesday, next Friday, this Wednesday."""
    m = _WEEKDAY_RE.fullmatch(s)
    if m is None:
        return None
    if anchor is None:
        return _unresolved(Granularity.DAY)
    weekday, mod = WEEKDAY_NAMES[m["wd"]], m["mod"]
    if mod in LAST_WORDS:
        day = _weekday_before(anchor, weekday)
    elif mod in NEXT_WORDS:
        day = _weekday_after(anchor, weekday)
    else:
        day = _weekday_in_window(anchor, weekday)
    return _point(_fmt_day(day), Granularity.DAY, True)


def _from_weekday_prefixed(s: str, anchor: datetime.date | None) -> DateValue | None:
    """Monday, December 15, 2025 -> the date after the weekday name."""
    m = _WEEKDAY_PREFIX_RE.fullmatch(s)
    if m is None:
        return None
    rest = _strip_prefixes(m["rest"].strip(_EDGE_PUNCT))
    result = _dispatch(rest, anchor) or _from_dateparser(rest, anchor)
    if result is None or result.granularity is not Granularity.DAY:
        return None
    return result if result.kind is DateKind.DATE else None


def _from_season(s: str, anchor: datetime.date | None) -> DateValue | None:
    """summer, last summer, this spring, summer 2022, the winter of 2021, 2022 autumn."""
    m = _SEASON_RE.fullmatch(s) or _YEAR_SEASON_RE.fullmatch(s)
    if m is None:
        return None
    code = SEASON_NAMES[m["season"]]
    if m["year"]:
        return _point(f"{m['year']}-{code}", Granularity.SEASON, False)
    if anchor is None:
        return _unresolved(Granularity.SEASON)
    mod = m.groupdict().get("mod")
    year = _season_year(code, mod, anchor)
    return _point(f"{_check_year(year):04d}-{code}", Granularity.SEASON, True)


def _from_month_day(s: str, anchor: datetime.date | None) -> DateValue | None:
    """March 18, 18 March, Dec. 15, 2025, the 18th of March, 2025-12-15."""
    m = _MONTH_DAY_RE.fullmatch(s) or _DAY_MONTH_RE.fullmatch(s)
    if m is not None:
        month = MONTH_NAMES[m["mon"]]
    elif (m := _ISO_RE.fullmatch(s)) is not None and m["day"]:
        month = int(m["month"])
    else:
        return None
    day = int(m["day"])
    if m["year"]:
        return _point(_fmt_day(datetime.date(int(m["year"]), month, day)), Granularity.DAY, False)
    return _yearless_day(month, day, anchor)


def _yearless_day(month: int, day: int, anchor: datetime.date | None) -> DateValue:
    datetime.date(2000, month, day)  # validates month/day (2000 is a leap year)
    if anchor is None:
        return _point(f"XXXX-{month:02d}-{day:02d}", Granularity.DAY, True)
    try:
        candidate = datetime.date(anchor.year, month, day)
        resolved = candidate.replace(year=_year_for(candidate, anchor))
    except ValueError:  # 29 February in a common year
        return _unresolved(Granularity.DAY)
    return _point(_fmt_day(resolved), Granularity.DAY, True)


def _from_month(s: str, anchor: datetime.date | None) -> DateValue | None:
    """March, last March, March 2022, March of 2022, 2022-03."""
    m = _MONTH_RE.fullmatch(s)
    if m is None:
        iso = _ISO_RE.fullmatch(s)
        if iso is None:
            return None
        month = int(iso["month"])
        datetime.date(int(iso["year"]), month, 1)  # validates the month
        return _point(f"{iso['year']}-{month:02d}", Granularity.MONTH, False)
    month = MONTH_NAMES[m["mon"]]
    if m["year"]:
        return _point(f"{m['year']}-{month:02d}", Granularity.MONTH, False)
    return _yearless_month(month, m["mod"], anchor)


def _yearless_month(month: int, mod: str | None, anchor: datetime.date | None) -> DateValue:
    if anchor is None:
        if mod is None:
            return _point(f"XXXX-{month:02d}", Granularity.MONTH, True)
        return _unresolved(Granularity.MONTH)
    if mod in THIS_WORDS:
        year = anchor.year
    elif mod in LAST_WORDS:
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif mod in NEXT_WORDS:
        year = anchor.year if month > anchor.month else anchor.year + 1
    else:
        year = _year_for(datetime.date(anchor.year, month, 1), anchor)
    return _point(f"{_check_year(year):04d}-{month:02d}", Granularity.MONTH, True)


def _from_quarter(s: str, anchor: datetime.date | None) -> DateValue | None:
    """Q1 2025, 2025 Q1, the first quarter of 2025, the third quarter."""
    m = _QUARTER_RE.fullmatch(s) or _YEAR_QUARTER_RE.fullmatch(s)
    if m is None:
        return None
    groups = m.groupdict()
    quarter = int(groups["qn"]) if groups["qn"] else QUARTER_ORDINALS[groups["qw"]]
    if m["year"]:
        return _point(f"{m['year']}-Q{quarter}", Granularity.QUARTER, False)
    if anchor is None:
        return _point(f"XXXX-Q{quarter}", Granularity.QUARTER, True)
    start = datetime.date(anchor.year, 3 * quarter - 2, 1)
    year = anchor.year if start <= anchor else anchor.year - 1
    return _point(f"{_check_year(year):04d}-Q{quarter}", Granularity.QUARTER, True)


def _from_year(s: str, anchor: datetime.date | None) -> DateValue | None:
    """2022, the year 2022, fiscal year 2024."""
    m = _YEAR_RE.fullmatch(s)
    if m is None:
        return None
    return _point(m["year"], Granularity.YEAR, False)


def _from_decade_or_century(s: str, anchor: datetime.date | None) -> DateValue | None:
    """the 1990s, the '90s, the nineties, the 1800s, the 20th century."""
    if s in DECADE_WORDS:
        return _point(f"{DECADE_WORDS[s]}X", Granularity.DECADE, False)
    if m := _DECADE_FULL_RE.fullmatch(s):
        head = m["head"]
        if head.endswith("0") and int(head) < 200:
            return _point(f"{head[:2]}XX", Granularity.CENTURY, False)
        return _point(f"{head}X", Granularity.DECADE, False)
    if m := _DECADE_SHORT_RE.fullmatch(s):
        digit = int(m["digit"])
        return _point(f"{20 if digit <= 1 else 19}{digit}X", Granularity.DECADE, False)
    if m := _CENTURY_RE.fullmatch(s):
        number = int(m["num"]) if m["num"] else _ordinal(m["word"])
        if number < 1:
            return None
        return _point(f"{number - 1:02d}XX", Granularity.CENTURY, False)
    return None


def _ordinal(word: str) -> int:
    return ORDINAL_WORDS.get(word) or COMPOUND_ORDINAL_WORDS[word]


def _from_amount_unit(s: str, anchor: datetime.date | None) -> DateValue | None:
    """30-day, two years, several months, decades, the past two weeks, two weeks ago."""
    m = _AMOUNT_UNIT_RE.fullmatch(s)
    if m is None:
        return None
    word, suffix = m["unit"], m["suf"]
    if not (m["amt"] or m["dir"] or m["adj"] or suffix or word in PLURAL_UNIT_WORDS):
        return None  # a bare singular unit ("year") is a calendar period, not a duration
    unit = UNIT_WORDS[word]
    plural = word in PLURAL_UNIT_WORDS
    amount = _amount_value(m["amt"]) if m["amt"] else (None if plural else 1.0)
    if amount is not None and m["half"]:
        amount += 0.5
    if suffix is None:
        value = None if amount is None else _iso_duration(unit, amount)
        return _result(DateKind.DURATION, value, unit.granularity, False)
    if suffix in NARRATIVE_SUFFIXES:
        return _unresolved(_day_if_time(unit))
    sign = -1 if suffix in PAST_SUFFIXES else 1
    return _offset_date(unit, amount, sign, anchor)


def _day_if_time(unit: _Unit) -> Granularity:
    return Granularity.DAY if unit.is_time else unit.granularity


def _offset_date(
    unit: _Unit, amount: float | None, sign: int, anchor: datetime.date | None
) -> DateValue:
    """two weeks ago / three years from now, at the unit's granularity."""
    granularity = _day_if_time(unit)
    if anchor is None or amount is None:
        return _unresolved(granularity)
    if unit.is_time:
        days = int(amount * unit.days) * sign
        return _point(_shift(anchor, Granularity.DAY, days), granularity, True)
    if not amount.is_integer():
        return _unresolved(granularity)
    steps = int(amount) * sign * (unit.iso_factor if granularity is Granularity.WEEK else 1)
    return _point(_shift(anchor, granularity, steps), granularity, True)


def _from_bare_unit(s: str, anchor: datetime.date | None) -> DateValue | None:
    """the year / the week (left by "the end of the year") = the anchor's; the day = story's."""
    m = _BARE_UNIT_RE.fullmatch(s)
    if m is None:
        return None
    unit = m["unit"]
    granularity = CALENDAR_UNITS[unit]
    if anchor is None or unit == "day":
        return _unresolved(granularity)
    if unit == "weekend":
        return _point(_weekend(anchor, None), granularity, True)
    return _point(_shift(anchor, granularity, 0), granularity, True)


_HANDLERS: Final[tuple[_Handler, ...]] = (
    _from_year,
    _from_day_word,
    _from_relative_unit,
    _from_weekday,
    _from_month_day,
    _from_month,
    _from_narrative,
    _from_set,
    _from_season,
    _from_quarter,
    _from_decade_or_century,
    _from_amount_unit,
    _from_bare_unit,
    _from_weekday_prefixed,
)


def _dispatch(s: str, anchor: datetime.date | None) -> DateValue | None:
    for handler in _HANDLERS:
        result = handler(s, anchor)
        if result is not None:
            return result
    return None


# --------------------------------------------------------------------------- dateparser fallback


@functools.cache
def _date_parser() -> Any:
    """The shared DateDataParser (built on first use; only absolute-date parsers enabled)."""
    settings = {
        "RELATIVE_BASE": datetime.datetime(2000, 1, 1),
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": ["month"],
        "PARSERS": ["custom-formats", "absolute-time"],
    }
    return DateDataParser(languages=["en"], settings=settings)


def _fallback_allowed(s: str) -> bool:
    if _FALLBACK_HINT_RE.search(s) is None:
        return False
    return len(set(_YEAR_TOKEN_RE.findall(s))) <= 1  # two different years: a range


def _from_dateparser(s: str, anchor: datetime.date | None) -> DateValue | None:
    """Explicit absolute dates the regexes miss ("15/12/2025", "December the 15th, 2025")."""
    if not _fallback_allowed(s):
        return None
    try:
        parsed = _date_parser().get_date_data(s)
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
    numbers = [int(n) for n in _NUMBER_TOKEN_RE.findall(s)]
    years = {int(y) for y in _YEAR_TOKEN_RE.findall(s)}
    if period not in {"day", "week", "time", "month"}:
        return None
    granularity = Granularity.MONTH if period == "month" else Granularity.DAY
    if years and parsed.year not in years:
        return None
    if granularity is Granularity.DAY and parsed.day not in numbers:
        return None
    has_month_name = _MONTH_WORD_RE.search(s) is not None
    if not has_month_name and len(numbers) < (3 if granularity is Granularity.DAY else 2):
        return None
    year_known = bool(years) or len(numbers) >= 3 or _SHORT_YEAR_RE.search(s) is not None
    if granularity is Granularity.MONTH:
        if year_known:
            return _point(f"{parsed.year:04d}-{parsed.month:02d}", granularity, False)
        return _yearless_month(parsed.month, None, anchor)
    if year_known:
        return _point(_fmt_day(parsed), granularity, False)
    return _yearless_day(parsed.month, parsed.day, anchor)


# --------------------------------------------------------------------------- public API


def _strip_prefixes(s: str) -> str:
    """Drop leading prepositions and position modifiers ("in the early", "by the end of")."""
    while (m := _PREFIX_RE.match(s)) is not None and m.end() < len(s):
        s = s[m.end() :]
    return s


def _clean(text: str) -> str:
    s = " ".join(text.translate(_TRANSLATE).lower().split()).strip(_EDGE_PUNCT)
    s = _DECADE_APOS_RE.sub("s", s)  # the 1990's -> the 1990s
    s = _PLURAL_POSSESSIVE_RE.sub("", _POSSESSIVE_RE.sub("", s))
    s = _strip_prefixes(s).strip(_EDGE_PUNCT)
    if (m := _TIME_OF_DAY_RE.fullmatch(s)) is not None:
        s = m["head"]  # Monday night -> Monday, yesterday morning -> yesterday
    return s


def _normalise(text: str, anchor: datetime.date | None) -> DateValue:
    if len(text) > 4 * _MAX_LEN:
        return _UNKNOWN
    s = _clean(text)
    if not s or len(s) > _MAX_LEN:
        return _UNKNOWN
    return _dispatch(s, anchor) or _from_dateparser(s, anchor) or _UNKNOWN


@functools.lru_cache(maxsize=4096)
def normalise_date(text: str, anchor: datetime.date | None = None) -> DateValue:
    """Normalise the text of a DATE entity, resolving relative forms against `anchor`.

    `anchor` is the article's publication date, or None when unknown. Relative expressions
    ("Monday", "last summer", "this month", "two weeks ago") resolve only when it is given;
    otherwise their value is None (month-day and month forms keep "XXXX-03-18"/"XXXX-03").
    See the module docstring for the value formats and the rules for ambiguous cases.
    Never raises: anything uninterpretable gives kind DATE, value None, granularity UNKNOWN.
    """
    if not isinstance(text, str):
        return _UNKNOWN
    if isinstance(anchor, datetime.datetime):
        anchor = anchor.date()
    elif not isinstance(anchor, datetime.date):
        anchor = None
    try:
        return _normalise(text, anchor)
    except (ValueError, OverflowError):  # dates out of range, impossible days
        return _UNKNOWN
