"""Organisations and titled first names, decided over the whole corpus (no spaCy).

The tagger's label of one mention is weak evidence; the corpus gives better:

* an organisation's name stays whole and its legal suffix is not part of it ("Harwell
  Instruments plc" and "Harwell Instruments" are one actor);
* a word the tagger took for a surname, but that the corpus uses as the first word of exactly
  one organisation's name and never with a title ("Harwell" beside "Harwell Instruments"),
  is that organisation;
* a name with an organisation word ("department", "union", "party", "plc") is an
  organisation, whatever its label;
* a first name written with a title that goes with first names ("Dame Sarah", "Sir John")
  is the one person of the corpus with that first name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from putin_claims.lexicons import actor_words, name_words
from putin_claims.models import KeyStats


def folded(key: str) -> str:
    """An organisation's key without its legal suffix: "harwell instruments plc" -> "..."."""
    words = key.split()
    suffixes = name_words().org_suffixes
    while len(words) > 1 and words[-1].strip(".") in suffixes:
        words = words[:-1]
    return " ".join(words)


def organisation_like(stat: KeyStats) -> bool:
    """An organisation word or legal suffix in the name."""
    words = set(stat.key.replace("-", " ").split())
    return bool(words & name_words().org_words)


def titled(stat: KeyStats) -> bool:
    """Some surface form carries a courtesy or rank title ("Mr Bourn", "Dame Sarah")."""
    honorifics = actor_words().honorifics
    return any(s.split()[0].lower().strip(".") in honorifics for s in stat.surfaces if s.split())


def first_name_only(stat: KeyStats) -> bool:
    """One word, written with a title that goes with first names ("Sir John")."""
    honorifics = name_words().first_name_honorifics
    forms = [s.split() for s in stat.surfaces if s.split()]
    return (
        " " not in stat.key
        and bool(forms)
        and all(len(f) == 2 and f[0].lower().strip(".") in honorifics for f in forms)
    )


def heads(organisations: Iterable[KeyStats]) -> dict[str, str]:
    """First word -> folded organisation key, for words that begin exactly one organisation's
    multi-word name."""
    found: dict[str, set[str]] = defaultdict(set)
    for stat in organisations:
        key = folded(stat.key)
        if " " in key:
            found[key.split()[0]].add(key)
    return {word: next(iter(keys)) for word, keys in sorted(found.items()) if len(keys) == 1}
