"""``data/ingest.toml``: the words the ingest stage and name matching read."""

from __future__ import annotations

from functools import cache

from pydantic import Field, model_validator

from putin_claims.lexicons.base import Words, read


class NameWords(Words):
    """``data/ingest.toml``: words the ingest stage and name matching read."""

    small_words: frozenset[str] = Field(description="Lowercase words of Title Case headlines.")
    stop_words: frozenset[str] = Field(description="Words too common to count as a topic.")
    not_name_words: frozenset[str] = Field(description="Words that make a line not a name.")
    surname_particles: frozenset[str] = Field(description="'da', 'van': part of a surname.")
    org_suffixes: frozenset[str] = Field(description="'plc', 'Inc': after a company's name.")
    org_words: frozenset[str] = Field(description="Words that make a name an organisation's.")
    first_name_honorifics: frozenset[str] = Field(description="'Sir', 'Dame' + a first name.")
    transliteration: tuple[tuple[str, str], ...] = Field(
        description="Spelling variants folded before names are compared, in order."
    )

    @model_validator(mode="after")
    def _stop_words_include_small_words(self) -> NameWords:
        object.__setattr__(self, "stop_words", self.stop_words | self.small_words)
        return self


@cache
def name_words() -> NameWords:
    return NameWords.model_validate(read("ingest.toml"))
