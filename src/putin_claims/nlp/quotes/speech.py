"""What quote attribution reads of one assembled document."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from putin_claims.models import Assertion, Mention
from putin_claims.nlp.quotes.frames import SpeechFrame


@dataclass(frozen=True)
class DocumentSpeech:
    """What attribution reads of one document (mentions sorted by offset)."""

    text: str
    frames: Sequence[SpeechFrame]
    sentence_starts: Sequence[int]
    sentence_ends: Sequence[int]
    paragraph_of: Sequence[int | None]
    mentions: Sequence[Mention]
    assertions: Sequence[Assertion]
