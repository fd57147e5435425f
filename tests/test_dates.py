"""Tests for putin_claims.dates.normalise_date."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from putin_claims.dates import DateKind, DateValue, Granularity, fallback, normalise, normalise_date

D, DUR, SET = DateKind.DATE, DateKind.DURATION, DateKind.SET
G = Granularity
ANCHOR = datetime.date(2025, 12, 15)  # a Monday, ISO week 2025-W51

_uncached = normalise_date.__wrapped__


def check(text: str, anchor: datetime.date | None, expected: tuple[object, ...]) -> None:
    result = normalise_date(text, anchor)
    assert isinstance(result, DateValue)
    got = (result.kind, result.value, result.granularity, result.relative)
    assert got == expected, f"{text!r} @ {anchor}: {got}"


ANCHORED = [
    # relative to the anchor
    ("Monday", (D, "2025-12-15", G.DAY, True)),
    ("on Tuesday", (D, "2025-12-16", G.DAY, True)),
    ("last Tuesday", (D, "2025-12-09", G.DAY, True)),
    ("next Tuesday", (D, "2025-12-16", G.DAY, True)),
    ("Friday's", (D, "2025-12-12", G.DAY, True)),
    ("Monday night", (D, "2025-12-15", G.DAY, True)),
    ("yesterday", (D, "2025-12-14", G.DAY, True)),
    ("last night", (D, "2025-12-14", G.DAY, True)),
    ("tomorrow", (D, "2025-12-16", G.DAY, True)),
    ("today", (D, "2025-12-15", G.DAY, True)),
    ("the day before yesterday", (D, "2025-12-13", G.DAY, True)),
    ("this week", (D, "2025-W51", G.WEEK, True)),
    ("next week", (D, "2025-W52", G.WEEK, True)),
    ("last week", (D, "2025-W50", G.WEEK, True)),
    ("last weekend", (D, "2025-W50-WE", G.WEEK, True)),
    ("over the weekend", (D, "2025-W50-WE", G.WEEK, True)),
    ("this month", (D, "2025-12", G.MONTH, True)),
    ("later this month", (D, "2025-12", G.MONTH, True)),
    ("last month", (D, "2025-11", G.MONTH, True)),
    ("next month", (D, "2026-01", G.MONTH, True)),
    ("this quarter", (D, "2025-Q4", G.QUARTER, True)),
    ("last quarter", (D, "2025-Q3", G.QUARTER, True)),
    ("this year", (D, "2025", G.YEAR, True)),
    ("earlier this year", (D, "2025", G.YEAR, True)),
    ("last year", (D, "2024", G.YEAR, True)),
    ("late last year", (D, "2024", G.YEAR, True)),
    ("next year", (D, "2026", G.YEAR, True)),
    ("by the end of the year", (D, "2025", G.YEAR, True)),
    ("this decade", (D, "202X", G.DECADE, True)),
    ("last century", (D, "19XX", G.CENTURY, True)),
    ("two weeks ago", (D, "2025-W49", G.WEEK, True)),
    ("three days ago", (D, "2025-12-12", G.DAY, True)),
    ("48 hours ago", (D, "2025-12-13", G.DAY, True)),
    ("a year ago", (D, "2024", G.YEAR, True)),
    ("six months ago", (D, "2025-06", G.MONTH, True)),
    ("two decades ago", (D, "200X", G.DECADE, True)),
    ("a few weeks ago", (D, None, G.WEEK, True)),
    ("three days from now", (D, "2025-12-18", G.DAY, True)),
    ("in two years' time", (D, "2027", G.YEAR, True)),
    # seasons
    ("last summer", (D, "2025-SU", G.SEASON, True)),
    ("last summer's", (D, "2025-SU", G.SEASON, True)),
    ("last summer’s", (D, "2025-SU", G.SEASON, True)),
    ("this spring", (D, "2025-SP", G.SEASON, True)),
    ("early summer", (D, "2025-SU", G.SEASON, True)),
    ("next summer", (D, "2026-SU", G.SEASON, True)),
    ("this winter", (D, "2025-WI", G.SEASON, True)),
    ("last winter", (D, "2024-WI", G.SEASON, True)),
    # month and day without a year
    ("March 18", (D, "2025-03-18", G.DAY, True)),
    ("the 18th of March", (D, "2025-03-18", G.DAY, True)),
    ("18 March", (D, "2025-03-18", G.DAY, True)),
    ("mid-March", (D, "2025-03", G.MONTH, True)),
    ("December", (D, "2025-12", G.MONTH, True)),
    ("last March", (D, "2025-03", G.MONTH, True)),
    ("the third quarter", (D, "2025-Q3", G.QUARTER, True)),
    # absolute forms: the anchor changes nothing
    ("2022", (D, "2022", G.YEAR, False)),
    ("in 2022", (D, "2022", G.YEAR, False)),
    ("2022's", (D, "2022", G.YEAR, False)),
    ("the end of 2024", (D, "2024", G.YEAR, False)),
    ("mid-2023", (D, "2023", G.YEAR, False)),
    ("the first half of 2024", (D, "2024", G.YEAR, False)),
    ("15 December 2025", (D, "2025-12-15", G.DAY, False)),
    ("Dec. 15, 2025", (D, "2025-12-15", G.DAY, False)),
    ("December 15th, 2025", (D, "2025-12-15", G.DAY, False)),
    ("15th of December, 2025", (D, "2025-12-15", G.DAY, False)),
    ("2025-12-15", (D, "2025-12-15", G.DAY, False)),
    ("Monday, December 15, 2025", (D, "2025-12-15", G.DAY, False)),
    ("December 2025", (D, "2025-12", G.MONTH, False)),
    ("March of 2022", (D, "2022-03", G.MONTH, False)),
    ("2025-12", (D, "2025-12", G.MONTH, False)),
    ("summer 2022", (D, "2022-SU", G.SEASON, False)),
    ("the summer of 2022", (D, "2022-SU", G.SEASON, False)),
    ("fall 2021", (D, "2021-FA", G.SEASON, False)),
    ("Q1 2025", (D, "2025-Q1", G.QUARTER, False)),
    ("the first quarter of 2025", (D, "2025-Q1", G.QUARTER, False)),
    # story-relative: not resolvable from the publication date
    ("the next day", (D, None, G.DAY, True)),
    ("the following week", (D, None, G.WEEK, True)),
    ("that year", (D, None, G.YEAR, True)),
    ("two years later", (D, None, G.YEAR, True)),
]


@pytest.mark.parametrize(("text", "expected"), ANCHORED)
def test_with_anchor(text: str, expected: tuple[object, ...]) -> None:
    check(text, ANCHOR, expected)


UNANCHORED = [
    ("March 18", (D, "XXXX-03-18", G.DAY, True)),
    ("Dec. 15", (D, "XXXX-12-15", G.DAY, True)),
    ("December", (D, "XXXX-12", G.MONTH, True)),
    ("the third quarter", (D, "XXXX-Q3", G.QUARTER, True)),
    ("Monday", (D, None, G.DAY, True)),
    ("last Tuesday", (D, None, G.DAY, True)),
    ("yesterday", (D, None, G.DAY, True)),
    ("this month", (D, None, G.MONTH, True)),
    ("last year", (D, None, G.YEAR, True)),
    ("next week", (D, None, G.WEEK, True)),
    ("last summer", (D, None, G.SEASON, True)),
    ("early summer", (D, None, G.SEASON, True)),
    ("two weeks ago", (D, None, G.WEEK, True)),
    ("last March", (D, None, G.MONTH, True)),
    ("2022", (D, "2022", G.YEAR, False)),
    ("15 December 2025", (D, "2025-12-15", G.DAY, False)),
    ("the end of 2024", (D, "2024", G.YEAR, False)),
    ("summer 2022", (D, "2022-SU", G.SEASON, False)),
]


@pytest.mark.parametrize(("text", "expected"), UNANCHORED)
def test_without_anchor(text: str, expected: tuple[object, ...]) -> None:
    check(text, None, expected)


DURATIONS = [
    ("30-day", (DUR, "P30D", G.DAY, False)),
    ("90-minute", (DUR, "PT90M", G.UNKNOWN, False)),
    ("48 hours", (DUR, "PT48H", G.UNKNOWN, False)),
    ("two years", (DUR, "P2Y", G.YEAR, False)),
    ("a week", (DUR, "P1W", G.WEEK, False)),
    ("a fortnight", (DUR, "P2W", G.WEEK, False)),
    ("twenty-five years", (DUR, "P25Y", G.YEAR, False)),
    ("more than a decade", (DUR, "P10Y", G.DECADE, False)),
    ("three decades", (DUR, "P30Y", G.DECADE, False)),
    ("two quarters", (DUR, "P6M", G.QUARTER, False)),
    ("two and a half years", (DUR, "P2.5Y", G.YEAR, False)),
    ("a year and a half", (DUR, "P1.5Y", G.YEAR, False)),
    ("1,000 days", (DUR, "P1000D", G.DAY, False)),
    ("five-year", (DUR, "P5Y", G.YEAR, False)),
    ("decade-long", (DUR, "P10Y", G.DECADE, False)),
    ("35-year-old", (DUR, "P35Y", G.YEAR, False)),
    ("the past two years", (DUR, "P2Y", G.YEAR, False)),
    ("the past year", (DUR, "P1Y", G.YEAR, False)),
    ("the last three months", (DUR, "P3M", G.MONTH, False)),
    ("several months", (DUR, None, G.MONTH, False)),
    ("a few days", (DUR, None, G.DAY, False)),
    ("decades", (DUR, None, G.DECADE, False)),
    ("years", (DUR, None, G.YEAR, False)),
    ("recent years", (DUR, None, G.YEAR, False)),
    ("the coming months", (DUR, None, G.MONTH, False)),
]


@pytest.mark.parametrize(("text", "expected"), DURATIONS)
@pytest.mark.parametrize("anchor", [ANCHOR, None])
def test_durations(text: str, expected: tuple[object, ...], anchor: datetime.date | None) -> None:
    check(text, anchor, expected)


SETS = [
    ("every week", (SET, "P1W", G.WEEK, False)),
    ("each year", (SET, "P1Y", G.YEAR, False)),
    ("every day", (SET, "P1D", G.DAY, False)),
    ("every two weeks", (SET, "P2W", G.WEEK, False)),
    ("every other month", (SET, "P2M", G.MONTH, False)),
    ("every few weeks", (SET, None, G.WEEK, False)),
    ("daily", (SET, "P1D", G.DAY, False)),
    ("weekly", (SET, "P1W", G.WEEK, False)),
    ("annually", (SET, "P1Y", G.YEAR, False)),
    ("quarterly", (SET, "P3M", G.QUARTER, False)),
    ("twice a year", (SET, "P1Y", G.YEAR, False)),
    ("three times a week", (SET, "P1W", G.WEEK, False)),
    ("every Monday", (SET, "XXXX-WXX-1", G.DAY, False)),
    ("on Fridays", (SET, "XXXX-WXX-5", G.DAY, False)),
    ("every summer", (SET, "XXXX-SU", G.SEASON, False)),
]


@pytest.mark.parametrize(("text", "expected"), SETS)
@pytest.mark.parametrize("anchor", [ANCHOR, None])
def test_sets(text: str, expected: tuple[object, ...], anchor: datetime.date | None) -> None:
    check(text, anchor, expected)


DECADES_AND_CENTURIES = [
    ("the 1990s", (D, "199X", G.DECADE, False)),
    ("the 1990's", (D, "199X", G.DECADE, False)),
    ("the early 1990s", (D, "199X", G.DECADE, False)),
    ("the mid-1980s", (D, "198X", G.DECADE, False)),
    ("the '90s", (D, "199X", G.DECADE, False)),
    ("the 90s", (D, "199X", G.DECADE, False)),
    ("the nineties", (D, "199X", G.DECADE, False)),
    ("the 2000s", (D, "200X", G.DECADE, False)),
    ("the 2020s", (D, "202X", G.DECADE, False)),
    ("the 1800s", (D, "18XX", G.CENTURY, False)),
    ("the 20th century", (D, "19XX", G.CENTURY, False)),
    ("the twenty-first century", (D, "20XX", G.CENTURY, False)),
    ("the nineteenth century", (D, "18XX", G.CENTURY, False)),
]


@pytest.mark.parametrize(("text", "expected"), DECADES_AND_CENTURIES)
@pytest.mark.parametrize("anchor", [ANCHOR, None])
def test_decades_and_centuries(
    text: str, expected: tuple[object, ...], anchor: datetime.date | None
) -> None:
    check(text, anchor, expected)


GARBAGE = [
    "",
    "   ",
    "the pandemic",
    "the Soviet era",
    "now",
    "recently",
    "10:30",
    "2014-2015",
    "2022-23",
    "February 30",
    "March 32",
    "2025-13-01",
    "x" * 500,
    "’s",
    "the",
]


@pytest.mark.parametrize("text", GARBAGE)
@pytest.mark.parametrize("anchor", [ANCHOR, None])
def test_garbage_is_unknown(text: str, anchor: datetime.date | None) -> None:
    check(text, anchor, (D, None, G.UNKNOWN, False))


# --------------------------------------------------------------------------- ambiguity rules


@pytest.mark.parametrize(
    ("anchor", "text", "value"),
    [
        (datetime.date(2025, 3, 25), "March 18", "2025-03-18"),
        (datetime.date(2025, 1, 10), "March 18", "2025-03-18"),  # 67 days ahead: kept
        (datetime.date(2025, 1, 10), "July 1", "2025-07-01"),  # 172 days ahead: kept
        (datetime.date(2025, 1, 10), "July 15", "2024-07-15"),  # 186 days ahead: previous year
        (datetime.date(2025, 1, 10), "December 20", "2024-12-20"),
        (datetime.date(2025, 12, 15), "January 5", "2025-01-05"),  # documented simplification
        (datetime.date(2025, 1, 10), "December", "2024-12"),
        (datetime.date(2024, 3, 1), "Feb 29", "2024-02-29"),
    ],
)
def test_yearless_day_and_month_year_choice(anchor: datetime.date, text: str, value: str) -> None:
    assert normalise_date(text, anchor).value == value


def test_feb_29_in_a_common_year_is_unresolved() -> None:
    check("Feb 29", datetime.date(2025, 3, 1), (D, None, G.DAY, True))
    check("Feb 29", None, (D, "XXXX-02-29", G.DAY, True))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Sunday", "2025-12-14"),  # anchor - 3
        ("Monday", "2025-12-15"),
        ("Tuesday", "2025-12-16"),
        ("Wednesday", "2025-12-17"),  # the anchor itself
        ("Thursday", "2025-12-18"),
        ("Friday", "2025-12-19"),
        ("Saturday", "2025-12-20"),  # anchor + 3
        ("this Monday", "2025-12-15"),
        ("last Wednesday", "2025-12-10"),  # strictly before
        ("next Wednesday", "2025-12-24"),  # strictly after
        ("last Tuesday", "2025-12-16"),
    ],
)
def test_weekday_window(text: str, value: str) -> None:
    assert normalise_date(text, datetime.date(2025, 12, 17)).value == value  # a Wednesday


@pytest.mark.parametrize(
    ("anchor", "text", "value"),
    [
        (datetime.date(2025, 3, 1), "summer", "2024-SU"),  # summer 2025 not started yet
        (datetime.date(2025, 3, 1), "early summer", "2024-SU"),
        (datetime.date(2025, 7, 1), "summer", "2025-SU"),
        (datetime.date(2025, 3, 1), "this summer", "2025-SU"),
        (datetime.date(2025, 3, 1), "last summer", "2024-SU"),
        (datetime.date(2025, 7, 15), "last summer", "2024-SU"),  # summer 2025 not over
        (datetime.date(2025, 9, 1), "last summer", "2025-SU"),
        (datetime.date(2025, 3, 1), "next summer", "2025-SU"),
        (datetime.date(2025, 1, 15), "winter", "2024-WI"),  # Dec 2024 - Feb 2025
        (datetime.date(2025, 1, 15), "this winter", "2024-WI"),
        (datetime.date(2025, 1, 15), "last winter", "2023-WI"),
        (datetime.date(2025, 10, 1), "this winter", "2025-WI"),
        (datetime.date(2025, 10, 1), "winter", "2024-WI"),
    ],
)
def test_season_rules(anchor: datetime.date, text: str, value: str) -> None:
    assert normalise_date(text, anchor).value == value


def test_iso_week_across_year_boundary() -> None:
    assert normalise_date("this week", datetime.date(2025, 12, 31)).value == "2026-W01"
    assert normalise_date("last week", datetime.date(2026, 1, 2)).value == "2025-W52"


def test_datetime_anchor_is_accepted() -> None:
    assert normalise_date("yesterday", datetime.datetime(2025, 12, 15, 23, 59)).value == (
        "2025-12-14"
    )


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("tomorrow", datetime.date.max),
        ("next year", datetime.date.max),
        ("last year", datetime.date.min),
        ("yesterday", datetime.date.min),
        ("last summer", datetime.date.min),
        ("two weeks ago", datetime.date.min),
    ],
)
def test_out_of_range_results_do_not_raise(text: str, anchor: datetime.date) -> None:
    assert normalise_date(text, anchor).value is None


# --------------------------------------------------------------------------- dateparser fallback


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12/15/2025", "2025-12-15"),
        ("15/12/2025", "2025-12-15"),
        ("15.12.2025", "2025-12-15"),
        ("December the 15th, 2025", "2025-12-15"),
        ("Dec 15 2025 10:30", "2025-12-15"),
    ],
)
def test_dateparser_fallback(text: str, value: str) -> None:
    cleaned = normalise.clean(text)
    assert normalise.dispatch(cleaned, None) is None  # the regexes do not take it
    check(text, ANCHOR, (D, value, G.DAY, False))


def test_dateparser_fallback_without_year_uses_the_yearless_rule() -> None:
    text = "March the 18th"
    assert normalise.dispatch(normalise.clean(text), None) is None
    check(text, ANCHOR, (D, "2025-03-18", G.DAY, True))
    check(text, None, (D, "XXXX-03-18", G.DAY, True))


@pytest.mark.parametrize("text", ["the pandemic", "now", "10:30", "2014-2015", "since then"])
def test_dateparser_not_consulted_without_absolute_hints(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom() -> None:
        raise AssertionError("dateparser must not be called")

    monkeypatch.setattr(fallback, "date_parser", boom)
    assert _uncached(text, ANCHOR).granularity is G.UNKNOWN


def test_dateparser_parser_is_a_singleton() -> None:
    assert fallback.date_parser() is fallback.date_parser()


# --------------------------------------------------------------------------- model and API


def test_model_is_frozen_and_strict() -> None:
    value = normalise_date("2022")
    with pytest.raises(ValidationError):
        value.value = "2023"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        DateValue(kind=D, value=None, granularity=G.UNKNOWN, relative=False, extra=1)  # type: ignore[call-arg]
    for name, field in DateValue.model_fields.items():
        assert field.description, name


def test_enum_values() -> None:
    assert [k.value for k in DateKind] == ["date", "duration", "set"]
    assert [g.value for g in Granularity] == [
        "day", "week", "month", "season", "quarter", "year", "decade", "century", "unknown",
    ]  # fmt: skip


def test_results_are_cached() -> None:
    first = normalise_date("last Tuesday", ANCHOR)
    assert normalise_date("last Tuesday", ANCHOR) is first
    assert normalise_date.cache_info().maxsize == 4096


# --------------------------------------------------------------------------- properties

VOCABULARY = [
    "the", "last", "next", "this", "every", "each", "early", "mid-", "late", "end", "of", "in",
    "on", "ago", "later", "two", "a", "few", "several", "30-day", "day", "days", "week",
    "weeks", "weekend", "month", "months", "year", "years", "decade", "decades", "century",
    "quarter", "Q3", "first", "summer", "winter", "fall", "Monday", "Tue.", "Mondays", "March",
    "Dec.", "May", "18", "18th", "29", "2025", "1990s", "'90s", "2025-12-15", "12/15/2025",
    "’s", "'s", ",", "yesterday", "tonight", "night", "hours", "and a half", "0", "9999",
]  # fmt: skip
ANCHORS = st.one_of(st.none(), st.dates(), st.just(datetime.date.min), st.just(datetime.date.max))


@settings(max_examples=400, deadline=None)
@given(text=st.text(max_size=120), anchor=ANCHORS)
def test_never_raises_on_arbitrary_text(text: str, anchor: datetime.date | None) -> None:
    result = _uncached(text, anchor)
    assert isinstance(result, DateValue)
    if result.granularity is G.UNKNOWN and result.kind is D:
        assert result.value is None


@settings(max_examples=600, deadline=None)
@given(
    words=st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=6),
    anchor=ANCHORS,
)
def test_never_raises_on_date_like_text(words: list[str], anchor: datetime.date | None) -> None:
    result = _uncached(" ".join(words), anchor)
    assert isinstance(result, DateValue)
    if anchor is None and result.relative and result.value is not None:
        # without an anchor a relative value never invents a year (nor today's date)
        assert result.value.startswith("XXXX-"), result


@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(2999, 12, 31)))
def test_explicit_dates_round_trip(day: datetime.date) -> None:
    month = day.strftime("%B")
    expected = day.isoformat()
    assert normalise_date(f"{month} {day.day}, {day.year}").value == expected
    assert normalise_date(f"{day.day} {month} {day.year}").value == expected
    assert normalise_date(expected).value == expected


@settings(max_examples=200, deadline=None)
@given(anchor=st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(9000, 1, 1)))
def test_weekday_is_within_three_days_and_has_the_right_name(anchor: datetime.date) -> None:
    for offset in range(7):
        name = (anchor + datetime.timedelta(days=offset)).strftime("%A")
        value = normalise_date(name, anchor).value
        assert value is not None
        day = datetime.date.fromisoformat(value)
        assert abs((day - anchor).days) <= 3
        assert day.strftime("%A") == name
