"""Which language an article is in (py3langid, normalised probabilities), named by pycountry.

The rules and the model are English; an article in another language would "succeed" with no
content sentences. It is refused instead, naming the language. Only the article's own lines
are read (content, title, headings, and lines set aside for their foreign script), and only
when there are enough words to tell: a short text or an uncertain guess counts as English.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

import pycountry
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from putin_claims.errors import NotEnglishError
from putin_claims.models import BoilerplateKind, Line, LineRole

#: Fewer words than this say too little to judge.
MIN_WORDS = 25
#: A guess this sure, or surer, refuses the article.
MIN_CONFIDENCE = 0.95
SAMPLE_CHARS = 5000
ARTICLE_ROLES = frozenset({LineRole.CONTENT, LineRole.TITLE, LineRole.HEADING})


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    """ISO 639-1 code and probability of the language of ``text``."""
    code, probability = _identifier().classify(text[:SAMPLE_CHARS])
    return str(code), float(probability)


def language_name(code: str) -> str:
    found = pycountry.languages.get(alpha_2=code)
    return str(found.name) if found is not None else code


def require_english(path: Path | str, lines: Sequence[Line]) -> None:
    """Raise :class:`NotEnglishError` when the article's own text is surely not English."""
    body = "\n".join(
        line.text
        for line in lines
        if line.role in ARTICLE_ROLES or line.boilerplate is BoilerplateKind.FOREIGN_LANGUAGE
    )
    if len(body.split()) < MIN_WORDS:
        return
    code, probability = detect(body)
    if code != "en" and probability >= MIN_CONFIDENCE:
        raise NotEnglishError(path, f"detected {language_name(code)} ({code}, p={probability:.2f})")
