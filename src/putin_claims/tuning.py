"""Every tuned weight and threshold of the engine, named in one place.

The values were tuned on the seed gold and checked on the second gold (see docs/claims.md and
docs/quotes.md). They are part of the pipeline key through :func:`putin_claims.lexicons.
fingerprint`, so changing one re-processes the store on the next ``extract``.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Tuning(BaseModel):
    """Tuned weights and thresholds (a frozen value; :data:`TUNING` is the one in use)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # -- similarity (corpus/similarity.py)
    dice_weight: float = Field(0.45, description="Weight of weighted Dice in `lexical`.")
    overlap_weight: float = Field(0.35, description="Weight of the overlap coefficient.")
    ratio_weight: float = Field(0.2, description="Weight of rapidfuzz token-set ratio.")
    ratio_unshared: float = Field(0.5, description="Ratio factor when no concept is shared.")
    negation_penalty: float = Field(0.5, description="Factor when one side only is negated.")
    negation_weight: float = Field(0.5, description="IDF weight of the negation concept.")
    idf_floor: float = Field(0.1, description="Added to every concept's IDF.")

    # -- claim grouping (corpus/grouping.py)
    merge_threshold: float = Field(0.38, description="Average similarity that merges groups.")
    common_share: float = Field(
        0.35, description="Concepts in more of a family's assertions give no candidate pairs."
    )
    group_postings_cap: int = Field(
        50, description="... nor concepts in more of them than this, however large the corpus."
    )
    informative_bonus: float = Field(
        0.1, description="Statement choice: bonus per concept that says what is wanted."
    )
    informative_cap: int = Field(5, description="Statement choice: concepts counted at most.")

    # -- check (query/check.py)
    support_threshold: float = Field(0.6, description="Coverage from which a passage supports.")
    check_content: float = Field(0.6, description="Weight of content coverage in a hit score.")
    check_actor: float = Field(0.25, description="Weight of naming the claim's actor.")
    check_kind: float = Field(0.15, description="Weight of the kind fitting the claim.")
    check_opposed: float = Field(0.9, description="Score factor of a contradicting passage.")
    check_sentence: float = Field(0.8, description="Factor of a sentence-level match.")
    check_own_share: float = Field(0.5, description="Share of an assertion's own coverage.")
    kind_near: float = Field(0.5, description="Kind fit of related goal kinds.")
    query_actor_fuzzy: float = Field(88, description="rapidfuzz ratio naming a query's actor.")

    # -- actors (corpus/resolution.py, query/actors.py)
    surname_fuzzy: float = Field(90.0, description="rapidfuzz ratio of two surname spellings.")
    surname_fuzzy_min_len: int = Field(6, description="Shorter surnames must match exactly.")
    actor_query_fuzzy: float = Field(
        88, description="rapidfuzz ratio from which a close spelling names an actor."
    )

    # -- derivations (corpus/derivation.py)
    sentence_match: float = Field(0.35, description="Similarity of two counterpart sentences.")
    derived_coverage: float = Field(0.4, description="Share of counterparts that derives.")
    min_concepts: int = Field(3, description="Sentences with fewer concepts are not aligned.")
    rare_shared: int = Field(3, description="Rare concepts two documents must share.")
    rare_overlap: float = Field(0.2, description="... and this share of the rarer's.")
    rare_docs_cap: int = Field(
        25, description="A concept in more documents is never rare, however large the corpus."
    )
    cue_bonus: float = Field(0.15, description="Score bonus of a provenance note.")
    quote_bonus: float = Field(0.05, description="Score bonus per shared quote.")
    quote_bonus_cap: float = Field(0.15, description="Cap of the shared-quote bonus.")

    # -- quotes (nlp/quotes, corpus/speakers.py)
    same_quote: float = Field(70, description="Token-set ratio of one quote in two sources.")
    same_quote_length: float = Field(
        0.5,
        description="Shorter quote's words over the longer's, at least, for two sources' "
        "wordings of one quote (a token-set ratio takes any few words for a part of a long quote).",
    )
    partial_words: int = Field(5, description="Quotes this short inside prose are partial.")
    framed: float = Field(0.9, description="Confidence: a frame names the speaker.")
    pronoun_disagrees: float = Field(0.7, description="Confidence: the pronoun's chain differs.")
    continued: float = Field(0.7, description="Confidence: continues the previous speaker.")
    reported: float = Field(0.8, description="Confidence: reported speech with a named speaker.")
    described: float = Field(0.6, description="Confidence: only a description speaks.")
    unframed_partial: float = Field(0.6, description="Confidence: a partial quote, no frame.")
    unattributed: float = Field(0.5, description="Confidence: no speaker found.")
    named_elsewhere: float = Field(0.6, description="Factor: named through another source.")
    quote_words_cap: int = Field(
        60, description="A word in more named quotes is no candidate key for naming speakers."
    )


TUNING = Tuning()
