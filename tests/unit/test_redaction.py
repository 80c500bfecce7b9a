"""What the log filter masks, and what the CLI shows when a bug escapes a command."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from msp_console.cli import main
from msp_console.logs import log_path, setup_logging
from msp_console.redaction import MASK, forget_all, redact, register_secret, register_url_password


@pytest.fixture(autouse=True)
def clean_registry() -> Iterator[None]:
    forget_all()
    yield
    forget_all()


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("login password=hunter2 ok", "hunter2"),
        ('{"password": "hunter 2", "user": "bob"}', "hunter 2"),
        ("passphrase: 'my key pass'", "my key pass"),
        ("api_key=abc123&x=1", "abc123"),
        ("postgresql+psycopg://msp:S3cret@db.lan:5432/msp", "S3cret"),
        ("https://bob:p%40ss@dav.example.invalid/cal", "p%40ss"),
    ],
)
def test_password_looking_text_is_masked(text: str, hidden: str) -> None:
    out = redact(text)
    assert hidden not in out and MASK in out


def test_registered_secrets_are_masked_anywhere_even_inside_words() -> None:
    register_secret("Tr0ub4dor&3")
    register_secret("-----BEGIN KEY-----\nline-one-of-key\n-----END KEY-----")
    out = redact("got Tr0ub4dor&3, then xTr0ub4dor&3x and line-one-of-key")
    assert "Tr0ub4dor" not in out and "line-one-of-key" not in out
    assert redact("user bob") == "user bob"


def test_url_password_from_the_command_line_is_registered() -> None:
    register_url_password("postgresql://msp:p%40ss@127.0.0.1/db")
    assert "p@ss" not in redact("server said: bad password p@ss")


def test_log_records_are_masked_in_message_args_and_traceback(caplog: pytest.LogCaptureFixture) -> None:
    path = setup_logging()
    register_secret("Sekr1t-Value")
    log = logging.getLogger("msp_console.test")
    log.warning("arg %s and %r", "Sekr1t-Value", {"k": "Sekr1t-Value"})
    try:
        raise ValueError("inside Sekr1t-Value")
    except ValueError:
        log.exception("failed")
    for h in logging.getLogger().handlers:
        h.flush()
    text = path.read_text(encoding="utf-8")
    assert "Sekr1t-Value" not in text and text.count(MASK) >= 3 and "ValueError" in text


def test_a_bug_in_a_command_gives_one_line_and_the_traceback_goes_to_the_log(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from msp_console.cli import backup_commands

    def broken(_args: object) -> int:
        raise KeyError("password=hunter2 lost")

    monkeypatch.setattr(backup_commands, "_list", broken)
    assert main(["backups", "list"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "unexpected error (KeyError" in err and str(log_path()) in err and "hunter2" not in err
    for h in logging.getLogger().handlers:
        h.flush()
    logged = Path(log_path()).read_text(encoding="utf-8")
    assert "Traceback" in logged and "def broken" not in logged and "hunter2" not in logged
    assert "broken" in logged  # the frame is there for whoever reads the log


def test_a_rotation_refused_by_another_process_keeps_logging(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from msp_console.logs import _RotatingFile

    def refused(_source: str, _dest: str) -> None:
        raise PermissionError("the file is open in another process")

    handler = _RotatingFile(tmp_path / "shared.log", maxBytes=200, backupCount=2, encoding="utf-8")
    handler.rotator = refused
    log = logging.getLogger("msp_console.test_rotation")
    log.addHandler(handler)
    log.propagate = False
    try:
        for n in range(20):
            log.warning("line %02d of a shared log", n)
    finally:
        log.removeHandler(handler)
        handler.close()
    text = (tmp_path / "shared.log").read_text(encoding="utf-8")
    assert all(f"line {n:02d}" in text for n in range(20))
    assert "Logging error" not in capsys.readouterr().err


def test_very_short_values_are_not_masked_everywhere() -> None:
    forget_all()
    register_secret("p")
    register_secret("abc")
    assert redact("the disk exploded") == "the disk exploded"
    assert redact("password=abc") == f"password={MASK}"
