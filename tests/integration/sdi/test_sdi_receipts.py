"""`sdi receipt`: the SdI's notifications applied once each to the files this console sent —
the published examples renamed to the console's files, signed .p7m ones, and bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from msp_console.app import App
from msp_console.cli import main
from msp_console.services.billing import sdi_send
from msp_console.services.billing.sdi_records import status_of
from msp_console.services.billing.sdi_transport import PecTransport
from tests.integration.sdi.conftest import TODAY
from tests.integration.sdi.pec_fixtures import PecSetup
from tests.integration.sdi.sdi_player import Signer, notification, tamper


@pytest.fixture
def sent(pec: PecSetup) -> dict[str, str]:
    """The month sent by PEC to the SdI's test mailbox: invoice number -> its file name."""
    transport = PecTransport.for_channel(pec.app.db)
    try:
        outcomes = sdi_send.send(pec.app.db, lambda: transport.deliver, month=(2026, 12), today=TODAY)
    finally:
        transport.close()
    assert [o.outcome for o in outcomes] == ["sent"] * 3
    return {o.number: o.file_name for o in outcomes}


def run(capsys: Any, app: App, *args: str) -> tuple[int, str]:
    code = main(["--database", app.db.url, *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def save(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def states(app: App) -> dict[str, str]:
    return {s.number: s.state for s in status_of(app.db).values()}


def test_published_examples_renamed_to_the_sent_files_are_applied_once(
    issued_app: App, sent: dict[str, str], tmp_path: Path, capsys: Any
) -> None:
    first, second, third = sent
    files = [
        save(tmp_path, *notification("RC", sent[first], sdi_id="1001")),
        save(tmp_path, *notification("MC", sent[second], sdi_id="1002")),
        save(tmp_path, *notification("NS", sent[third], sdi_id="1003")),
    ]
    code, out = run(capsys, issued_app, "sdi", "receipt", *map(str, files))
    assert code == 0, out
    assert states(issued_app) == {first: "delivered", second: "not_delivered", third: "rejected"}
    assert "00100 Certificato di firma scaduto" in out
    status = next(s for s in status_of(issued_app.db).values() if s.number == third)
    assert status.rejection is not None
    assert status.rejection.errors == (("00100", "Certificato di firma scaduto"),)
    assert status.sdi_id == "1003"

    code, out = run(capsys, issued_app, "sdi", "receipt", "--json", *map(str, files))
    assert code == 0
    assert [n["outcome"] for n in json.loads(out)["notifications"]] == ["duplicate"] * 3
    history = [h.kind for s in status_of(issued_app.db).values() for h in s.history]
    assert history.count("RC") == history.count("MC") == history.count("NS") == 1


def test_the_published_files_byte_for_byte_only_renamed(
    issued_app: App, sent: dict[str, str], tmp_path: Path, capsys: Any
) -> None:
    """The examples of shared/sdi exactly as published, with only their invoice file's name
    (IT01234567890_11111) changed to the console's — in the file name and in NomeFile."""
    from tests.integration.sdi.sdi_player import EXAMPLES

    files = []
    for name, kind in zip(sent.values(), ("RC", "NS", "MC"), strict=True):
        stem = name.removesuffix(".xml").encode()
        data = (
            (EXAMPLES / f"IT01234567890_11111_{kind}_001.xml")
            .read_bytes()
            .replace(b"IT01234567890_11111", stem)
        )
        files.append(save(tmp_path, f"{stem.decode()}_{kind}_001.xml", data))
    code, out = run(capsys, issued_app, "sdi", "receipt", *map(str, files))
    assert code == 0, out
    numbers = list(sent)
    assert states(issued_app) == {
        numbers[0]: "delivered",
        numbers[1]: "rejected",
        numbers[2]: "not_delivered",
    }


def test_every_ns_error_is_kept(issued_app: App, sent: dict[str, str], tmp_path: Path, capsys: Any) -> None:
    number = next(iter(sent))
    errors = [
        ("00305", "1.4.1.1.2 <IdCodice> non valido"),
        ("00423", "2.2.1.11 <PrezzoTotale> non calcolato"),
    ]
    path = save(tmp_path, *notification("NS", sent[number], errors=errors))
    assert run(capsys, issued_app, "sdi", "receipt", str(path))[0] == 0
    status = next(s for s in status_of(issued_app.db).values() if s.number == number)
    assert status.rejection is not None and list(status.rejection.errors) == errors


def test_public_body_outcomes_and_no_going_back(
    issued_app: App, sent: dict[str, str], tmp_path: Path, capsys: Any
) -> None:
    first, second, _ = sent
    files = [
        save(tmp_path, *notification("RC", sent[first])),
        save(tmp_path, *notification("NE", sent[first], outcome="EC02")),
        save(tmp_path, *notification("NE", sent[second], outcome="EC01")),
    ]
    assert run(capsys, issued_app, "sdi", "receipt", *map(str, files))[0] == 0
    assert states(issued_app)[first] == "refused" and states(issued_app)[second] == "accepted"
    late = save(tmp_path, *notification("RC", sent[second], number=2))  # a late RC after the outcome
    assert run(capsys, issued_app, "sdi", "receipt", str(late))[0] == 0
    assert states(issued_app)[second] == "accepted"


def test_matched_by_the_sdi_id_when_the_file_name_is_not_ours(
    issued_app: App, sent: dict[str, str], tmp_path: Path, capsys: Any
) -> None:
    number = next(iter(sent))
    first = save(tmp_path, *notification("RC", sent[number], sdi_id="70001"))
    name, xml = notification("DT", "IT01234567897_ARCHV.zip", sdi_id="70001")
    later = save(tmp_path, name, xml)
    assert run(capsys, issued_app, "sdi", "receipt", str(first), str(later))[0] == 0
    assert states(issued_app)[number] == "expired"


def test_signed_p7m_is_verified_and_applied(
    issued_app: App, sent: dict[str, str], tmp_path: Path, capsys: Any
) -> None:
    number = next(iter(sent))
    name, xml = notification("RC", sent[number])
    signed = Signer.generate().p7m(xml)
    code, out = run(capsys, issued_app, "sdi", "receipt", str(save(tmp_path, name + ".p7m", signed)))
    assert code == 0, out
    assert states(issued_app)[number] == "delivered"
    history = next(s for s in status_of(issued_app.db).values() if s.number == number).history
    assert "signed by" in history[-1].detail


def test_bad_input_changes_nothing_and_says_why(
    issued_app: App, sent: dict[str, str], tmp_path: Path, capsys: Any
) -> None:
    number = next(iter(sent))
    name, xml = notification("NS", sent[number])
    broken = save(tmp_path, "broken_NS_001.xml", xml[: len(xml) // 2])
    schema_bad = save(
        tmp_path,
        "bad_RC_001.xml",
        xml.replace(b"<ListaErrori>", b"<Lista>").replace(b"</ListaErrori>", b"</Lista>"),
    )
    forged = tamper(
        Signer.generate().p7m(xml), b"Certificato di firma scaduto", b"Certificato di firma valido!"
    )
    forged_path = save(tmp_path, name + ".p7m", forged)
    unknown = save(tmp_path, *notification("RC", "IT01234567897_ZZZZZ.xml", number=7, sdi_id="999999"))
    before = status_of(issued_app.db)

    for path, words in (
        (broken, "not XML"),
        (schema_bad, "does not follow the SdI schema"),
        (forged_path, "signature does not verify"),
        (unknown, "a file this console never sent"),
        (tmp_path / "missing_RC_001.xml", "cannot be read"),
    ):
        code, out = run(capsys, issued_app, "sdi", "receipt", str(path))
        assert code == 1, (path, out)
        assert words in out and "nothing changed" in out, out
    assert status_of(issued_app.db) == before
