"""One loader for the packaged word lists (``data/*.toml``) and the default alias data.

Each file is read once per process into a validated pydantic model (unknown keys are errors,
so a typo in a word list fails loudly), then indexed for lookup. :func:`fingerprint` hashes
every file together with the tuned weights of :mod:`putin_claims.tuning`; the pipeline key
includes it, so changing a word list or a weight re-processes the documents it affects.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.resources import files

from putin_claims.lexicons.actors import (
    ActorWords,
    actor_fingerprint,
    actor_words,
    load_actor_data,
)
from putin_claims.lexicons.boilerplate import (
    BoilerplateWords,
    CueSet,
    boilerplate_cues,
    boilerplate_words,
)
from putin_claims.lexicons.claims import ClaimsWords, CueLexicon, GrammarWords, cue_lexicon
from putin_claims.lexicons.names import NameWords, name_words
from putin_claims.tuning import TUNING

DATA_FILES = ("actors.toml", "boilerplate.toml", "claims.toml", "ingest.toml", "lexicon.toml")

__all__ = [
    "DATA_FILES",
    "ActorWords",
    "BoilerplateWords",
    "ClaimsWords",
    "CueLexicon",
    "CueSet",
    "GrammarWords",
    "NameWords",
    "actor_fingerprint",
    "actor_words",
    "boilerplate_cues",
    "boilerplate_words",
    "cue_lexicon",
    "fingerprint",
    "load_actor_data",
    "name_words",
]


@cache
def fingerprint() -> str:
    """Hash of every packaged word list and every tuned weight (part of the pipeline key)."""
    digest = hashlib.sha256()
    for name in DATA_FILES:
        digest.update(name.encode())
        digest.update(files("putin_claims.data").joinpath(name).read_bytes())
    digest.update(TUNING.model_dump_json().encode())
    return digest.hexdigest()[:12]
