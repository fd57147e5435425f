"""Metadata fields by their common names, shared by YAML front matter and JSON exports.

A field is looked up under each of its names in turn (``FIELD_NAMES``); the user can put one
name first (``--field text=body``). Values may be strings, lists of strings or of objects with
a ``name`` (authors), or objects with a ``name`` (NewsAPI's ``source``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from putin_claims.dates import Granularity, normalise_date
from putin_claims.errors import FieldMappingError

#: Metadata and text fields, each with the names exports and front matter commonly give it.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "full_text", "maintext", "article_body"),
    "title": ("title", "headline", "heading"),
    "author": ("author", "authors", "byline", "creator", "writer"),
    "date": (
        "date", "published", "published_at", "publishedAt", "date_published", "datePublished",
        "pubDate", "publication_date", "created_at", "date_publish",
    ),
    "url": ("url", "link", "canonical_url", "canonical", "permalink", "source_url", "webUrl"),
    "outlet": (
        "outlet", "source", "publisher", "site_name", "sitename", "site", "publication",
        "source_name", "source_domain",
    ),
    "genre": ("genre", "type", "section", "section_name", "sectionName", "category", "kind"),
    "id": ("id", "_id", "guid", "uuid", "article_id", "doc_id"),
}  # fmt: skip


def field_overrides(pairs: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """``FIELD_NAMES`` with the user's name for each overridden field tried first."""
    unknown = sorted(set(pairs) - set(FIELD_NAMES))
    if unknown:
        raise FieldMappingError(
            f"unknown field {', '.join(unknown)} in --field; known: {', '.join(FIELD_NAMES)}"
        )
    return {
        name: ((pairs[name], *names) if name in pairs else names)
        for name, names in FIELD_NAMES.items()
    }


def parse_field_options(options: list[str]) -> dict[str, str]:
    """``["text=body", "title=headline"]`` as a mapping; a malformed one is a clear error."""
    out: dict[str, str] = {}
    for option in options:
        field, sep, name = option.partition("=")
        if not sep or not field.strip() or not name.strip():
            raise FieldMappingError(f"--field {option!r}: write it as FIELD=NAME, e.g. text=body")
        out[field.strip()] = name.strip()
    return out


def lookup(record: Mapping[str, Any], field: str, names: Mapping[str, tuple[str, ...]]) -> Any:
    """The first non-empty value of ``field`` under any of its names (case-insensitive)."""
    lowered = {str(k).lower(): v for k, v in record.items()}
    for name in names[field]:
        value = record.get(name, lowered.get(name.lower()))
        if value not in (None, "", [], {}):
            return value
    return None


def as_text(value: Any) -> str | None:
    """A field value as one string: lists joined with '; ', objects by their ``name``."""
    if value is None:
        return None
    if isinstance(value, Mapping):
        return as_text(value.get("name") or value.get("title"))
    if isinstance(value, list | tuple):
        parts = [p for p in (as_text(v) for v in value) if p]
        return "; ".join(parts) if parts else None
    text = str(value).strip()
    return text or None


def as_date(value: Any) -> dt.date | None:
    """An ISO date or timestamp (or a YAML date) as a date; anything else is unknown here."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = as_text(value)
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return day_date(text)  # "14 March 2025", "Fri, 14 Mar 2025 10:00:00 GMT"


def day_date(text: str) -> dt.date | None:
    """A date written out to the day, absolute; anything vaguer is unknown."""
    parsed = normalise_date(text)
    if parsed.granularity is not Granularity.DAY or parsed.value is None or parsed.relative:
        return None
    try:
        return dt.date.fromisoformat(parsed.value)
    except ValueError:
        return None
