"""The rules: one function per family of date expressions, tried in :data:`RULES` order.

Each rule takes the cleaned text and the anchor and returns a value, or None when the text is
not of its family. The rules for ambiguous cases are in the package docstring.
"""

import datetime
from collections.abc import Callable
from typing import Final

from putin_claims.dates.lexicon import (
    CALENDAR_UNITS,
    COMPOUND_ORDINAL_WORDS,
    DAY_OFFSETS,
    DECADE_WORDS,
    LAST_WORDS,
    MONTH_NAMES,
    NARRATIVE_SUFFIXES,
    NEXT_WORDS,
    ORDINAL_WORDS,
    PAST_SUFFIXES,
    PLURAL_UNIT_WORDS,
    QUARTER_ORDINALS,
    SEASON_NAMES,
    SET_ADVERBS,
    THIS_WORDS,
    UNIT_WORDS,
    WEEKDAY_NAMES,
    Unit,
)
from putin_claims.dates.patterns import (
    AMOUNT_UNIT_RE,
    BARE_UNIT_RE,
    CENTURY_RE,
    DAY_MONTH_RE,
    DECADE_FULL_RE,
    DECADE_SHORT_RE,
    EVERY_NAME_RE,
    EVERY_RE,
    ISO_RE,
    MONTH_DAY_RE,
    MONTH_RE,
    NARRATIVE_RE,
    PLURAL_WEEKDAY_RE,
    QUARTER_RE,
    RELATIVE_UNIT_RE,
    SEASON_RE,
    TIMES_PER_RE,
    WEEKDAY_RE,
    YEAR_QUARTER_RE,
    YEAR_RE,
    YEAR_SEASON_RE,
)
from putin_claims.dates.values import (
    amount_value,
    check_year,
    date_value,
    fmt_day,
    fmt_week,
    iso_duration,
    point,
    season_year,
    shift,
    unresolved,
    weekday_after,
    weekday_before,
    weekday_in_window,
    year_for,
)
from putin_claims.models.dates import DateKind, DateValue, Granularity

Rule = Callable[[str, datetime.date | None], DateValue | None]


def from_day_word(s: str, anchor: datetime.date | None) -> DateValue | None:
    """today, yesterday, tomorrow, last night, the day before yesterday, ..."""
    offset = DAY_OFFSETS.get(s)
    if offset is None:
        return None
    if anchor is None:
        return unresolved(Granularity.DAY)
    return point(shift(anchor, Granularity.DAY, offset), Granularity.DAY, True)


def from_narrative(s: str, anchor: datetime.date | None) -> DateValue | None:
    """the next day, the following week, that year: relative to the story, not the article."""
    m = NARRATIVE_RE.fullmatch(s)
    if m is None:
        return None
    unit = m["u1"] or m["u2"] or m["u3"]
    return unresolved(CALENDAR_UNITS[unit])


def from_set(s: str, anchor: datetime.date | None) -> DateValue | None:
    """daily, every week, every two weeks, every Monday, twice a year, mondays."""
    if s in SET_ADVERBS:
        adverb_value, granularity = SET_ADVERBS[s]
        return date_value(DateKind.SET, adverb_value, granularity, False)
    if m := EVERY_NAME_RE.fullmatch(s):
        return _named_set(m["name"])
    if m := PLURAL_WEEKDAY_RE.fullmatch(s):
        return _named_set(m["wd"])
    if m := EVERY_RE.fullmatch(s):
        unit = UNIT_WORDS[m["unit"]]
        amount = 2.0 if m["other"] else amount_value(m["amt"]) if m["amt"] else 1.0
        value = None if amount is None else iso_duration(unit, amount)
        return date_value(DateKind.SET, value, unit.granularity, False)
    if m := TIMES_PER_RE.fullmatch(s):
        unit = UNIT_WORDS[m["unit"]]
        return date_value(DateKind.SET, iso_duration(unit, 1.0), unit.granularity, False)
    return None


def _named_set(name: str) -> DateValue:
    """every Monday -> XXXX-WXX-1, every summer -> XXXX-SU, every March -> XXXX-03."""
    if name in WEEKDAY_NAMES:
        return date_value(
            DateKind.SET, f"XXXX-WXX-{WEEKDAY_NAMES[name] + 1}", Granularity.DAY, False
        )
    if name in SEASON_NAMES:
        return date_value(DateKind.SET, f"XXXX-{SEASON_NAMES[name]}", Granularity.SEASON, False)
    return date_value(DateKind.SET, f"XXXX-{MONTH_NAMES[name]:02d}", Granularity.MONTH, False)


def from_relative_unit(s: str, anchor: datetime.date | None) -> DateValue | None:
    """this week, last month, next year, this decade, last weekend, ..."""
    m = RELATIVE_UNIT_RE.fullmatch(s)
    if m is None:
        return None
    mod, unit = m["mod"], m["unit"]
    granularity = CALENDAR_UNITS[unit]
    if anchor is None:
        return unresolved(granularity)
    if unit == "weekend":
        return point(_weekend(anchor, mod), granularity, True)
    n = 0 if mod in THIS_WORDS else -1 if mod in LAST_WORDS else 1
    return point(shift(anchor, granularity, n), granularity, True)


def _weekend(anchor: datetime.date, mod: str | None) -> str:
    """ISO week of the weekend meant by `mod` ("this", "last", "next" or None)."""
    if mod in THIS_WORDS:
        day = anchor
    elif mod in LAST_WORDS:
        day = weekday_before(anchor, 6)
    elif mod in NEXT_WORDS:
        day = weekday_after(anchor, 5)
    else:
        day = weekday_in_window(anchor, 5)
    return f"{fmt_week(day)}-WE"


def from_weekday(s: str, anchor: datetime.date | None) -> DateValue | None:
    """Monday, last Tuesday, next Friday, this Wednesday."""
    m = WEEKDAY_RE.fullmatch(s)
    if m is None:
        return None
    if anchor is None:
        return unresolved(Granularity.DAY)
    weekday, mod = WEEKDAY_NAMES[m["wd"]], m["mod"]
    if mod in LAST_WORDS:
        day = weekday_before(anchor, weekday)
    elif mod in NEXT_WORDS:
        day = weekday_after(anchor, weekday)
    else:
        day = weekday_in_window(anchor, weekday)
    return point(fmt_day(day), Granularity.DAY, True)


def from_season(s: str, anchor: datetime.date | None) -> DateValue | None:
    """summer, last summer, this spring, summer 2022, the winter of 2021, 2022 autumn."""
    m = SEASON_RE.fullmatch(s) or YEAR_SEASON_RE.fullmatch(s)
    if m is None:
        return None
    code = SEASON_NAMES[m["season"]]
    if m["year"]:
        return point(f"{m['year']}-{code}", Granularity.SEASON, False)
    if anchor is None:
        return unresolved(Granularity.SEASON)
    mod = m.groupdict().get("mod")
    year = season_year(code, mod, anchor)
    return point(f"{check_year(year):04d}-{code}", Granularity.SEASON, True)


def from_month_day(s: str, anchor: datetime.date | None) -> DateValue | None:
    """March 18, 18 March, Dec. 15, 2025, the 18th of March, 2025-12-15."""
    m = MONTH_DAY_RE.fullmatch(s) or DAY_MONTH_RE.fullmatch(s)
    if m is not None:
        month = MONTH_NAMES[m["mon"]]
    elif (m := ISO_RE.fullmatch(s)) is not None and m["day"]:
        month = int(m["month"])
    else:
        return None
    day = int(m["day"])
    if m["year"]:
        return point(fmt_day(datetime.date(int(m["year"]), month, day)), Granularity.DAY, False)
    return yearless_day(month, day, anchor)


def yearless_day(month: int, day: int, anchor: datetime.date | None) -> DateValue:
    datetime.date(2000, month, day)  # validates month/day (2000 is a leap year)
    if anchor is None:
        return point(f"XXXX-{month:02d}-{day:02d}", Granularity.DAY, True)
    try:
        candidate = datetime.date(anchor.year, month, day)
        resolved = candidate.replace(year=year_for(candidate, anchor))
    except ValueError:  # 29 February in a common year
        return unresolved(Granularity.DAY)
    return point(fmt_day(resolved), Granularity.DAY, True)


def from_month(s: str, anchor: datetime.date | None) -> DateValue | None:
    """March, last March, March 2022, March of 2022, 2022-03."""
    m = MONTH_RE.fullmatch(s)
    if m is None:
        iso = ISO_RE.fullmatch(s)
        if iso is None:
            return None
        month = int(iso["month"])
        datetime.date(int(iso["year"]), month, 1)  # validates the month
        return point(f"{iso['year']}-{month:02d}", Granularity.MONTH, False)
    month = MONTH_NAMES[m["mon"]]
    if m["year"]:
        return point(f"{m['year']}-{month:02d}", Granularity.MONTH, False)
    return yearless_month(month, m["mod"], anchor)


def yearless_month(month: int, mod: str | None, anchor: datetime.date | None) -> DateValue:
    if anchor is None:
        if mod is None:
            return point(f"XXXX-{month:02d}", Granularity.MONTH, True)
        return unresolved(Granularity.MONTH)
    if mod in THIS_WORDS:
        year = anchor.year
    elif mod in LAST_WORDS:
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif mod in NEXT_WORDS:
        year = anchor.year if month > anchor.month else anchor.year + 1
    else:
        year = year_for(datetime.date(anchor.year, month, 1), anchor)
    return point(f"{check_year(year):04d}-{month:02d}", Granularity.MONTH, True)


def from_quarter(s: str, anchor: datetime.date | None) -> DateValue | None:
    """Q1 2025, 2025 Q1, the first quarter of 2025, the third quarter."""
    m = QUARTER_RE.fullmatch(s) or YEAR_QUARTER_RE.fullmatch(s)
    if m is None:
        return None
    groups = m.groupdict()
    quarter = int(groups["qn"]) if groups["qn"] else QUARTER_ORDINALS[groups["qw"]]
    if m["year"]:
        return point(f"{m['year']}-Q{quarter}", Granularity.QUARTER, False)
    if anchor is None:
        return point(f"XXXX-Q{quarter}", Granularity.QUARTER, True)
    start = datetime.date(anchor.year, 3 * quarter - 2, 1)
    year = anchor.year if start <= anchor else anchor.year - 1
    return point(f"{check_year(year):04d}-Q{quarter}", Granularity.QUARTER, True)


def from_year(s: str, anchor: datetime.date | None) -> DateValue | None:
    """2022, the year 2022, fiscal year 2024."""
    m = YEAR_RE.fullmatch(s)
    if m is None:
        return None
    return point(m["year"], Granularity.YEAR, False)


def from_decade_or_century(s: str, anchor: datetime.date | None) -> DateValue | None:
    """the 1990s, the '90s, the nineties, the 1800s, the 20th century."""
    if s in DECADE_WORDS:
        return point(f"{DECADE_WORDS[s]}X", Granularity.DECADE, False)
    if m := DECADE_FULL_RE.fullmatch(s):
        head = m["head"]
        if head.endswith("0") and int(head) < 200:
            return point(f"{head[:2]}XX", Granularity.CENTURY, False)
        return point(f"{head}X", Granularity.DECADE, False)
    if m := DECADE_SHORT_RE.fullmatch(s):
        digit = int(m["digit"])
        return point(f"{20 if digit <= 1 else 19}{digit}X", Granularity.DECADE, False)
    if m := CENTURY_RE.fullmatch(s):
        number = int(m["num"]) if m["num"] else _ordinal(m["word"])
        if number < 1:
            return None
        return point(f"{number - 1:02d}XX", Granularity.CENTURY, False)
    return None


def _ordinal(word: str) -> int:
    return ORDINAL_WORDS.get(word) or COMPOUND_ORDINAL_WORDS[word]


def from_amount_unit(s: str, anchor: datetime.date | None) -> DateValue | None:
    """30-day, two years, several months, decades, the past two weeks, two weeks ago."""
    m = AMOUNT_UNIT_RE.fullmatch(s)
    if m is None:
        return None
    word, suffix = m["unit"], m["suf"]
    if not (m["amt"] or m["dir"] or m["adj"] or suffix or word in PLURAL_UNIT_WORDS):
        return None  # a bare singular unit ("year") is a calendar period, not a duration
    unit = UNIT_WORDS[word]
    plural = word in PLURAL_UNIT_WORDS
    amount = amount_value(m["amt"]) if m["amt"] else (None if plural else 1.0)
    if amount is not None and m["half"]:
        amount += 0.5
    if suffix is None:
        value = None if amount is None else iso_duration(unit, amount)
        return date_value(DateKind.DURATION, value, unit.granularity, False)
    if suffix in NARRATIVE_SUFFIXES:
        return unresolved(_day_if_time(unit))
    sign = -1 if suffix in PAST_SUFFIXES else 1
    return _offset_date(unit, amount, sign, anchor)


def _day_if_time(unit: Unit) -> Granularity:
    return Granularity.DAY if unit.is_time else unit.granularity


def _offset_date(
    unit: Unit, amount: float | None, sign: int, anchor: datetime.date | None
) -> DateValue:
    """two weeks ago / three years from now, at the unit's granularity."""
    granularity = _day_if_time(unit)
    if anchor is None or amount is None:
        return unresolved(granularity)
    if unit.is_time:
        days = int(amount * unit.days) * sign
        return point(shift(anchor, Granularity.DAY, days), granularity, True)
    if not amount.is_integer():
        return unresolved(granularity)
    steps = int(amount) * sign * (unit.iso_factor if granularity is Granularity.WEEK else 1)
    return point(shift(anchor, granularity, steps), granularity, True)


def from_bare_unit(s: str, anchor: datetime.date | None) -> DateValue | None:
    """the year / the week (left by "the end of the year") = the anchor's; the day = story's."""
    m = BARE_UNIT_RE.fullmatch(s)
    if m is None:
        return None
    unit = m["unit"]
    granularity = CALENDAR_UNITS[unit]
    if anchor is None or unit == "day":
        return unresolved(granularity)
    if unit == "weekend":
        return point(_weekend(anchor, None), granularity, True)
    return point(shift(anchor, granularity, 0), granularity, True)


RULES: Final[tuple[Rule, ...]] = (
    from_year,
    from_day_word,
    from_relative_unit,
    from_weekday,
    from_month_day,
    from_month,
    from_narrative,
    from_set,
    from_season,
    from_quarter,
    from_decade_or_century,
    from_amount_unit,
    from_bare_unit,
)
