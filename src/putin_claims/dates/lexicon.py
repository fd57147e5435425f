"""The words of date expressions: months, weekdays, seasons, numbers, units and modifiers.

Data only: :mod:`putin_claims.dates.patterns` compiles them into regexes and
:mod:`putin_claims.dates.rules` reads them to compute values.
"""

from typing import Final, NamedTuple

from putin_claims.models.dates import Granularity

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
#: Days a time of day can follow ("Monday night", "yesterday morning"), besides weekdays.
DAY_WORDS: Final[tuple[str, ...]] = ("today", "yesterday", "tomorrow")
#: Modifiers of a named day, month or season ("last Tuesday", "next March", "this summer").
POINT_MODIFIERS: Final[tuple[str, ...]] = ("this", "last", "past", "next", "coming")
#: Modifiers of a calendar unit ("this week", "the current year", "next decade").
UNIT_MODIFIERS: Final[tuple[str, ...]] = ("this", "current", "present", "last", "next", "coming")
#: Calendar units "this", "last" and "next" pick out; alone ("the year"), the anchor's.
RELATIVE_UNITS: Final[tuple[str, ...]] = (
    "week", "weekend", "month", "year", "quarter", "decade", "century",
)  # fmt: skip
BARE_UNITS: Final[tuple[str, ...]] = ("day", *RELATIVE_UNITS)
#: "the next morning": units after "next" that are relative to the story.
NEXT_DAY_UNITS: Final[tuple[str, ...]] = ("day", "morning", "afternoon", "evening", "night")
#: "the day before", "a year later": units shifted by the story's own time.
SHIFTED_UNITS: Final[tuple[str, ...]] = ("day", "night", "week", "month", "year")
SHIFT_WORDS: Final[tuple[str, ...]] = ("before", "after", "earlier", "later", "prior")
#: "every week", "each Monday".
EVERY_WORDS: Final[tuple[str, ...]] = ("every", "each")
#: "twice a year", "three times per month".
TIMES_WORDS: Final[tuple[str, ...]] = ("once", "twice", "thrice")
PER_WORDS: Final[tuple[str, ...]] = ("a", "an", "per", "every", "each")
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


class Unit(NamedTuple):
    """A duration unit: granularity, ISO-8601 designator and how to shift dates by it."""

    granularity: Granularity
    designator: str  # ISO-8601 designator: Y M W D, or H M S after "T"
    iso_factor: int  # a quarter is 3 months, a decade 10 years, a fortnight 2 weeks
    is_time: bool = False
    days: float = 0.0  # for time units: length in days


_DAY = Unit(Granularity.DAY, "D", 1)
_WEEK = Unit(Granularity.WEEK, "W", 1)
_FORTNIGHT = Unit(Granularity.WEEK, "W", 2)
_MONTH = Unit(Granularity.MONTH, "M", 1)
_QUARTER = Unit(Granularity.QUARTER, "M", 3)
_YEAR = Unit(Granularity.YEAR, "Y", 1)
_DECADE = Unit(Granularity.DECADE, "Y", 10)
_CENTURY = Unit(Granularity.CENTURY, "Y", 100)
_HOUR = Unit(Granularity.UNKNOWN, "H", 1, is_time=True, days=1 / 24)
_MINUTE = Unit(Granularity.UNKNOWN, "M", 1, is_time=True, days=1 / 1440)
_SECOND = Unit(Granularity.UNKNOWN, "S", 1, is_time=True, days=1 / 86400)

UNIT_WORDS: Final[dict[str, Unit]] = {
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
