"""Which database this PC opens: the file never holds the password; bad URLs are refused clearly."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from msp_console import database_choice as dc
from msp_console.settings import resolve_database_url


def test_embedded_is_the_default() -> None:
    assert dc.load_choice() is None and dc.configured_url() is None
    dc.use_embedded()
    assert dc.load_choice() == dc.DatabaseChoice("sqlite")
    assert resolve_database_url().startswith("sqlite:///")


def test_a_team_url_without_password_is_stored_as_is() -> None:
    dc.save_team_database("postgresql://msp@db.example:5432/console")
    choice = dc.load_choice()
    assert choice is not None and choice.kind == "postgresql" and choice.password_ref == ""
    assert make_url(choice.url).database == "console"
    assert resolve_database_url().startswith("postgresql+psycopg://msp@db.example")
    assert resolve_database_url("sqlite:///x.db") == "sqlite:///x.db"  # --database still wins


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("sqlite:///x.db", "PostgreSQL URL"),
        ("postgresql://msp@/console", "host"),
        ("not a url", "not a database URL"),
    ],
)
def test_bad_urls_are_refused(url: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        dc.parse_team_url(url)
    assert dc.check_connection(url) == dc.ConnectionProblem("url", dc.check_connection(url).detail)  # type: ignore[union-attr]


def test_nothing_listening_is_said_in_plain_words() -> None:
    from tests.support.components import free_port

    problem = dc.check_connection(f"postgresql://msp:pw@127.0.0.1:{free_port()}/console", timeout=2)
    assert problem is not None and problem.kind == "refused" and problem.where.startswith("127.0.0.1:")
    assert dc.describe_url("postgresql://msp:pw@h/db") == "postgresql://msp:***@h/db"


def test_a_team_database_without_a_usable_keyring_says_what_to_fix(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    import keyring.core
    from keyring.backends import fail

    from msp_console.cli import main

    monkeypatch.delenv("MSP_CONSOLE_DATABASE_URL", raising=False)
    choice = dc.DatabaseChoice("postgresql", "postgresql+psycopg://msp@127.0.0.1:1/console", dc.PASSWORD_REF)
    dc.config_path().parent.mkdir(parents=True, exist_ok=True)
    dc.config_path().write_text(json.dumps(choice.__dict__), encoding="utf-8")
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())  # a desk PC without a keyring
    assert main(["tree"]) == 1
    err = capsys.readouterr().err
    assert "team database's password" in err and "No usable OS keyring" in err and "gnome-keyring" in err
    assert "unexpected error" not in err
