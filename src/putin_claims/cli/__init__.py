"""The command-line interface: commands (:mod:`app`), tables and JSON (:mod:`render`).

Importing this package loads nothing heavy: :func:`main` imports the commands when called, and
the commands import spaCy only when they need it.
"""

from __future__ import annotations

import sys
from typing import Any


def version_line() -> str:
    """What ``--version`` prints, by the fast path here and by the option in :mod:`app`."""
    from putin_claims import __version__

    return f"putin-claims {__version__}"


def main(argv: list[str] | None = None) -> int:
    """Console-script entry point (see :func:`putin_claims.cli.app.main`). ``--version``
    alone is answered before the commands are even defined."""
    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"]:
        print(version_line())
        return 0
    from putin_claims.cli.app import main as run

    return run(args)


def __getattr__(name: str) -> Any:
    """``ExitCode`` on first use, so that importing the package stays cheap (the typer
    application is ``putin_claims.cli.app.app``)."""
    if name == "ExitCode":
        from putin_claims.cli.shell import ExitCode

        return ExitCode
    raise AttributeError(name)


__all__ = ["ExitCode", "main", "version_line"]
