"""Ordered, named schema migrations. Each runs once, in its own transaction, and is recorded
in the ``migrations`` table. Append new ones at the end of the newest module (imported last
here, so the list stays in order); never edit one that has shipped."""

from __future__ import annotations

from putin_claims.store.migrations.registry import MIGRATIONS, Migration, migration

from putin_claims.store.migrations.steps_001_013 import (  # isort: skip
    m001_documents_and_sentences,
    m002_sentence_search,
    m003_actors_and_mentions,
    m004_dates,
    m005_settings,
    m006_cross_source_repeats,
    m007_assertions_and_claims,
    m008_quotes,
    m009_derivations,
    m010_corpus_state,
    m011_ordinals,
    m012_key_actors,
    m013_vague_assertions,
)
from putin_claims.store.migrations.steps_014_017 import (  # isort: skip
    LOOKUP_INDEXES,
    m014_document_identity,
    m015_browsable_search,
    m016_claim_counts,
    m017_lookup_indexes,
)

__all__ = [
    "LOOKUP_INDEXES",
    "MIGRATIONS",
    "Migration",
    "m001_documents_and_sentences",
    "m002_sentence_search",
    "m003_actors_and_mentions",
    "m004_dates",
    "m005_settings",
    "m006_cross_source_repeats",
    "m007_assertions_and_claims",
    "m008_quotes",
    "m009_derivations",
    "m010_corpus_state",
    "m011_ordinals",
    "m012_key_actors",
    "m013_vague_assertions",
    "m014_document_identity",
    "m015_browsable_search",
    "m016_claim_counts",
    "m017_lookup_indexes",
    "migration",
]
