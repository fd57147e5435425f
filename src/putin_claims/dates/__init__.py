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

from putin_claims.dates.normalise import normalise_date
from putin_claims.models.dates import DateKind, DateValue, Granularity

__all__ = ["DateKind", "DateValue", "Granularity", "normalise_date"]
