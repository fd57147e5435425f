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
   inside someone's reported speech to that speaker, and leaves scare quotes unattributed.
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

from putin_claims.lexicons import cue_lexicon
from putin_claims.models import (
    Assertion,
    AssertionKind,
    Hedge,
    Mention,
    Quote,
    QuoteKind,
)
from putin_claims.nlp.assertions import key_at as _key_at
from putin_claims.nlp.quotes.frames import SpeechFrame
from putin_claims.nlp.quotes.spans import QuoteSpan
from putin_claims.tuning import TUNING


@dataclass(frozen=True)
class _Voice:
    """Someone the document has just given words to (a quote or reported speech)."""

    sentence: int
    start: int
    speaker_key: str | None
    speaker_text: str | None
    cue: str | None


@dataclass
class _Located:
    span: QuoteSpan
    sentence: int
    frame: SpeechFrame | None = None
    pieces: tuple[tuple[int, int], ...] = ()


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


def attribute(doc: DocumentSpeech, spans: Sequence[QuoteSpan]) -> list[Quote]:
    """Quote records of one document, direct and partial first, then indirect."""
    located = _join_split(
        doc.text,
        [_locate(s, doc.frames, doc.sentence_starts, doc.sentence_ends) for s in spans],
    )
    reported = [a for a in doc.assertions if _reported(a)]
    out: list[Quote] = []
    voices = [
        _Voice(a.sentence, a.start, a.actor_key, a.actor_text, a.cue)
        for a in reported
        if a.actor_key
    ]
    for item in located:
        heard = [v for v in voices if v.start < item.span.start]
        quote = _direct(doc, item, reported, heard[-1] if heard else None)
        out.append(quote)
        if quote.kind is QuoteKind.DIRECT and quote.speaker_text:
            voices.append(
                _Voice(
                    quote.sentence, quote.start, quote.speaker_key, quote.speaker_text, quote.cue
                )
            )
            voices.sort(key=lambda v: v.start)
    out.extend(_indirect(doc, reported, out))
    out.sort(key=lambda q: (q.start, q.end))
    return out


def _locate(
    span: QuoteSpan,
    frames: Sequence[SpeechFrame],
    starts: Sequence[int],
    ends: Sequence[int],
) -> _Located:
    first = max(bisect.bisect_right(starts, span.start) - 1, 0)
    last = max(bisect.bisect_right(starts, max(span.end - 1, span.start)) - 1, 0)
    outside = [
        f
        for f in frames
        if first <= f.sentence <= last and not (span.start <= f.cue_start < span.end)
    ]
    after = [f for f in outside if f.cue_start >= span.end and f.sentence == last]
    before = [f for f in outside if f.cue_start < span.start and f.sentence == first]
    frame = None
    if after:
        frame = min(after, key=lambda f: f.cue_start)
    elif before:
        frame = max(before, key=lambda f: f.cue_start)
    return _Located(span, first, frame, span.pieces or ((span.start, span.end),))


def _join_split(text: str, located: list[_Located]) -> list[_Located]:
    """'"Q1," she remarked, "Q2."' is one quote: the second part takes the first's frame."""
    out: list[_Located] = []
    for item in located:
        if out:
            prev = out[-1]
            gap = text[prev.span.end : item.span.start]
            frame = prev.frame
            if (
                frame is not None
                and prev.span.end <= frame.cue_start < item.span.start
                and len(gap) < 80
                and gap.rstrip().rstrip('“"').rstrip().endswith((",", ":"))
                and prev.span.paragraph == item.span.paragraph
            ):
                merged = QuoteSpan(prev.span.start, item.span.end, prev.span.paragraph, True)
                out[-1] = _Located(merged, prev.sentence, frame, (*prev.pieces, *item.pieces))
                continue
        out.append(item)
    return out


def _reported(a: Assertion) -> bool:
    """Statements, and opinions a source holds; not what the writer guesses someone thinks
    ("Moscow appears to believe", "Putin may believe")."""
    if a.kind is AssertionKind.STATEMENT:
        return True
    if a.cue in cue_lexicon().words.spoken_demands and a.content.lower().startswith("that "):
        return True  # "Moscow is demanding that X", "Erdogan insisted that X"
    return a.kind is AssertionKind.ASSESSMENT and a.hedge in (Hedge.ASSERTED, Hedge.REPORTED)


def _partial(content: str, text: str, span: QuoteSpan) -> bool:
    """A few quoted words inside the writer's own sentence, not a quoted clause."""
    words = content.split()
    before = text[max(0, span.start - 3) : span.start - 1].strip()
    opens_sentence = before == "" or before.endswith((".", ":", "!", "?", ","))
    if opens_sentence and content[:1].isupper():
        return False
    return len(words) <= TUNING.partial_words or content[:1].islower()


def _direct(
    doc: DocumentSpeech, item: _Located, reported: Sequence[Assertion], previous: _Voice | None
) -> Quote:
    span = item.span
    content = doc.text[span.start : span.end]
    partial = _partial(content, doc.text, span)
    frame = item.frame
    kind = QuoteKind.PARTIAL if partial else QuoteKind.DIRECT
    if partial:
        inside = [a for a in reported if a.start <= span.start and span.end <= a.end]
        if inside:  # words quoted inside someone's reported speech are that speaker's
            a = inside[0]
            return _quote(
                item, content, kind=kind, cue=a.cue, key=a.actor_key, speaker=a.actor_text,
                speaker_span=(None, None), confidence=TUNING.reported,
            )  # fmt: skip
        governed = frame is not None and frame.scope_start <= span.start < frame.scope_end
        if frame is None or not (governed or frame.cue == "according to"):
            return _quote(item, content, kind=kind, confidence=TUNING.unframed_partial)
    if frame is not None and (frame.subject_text or frame.cue == "according to"):
        key, surface = _key_at(doc.mentions, frame.subject_start, frame.subject_end)
        confidence = TUNING.framed
        if frame.pronoun and previous is not None and _near(previous, item, doc.paragraph_of):
            if key is None or key != previous.speaker_key:
                confidence = TUNING.pronoun_disagrees
            key = key or previous.speaker_key
        return _quote(
            item, content, kind=kind, cue=frame.cue, key=key,
            speaker=surface or frame.subject_text,
            speaker_span=(frame.words_start, frame.words_end), confidence=confidence,
        )  # fmt: skip
    if previous is not None and _near(previous, item, doc.paragraph_of) and not partial:
        # a quote with no frame of its own continues the speaker of the quote before it
        return _quote(
            item, content, kind=kind, cue=previous.cue, key=previous.speaker_key,
            speaker=previous.speaker_text, speaker_span=(None, None), confidence=TUNING.continued,
        )  # fmt: skip
    return _quote(item, content, kind=kind, confidence=TUNING.unattributed)


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


def _indirect(
    doc: DocumentSpeech, reported: Sequence[Assertion], direct: Sequence[Quote]
) -> list[Quote]:
    text, mentions = doc.text, doc.mentions
    starts, ends = doc.sentence_starts, doc.sentence_ends
    full = [q for q in direct if q.kind is QuoteKind.DIRECT]
    partial = [q for q in direct if q.kind is QuoteKind.PARTIAL]
    out: list[Quote] = []
    for a in reported:
        if any(q.start < a.end and a.start < q.end for q in full):
            continue  # the reported words are a direct quote already
        if a.actor_key is None and not _description(a.actor_text):
            continue  # "easing tensions ... signals that": no one speaks
        quoted = any(a.start <= q.start and q.end <= a.end for q in partial)
        skip = len("that ") if a.content.lower().startswith("that ") else 0
        start = a.start + skip
        out.append(
            Quote(
                sentence=a.sentence, kind=QuoteKind.MIXED if quoted else QuoteKind.INDIRECT,
                cue=a.cue, content=a.content[skip:], start=start, end=a.end,
                pieces=((start, a.end),), balanced=True, speaker_key=a.actor_key,
                speaker_text=a.actor_text, speaker_start=None, speaker_end=None,
                confidence=TUNING.reported if a.actor_key else TUNING.described,
            )
        )  # fmt: skip
    for f in doc.frames:
        if f.cue != "according to" or f.subject_start is None:
            continue
        s_start, s_end = starts[f.sentence], ends[f.sentence]
        sentence = text[s_start:s_end]
        cut = f.cue_start - s_start
        if text[s_start : f.cue_start].strip() == "":  # "According to X, ..."
            comma = sentence.find(",", cut)
            start, end = s_start + comma + 1, s_end
        else:  # "..., according to X."
            start, end = s_start, s_start + sentence.rfind(",", 0, cut)
        while start < end and text[start].isspace():
            start += 1
        end = end if text[end - 1 : end] not in ".;" else end - 1
        if end <= start or any(q.start < end and start < q.end for q in full):
            continue
        key, surface = _key_at(mentions, f.subject_start, f.subject_end)
        words = text[start:end]
        quoted = any(start <= q.start and q.end <= end for q in partial)
        out.append(
            Quote(
                sentence=f.sentence, kind=QuoteKind.MIXED if quoted else QuoteKind.INDIRECT,
                cue="according to", content=words, start=start, end=end,
                pieces=((start, end),), balanced=True, speaker_key=key,
                speaker_text=surface or f.subject_text, speaker_start=f.words_start,
                speaker_end=f.words_end, confidence=TUNING.reported,
            )
        )  # fmt: skip
    return out


def _description(words: str) -> bool:
    """Words that can describe a speaker: 'Experts', 'many observers', not 'which' or 'easing'."""
    parts = words.split()
    if not parts or words.lower() in cue_lexicon().words.not_speakers:
        return False
    return len(parts) >= 2 or words[:1].isupper()
