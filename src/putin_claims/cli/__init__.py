"""The command-line interface: commands (:mod:`app`), tables and JSON (:mod:`render`)."""

from putin_claims.cli.app import ExitCode, app, main

__all__ = ["ExitCode", "app", "main"]
