"""What every rule reads: the sentence, the cue words, and the pattern matches of its Doc."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from putin_claims.lexicons import CueLexicon, GrammarWords
from putin_claims.nlp.assertions.labels import ACTOR_LIKE_ENTITIES, AUX, PRON, PROPN
from putin_claims.nlp.assertions.matching import Hits


@dataclass(frozen=True)
class Sentence:
    """One sentence of a parsed Doc, with the lexicon and the Doc's pattern matches
    (``headline``: the sentence is a title or a heading)."""

    span: Span
    lex: CueLexicon
    hits: Hits
    headline: bool = False

    @property
    def doc(self) -> Doc:
        return self.span.doc

    @property
    def words(self) -> GrammarWords:
        return self.lex.words

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end

    def infinitive(self, tok: Token) -> bool:
        """``tok`` has the infinitive marker ("to leave")."""
        return any(
            c.dep_ == AUX and c.lower_ in self.words.infinitive_markers for c in tok.children
        )

    def actor_like(self, tok: Token) -> bool:
        """A name, a pronoun, an organisation or an office can be an actor."""
        return (
            tok.pos_ in (PROPN, PRON)
            or tok.ent_type_ in ACTOR_LIKE_ENTITIES
            or tok.lemma_.lower() in self.lex.roles
        )
