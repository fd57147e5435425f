"""putin-claims: track who claims what across news articles."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("putin-claims")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

#: Every report the tool writes carries this mark (a Markdown comment, an HTML generator meta
#: tag, the JSON ``generated_by`` field), so that a report saved among the articles is never
#: read back as one.
REPORT_MARK = "putin-claims"

__all__ = ["REPORT_MARK", "__version__"]
