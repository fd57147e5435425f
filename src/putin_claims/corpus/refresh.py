"""The corpus-wide steps, run as one unit.

Any document change marks the corpus stale in the same transaction that stores the document
(:meth:`Store.save`). :func:`refresh` then rebuilds every corpus-wide table (lines repeated
across sources, actors, quote speakers named across sources, derivations, claims) inside one
transaction and writes the fresh mark last: an interrupt or a crash anywhere inside rolls the
whole refresh back, the mark stays stale, and the next run rebuilds from scratch. The result
depends only on the stored documents, never on the history of the store.
"""

from __future__ import annotations

from collections.abc import Callable

from putin_claims import __version__
from putin_claims.corpus.derivation import find_derivations
from putin_claims.corpus.grouping import CLAIMS_VERSION, build_claims
from putin_claims.corpus.repeats import flag_cross_source_repeats
from putin_claims.corpus.resolution import resolve_corpus
from putin_claims.corpus.speakers import resolve_descriptions
from putin_claims.ingest.boilerplate import REPEAT_MAX_WORDS
from putin_claims.lexicons import fingerprint
from putin_claims.names import AliasIndex
from putin_claims.store import STATE_KEY, Store

#: Bump when a corpus-wide step changes what it stores: the next run rebuilds every table.
CORPUS_VERSION = 1

Step = Callable[[Store, AliasIndex], object]


def _repeats(store: Store, index: AliasIndex) -> object:
    return flag_cross_source_repeats(store, max_words=REPEAT_MAX_WORDS)


def _actors(store: Store, index: AliasIndex) -> object:
    resolution = resolve_corpus(store.key_stats(), store.role_links(), index)
    store.apply_resolution(resolution)
    return resolution


def _speakers(store: Store, index: AliasIndex) -> object:
    links = resolve_descriptions(store.quotes())
    store.resolve_quote_speakers(links)
    return links


def _derivations(store: Store, index: AliasIndex) -> object:
    found = find_derivations(store)
    store.replace_derivations(found)
    return found


def _claims(store: Store, index: AliasIndex) -> object:
    return build_claims(store)


#: The steps in the order they run; each reads what the ones before it wrote.
STEPS: tuple[tuple[str, Step], ...] = (
    ("repeats", _repeats),
    ("actors", _actors),
    ("speakers", _speakers),
    ("derivations", _derivations),
    ("claims", _claims),
)


def corpus_key(actors_fingerprint: str) -> str:
    """What a fresh corpus was built with: code, word lists, weights and alias data."""
    return f"{__version__}|{CORPUS_VERSION}|{CLAIMS_VERSION}|{fingerprint()}|{actors_fingerprint}"


def is_fresh(store: Store, actors_fingerprint: str) -> bool:
    return store.setting(STATE_KEY) == corpus_key(actors_fingerprint)


def refresh(store: Store, index: AliasIndex, actors_fingerprint: str) -> None:
    """Rebuild every corpus-wide table in one transaction; the fresh mark is written last."""
    with store.transaction():
        for _, step in STEPS:
            step(store, index)
        store.set_setting(STATE_KEY, corpus_key(actors_fingerprint))
