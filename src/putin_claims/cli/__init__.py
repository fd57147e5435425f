"""The command-line interface: commands (:mod:`app`), tables and JSON (:mod:`render`)."""

from putin_claims.cli.app import app, main
from putin_claims.cli.shell import ExitCode

__all__ = ["ExitCode", "app", "main"]
