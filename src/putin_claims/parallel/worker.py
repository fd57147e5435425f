"""What runs on a Dask worker: the pipeline loaded once per process, shards of documents parsed.

These functions travel to the workers by reference, so a worker must import the same
``putin_claims`` as the driver. A worker's expected failures come back as :class:`WorkerError`
(one line that pickles), whatever the error was on the worker.
"""

from __future__ import annotations

import signal
from pathlib import Path

from pydantic import Field

from putin_claims import __version__
from putin_claims.errors import PutinClaimsError, WorkerError
from putin_claims.lexicons import fingerprint
from putin_claims.models import IngestedDocument, ProcessedDocument
from putin_claims.models.base import Record
from putin_claims.nlp.loading import load_pipeline, model_version, resolve_model_name
from putin_claims.nlp.process import process


class WorkerIdentity(Record):
    """What a worker parses with: the results of two workers agree only if these do."""

    model: str = Field(description="The spaCy pipeline's installed name, as loaded.")
    model_version: str = Field(description="lang_name-version of the loaded pipeline.")
    version: str = Field(description="The putin-claims version the worker imports.")
    lexicons: str = Field(description="Fingerprint of the data files the worker reads.")


class ParsedShard(Record):
    """One shard's records, in the order its documents were sent, and who parsed them."""

    identity: WorkerIdentity = Field(description="The worker's pipeline.")
    records: tuple[ProcessedDocument, ...] = Field(description="One record per document sent.")


def identity(model: str | None, actors_file: str | None) -> WorkerIdentity:
    """Load the pipeline (once per worker process) and say which it is."""
    try:
        name = resolve_model_name(model)
        nlp = load_pipeline(name, Path(actors_file) if actors_file else None)
    except PutinClaimsError as exc:
        raise WorkerError(f"on a Dask worker: {exc}") from None
    return WorkerIdentity(
        model=name, model_version=model_version(nlp), version=__version__, lexicons=fingerprint()
    )


def parse_shard(
    model: str, actors_file: str | None, documents: list[IngestedDocument]
) -> ParsedShard:
    """Parse one shard with the worker's cached pipeline."""
    who = identity(model, actors_file)
    nlp = load_pipeline(model, Path(actors_file) if actors_file else None)
    return ParsedShard(identity=who, records=tuple(process(documents, nlp)))


def dask_setup(worker: object) -> None:
    """Preload hook of the workers a local cluster starts (``preload=[this module]``): Ctrl-C
    is the driver's to handle, and it closes the cluster; a worker ignores SIGINT rather than
    die with a traceback of its own. (A worker also exits when the driver is killed.)"""
    del worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
