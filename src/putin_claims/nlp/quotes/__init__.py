"""Quotes: marks paired (:mod:`spans`), speech verbs found (:mod:`frames`), speakers given
(:mod:`attribution` for quotes in marks, :mod:`reported` for reported speech; :mod:`naming`
tells titles, terms and scare quotes from anyone's words)."""

from putin_claims.nlp.quotes.attribution import attribute
from putin_claims.nlp.quotes.frames import SpeechFrame, speech_frames
from putin_claims.nlp.quotes.spans import QuoteSpan, quote_spans
from putin_claims.nlp.quotes.speech import DocumentSpeech

__all__ = [
    "DocumentSpeech",
    "QuoteSpan",
    "SpeechFrame",
    "attribute",
    "quote_spans",
    "speech_frames",
]
