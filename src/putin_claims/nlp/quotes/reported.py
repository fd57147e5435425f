"""Indirect quotes: reported speech ("X said that ...") and "according to X" sentences.

Mixed when they hold quoted words; skipped where a direct quote already gives the words.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from putin_claims.lexicons import cue_lexicon
from putin_claims.models import Assertion, AssertionKind, Hedge, Quote, QuoteKind
from putin_claims.nlp.assertions import key_at
from putin_claims.nlp.quotes.frames import ACCORDING_TO, SpeechFrame
from putin_claims.nlp.quotes.speech import DocumentSpeech
from putin_claims.tuning import TUNING

#: The complementizer left out of reported words ("said that X" -> "X").
THAT: Final = "that "
#: Punctuation dropped from the end of "according to" words.
FINAL_STOPS: Final = ".;"


def is_reported(a: Assertion) -> bool:
    """Statements, and opinions a source holds; not what the writer guesses someone thinks
    ("Moscow appears to believe", "Putin may believe")."""
    if a.kind is AssertionKind.STATEMENT:
        return True
    if a.cue in cue_lexicon().words.spoken_demands and a.content.lower().startswith(THAT):
        return True  # "Moscow is demanding that X", "Erdogan insisted that X"
    return a.kind is AssertionKind.ASSESSMENT and a.hedge in (Hedge.ASSERTED, Hedge.REPORTED)


def indirect_quotes(
    doc: DocumentSpeech, reported: Sequence[Assertion], direct: Sequence[Quote]
) -> list[Quote]:
    """Reported speech first, then "according to" sentences."""
    full = [q for q in direct if q.kind is QuoteKind.DIRECT]
    partial = [q for q in direct if q.kind is QuoteKind.PARTIAL]
    out = [q for a in reported if (q := _reported_quote(a, full, partial)) is not None]
    out.extend(q for f in doc.frames if (q := _according_quote(doc, f, full, partial)) is not None)
    return out


def _reported_quote(a: Assertion, full: Sequence[Quote], partial: Sequence[Quote]) -> Quote | None:
    if any(q.start < a.end and a.start < q.end for q in full):
        return None  # the reported words are a direct quote already
    if a.actor_key is None and not _description(a.actor_text):
        return None  # "easing tensions ... signals that": no one speaks
    quoted = any(a.start <= q.start and q.end <= a.end for q in partial)
    skip = len(THAT) if a.content.lower().startswith(THAT) else 0
    start = a.start + skip
    return Quote(
        sentence=a.sentence, kind=QuoteKind.MIXED if quoted else QuoteKind.INDIRECT,
        cue=a.cue, content=a.content[skip:], start=start, end=a.end,
        pieces=((start, a.end),), balanced=True, speaker_key=a.actor_key,
        speaker_text=a.actor_text, speaker_start=None, speaker_end=None,
        confidence=TUNING.reported if a.actor_key else TUNING.described,
    )  # fmt: skip


def _according_quote(
    doc: DocumentSpeech, f: SpeechFrame, full: Sequence[Quote], partial: Sequence[Quote]
) -> Quote | None:
    if f.cue != ACCORDING_TO or f.subject_start is None:
        return None
    start, end = _according_words(doc, f)
    if end <= start or any(q.start < end and start < q.end for q in full):
        return None
    key, surface = key_at(doc.mentions, f.subject_start, f.subject_end)
    quoted = any(start <= q.start and q.end <= end for q in partial)
    return Quote(
        sentence=f.sentence, kind=QuoteKind.MIXED if quoted else QuoteKind.INDIRECT,
        cue=ACCORDING_TO, content=doc.text[start:end], start=start, end=end,
        pieces=((start, end),), balanced=True, speaker_key=key,
        speaker_text=surface or f.subject_text, speaker_start=f.words_start,
        speaker_end=f.words_end, confidence=TUNING.reported,
    )  # fmt: skip


def _according_words(doc: DocumentSpeech, f: SpeechFrame) -> tuple[int, int]:
    """The words "according to X" reports: after its comma when the sentence opens with it
    ("According to X, ..."), else before the comma that precedes it ("..., according to X.")."""
    text = doc.text
    s_start, s_end = doc.sentence_starts[f.sentence], doc.sentence_ends[f.sentence]
    sentence = text[s_start:s_end]
    cut = f.cue_start - s_start
    if text[s_start : f.cue_start].strip() == "":
        start, end = s_start + sentence.find(",", cut) + 1, s_end
    else:
        start, end = s_start, s_start + sentence.rfind(",", 0, cut)
    while start < end and text[start].isspace():
        start += 1
    return start, (end if text[end - 1 : end] not in FINAL_STOPS else end - 1)


def _description(words: str) -> bool:
    """Words that can describe a speaker: 'Experts', 'many observers', not 'which' or 'easing'."""
    parts = words.split()
    if not parts or words.lower() in cue_lexicon().words.not_speakers:
        return False
    return len(parts) >= 2 or words[:1].isupper()
