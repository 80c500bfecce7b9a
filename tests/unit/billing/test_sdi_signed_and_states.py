"""Signed notifications (.p7m): unwrapped only when every signature verifies; the SdI states
never go backwards; the 5-day rule for resending with the same number."""

from __future__ import annotations

import base64
from datetime import date

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs7

from msp_console.billing.p7m import SignatureError, unwrap
from msp_console.billing.sdi_notifications import NotificationError, read
from msp_console.domain.billing import sdi_states
from tests.integration.sdi.sdi_player import Signer, example, notification, tamper

XML = notification("RC", "IT01234567897_00001.xml")[1]


@pytest.fixture(scope="module")
def signer() -> Signer:
    return Signer.generate()


def test_a_signed_notification_is_unwrapped_and_its_signer_named(signer: Signer) -> None:
    unwrapped = unwrap(signer.p7m(XML))
    assert unwrapped.content == XML
    assert "Sistema Interscambio" in unwrapped.signer
    note = read(signer.p7m(XML), "IT01234567897_00001_RC_001.xml.p7m")
    assert note.kind == "RC" and note.invoice_file == "IT01234567897_00001.xml" and note.signer


def test_base64_p7m_as_some_providers_deliver_it(signer: Signer) -> None:
    wrapped = base64.encodebytes(signer.p7m(XML))
    assert unwrap(wrapped).content == XML


def test_changed_content_or_signature_is_refused(signer: Signer) -> None:
    signed = signer.p7m(XML)
    with pytest.raises(SignatureError, match="does not verify"):
        unwrap(tamper(signed, b"Amministrazione di prova", b"Amministrazione di truff"))
    with pytest.raises(NotificationError, match="does not verify"):
        read(tamper(signed, b"Amministrazione di prova", b"Amministrazione di truff"), "x_RC_001.xml.p7m")


def test_detached_or_not_cms_is_refused(signer: Signer) -> None:
    detached = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(XML)
        .add_signer(signer.cert, signer.key, hashes.SHA256())
        .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature])
    )
    with pytest.raises(SignatureError, match="no content"):
        unwrap(detached)
    with pytest.raises(SignatureError):
        unwrap(b"not a signed file at all")


def test_the_published_examples_validate_and_read() -> None:
    kinds = {k: read(example(k), f"IT01234567890_11111_{k}_001.xml") for k in ("RC", "NS", "MC")}
    assert {k: n.state for k, n in kinds.items()} == {
        "RC": "delivered",
        "NS": "rejected",
        "MC": "not_delivered",
    }
    assert kinds["NS"].errors == (("00100", "Certificato di firma scaduto"),)
    assert kinds["RC"].sdi_id == "111" and kinds["RC"].file_name == "IT01234567890_11111.xml.p7m"


def test_states_never_go_back_and_public_body_outcomes() -> None:
    assert sdi_states.next_state("sent", "delivered") == "delivered"
    assert sdi_states.next_state("accepted", "delivered") == "accepted"  # a late RC
    assert sdi_states.next_state("sending", "rejected") == "rejected"  # an answer proves it was sent
    assert sdi_states.state_after("NE", "EC01") == "accepted"
    assert sdi_states.state_after("NE", "EC02") == "refused"
    assert sdi_states.state_after("DT") == "expired" and sdi_states.state_after("AT") == "attested"


@pytest.mark.parametrize(("days", "same"), [(0, True), (5, True), (6, False)])
def test_same_number_only_within_five_days(days: int, same: bool) -> None:
    rejected = date(2026, 12, 1)
    assert sdi_states.resend_with_same_number(rejected, date(2026, 12, 1 + days)) is same
