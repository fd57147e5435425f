"""Quotes: who said what, direct (in quotation marks), indirect ("X said that ...") or mixed.

Per document, after :mod:`spans` and :mod:`frames`:

1. :func:`quote_spans` pairs quotation marks in the text of content paragraphs, straight and
   curly. A mark left open at the end of a paragraph closes the quote there, unless the next
   paragraph opens with a mark (the newspaper convention for a quote that runs on). An
   unbalanced mark only affects its own paragraph.
2. :func:`speech_frames` (per parsed paragraph) finds the speech verbs ("said", "remarked",
   "noted", "according to", "described ... as") with their grammatical subject.
3. :func:`attribute` gives each quote its frame: the speech verb of the sentence outside the
   quote, after it (", he added") or before it ("X remarked, ..."); joins a quote split by its
   frame ("Such a detox," she remarked, "could be ...") into one; lets a quote with no frame of
   its own continue the speaker of the quote just before it; gives short quoted phrases
   inside someone's reported speech to that speaker, and leaves scare quotes, titles of works
   and quoted terms (:mod:`naming`) unattributed.
   Reported speech (statements and assessments from :mod:`putin_claims.assertions`) becomes
   indirect quotes, mixed when they carry quoted words.

Speakers are mention keys, resolved to actors with everything else; a description ("a
prominent academic from Moscow") is kept as written and, across the corpus, takes the name of
the speaker of the same quote in another source (:func:`resolve_descriptions`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from putin_claims.lexicons import cue_lexicon
from putin_claims.models import Assertion, Quote, QuoteKind
from putin_claims.nlp.assertions import key_at
from putin_claims.nlp.assertions.finalize import DESCRIPTION_WORDS
from putin_claims.nlp.quotes.frames import ACCORDING_TO, SpeechFrame
from putin_claims.nlp.quotes.naming import names_a_work_or_term, short_unframed
from putin_claims.nlp.quotes.reported import indirect_quotes, is_reported
from putin_claims.nlp.quotes.spans import QuoteSpan
from putin_claims.nlp.quotes.speech import DocumentSpeech
from putin_claims.tuning import TUNING

#: A split quote's frame ('"Q1," she remarked, "Q2."') is shorter than this.
SPLIT_GAP: Final = 80
#: Marks that may open the second part of a split quote, after the frame's comma or colon.
REOPENING: Final = '“"'
#: What ends the text before a quote that opens a sentence of its own.
SENTENCE_BREAKS: Final = (".", ":", "!", "?", ",")


@dataclass(frozen=True)
class _Voice:
    """Someone the document has just given words to (a quote or reported speech)."""

    sentence: int
    start: int
    speaker_key: str | None
    speaker_text: str | None
    cue: str | None

    @classmethod
    def of_quote(cls, q: Quote) -> _Voice:
        return cls(q.sentence, q.start, q.speaker_key, q.speaker_text, q.cue)

    @classmethod
    def of_assertion(cls, a: Assertion) -> _Voice:
        return cls(a.sentence, a.start, a.actor_key, a.actor_text, a.cue)


@dataclass
class _Located:
    """A quote span with its first sentence and the speech frame outside it, if any."""

    span: QuoteSpan
    sentence: int
    frame: SpeechFrame | None = None
    pieces: tuple[tuple[int, int], ...] = ()


def attribute(doc: DocumentSpeech, spans: Sequence[QuoteSpan]) -> list[Quote]:
    """Quote records of one document, direct and partial first, then indirect."""
    located = _join_split(doc.text, [_locate(s, doc) for s in spans])
    reported = [a for a in doc.assertions if is_reported(a)]
    out = _direct_quotes(doc, located, reported)
    out.extend(indirect_quotes(doc, reported, out))
    out.sort(key=lambda q: (q.start, q.end))
    return out


def _direct_quotes(
    doc: DocumentSpeech, located: Sequence[_Located], reported: Sequence[Assertion]
) -> list[Quote]:
    """Quotes in marks, in text order; each may continue the last voice heard before it.

    Reported speech inside a quote is not a voice of the narrative ("They say in sport you
    can win ugly" in a manager's quote does not make "they" the next quote's speaker)."""
    quoted = [(i.span.start, i.span.end) for i in located]
    voices = [
        _Voice.of_assertion(a)
        for a in reported
        if a.actor_key and not any(start <= a.start < end for start, end in quoted)
    ]
    out: list[Quote] = []
    for item in located:
        heard = [v for v in voices if v.start < item.span.start]
        quote = _direct(doc, item, reported, heard[-1] if heard else None)
        out.append(quote)
        if quote.kind is QuoteKind.DIRECT and quote.speaker_text:
            voices.append(_Voice.of_quote(quote))
            voices.sort(key=lambda v: v.start)
    return out


# --------------------------------------------------------------------------- locating


def _locate(span: QuoteSpan, doc: DocumentSpeech) -> _Located:
    starts = doc.sentence_starts
    first = max(bisect.bisect_right(starts, span.start) - 1, 0)
    last = max(bisect.bisect_right(starts, max(span.end - 1, span.start)) - 1, 0)
    frame = _outside_frame(span, doc.frames, first, last)
    return _Located(span, first, frame, span.pieces or ((span.start, span.end),))


def _outside_frame(
    span: QuoteSpan, frames: Sequence[SpeechFrame], first: int, last: int
) -> SpeechFrame | None:
    """The speech verb outside the quote: the first after it in its last sentence (", he
    added"), else the last before it in its first sentence ("X remarked, ...")."""
    outside = [
        f
        for f in frames
        if first <= f.sentence <= last and not (span.start <= f.cue_start < span.end)
    ]
    after = [f for f in outside if f.cue_start >= span.end and f.sentence == last]
    if after:
        return min(after, key=lambda f: f.cue_start)
    before = [f for f in outside if f.cue_start < span.start and f.sentence == first]
    return max(before, key=lambda f: f.cue_start) if before else None


def _join_split(text: str, located: list[_Located]) -> list[_Located]:
    """'"Q1," she remarked, "Q2."' is one quote: the second part takes the first's frame."""
    out: list[_Located] = []
    for item in located:
        if out and _continues(text, out[-1], item):
            prev = out[-1]
            merged = QuoteSpan(prev.span.start, item.span.end, prev.span.paragraph, True)
            out[-1] = _Located(merged, prev.sentence, prev.frame, (*prev.pieces, *item.pieces))
        else:
            out.append(item)
    return out


def _continues(text: str, prev: _Located, item: _Located) -> bool:
    """``item`` goes on with ``prev``: only ``prev``'s frame and a comma or colon between."""
    frame = prev.frame
    gap = text[prev.span.end : item.span.start]
    return (
        frame is not None
        and prev.span.end <= frame.cue_start < item.span.start
        and len(gap) < SPLIT_GAP
        and gap.rstrip().rstrip(REOPENING).rstrip().endswith((",", ":"))
        and prev.span.paragraph == item.span.paragraph
    )


# --------------------------------------------------------------------------- speakers


def _partial(content: str, text: str, span: QuoteSpan) -> bool:
    """A few quoted words inside the writer's own sentence, not a quoted clause."""
    words = content.split()
    before = text[max(0, span.start - 3) : span.start - 1].strip()
    opens_sentence = before == "" or before.endswith(SENTENCE_BREAKS)
    if opens_sentence and content[:1].isupper():
        return False
    return len(words) <= TUNING.partial_words or content[:1].islower()


def _direct(
    doc: DocumentSpeech, item: _Located, reported: Sequence[Assertion], previous: _Voice | None
) -> Quote:
    """A direct or partial quote and its speaker: from reported speech around it, its frame,
    or the voice just before it."""
    content = doc.text[item.span.start : item.span.end]
    partial = _partial(content, doc.text, item.span)
    if names_a_work_or_term(doc.text, item.span.start, item.span.end) or (
        not partial and item.frame is None and short_unframed(content)
    ):  # a title, a term, a scare quote: nobody's words
        return _quote(item, content, kind=QuoteKind.PARTIAL, confidence=TUNING.unframed_partial)
    kind = QuoteKind.PARTIAL if partial else QuoteKind.DIRECT
    if partial and (quote := _partial_speaker(item, content, reported)) is not None:
        return quote
    frame = item.frame
    if frame is not None and (frame.subject_text or frame.cue == ACCORDING_TO):
        return _framed(doc, item, frame, content=content, kind=kind, previous=previous)
    if previous is not None and _near(previous, item, doc.paragraph_of) and not partial:
        # a quote with no frame of its own continues the speaker of the quote before it
        return _quote(
            item, content, kind=kind, cue=previous.cue, key=previous.speaker_key,
            speaker=previous.speaker_text, confidence=TUNING.continued,
        )  # fmt: skip
    return _quote(item, content, kind=kind, confidence=TUNING.unattributed)


def _partial_speaker(item: _Located, content: str, reported: Sequence[Assertion]) -> Quote | None:
    """Words quoted inside someone's reported speech are that speaker's; words no speech verb
    governs are unattributed (scare quotes). None: the frame decides."""
    span = item.span
    inside = [a for a in reported if a.start <= span.start and span.end <= a.end]
    if inside:
        a = inside[0]
        return _quote(
            item, content, kind=QuoteKind.PARTIAL, cue=a.cue, key=a.actor_key,
            speaker=a.actor_text, confidence=TUNING.reported,
        )  # fmt: skip
    frame = item.frame
    governed = frame is not None and frame.scope_start <= span.start < frame.scope_end
    if frame is None or not (governed or frame.cue == ACCORDING_TO):
        return _quote(item, content, kind=QuoteKind.PARTIAL, confidence=TUNING.unframed_partial)
    return None


def _framed(
    doc: DocumentSpeech,
    item: _Located,
    frame: SpeechFrame,
    *,
    content: str,
    kind: QuoteKind,
    previous: _Voice | None,
) -> Quote:
    """The frame's subject speaks; a pronoun subject is checked against the voice before."""
    key, surface = key_at(doc.mentions, frame.subject_start, frame.subject_end)
    if key is None and _spokesperson(frame):  # "a Ryanair spokesman": Ryanair speaks
        key, _ = key_at(doc.mentions, frame.words_start, frame.words_end)
    if key is None:  # "said the 20-year-old": who spoke just before, or was named last
        key = _described(doc, item, frame, previous)
    confidence = TUNING.framed
    if frame.pronoun and previous is not None and _near(previous, item, doc.paragraph_of):
        if key is None or key != previous.speaker_key:
            confidence = TUNING.pronoun_disagrees
        key = key or previous.speaker_key
    return _quote(
        item, content, kind=kind, cue=frame.cue, key=key, speaker=surface or frame.subject_text,
        speaker_span=(frame.words_start, frame.words_end), confidence=confidence,
    )  # fmt: skip


#: Labels of the mentions a description of a person or of a body may stand for.
PERSON_LABELS = frozenset({"PERSON"})
BODY_LABELS = frozenset({"ORG", "FAC", "ALIAS"})


def _described(
    doc: DocumentSpeech, item: _Located, frame: SpeechFrame, previous: _Voice | None
) -> str | None:
    """A speaker given as a definite description ("the 20-year-old", "the magazine") is who
    spoke just before, else the last person (or, for a body noun, the last organisation)
    named before the quote in the same or the previous paragraph."""
    words = frame.subject_text.lower().split()
    if not 1 < len(words) <= DESCRIPTION_WORDS or words[0] != "the":
        return None
    if previous is not None and previous.speaker_key and _near(previous, item, doc.paragraph_of):
        return previous.speaker_key
    labels = BODY_LABELS if words[-1] in cue_lexicon().words.body_nouns else PERSON_LABELS
    here = doc.paragraph_of[item.sentence] if item.sentence < len(doc.paragraph_of) else None
    if here is None:
        return None
    before = [
        m
        for m in doc.mentions
        if m.start < item.span.start
        and m.label in labels
        and (p := doc.paragraph_of[m.sentence]) is not None
        and here - 1 <= p <= here
    ]
    return before[-1].key if before else None


def _spokesperson(frame: SpeechFrame) -> bool:
    """The subject is someone who speaks for a body, unnamed."""
    words = frame.subject_text.lower().split()
    return bool(words) and words[-1] in cue_lexicon().words.spokesperson_nouns


def _near(previous: _Voice, item: _Located, paragraph_of: Sequence[int | None]) -> bool:
    here = paragraph_of[item.sentence] if item.sentence < len(paragraph_of) else None
    there = paragraph_of[previous.sentence] if previous.sentence < len(paragraph_of) else None
    return here is not None and there is not None and 0 <= here - there <= 1


def _quote(
    item: _Located,
    content: str,
    *,
    kind: QuoteKind,
    confidence: float,
    cue: str | None = None,
    key: str | None = None,
    speaker: str | None = None,
    speaker_span: tuple[int | None, int | None] = (None, None),
) -> Quote:
    if len(item.pieces) > 1:
        content = " … ".join(
            content[a - item.span.start : b - item.span.start] for a, b in item.pieces
        )
    return Quote(
        sentence=item.sentence,
        kind=kind,
        cue=cue,
        content=content,
        start=item.span.start,
        end=item.span.end,
        pieces=item.pieces,
        balanced=item.span.balanced,
        speaker_key=key,
        speaker_text=speaker,
        speaker_start=speaker_span[0],
        speaker_end=speaker_span[1],
        confidence=confidence,
    )
