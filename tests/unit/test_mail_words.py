"""Mail accounts, failures and e-mail texts: checked and worded without any server."""

from __future__ import annotations

import dataclasses

import pytest

from msp_console.domain.errors import ValidationError
from msp_console.mail import Account, MailError, normalise_fingerprint
from msp_console.mail.check import try_account
from msp_console.mail.errors import format_fingerprint
from msp_console.mail.texts import default_template, template_errors

ACCOUNT = Account("pec", "pec", "smtps.pec.example.it", 465, "tls", "imaps.pec.example.it", 993, "tls",
                  "rossi@pec.example.it")  # fmt: skip


def test_a_name_that_cannot_exist_is_a_dns_failure_in_words() -> None:
    # a name with a space is refused by the resolver library itself: no query leaves the machine
    bad = dataclasses.replace(ACCOUNT, smtp_host="no such host", imap_host="no such host")
    results = try_account(bad, "x")
    assert [r.code for r in results] == ["dns", "dns"]
    assert "could not be found (DNS)" in results[0].message


def test_account_checks_name_the_fields() -> None:
    bad = dataclasses.replace(ACCOUNT, name="", smtp_port=70000, imap_security="plain", username=" ")
    with pytest.raises(ValidationError) as err:
        bad.validate()
    assert {e.field for e in err.value.errors} == {"name", "smtp_port", "imap_security", "user"}
    assert ACCOUNT.validate().secret_ref == "mail:pec"
    assert ACCOUNT.from_address == "rossi@pec.example.it"


def test_fingerprints_are_read_as_people_copy_them() -> None:
    hex64 = "ab" * 32
    assert normalise_fingerprint("AB:" * 31 + "AB") == hex64
    assert normalise_fingerprint(" SHA256:" + hex64.upper() + " ") == hex64
    assert normalise_fingerprint("") is None
    assert format_fingerprint(hex64).startswith("AB:AB:") and len(format_fingerprint(hex64)) == 95


def test_an_untrusted_certificate_message_offers_the_pin() -> None:
    err = MailError(
        "tls_untrusted", fingerprint="cd" * 32, host="mail.example.it", port=465, detail="self-signed"
    )
    assert str(err).startswith("the TLS certificate of mail.example.it:465 is not trusted (self-signed)")
    assert "pin its SHA-256 fingerprint CD:CD:" in str(err)
    assert err.params["fingerprint"].startswith("CD:CD")


def test_texts_accept_english_and_italian_placeholders_and_refuse_unknown_ones() -> None:
    it = default_template("courtesy", "it")
    values = {"client": "Hotel", "number": "2026/0001", "Document": "Fattura", "date": "01/09/2026"}
    values |= {"company": "Rossi", "document": "fattura", "total": "€ 1", "due": "01/10/2026"}
    subject, body = it.render(values)
    assert subject == "Fattura n. 2026/0001 del 01/09/2026 – Rossi"
    assert body.startswith("Gentile Hotel,")
    assert template_errors("courtesy", "{numero} {number}", "{cliente}") == []
    (bad,) = template_errors("reminder", "{number}", "ok")
    assert bad.field == "subject" and "unknown placeholder {number}" in bad.message
    (bad,) = template_errors("reminder", "ok", "{client")
    assert bad.field == "body" and "brace" in bad.message
