"""Article gold: one YAML file per article, passages given as character spans and a hash.

For corpora whose text may not be copied (licensed or third-party articles): a gold file
names its article, and every passage by its offsets into the article's decoded text with the
first ten hex digits of the SHA-1 of those characters, so a changed article fails loudly
instead of scoring against the wrong words. It holds every quote with its speaker, the
objectives of the actors the article reports, and claims that a passage contradicts.
"""

from __future__ import annotations

import hashlib
from enum import StrEnum
from pathlib import Path

from pydantic import Field

from putin_claims.errors import GoldFileError
from putin_claims.evaluate.gold import GoldModel, load_yaml, validate
from putin_claims.models import QuoteKind, Split


class SpeakerType(StrEnum):
    """What sort of speaker a gold quote has."""

    PERSON = "person"
    ORGANIZATION = "organization"
    GOVERNMENT = "government"
    GROUP = "group"
    UNKNOWN = "unknown"


class GoldKind(StrEnum):
    """The kinds of objective a gold file annotates."""

    OBJECTIVE = "objective"
    DEMAND = "demand"
    REFUSAL = "refusal"
    OFFER = "offer"


class GoldActorType(StrEnum):
    """What sort of actor a gold actor is."""

    PERSON = "person"
    ORGANIZATION = "organization"
    GOVERNMENT = "government"
    PARTY = "party"


class SpanRef(GoldModel):
    """A passage of the article: offsets into its text and a hash of those characters."""

    span: tuple[int, int] = Field(description="[start, end) offsets into the article's text.")
    sha1: str = Field(description="First 10 hex digits of the SHA-1 of text[start:end].")


class ArticleQuote(SpanRef):
    """A direct quote or reported statement, and who said it."""

    kind: QuoteKind = Field(description="direct, indirect, mixed or partial.")
    speaker: str | None = Field(description="The person or body that said it; null: nobody.")
    speaker_type: SpeakerType = Field(description="person, organization, government, ...")
    speaker_text: str | None = Field(
        default=None, description="The words naming the speaker at this quote, when different."
    )


class ArticleObjective(GoldModel):
    """One thing an actor wants, demands, refuses or offers, with every sentence stating it."""

    id: str = Field(description="Identifier within the file (O1, O2, ...).")
    statement: str = Field(description="The objective in the annotator's words.")
    kind: GoldKind = Field(description="objective, demand, refusal or offer.")
    queries: list[str] = Field(description="Claims an editor might type for `check`.")
    support: list[SpanRef] = Field(description="Every passage that states it.")


class ArticleActor(GoldModel):
    """An actor of the article with its objectives."""

    actor: str = Field(description="Canonical full name.")
    type: GoldActorType = Field(description="person, organization, government or party.")
    names: list[str] = Field(default_factory=list, description="Other names the article uses.")
    objectives: list[ArticleObjective] = Field(description="What the actor wants.")


class Contradiction(SpanRef):
    """A claim (the annotator's words) that the passage contradicts."""

    claim: str = Field(description="The claim as an editor would type it.")


class ArticleGold(GoldModel):
    """The gold of one article (YAML)."""

    doc: str = Field(description="The article, as the corpus names it ('business/042').")
    split: Split = Field(description="dev (worked against) or heldout (scored at the end).")
    quotes: list[ArticleQuote] = Field(description="Every quote and reported statement.")
    actors: list[ArticleActor] = Field(description="Actors with objectives.")
    contradictions: list[Contradiction] = Field(description="Claims a passage contradicts.")

    def spans(self) -> list[tuple[str, SpanRef]]:
        """Every passage of the file with where it stands in the file."""
        out: list[tuple[str, SpanRef]] = [(f"quotes.{n}", q) for n, q in enumerate(self.quotes)]
        for a in self.actors:
            for o in a.objectives:
                out += [(f"{a.actor}.{o.id}.support.{n}", s) for n, s in enumerate(o.support)]
        out += [(f"contradictions.{n}", c) for n, c in enumerate(self.contradictions)]
        return out


def digest(words: str) -> str:
    """The hash a gold file gives for a passage."""
    return hashlib.sha1(words.encode("utf-8")).hexdigest()[:10]


def load_article_gold(path: Path, text: str | None = None) -> ArticleGold:
    """An article gold file; with the article's ``text``, every span checked against it."""
    gold = validate(path, ArticleGold, load_yaml(path))
    if text is not None:
        for where, ref in gold.spans():
            start, end = ref.span
            if not 0 <= start < end <= len(text):
                raise GoldFileError(path, f"{where}: span {list(ref.span)} is outside the text")
            if digest(text[start:end]) != ref.sha1:
                raise GoldFileError(
                    path, f"{where}: span {list(ref.span)} holds {text[start:end]!r}, not the "
                    f"words hashed {ref.sha1}"
                )  # fmt: skip
    return gold
