"""`msp-console mail …` against the real servers and a real keyring, as a technician types it."""

from __future__ import annotations

import io
import json

import pytest

from msp_console.cli import main
from msp_console.mail.errors import format_fingerprint
from tests.support.mail_servers import MailLab

pytestmark = pytest.mark.usefixtures("gnome_keyring")


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, sqlite_url: str):
    def run(*argv: str, stdin: str | None = None) -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin or ""))
        code = main(["--database", sqlite_url, *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def _add_args(lab: MailLab, name: str, user: str, *extra: str) -> list[str]:
    return [
        "mail", "add", name, "--kind", "pec",
        "--smtp-host", lab.host, "--smtp-port", str(lab.smtps_port),
        "--imap-port", str(lab.dovecot.imaps_port),
        "--user", user, "--tls", *extra,
    ]  # fmt: skip


def test_add_test_pin_list_remove(cli, mail_lab: MailLab, mailbox_user) -> None:
    user = mailbox_user()
    code, out, err = cli(*_add_args(mail_lab, "pec", user.address), stdin=user.password + "\n")
    assert code == 0, err
    assert user.password not in out + err

    # the test server's certificate is self-signed: refused, and its fingerprint shown to pin
    code, out, _ = cli("mail", "test", "pec")
    assert code == 1
    assert "SMTP: FAILED" in out and "IMAP: FAILED" in out and "not trusted" in out
    shown = format_fingerprint(mail_lab.cert.sha256)
    assert f"msp-console mail pin pec {shown}" in out

    assert cli("mail", "pin", "pec", shown)[0] == 0
    code, out, _ = cli("mail", "test", "pec")
    assert code == 0, out
    assert "SMTP: OK" in out and f"IMAP: OK — IMAP {mail_lab.host}:{mail_lab.dovecot.imaps_port}" in out

    code, out, _ = cli("mail", "list", "--json")
    (listed,) = json.loads(out)
    assert listed["name"] == "pec" and listed["kind"] == "pec"
    assert listed["pinned_sha256"] == mail_lab.cert.sha256
    assert user.password not in out

    assert cli("mail", "remove", "pec")[0] == 0
    code, out, _ = cli("mail", "list")
    assert "no mail accounts yet" in out


def test_a_wrong_password_and_bad_options_are_said_in_words(cli, mail_lab: MailLab, mailbox_user) -> None:
    user = mailbox_user()
    pin = ["--pin-fingerprint", mail_lab.cert.sha256]
    assert cli(*_add_args(mail_lab, "office", user.address, *pin), stdin="wrong\n")[0] == 0
    code, out, _ = cli("mail", "test", "office")
    assert code == 1
    assert out.count("wrong user name or password") == 2

    code, _, err = cli(*_add_args(mail_lab, "bad name", "not-an-address", "--pin-fingerprint", "xyz"))
    assert code == 1
    assert "nothing was changed" in err
    assert "name:" in err and "pin_fingerprint:" in err and "user:" in err
    code, _, err = cli("mail", "test", "nope")
    assert code == 1 and "no mail account named 'nope'" in err
