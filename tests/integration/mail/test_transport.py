"""Sending and reading against real servers: Dovecot (IMAP) and aiosmtpd (SMTP) on loopback."""

from __future__ import annotations

import dataclasses
from email.message import EmailMessage

import pytest

from msp_console.mail import Mailbox, MailError, MemoryProcessedLog, send_message
from msp_console.mail.check import try_account
from msp_console.mail.errors import format_fingerprint
from tests.support.components import free_port
from tests.support.mail_servers import DroppingProxy, MailLab


def _message(to: str, subject: str, body: str = "Buongiorno") -> EmailMessage:
    msg = EmailMessage()
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(body)
    return msg


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_a_message_sent_arrives_in_the_recipients_inbox_and_is_read_once(mail_account, security) -> None:
    sender, sender_pw = mail_account("office", security=security)
    client, client_pw = mail_account("client", security=security)

    message_id = send_message(sender, _message(client.username, "Fattura 2026/0001"), sender_pw)

    log = MemoryProcessedLog()
    with Mailbox(client, log, password=client_pw) as box:
        got = list(box.unprocessed())
        assert [m["Subject"] for _, m in got] == ["Fattura 2026/0001"]
        uid, msg = got[0]
        assert msg["Message-ID"] == message_id
        assert msg["From"] == sender.username
        box.mark_processed(uid)
    with Mailbox(client, log, password=client_pw) as box:
        assert list(box.unprocessed()) == []  # a second run changes nothing
    # a new mailbox session with an empty local record still sees the server-side keyword
    with Mailbox(client, MemoryProcessedLog(), password=client_pw) as box:
        assert list(box.unprocessed()) == []


def test_the_local_record_alone_keeps_a_message_processed(mail_lab: MailLab, mail_account) -> None:
    client, pw = mail_account("client")
    mail_lab.deliver(client.username, _message(client.username, "RC"))
    log = MemoryProcessedLog()
    with Mailbox(client, log, password=pw) as box:
        ((uid, _),) = list(box.unprocessed())
        box.mark_processed(uid)
        box.client.remove_flags([uid], [b"$MspProcessed"])  # e.g. another mail program cleared it
    with Mailbox(client, log, password=pw) as box:
        assert list(box.unprocessed()) == []
        assert b"$MspProcessed" in box.client.get_flags([uid])[uid]  # and put it back


def test_an_untrusted_certificate_is_refused_and_its_fingerprint_shown(
    mail_lab: MailLab, mail_account
) -> None:
    account, pw = mail_account("office", pinned=False)
    results = try_account(account, pw)
    assert [r.ok for r in results] == [False, False]
    for r in results:
        assert r.code == "tls_untrusted"
        assert r.fingerprint == mail_lab.cert.sha256
        assert "not trusted" in r.message and format_fingerprint(mail_lab.cert.sha256) in r.message
    with pytest.raises(MailError) as err:
        send_message(account, _message(account.username, "x"), pw)
    assert err.value.code == "tls_untrusted"
    assert mail_lab.sent == [] or all(s.login != account.username for s in mail_lab.sent)  # never logged in


def test_a_certificate_other_than_the_pinned_one_is_refused(mail_lab: MailLab, mail_account) -> None:
    account, pw = mail_account("office")
    wrong = dataclasses.replace(account, pinned_sha256="ab" * 32)
    results = try_account(wrong, pw)
    assert {r.code for r in results} == {"tls_pin_mismatch"}
    assert all(r.fingerprint == mail_lab.cert.sha256 for r in results)
    assert "not the pinned one" in results[0].message


def test_the_pinned_certificate_logs_in_to_both_servers(mail_account) -> None:
    account, pw = mail_account("office", security="tls")
    results = try_account(account, pw)
    assert [r.ok for r in results] == [True, True], [r.message for r in results]
    assert "logged in as" in results[1].message


def test_a_refused_login_is_said_in_words(mail_account) -> None:
    account, _ = mail_account("office")
    results = try_account(account, "not-the-password")
    assert [r.code for r in results] == ["login", "login"]
    assert "wrong user name or password" in results[0].message
    assert account.username in results[1].message


def test_a_closed_port_and_a_missing_folder_are_said_in_words(mail_account) -> None:
    account, pw = mail_account("office")
    closed = dataclasses.replace(account, smtp_port=free_port(), imap_port=free_port())
    assert {r.code for r in try_account(closed, pw)} == {"refused"}
    with pytest.raises(MailError) as err, Mailbox(account, MemoryProcessedLog(), "Fatture SdI", password=pw):
        pass
    assert err.value.code == "folder"
    assert "Fatture SdI" in str(err.value)


def test_a_connection_dropped_mid_fetch_loses_and_repeats_nothing(mail_lab: MailLab, mail_account) -> None:
    client, pw = mail_account("client", security="tls")
    for n in range(3):
        mail_lab.deliver(client.username, _message(client.username, f"notifica {n}", "x" * 60_000))
    proxy = DroppingProxy(mail_lab.dovecot.imaps_port)
    through_proxy = dataclasses.replace(client, imap_port=proxy.port)
    log = MemoryProcessedLog()
    handled: list[str] = []
    try:
        with pytest.raises(MailError) as err, Mailbox(through_proxy, log, password=pw) as box:
            for uid, msg in box.unprocessed():
                handled.append(msg["Subject"])
                box.mark_processed(uid)
                proxy.drop_after = proxy.sent_down + 2_000  # the next fetch is cut half-way
    finally:
        proxy.close()
    assert err.value.code == "dropped"
    assert "dropped the connection" in str(err.value)
    assert handled == ["notifica 0"]
    with Mailbox(client, log, password=pw) as box:
        for uid, msg in box.unprocessed():
            handled.append(msg["Subject"])
            box.mark_processed(uid)
    assert handled == ["notifica 0", "notifica 1", "notifica 2"]


def test_an_smtp_connection_dropped_mid_send_is_said_in_words(mail_lab: MailLab, mail_account) -> None:
    sender, pw = mail_account("office", security="tls")
    client, _ = mail_account("client")
    proxy = DroppingProxy(mail_lab.smtps_port)
    try:
        session_bytes: list[int] = []
        from msp_console.mail import smtp_session

        with (
            pytest.raises(MailError) as err,
            smtp_session(dataclasses.replace(sender, smtp_port=proxy.port), pw) as smtp,
        ):
            session_bytes.append(proxy.sent_down)
            proxy.drop_after = proxy.sent_down + 10  # the server's answer to MAIL FROM is cut
            send_message(sender, _message(client.username, "x"), session=smtp)
    finally:
        proxy.close()
    assert err.value.code == "dropped"
    assert mail_lab.messages(client.username) == []


def test_an_unknown_recipient_is_refused_by_name(mail_account) -> None:
    sender, pw = mail_account("office")
    with pytest.raises(MailError) as err:
        send_message(sender, _message("nobody@example.test", "x"), pw)
    assert err.value.code == "recipient"
    assert "nobody@example.test" in str(err.value)
