"""Matching terms of a parsed text: content-word lemmas with their offsets."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from putin_claims.lexicons import cue_lexicon

#: A content-word lemma with its offsets: (start, end, lemma).
Term = tuple[int, int, str]


def token_terms(tokens: Iterable[Token], offset: int) -> list[Term]:
    """Content-word lemmas with their offsets; negation words become ``not``."""
    lex = cue_lexicon()
    out: list[Term] = []
    for tok in tokens:
        lower = tok.lower_
        if lower in lex.negation or tok.dep_ == "neg":
            out.append((offset + tok.idx, offset + tok.idx + len(tok), "not"))
            continue
        if tok.is_punct or tok.is_space or tok.like_num or not _has_letter(lower):
            continue
        lemma = tok.lemma_.lower().strip("'’")
        if tok.is_stop or lemma in lex.light or len(lemma) < 2:
            continue
        out.append((offset + tok.idx, offset + tok.idx + len(tok), lemma))
    return out


def _has_letter(word: str) -> bool:
    return word.isalpha() or any(c.isalpha() for c in word)
