"""The corpus-wide steps over the store (no spaCy): repeats, actors, speakers, derivations,
claims, run as one unit by :func:`putin_claims.corpus.refresh.refresh`."""
