"""The `extract` driver: paths in, documents streamed through the stages into the store.

discover -> read bytes -> reader (one article per file, or per export record) -> (content
stored already? record the path, skip) -> ingest -> nlp (registered components) -> store, one
document per transaction (each marks the corpus stale); then, when the corpus is stale,
:func:`putin_claims.corpus.refresh.refresh` rebuilds the corpus-wide tables as one unit.

The nlp step runs in this process, or on a Dask cluster (:mod:`putin_claims.parallel`) whose
workers hand the records back in input order; everything else, the store above all, stays here.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from spacy.language import Language

from putin_claims import __version__
from putin_claims.corpus.refresh import is_fresh, refresh
from putin_claims.errors import DocumentFailedError, InputFileError, NoInputError, shown
from putin_claims.ingest.readers import (
    Reader,
    discover,
    ingest,
    locator,
    read_bytes,
    read_sources,
    readers,
)
from putin_claims.lexicons import actor_fingerprint, fingerprint, load_actor_data
from putin_claims.models import (
    ExtractSummary,
    IngestedDocument,
    ProcessedDocument,
    PruneSummary,
    SkippedFile,
    SourceText,
)
from putin_claims.names import AliasIndex
from putin_claims.nlp.loading import load_pipeline, model_version, resolve_model_name
from putin_claims.nlp.process import process
from putin_claims.parallel import on_cluster
from putin_claims.store import Store

#: Bump when a per-document stage changes what it stores: every document is then re-processed.
STAGES_VERSION = 9

#: Called after each file: (files done, files in all, the file's path).
Progress = Callable[[int, int, str], None]
#: Called once per skipped file with its one-line problem, as soon as it is known.
Report = Callable[[SkippedFile], None]


class Parser(Protocol):
    """The nlp step: documents in, their records out in the same order."""

    @property
    def model_version(self) -> str: ...

    def parse(self, documents: Iterable[IngestedDocument]) -> Iterator[ProcessedDocument]: ...


@dataclass
class _InProcess:
    nlp: Language

    @property
    def model_version(self) -> str:
        return model_version(self.nlp)

    def parse(self, documents: Iterable[IngestedDocument]) -> Iterator[ProcessedDocument]:
        return process(documents, self.nlp)


@contextmanager
def _parser(
    model: str | None, actors_file: Path | None, workers: int | None, scheduler: str | None
) -> Iterator[Parser]:
    """In this process by default; on a Dask cluster, closed on the way out, when asked."""
    if workers is None and scheduler is None:
        yield _InProcess(load_pipeline(resolve_model_name(model), actors_file))
        return
    with on_cluster(model, actors_file, workers=workers, scheduler=scheduler) as parser:
        yield parser


@dataclass
class _Run:
    store: Store
    pipeline: str
    total: int
    progress: Progress | None
    report: Report | None
    readers: Mapping[str, Reader]
    done: int = 0
    unchanged: int = 0
    processed: int = 0
    skipped: list[SkippedFile] = field(default_factory=list)
    assigned: set[str] = field(default_factory=set)
    #: Content hash -> document id of every document met in this run.
    seen: dict[str, str] = field(default_factory=dict)
    #: (document id, path, file) of copies met before their document was stored.
    copies: list[tuple[str, str, str]] = field(default_factory=list)
    #: Documents of each file still to be stored; the file is done when none is left.
    pending: dict[str, int] = field(default_factory=dict)
    file_of: dict[str, str] = field(default_factory=dict)
    #: Stored path -> the file it is in, as the run found the store.
    known: dict[str, str] | None = None

    def exists(self, path: str) -> bool:
        """Whether the file a stored path names is still there."""
        if self.known is None:
            self.known = {p.path: p.file for p in self.store.stored_paths()}
        return Path(self.known.get(path, path)).exists()

    def tick(self, path: Path | str) -> None:
        self.done += 1
        if self.progress:
            self.progress(self.done, self.total, str(path))

    def stored(self, doc_id: str) -> None:
        file = self.file_of.pop(doc_id, "")
        self.pending[file] = self.pending.get(file, 1) - 1
        if self.pending[file] <= 0:
            self.tick(file)

    def skip(self, error: InputFileError) -> None:
        cause = error.__cause__ if isinstance(error, DocumentFailedError) else None
        trace = "".join(traceback.format_exception(cause)) if cause is not None else None
        item = SkippedFile(path=shown(error.path), problem=str(error), trace=trace)
        self.skipped.append(item)
        if self.report:
            self.report(item)


def extract(
    paths: Sequence[Path],
    store: Store,
    *,
    model: str | None = None,
    actors_file: Path | None = None,
    fields: Mapping[str, str] | None = None,
    prune: bool = False,
    workers: int | None = None,
    scheduler: str | None = None,
    progress: Progress | None = None,
    report: Report | None = None,
) -> ExtractSummary:
    """Extract every article under ``paths`` into ``store``; report bad files and go on.
    A file whose content is stored already is only recorded under its new path; with
    ``prune``, documents whose files are gone are removed. With ``workers`` (processes of a
    local Dask cluster) or ``scheduler`` (a running one's address) the parsing is done there,
    and the store is the same as without."""
    found = list(discover(paths))
    files = [f for f in found if isinstance(f, Path)]
    if not found:
        raise NoInputError("no article files given; pass files or folders of articles")
    data = load_actor_data(actors_file)
    actors = actor_fingerprint(data)
    with _parser(model, actors_file, workers, scheduler) as parser:
        pipeline = f"{__version__}|{STAGES_VERSION}|{parser.model_version}|{actors}|{fingerprint()}"
        run = _Run(store, pipeline, len(files), progress, report, readers(fields))
        _store_all(files, found, run, parser)
    for doc_id, path, file in run.copies:
        store.attach_path(doc_id, path, file)
    removed = store.forget_paths(_gone_paths(store)) if prune else []
    if not is_fresh(store, actors):
        refresh(store, AliasIndex.build(data), actors)
    return _summary(run, len(files), removed)


def _store_all(
    files: list[Path], found: list[Path | InputFileError], run: _Run, parser: Parser
) -> None:
    """Report the bad paths, then store each new or changed document, one transaction each."""
    if run.progress:
        run.progress(0, len(files), "")
    for problem in (f for f in found if isinstance(f, InputFileError)):
        run.skip(problem)
    for processed in parser.parse(_documents(files, run)):
        run.store.save(processed, run.pipeline, file=run.file_of.get(processed.document.doc_id))
        run.processed += 1
        run.stored(processed.document.doc_id)


def prune(store: Store, *, actors_file: Path | None = None) -> PruneSummary:
    """Forget the paths whose files are gone and remove the documents left with none (their
    rows, then the corpus-wide tables refreshed)."""
    data = load_actor_data(actors_file)
    gone = _gone_paths(store)
    removed = store.forget_paths(gone)
    actors = actor_fingerprint(data)
    if not is_fresh(store, actors):
        refresh(store, AliasIndex.build(data), actors)
    return PruneSummary(
        removed=tuple(removed), forgotten=tuple(gone), documents=store.counts()["documents"]
    )


def _gone_paths(store: Store) -> list[str]:
    return [p.path for p in store.stored_paths() if not Path(p.file).exists()]


def _documents(files: Sequence[Path], run: _Run) -> Iterator[IngestedDocument]:
    """Ingest the articles that are new or changed; count and report the others."""
    for path in files:
        file = str(path.resolve())
        run.pending[file] = 0
        try:
            data = read_bytes(path)
        except InputFileError as error:
            run.skip(error)
            run.tick(file)
            continue
        for source in _isolated(file, read_sources(path, data, run.readers)):
            document = _document(path.resolve(), source, run)
            if document is not None:
                run.pending[file] += 1
                run.file_of[document.doc_id] = file
                yield document
        if not run.pending[file]:
            run.tick(file)


def _document(
    path: Path, source: SourceText | InputFileError, run: _Run
) -> IngestedDocument | None:
    """The document to process for one article, or None when its content is stored already
    (then only its path is recorded) or it cannot be used (then it is reported)."""
    if isinstance(source, InputFileError):
        run.skip(source)
        return None
    where, file = locator(path, source), str(path)
    if source.sha256 in run.seen:
        run.copies.append((run.seen[source.sha256], where, file))
        run.unchanged += 1
        return None
    same = run.store.document_for_content(source.sha256)
    if same is not None and same.pipeline == run.pipeline:
        gone = [p for p in run.store.paths_of(same.doc_id) if not run.exists(p)]
        run.store.attach_path(same.doc_id, where, file, gone=gone)
        run.seen[source.sha256] = same.doc_id
        run.unchanged += 1
        return None
    doc_id = same.doc_id if same is not None else _reused_id(where, run)
    doc_id = doc_id or _new_doc_id(path, source.doc_id, run)
    try:
        document = ingest(path, doc_id, source)
    except InputFileError as error:
        run.skip(error)
        return None
    except Exception as exc:  # one document's failure is its own, not the run's
        run.skip(_failed(where, exc))
        return None
    run.seen[source.sha256] = doc_id
    run.assigned.add(doc_id)
    return document


def _isolated(
    file: str, sources: Iterator[SourceText | InputFileError]
) -> Iterator[SourceText | InputFileError]:
    """The reader's articles; an unexpected error while reading is the file's one problem."""
    try:
        yield from sources
    except Exception as exc:  # a reader's failure is the file's, not the run's
        yield _failed(file, exc)


def _failed(where: str, exc: Exception) -> DocumentFailedError:
    error = DocumentFailedError(where, f"{type(exc).__name__}: {exc}"[:200])
    error.__cause__ = exc
    return error


def _reused_id(where: str, run: _Run) -> str | None:
    """The id of the document this path held, when its content changed and no other live
    path holds the old content."""
    before = run.store.document_for_path(where)
    if before is None:
        return None
    others = [p for p in run.store.paths_of(before.doc_id) if p != where and run.exists(p)]
    return None if others or before.doc_id in run.assigned else before.doc_id


def _new_doc_id(path: Path, hint: str | None, run: _Run) -> str:
    """The file name without extension (or the record's id); the parent folder's name is added
    only on a clash."""
    name = hint or path.stem
    candidates = [name, f"{path.resolve().parent.name}/{name}"]
    candidates += [f"{candidates[1]}-{n}" for n in range(2, 1000)]
    for candidate in candidates:
        if candidate not in run.assigned and not run.store.doc_id_taken(candidate):
            return candidate
    raise NoInputError(f"{path}: cannot give it a unique document id; rename the file")


def _summary(run: _Run, files: int, removed: list[str]) -> ExtractSummary:
    counts = run.store.counts()
    return ExtractSummary(
        files=files,
        processed=run.processed,
        unchanged=run.unchanged,
        removed=tuple(removed),
        skipped=tuple(run.skipped),
        **counts,
    )
