"""The `extract` driver: paths in, documents streamed through the stages into the store.

discover -> read bytes -> (unchanged? skip) -> ingest -> nlp (registered components) -> store,
one document per transaction (each marks the corpus stale); then, when the corpus is stale,
:func:`putin_claims.corpus.refresh.refresh` rebuilds the corpus-wide tables as one unit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from putin_claims import __version__
from putin_claims.corpus.refresh import is_fresh, refresh
from putin_claims.errors import InputFileError, NoInputError
from putin_claims.ingest.readers import content_hash, discover, ingest, read_bytes
from putin_claims.lexicons import actor_fingerprint, fingerprint, load_actor_data
from putin_claims.models import ExtractSummary, IngestedDocument, SkippedFile
from putin_claims.names import AliasIndex
from putin_claims.nlp.loading import load_pipeline, model_version, resolve_model_name
from putin_claims.nlp.process import process
from putin_claims.store import Store

#: Bump when a per-document stage changes what it stores: every document is then re-processed.
STAGES_VERSION = 8

#: Called after each file: (files done, files in all, the file's path).
Progress = Callable[[int, int, str], None]
#: Called once per skipped file with its one-line problem, as soon as it is known.
Report = Callable[[SkippedFile], None]


@dataclass
class _Run:
    store: Store
    pipeline: str
    total: int
    progress: Progress | None
    report: Report | None
    done: int = 0
    unchanged: int = 0
    processed: int = 0
    skipped: list[SkippedFile] = field(default_factory=list)
    assigned: set[str] = field(default_factory=set)

    def tick(self, path: Path | str) -> None:
        self.done += 1
        if self.progress:
            self.progress(self.done, self.total, str(path))

    def skip(self, error: InputFileError) -> None:
        item = SkippedFile(path=str(error.path), problem=str(error))
        self.skipped.append(item)
        if self.report:
            self.report(item)


def extract(
    paths: Sequence[Path],
    store: Store,
    *,
    model: str | None = None,
    actors_file: Path | None = None,
    progress: Progress | None = None,
    report: Report | None = None,
) -> ExtractSummary:
    """Extract every article under ``paths`` into ``store``; report bad files and go on."""
    found = list(discover(paths))
    files = [f for f in found if isinstance(f, Path)]
    data = load_actor_data(actors_file)
    actors = actor_fingerprint(data)
    nlp = load_pipeline(resolve_model_name(model), actors_file)
    pipeline = f"{__version__}|{STAGES_VERSION}|{model_version(nlp)}|{actors}|{fingerprint()}"
    run = _Run(store, pipeline, len(files), progress, report)
    if progress:
        progress(0, len(files), "")
    for problem in (f for f in found if isinstance(f, InputFileError)):
        run.skip(problem)
    if not files and not run.skipped:
        raise NoInputError("no article files given; pass files or folders of .txt/.md articles")
    for processed in process(_documents(files, run), nlp):
        store.save(processed, pipeline)
        run.processed += 1
        run.tick(processed.document.path)
    if not is_fresh(store, actors):
        refresh(store, AliasIndex.build(data), actors)
    return _summary(run, len(files))


def _documents(files: Sequence[Path], run: _Run) -> Iterator[IngestedDocument]:
    """Ingest the files that are new or changed; count and report the others."""
    for path in files:
        try:
            data = read_bytes(path)
            absolute = str(path.resolve())
            stored = run.store.document_for_path(absolute)
            if stored and stored.sha256 == content_hash(data) and stored.pipeline == run.pipeline:
                run.unchanged += 1
                run.tick(path)
                continue
            doc_id = stored.doc_id if stored else _new_doc_id(path, run)
            run.assigned.add(doc_id)
            yield ingest(path.resolve(), doc_id, data)
        except InputFileError as error:
            run.skip(error)
            run.tick(path)


def _new_doc_id(path: Path, run: _Run) -> str:
    """The file name without extension; the parent folder's name is added only on a clash."""
    candidates = [path.stem, f"{path.resolve().parent.name}/{path.stem}"]
    candidates += [f"{candidates[1]}-{n}" for n in range(2, 1000)]
    for candidate in candidates:
        if candidate not in run.assigned and not run.store.doc_id_taken(candidate):
            return candidate
    raise NoInputError(f"{path}: cannot give it a unique document id; rename the file")


def _summary(run: _Run, files: int) -> ExtractSummary:
    counts = run.store.counts()
    return ExtractSummary(
        files=files,
        processed=run.processed,
        unchanged=run.unchanged,
        skipped=tuple(run.skipped),
        **counts,
    )
