"""The quality gate: score `objectives`, `check` and `quotes` against hand-made gold files.

:mod:`.gold` loads and validates the YAML gold files, :mod:`.objectives` scores objectives and
`check` against an objectives file, :mod:`.quotes` scores quotes against a quote file.
"""

from putin_claims.evaluate.gold import (
    GoldFile,
    GoldModel,
    GoldObjective,
    GoldQuote,
    GoldSupport,
    QuoteGoldFile,
    is_article_gold,
    is_quote_gold,
    load_gold,
    load_quote_gold,
)
from putin_claims.evaluate.objectives import K, ObjectiveScore, Scores, evaluate
from putin_claims.evaluate.quotes import (
    QuoteScore,
    QuoteScores,
    evaluate_quotes,
    gold_quote_spans,
    jaccard,
    speaker_matches,
)

__all__ = [
    "GoldFile",
    "GoldModel",
    "GoldObjective",
    "GoldQuote",
    "GoldSupport",
    "K",
    "ObjectiveScore",
    "QuoteGoldFile",
    "QuoteScore",
    "QuoteScores",
    "Scores",
    "evaluate",
    "evaluate_quotes",
    "gold_quote_spans",
    "is_article_gold",
    "is_quote_gold",
    "jaccard",
    "load_gold",
    "load_quote_gold",
    "speaker_matches",
]
