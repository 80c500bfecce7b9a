"""Rotating log files in the user's log directory, with every secret masked before it is written.

The composition root (CLI main, which also starts the GUI) calls :func:`setup_logging` once.
The redaction filter sits on our handlers, so records from every library logger pass through it.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from pathlib import Path

from msp_console.redaction import redact
from msp_console.settings import log_dir

LOG_NAME = "msp-console.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)s %(process)d %(threadName)s %(name)s: %(message)s"
_installed: list[logging.Handler] = []
_current: tuple[Path, bool] | None = None


class RedactingFilter(logging.Filter):
    """Formats the message once, masks secrets in it, in its traceback and in its stack."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not hide the line, nor leak its args
            message = f"{record.msg!s} (unformattable arguments)"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class _RotatingFile(logging.handlers.RotatingFileHandler):
    """The window, the poller and the CLI share one file: when another process holds it open while
    this one rotates (Windows refuses the rename), keep writing to it instead of printing errors."""

    def doRollover(self) -> None:
        try:
            super().doRollover()
        except OSError:
            if self.stream is None:
                self.stream = self._open()


class _Stderr(logging.StreamHandler):  # type: ignore[type-arg,unused-ignore]
    """Writes to whatever sys.stderr is now (tests and the GUI swap it)."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr  # emit runs under the handler's lock
        super().emit(record)

    def filter(self, record: logging.LogRecord) -> bool:
        return not getattr(record, "file_only", False) and bool(super().filter(record))

    def format(self, record: logging.LogRecord) -> str:  # one line: tracebacks are for the file
        return f"msp-console: {record.levelname.lower()}: {record.getMessage()}"


FILE_ONLY = {"file_only": True}  # `log.error(..., extra=FILE_ONLY)`: the user was told another way


def log_path() -> Path:
    """Where the current log file is (also when logging is not set up yet)."""
    return log_dir() / LOG_NAME


def setup_logging(verbose: bool = False) -> Path:
    """Log INFO (DEBUG when verbose) to the rotating file, warnings to stderr; idempotent."""
    global _current
    path = log_path()
    if _current == (path, verbose):
        return path
    root = logging.getLogger()
    for handler in _installed:
        root.removeHandler(handler)
        handler.close()
    _installed.clear()
    redacting = RedactingFilter()
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # client names, hosts: the user's only
        to_file: logging.Handler = _RotatingFile(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
        to_file.setFormatter(logging.Formatter(_FORMAT))
        to_file.setLevel(logging.DEBUG if verbose else logging.INFO)
    except OSError as exc:  # a read-only home must not stop the app
        print(f"msp-console: cannot write the log in {path.parent}: {exc}", file=sys.stderr)
        to_file = logging.NullHandler()
    to_stderr = _Stderr()
    to_stderr.setLevel(logging.INFO if verbose else logging.WARNING)
    for handler in (to_file, to_stderr):
        handler.addFilter(redacting)
        root.addHandler(handler)
        _installed.append(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)  # one line per plugin, every start
    # Per-poll chatter (a line per job run, per SSH connection): thousands an hour on a busy poller.
    for noisy in ("apscheduler", "paramiko", "pysnmp", "urllib3", "niquests", "caldav"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if verbose else logging.WARNING)
    _current = (path, verbose)
    return path


def log_files() -> list[Path]:
    """The current log and its rotated predecessors (for About and for "copy details")."""
    folder = log_dir()
    return sorted(folder.glob(LOG_NAME + "*")) if folder.is_dir() else []
