"""Quote extraction quality: putin-claims' quote stage against textacy's `direct_quotations`.

Both tools are scored on the same gold file (tests/gold/quotes.yaml by default) over the five
seed articles, with the matching rule of `putin_claims.evaluate.evaluate_quotes`:

* a gold quote is found when a quote of the tool in the same document overlaps the gold words;
  among overlapping quotes the one with the best character Jaccard counts;
* speaker accuracy: found quotes whose speaker passes `speaker_matches(gold.resolved or
  gold.speaker, ...)` (textacy: its speaker tokens joined by spaces);
* kind accuracy: found quotes of the gold kind (every textacy quote is "direct");
* span overlap: mean character Jaccard of the found quotes' spans.

Speaker, kind and overlap are shares of the *found* quotes, as `evaluate` prints them.

putin-claims is scored by `evaluate_quotes` on a temporary store built by `extract`. textacy is
given the same spaCy pipeline and only the content paragraphs of each stored document (no
title, heading, byline, dateline or boilerplate): joined into one text per document (default)
or parsed one paragraph at a time (`--unit paragraph`). Its quote content span includes the
quotation marks; the marks are dropped before matching, since the gold text of a direct quote
is the words between them. textacy refuses a text whose quotation-mark count is odd; such a
text yields nothing and is reported on its own line.

Each score is printed over all gold quotes and over the gold quotes of kind "direct" only
(textacy extracts direct quotes only, so that column pair is the fair comparison).

    python benchmarks/bench_quotes.py [--gold tests/gold/quotes.yaml]
    python benchmarks/bench_quotes.py --unit paragraph --details

textacy is not a dependency of the project: `make bench` installs it with the `bench` extra
into `.venv-bench` and runs this script with both units.
"""

from __future__ import annotations

import argparse
import importlib
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from putin_claims.evaluate import (
    GoldQuote,
    QuoteScore,
    evaluate_quotes,
    gold_quote_spans,
    jaccard,
    speaker_matches,
)
from putin_claims.models import LineRole, QuoteKind
from putin_claims.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "seeds"
GOLD = ROOT / "tests" / "gold" / "quotes.yaml"
PARAGRAPH_SEP = "\n\n"

Located = tuple[GoldQuote, str, int, int]  # gold quote, doc id, start, end


@dataclass(frozen=True)
class Unit:
    """A text handed to textacy and how its offsets map back to the document text."""

    doc_id: str
    label: str
    text: str
    segments: tuple[tuple[int, int, int], ...]  # (offset in text, offset in document, length)

    def to_document(self, offset: int) -> int:
        """Document offset of a character offset of `text` (inside some segment)."""
        for at, doc_at, length in self.segments:
            if at <= offset <= at + length:
                return doc_at + offset - at
        raise ValueError(f"offset {offset} of {self.label} is between paragraphs")


@dataclass(frozen=True)
class TextacyQuote:
    """One textacy direct quotation in document offsets."""

    doc_id: str
    start: int
    end: int
    speaker: str
    cue: str


@dataclass(frozen=True)
class Aggregate:
    """The four scores of `evaluate_quotes` over some gold quotes."""

    quotes: int
    found: int
    speaker_ok: int
    kind_ok: int
    recall: float
    speaker_accuracy: float
    kind_accuracy: float
    span_overlap: float


def content_paragraphs(store: Store, doc_id: str) -> list[tuple[int, int]]:
    """(start, end) document offsets of each content paragraph, in order."""
    spans: dict[int, tuple[int, int]] = {}
    for s in store.sentences(doc_id):
        if s.role is not LineRole.CONTENT or s.paragraph is None:
            continue
        start, end = spans.get(s.paragraph, (s.start, s.end))
        spans[s.paragraph] = (min(start, s.start), max(end, s.end))
    return [spans[p] for p in sorted(spans)]


def units(store: Store, per_paragraph: bool) -> list[Unit]:
    """The texts textacy parses: one per document, or one per content paragraph."""
    out: list[Unit] = []
    for doc_id in store.doc_ids():
        text = store.document_text(doc_id)
        paragraphs = content_paragraphs(store, doc_id)
        if per_paragraph:
            out += [
                Unit(doc_id, f"{doc_id} paragraph {n}", text[a:b], ((0, a, b - a),))
                for n, (a, b) in enumerate(paragraphs)
            ]
            continue
        parts: list[str] = []
        segments: list[tuple[int, int, int]] = []
        at = 0
        for a, b in paragraphs:
            segments.append((at, a, b - a))
            parts.append(text[a:b])
            at += b - a + len(PARAGRAPH_SEP)
        out.append(Unit(doc_id, doc_id, PARAGRAPH_SEP.join(parts), tuple(segments)))
    return out


def load_direct_quotations() -> Callable[[Any], Iterable[Any]]:
    """textacy's extractor, imported late: textacy is optional and untyped."""
    triples = importlib.import_module("textacy.extract.triples")
    extractor: Callable[[Any], Iterable[Any]] = triples.direct_quotations
    return extractor


def run_textacy(
    nlp: Language, todo: Sequence[Unit], direct_quotations: Callable[[Any], Iterable[Any]]
) -> tuple[list[TextacyQuote], list[str]]:
    """textacy's quotes over every unit, and one message per unit it raised on."""
    quotes: list[TextacyQuote] = []
    failures: list[str] = []
    for unit, doc in zip(todo, nlp.pipe(u.text for u in todo), strict=True):
        try:
            triples = list(direct_quotations(doc))
        except Exception as exc:  # textacy raises ValueError on an odd number of quote marks
            failures.append(f"{unit.label}: {type(exc).__name__}: {exc}")
            continue
        for triple in triples:
            content = triple.content  # a Span from the opening to the closing quotation mark
            inner = content[1:-1] if len(content) > 2 else content
            start = inner[0].idx
            end = inner[-1].idx + len(inner[-1].text)
            quotes.append(
                TextacyQuote(
                    doc_id=unit.doc_id,
                    start=unit.to_document(start),
                    end=unit.to_document(end),
                    speaker=" ".join(t.text for t in triple.speaker),
                    cue=" ".join(t.text for t in triple.cue),
                )
            )
    return quotes, failures


def score_textacy(located: Sequence[Located], quotes: Sequence[TextacyQuote]) -> list[QuoteScore]:
    """Per gold quote, with the rule of `evaluate_quotes` (textacy quotes are all direct)."""
    per: list[QuoteScore] = []
    for q, doc_id, start, end in located:
        candidates = [
            (jaccard((start, end), (t.start, t.end)), t)
            for t in quotes
            if t.doc_id == doc_id and t.start < end and start < t.end
        ]
        if not candidates:
            per.append(
                QuoteScore(
                    doc=doc_id, text=q.text, found=False, speaker_ok=False, kind_ok=False,
                    overlap=0.0, got_speaker=None, got_kind=None,
                )
            )  # fmt: skip
            continue
        overlap, best = max(candidates, key=lambda c: c[0])
        per.append(
            QuoteScore(
                doc=doc_id, text=q.text, found=True,
                speaker_ok=speaker_matches(q.resolved or q.speaker, [best.speaker]),
                kind_ok=q.kind is QuoteKind.DIRECT, overlap=round(overlap, 3),
                got_speaker=best.speaker, got_kind=QuoteKind.DIRECT,
            )
        )  # fmt: skip
    return per


def aggregate(per: Sequence[QuoteScore]) -> Aggregate:
    """The aggregates of `evaluate_quotes`, over any subset of its per-quote scores."""
    found = [p for p in per if p.found]
    speaker_ok = sum(p.speaker_ok for p in found)
    kind_ok = sum(p.kind_ok for p in found)
    return Aggregate(
        quotes=len(per),
        found=len(found),
        speaker_ok=speaker_ok,
        kind_ok=kind_ok,
        recall=len(found) / len(per) if per else 0.0,
        speaker_accuracy=speaker_ok / len(found) if found else 0.0,
        kind_accuracy=kind_ok / len(found) if found else 0.0,
        span_overlap=sum(p.overlap for p in found) / len(found) if found else 0.0,
    )


def cells(a: Aggregate) -> list[str]:
    return [
        f"{a.recall:.3f} ({a.found}/{a.quotes})",
        f"{a.speaker_accuracy:.3f} ({a.speaker_ok}/{a.found})",
        f"{a.kind_accuracy:.3f} ({a.kind_ok}/{a.found})",
        f"{a.span_overlap:.3f}",
    ]


def print_table(columns: Sequence[tuple[str, str, Aggregate]]) -> None:
    """Rows are the four scores; columns (group, tool, scores)."""
    rows = ["recall", "speaker accuracy", "kind accuracy", "span overlap"]
    width = 18
    groups: list[str] = []
    for group, _, _ in columns:
        if group not in groups:
            groups.append(group)
    per_group = len(columns) // len(groups)
    print(" " * width + "".join(f"{g:<{width * per_group}}" for g in groups).rstrip())
    print(f"{'':<{width}}" + "".join(f"{tool:<{width}}" for _, tool, _ in columns).rstrip())
    values = [cells(a) for _, _, a in columns]
    for n, row in enumerate(rows):
        print(f"{row:<{width}}" + "".join(f"{v[n]:<{width}}" for v in values).rstrip())


def print_details(
    located: Sequence[Located], ours: Sequence[QuoteScore], theirs: Sequence[QuoteScore]
) -> None:
    """One line per gold quote: found / speaker given by each tool."""

    def mark(p: QuoteScore) -> str:
        if not p.found:
            return "miss"
        return f"{'ok' if p.speaker_ok else 'BAD'} {p.got_speaker} {p.overlap:.2f}"

    print("\nper gold quote (putin-claims | textacy: speaker ok/BAD, speaker given, Jaccard)")
    for (q, doc_id, _, _), a, b in zip(located, ours, theirs, strict=True):
        text = q.text if len(q.text) <= 50 else q.text[:47] + "..."
        print(f"  {doc_id[:3]} {q.kind.value:<8} {text!r:<54} {mark(a)} | {mark(b)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help="quote gold file (YAML)")
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="folder of the articles")
    parser.add_argument("--model", default=None, help="spaCy pipeline (the tool's default)")
    parser.add_argument(
        "--unit",
        choices=["document", "paragraph"],
        default="document",
        help="what textacy parses at once: a document's content paragraphs joined, or each one",
    )
    parser.add_argument("--details", action="store_true", help="print every gold quote")
    args = parser.parse_args()

    from putin_claims.nlp.loading import load_pipeline, resolve_model_name
    from putin_claims.pipeline import extract

    nlp = load_pipeline(resolve_model_name(args.model))
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "q.db") as store:
        began = time.perf_counter()
        extract([args.seeds], store, model=args.model)
        extract_s = time.perf_counter() - began
        located = gold_quote_spans(store, args.gold)
        scores = evaluate_quotes(store, args.gold)
        stored = store.quotes()
        todo = units(store, per_paragraph=args.unit == "paragraph")
        began = time.perf_counter()
        direct_quotations = load_direct_quotations()
        import_s = time.perf_counter() - began
        began = time.perf_counter()
        textacy_quotes, failures = run_textacy(nlp, todo, direct_quotations)
        textacy_s = time.perf_counter() - began

    ours = list(scores.per_quote)
    theirs = score_textacy(located, textacy_quotes)
    check = aggregate(ours)
    if (check.recall, check.speaker_accuracy, check.kind_accuracy) != (
        scores.recall,
        scores.speaker_accuracy,
        scores.kind_accuracy,
    ) or abs(check.span_overlap - scores.span_overlap) > 1e-9:
        raise SystemExit("re-aggregating evaluate_quotes' per-quote scores disagrees with it")
    direct = [n for n, (q, _, _, _) in enumerate(located) if q.kind is QuoteKind.DIRECT]

    print(f"gold: {args.gold} ({len(located)} quotes, {len(direct)} direct)")
    print(f"textacy input: content paragraphs, one text per {args.unit} ({len(todo)} texts)")
    for failure in failures:
        print(f"textacy failed on {failure}  -> counted as no quotes")
    print()
    print_table(
        [
            ("all gold quotes", "putin-claims", aggregate(ours)),
            ("all gold quotes", "textacy", aggregate(theirs)),
            ("direct gold quotes", "putin-claims", aggregate([ours[n] for n in direct])),
            ("direct gold quotes", "textacy", aggregate([theirs[n] for n in direct])),
        ]
    )
    print("(speaker, kind and span overlap are over the found quotes)")
    n_direct = sum(1 for s in stored if s.kind is QuoteKind.DIRECT)
    print(
        f"\nquotes returned: putin-claims {len(stored)} ({n_direct} direct), "
        f"textacy {len(textacy_quotes)}"
    )
    print(
        f"time (spaCy model already loaded): extract, every stage {extract_s:.1f} s; "
        f"textacy, spaCy parse + direct_quotations {textacy_s:.1f} s (+ import {import_s:.1f} s)"
    )
    if args.details:
        print_details(located, ours, theirs)


if __name__ == "__main__":
    main()
