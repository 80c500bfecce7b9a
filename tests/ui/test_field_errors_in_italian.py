"""Bad input typed into the window's dialogs is refused in Italian, under its field, naming
parameters as the form does; the CLI and CSV reports keep the English message unchanged."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit

from msp_console.app import App
from msp_console.db.models import Client
from msp_console.domain.errors import FieldError, ValidationError
from msp_console.domain.records import clean_client, clean_machine
from msp_console.monitoring.model import CheckType
from msp_console.services.billing.company import update_profile
from msp_console.services.billing.parties import customer_snapshot
from msp_console.ui.billing.look import explain
from msp_console.ui.dialogs.inventory_dialogs import client_dialog, machine_dialog
from msp_console.ui.dialogs.record_dialog import RecordDialog
from msp_console.ui.monitoring.check_dialog import CheckDialog
from msp_console.ui.settings_dialog.company_form import CompanyForm
from msp_console.ui.validation_text import message_text, report_line
from tests.ui.test_one_language import ENGLISH, IDENTIFIER
from tests.ui.test_translations import _language

pytestmark = pytest.mark.ui

# the English of the lower layers' messages, as whole words
ENGLISH_WORDS = re.compile(
    r"\b("
    + "|".join(
        [
            *ENGLISH,
            "is",
            "not",
            "the",
            "required",
            "empty",
            "already",
            "exists",
            "named",
            "must",
            "number",
            "digit",
            "digits",
            "wrong",
            "valid",
            "letters",
            "characters",
            "postal",
            "province",
            "address",
            "host",
            "name",
            "tag",
            "machine",
            "client",
            "itself",
            "threshold",
            "range",
            "parameter",
            "expected",
            "params",
            "interval",
        ]
    )
    + r")\b",
    re.IGNORECASE,
)


@pytest.fixture
def italian(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    with _language(tmp_path, monkeypatch, "it"):
        yield


def _speaks_italian(text: str) -> None:
    assert text, "a refusal was expected"
    assert not ENGLISH_WORDS.search(text), f"English in {text!r}"
    assert not IDENTIFIER.search(text), f"an identifier in {text!r}"


def _type(dialog: RecordDialog, values: dict[str, str]) -> None:
    for key, value in values.items():
        widget = dialog._fields[key].widget
        assert isinstance(widget, QLineEdit)
        widget.setText(value)


def test_the_client_dialog_refuses_bad_input_in_italian(qtbot, app: App, italian) -> None:  # type: ignore[no-untyped-def]
    dialog = client_dialog(None, app.inventory)
    qtbot.addWidget(dialog)
    dialog.show()
    bad = {
        "vat_number": "01234567890",
        "tax_code": "RSSMRA",
        "sdi_code": "12",
        "postal_code": "380",
        "province": "Trento",
        "email": "giulia@@bellavista",
        "phone": "chiamami",
    }
    _type(dialog, bad)
    dialog.accept()
    assert dialog.saved_id is None and not dialog.saving.busy
    assert dialog.field_error("name") == "Campo obbligatorio."
    assert dialog.field_error("vat_number") == (
        "“01234567890” non è una partita IVA valida: la cifra di controllo è sbagliata."
    )
    assert dialog.field_error("postal_code") == "“380” non è un CAP italiano: servono 5 cifre."
    assert dialog.field_error("province") == (
        "“Trento” non è una provincia italiana: usare la sigla di due lettere, ad es. MI."
    )
    for key in ("name", *bad):
        _speaks_italian(dialog.field_error(key))

    # the service's own refusal (a duplicate name) lands on the field in Italian too
    for key in bad:
        dialog._fields[key].widget.clear()  # type: ignore[union-attr]
    _type(dialog, {"name": "hotel bellavista"})
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.saving.busy, timeout=10_000)
    assert dialog.field_error("name") == "Esiste già un cliente di nome “hotel bellavista”."
    assert dialog.saved_id is None

    # the CLI and the CSV reports read the same refusals in English, as before
    with pytest.raises(ValidationError) as refused:
        clean_client({"name": "", **bad})
    english = str(refused.value)
    assert "name: is required" in english
    assert "vat_number: '01234567890' is not a valid Italian VAT number: the check digit is wrong" in english
    assert "postal_code: '380' is not an Italian postal code (CAP): it needs 5 digits" in english


def test_the_machine_dialog_refuses_bad_input_in_italian(qtbot, app: App, ids, italian) -> None:  # type: ignore[no-untyped-def]
    card = app.inventory.client_card(ids["bellavista"])
    dialog = machine_dialog(None, app.inventory, card, ["FW-01", "SRV-01"])
    qtbot.addWidget(dialog)
    dialog.show()
    _type(dialog, {"name": "SRV/02", "address": "300.1.1.1", "tags": "sala server!"})
    dialog.accept()
    assert dialog.saved_id is None
    assert dialog.field_error("address") == (
        "“300.1.1.1” non è un indirizzo IP: ciascuno dei 4 numeri deve stare fra 0 e 255."
    )
    assert "“/”" in dialog.field_error("name")
    for key in ("name", "address", "tags"):
        _speaks_italian(dialog.field_error(key))

    _type(dialog, {"name": "srv-01", "address": "srv-01.bellavista.invalid", "tags": ""})
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.saving.busy, timeout=10_000)
    assert dialog.field_error("name") == "Questo cliente ha già una macchina di nome “srv-01”."


def test_the_check_dialog_names_parameters_and_thresholds_in_italian(qtbot, italian) -> None:  # type: ignore[no-untyped-def]
    dialog = CheckDialog("FW-01")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.type.setCurrentIndex(dialog.type.findData(CheckType.TCP.value))
    dialog.params["port"].setText("99999")
    dialog.warn.setText("lento")
    dialog.accept()
    assert dialog.fields is None
    lines = dialog.error.text().splitlines()
    assert "Porta: deve essere un numero da 1 a 65535." in lines
    assert any(line.startswith("Avviso da: “lento” non è una soglia") for line in lines), lines
    for line in lines:
        _speaks_italian(line)

    dialog.type.setCurrentIndex(dialog.type.findData(CheckType.PING.value))
    dialog.params["count"].setText("tre")
    dialog.warn.setText("disco=5")
    dialog.accept()
    lines = dialog.error.text().splitlines()
    assert "Pacchetti: deve essere un numero." in lines
    assert any("Soglia sconosciuta “disco”" in line for line in lines), lines
    for line in lines:
        _speaks_italian(line.replace("rtt, loss", ""))  # the threshold names are what one types


def test_a_refused_company_profile_is_explained_in_italian(qtbot, app: App, italian) -> None:  # type: ignore[no-untyped-def]
    form = CompanyForm()
    qtbot.addWidget(form)
    with pytest.raises(ValidationError) as refused:
        update_profile(app.db, {"country": "Italia", "postal_code": "3" * 20, "payment_days": "molti"})
    assert "country: 'Italia' is not a country" in str(refused.value)  # the CLI's English, as before
    text = explain(refused.value, form.labels)
    lines = text.splitlines()[1:]
    assert "• Paese: “Italia” non è un codice di nazione: usare due lettere, ad es. IT." in lines
    assert "• “molti” non è un numero di giorni (0–365)." in lines
    for line in lines:
        _speaks_italian(line)


def test_an_imported_file_s_problems_are_listed_in_italian(italian) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as refused:
        clean_machine({"client": "Hotel Bellavista", "name": "PC-9", "address": "300.1.1.1"}, line=4)
    (problem,) = refused.value.errors
    assert (
        str(problem)
        == "line 4: address: '300.1.1.1' is not an IP address: each of the 4 numbers must be 0-255"
    )
    assert report_line(problem) == (
        "riga 4, colonna address: “300.1.1.1” non è un indirizzo IP: "
        "ciascuno dei 4 numeri deve stare fra 0 e 255."
    )  # the column keeps the name the file's header gives it


def test_a_client_billing_cannot_invoice_yet_is_explained_in_italian(app: App, ids, italian) -> None:  # type: ignore[no-untyped-def]
    with app.db.read() as session:
        client = session.get(Client, ids["studio"])
        assert client is not None
        _data, problems = customer_snapshot(client)
    english = "; ".join(str(p) for p in problems)
    assert (
        "client 'Studio Legale Ferri': postal_code: is missing (FatturaPA needs the full address)" in english
    )
    text = explain(ValidationError(problems))
    assert (
        "• Cliente “Studio Legale Ferri”: manca “CAP” (la fattura elettronica richiede l'indirizzo completo)."
        in (text.splitlines())
    )
    for line in text.splitlines()[1:]:
        _speaks_italian(line)


def test_dates_in_a_refusal_follow_the_locale(italian) -> None:  # type: ignore[no-untyped-def]
    refusal = FieldError(
        "date", "…", code="issue_date_order", params={"day": "2026-03-01", "last": "2026-03-05"}
    )
    assert message_text(refusal) == (
        "01/03/2026 è prima dell'ultima fattura emessa (05/03/2026): i numeri devono seguire le date."
    )
