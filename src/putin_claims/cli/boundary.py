"""The one error boundary of the program: what each way a command can end prints, and its
exit code. Expected failures (:class:`PutinClaimsError`) are one line on stderr and exit 1;
a full disk or closed pipe on stdout is one line too; anything else is an internal error
(exit 70) whose traceback ``--traceback`` shows."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sqlite3
import sys
import traceback

import typer

from putin_claims.cli.shell import ExitCode, err
from putin_claims.errors import PutinClaimsError

#: Errors of writing the output itself: a full disk, a closed pipe, a failing device.
OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EPIPE, errno.EIO, errno.EDQUOT})


def run(app: typer.Typer, args: list[str]) -> int:
    """Run the command line ``args``; never raises."""
    _escaping_streams()
    try:
        result = app(args=args, prog_name="putin-claims", standalone_mode=False)
        sys.stdout.flush()
    except typer.TyperException as exc:  # usage errors: typer prints them its own way
        return _usage(exc)
    except (KeyboardInterrupt, typer.Abort):
        result = ExitCode.INTERRUPTED
    except PutinClaimsError as exc:
        _say(f"putin-claims: error: {exc}")
        return int(ExitCode.ERROR)
    except sqlite3.DatabaseError as exc:  # a table or column renamed or dropped by hand
        _say(
            f"putin-claims: error: the store does not have the shape this version expects"
            f" ({exc}); it was changed outside putin-claims: extract into a new --db file"
        )
        return int(ExitCode.ERROR)
    except OSError as exc:
        if exc.errno not in OUTPUT_ERRNOS:
            return _internal(exc, args)
        _quiet_stdout()
        _say(
            f"putin-claims: error: cannot write the output ({exc.strerror}); free some space"
            " or write elsewhere (--out)"
        )
        return int(ExitCode.ERROR)
    except Exception as exc:
        return _internal(exc, args)
    if result == ExitCode.INTERRUPTED:  # typer turns Ctrl-C into a silent exit code 130
        _say("putin-claims: interrupted; everything stored before stays stored")
    return int(result or 0)


def _escaping_streams() -> None:
    """A terminal that cannot show a character gets ``\\u2026``, never an encoding crash."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def _usage(exc: typer.TyperException) -> int:
    show = getattr(exc, "show", None)
    if show is not None:
        show(file=sys.stderr)
    else:  # pragma: no cover - every typer usage error has show()
        err().print(exc.format_message(), markup=False)
    return int(exc.exit_code)


def _internal(exc: Exception, args: list[str]) -> int:
    if "--traceback" in args:
        traceback.print_exc()
    else:
        _say(
            f"putin-claims: internal error: {type(exc).__name__}: {exc} "
            "(run again with --traceback and report it)"
        )
    return int(ExitCode.INTERNAL)


def _say(line: str) -> None:
    err().print(line, highlight=False, markup=False)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's final flush cannot fail again."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
