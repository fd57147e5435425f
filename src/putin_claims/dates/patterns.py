"""The compiled regexes of date expressions, built from :mod:`putin_claims.dates.lexicon`.

Every rule pattern is matched with ``fullmatch`` against the cleaned text (lower case,
prepositions and modifiers stripped), so none of them is anchored here.
"""

import re
from collections.abc import Iterable
from typing import Final

from putin_claims.dates.lexicon import (
    BARE_UNITS,
    CALENDAR_UNITS,
    COMPOUND_ORDINAL_WORDS,
    DAY_WORDS,
    DIGIT_WORDS,
    DURATION_MARKERS,
    EVERY_WORDS,
    FUTURE_SUFFIXES,
    LEADING_WORDS,
    MONTH_NAMES,
    NARRATIVE_SUFFIXES,
    NARRATIVE_WORDS,
    NEXT_DAY_UNITS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    PAST_SUFFIXES,
    PER_WORDS,
    POINT_MODIFIERS,
    QUARTER_ORDINALS,
    RELATIVE_UNITS,
    SEASON_NAMES,
    SHIFT_WORDS,
    SHIFTED_UNITS,
    TENS_WORDS,
    TIME_OF_DAY_WORDS,
    TIMES_WORDS,
    UNIT_MODIFIERS,
    UNIT_WORDS,
    VAGUE_AMOUNTS,
    WEEKDAY_FULL_NAMES,
    WEEKDAY_NAMES,
)


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
_EVERY = _alt(EVERY_WORDS)
_POINT_MOD = _alt(POINT_MODIFIERS)

TRANSLATE: Final = str.maketrans(
    {"’": "'", "‘": "'", "`": "'", "´": "'", "–": "-", "—": "-", "‐": "-", "‑": "-"}
)
EDGE_PUNCT: Final = ' .,;:!?"()[]{}'
DECADE_APOS_RE = re.compile(r"(?<=[0-9]0)'s\b")
POSSESSIVE_RE = re.compile(r"(?<=[a-z0-9])'s\b")
PLURAL_POSSESSIVE_RE = re.compile(r"(?<=s)'(?=\s|$)")
PREFIX_RE = re.compile(rf"(?:{_alt(LEADING_WORDS)})(?:\s+|-)")
TIME_OF_DAY_RE = re.compile(
    rf"(?P<head>.*\b(?:{_WD}|{_alt(DAY_WORDS)})\.?)\s+(?:{_alt(TIME_OF_DAY_WORDS)})"
)

NARRATIVE_RE = re.compile(
    rf"(?:{_alt(NARRATIVE_WORDS)})\s+(?P<u1>{_alt(CALENDAR_UNITS)})"
    rf"|next\s+(?P<u2>{_alt(NEXT_DAY_UNITS)})"
    rf"|(?P<u3>{_alt(SHIFTED_UNITS)})\s+(?:{_alt(SHIFT_WORDS)})"
)
EVERY_RE = re.compile(
    rf"(?:{_EVERY})\s+(?:(?P<other>other)\s+|(?P<amt>{_AMOUNT})\s+)?(?P<unit>{_UNIT})"
)
EVERY_NAME_RE = re.compile(rf"(?:{_EVERY})\s+(?P<name>{_WD}|{_SEASON}|{_MON})")
TIMES_PER_RE = re.compile(
    rf"(?:(?:{_alt(TIMES_WORDS)}|(?:{_AMOUNT})\s+times)\s+(?:{_alt(PER_WORDS)})|per)"
    rf"\s+(?P<unit>{_UNIT})"
)
PLURAL_WEEKDAY_RE = re.compile(rf"(?P<wd>{_alt(WEEKDAY_FULL_NAMES)})s")
RELATIVE_UNIT_RE = re.compile(
    rf"(?P<mod>{_alt(UNIT_MODIFIERS)})\s+"
    rf"(?P<unit>{_alt(RELATIVE_UNITS)})"
)
WEEKDAY_RE = re.compile(rf"(?:(?P<mod>{_POINT_MOD})\s+)?(?P<wd>{_WD})")
WEEKDAY_PREFIX_RE = re.compile(rf"(?P<wd>{_WD})\.?,?\s+(?P<rest>.+)")
SEASON_RE = re.compile(
    rf"(?:(?P<mod>{_POINT_MOD})\s+)?(?P<season>{_SEASON})"
    rf"(?:,?\s+(?:of\s+)?{_YEAR4})?"
)
YEAR_SEASON_RE = re.compile(rf"{_YEAR4}\s+(?P<season>{_SEASON})")
MONTH_DAY_RE = re.compile(rf"(?P<mon>{_MON})\.?\s+{_DAYNUM}(?:,?\s+{_YEAR4})?")
DAY_MONTH_RE = re.compile(rf"{_DAYNUM}\s+(?:of\s+)?(?P<mon>{_MON})\.?(?:,?\s+{_YEAR4})?")
MONTH_RE = re.compile(
    rf"(?:(?P<mod>{_POINT_MOD})\s+)?(?P<mon>{_MON})\.?"
    rf"(?:,?\s+(?:of\s+)?{_YEAR4})?"
)
ISO_RE = re.compile(rf"{_YEAR4}-(?P<month>[0-9]{{2}})(?:-(?P<day>[0-9]{{2}}))?")
QUARTER_RE = re.compile(
    rf"(?:q(?P<qn>[1-4])|(?P<qw>{_alt(QUARTER_ORDINALS)})[\s-]+quarter)"
    rf"(?:,?\s+(?:of\s+)?{_YEAR4})?"
)
YEAR_QUARTER_RE = re.compile(rf"{_YEAR4}[\s-]+q(?P<qn>[1-4])")
YEAR_RE = re.compile(rf"(?:(?:fiscal\s+)?year\s+|fy\s*)?{_YEAR4}")
DECADE_FULL_RE = re.compile(r"(?P<head>[12][0-9]{2})0s")
DECADE_SHORT_RE = re.compile(r"'?(?P<digit>[0-9])0s")
CENTURY_RE = re.compile(
    r"(?:(?P<num>[0-9]{1,2})(?:st|nd|rd|th)|"
    rf"(?P<word>{_alt({**ORDINAL_WORDS, **COMPOUND_ORDINAL_WORDS})}))[\s-]+century"
)
AMOUNT_UNIT_RE = re.compile(
    rf"(?:(?P<dir>{_alt(DURATION_MARKERS)})\s+)?(?:(?P<amt>{_AMOUNT})[\s-]+)?"
    rf"(?P<unit>{_UNIT})(?P<half>\s+and\s+a\s+half)?(?P<adj>[\s-]+(?:long|old))?"
    rf"(?:\s+(?P<suf>{_alt(NARRATIVE_SUFFIXES | PAST_SUFFIXES | FUTURE_SUFFIXES)}))?"
)
BARE_UNIT_RE = re.compile(rf"(?P<unit>{_alt(BARE_UNITS)})")

FALLBACK_HINT_RE = re.compile(
    rf"\b(?:{_MON})\b|\b[12][0-9]{{3}}\b|\b[0-9]{{1,4}}[./-][0-9]{{1,2}}(?:[./-][0-9]{{1,4}})?\b"
)
MONTH_WORD_RE = re.compile(rf"\b(?:{_MON})\b")
YEAR_TOKEN_RE = re.compile(r"\b[0-9]{4}\b")
SHORT_YEAR_RE = re.compile(r"'[0-9]{2}\b")
NUMBER_TOKEN_RE = re.compile(r"[0-9]+")
