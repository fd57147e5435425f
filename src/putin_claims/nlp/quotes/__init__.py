"""Quotes: marks paired (:mod:`spans`), speech verbs found (:mod:`frames`), speakers given
(:mod:`attribution`)."""

from putin_claims.nlp.quotes.attribution import DocumentSpeech, attribute
from putin_claims.nlp.quotes.frames import SpeechFrame, speech_frames
from putin_claims.nlp.quotes.spans import QuoteSpan, quote_spans

__all__ = [
    "DocumentSpeech",
    "QuoteSpan",
    "SpeechFrame",
    "attribute",
    "quote_spans",
    "speech_frames",
]
