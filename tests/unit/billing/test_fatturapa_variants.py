"""FatturaPA for the clients an MSP meets: PEC only, abroad, 0 % with Natura, long Unicode text."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from lxml import etree

from msp_console.billing.document import DocLine, InvoiceDocument
from msp_console.billing.fatturapa import file_name, render_fatturapa
from msp_console.domain.billing.amounts import TaxedAmount, vat_summary

SUPPLIER = {
    "name": "Rossi Informatica S.r.l.",
    "vat_number": "01234567897",
    "tax_code": "01234567897",
    "address": "Via Garibaldi 42",
    "postal_code": "20121",
    "city": "Milano",
    "province": "MI",
    "country": "IT",
    "regime": "RF01",
    "iban": "IT60X0542811101000000123456",
    "bank": "BPS",
    "rea_office": "MI",
    "rea_number": "1987654",
    "share_capital": "20000.00",
    "sole_shareholder": "SM",
    "liquidation": "LN",
    "phone": "02 8765 4321",
    "email": "info@rossi.it",
}


def document(
    customer: dict[str, Any], lines: list[tuple[str, Decimal, Decimal, str]], kind: str = "TD01"
) -> InvoiceDocument:
    doc_lines = tuple(
        DocLine(
            i + 1,
            text,
            Decimal(1),
            amount,
            amount,
            amount,
            rate,
            natura,
            date(2026, 11, 1),
            date(2026, 11, 30),
        )
        for i, (text, amount, rate, natura) in enumerate(lines)
    )
    totals = vat_summary(TaxedAmount(x.amount, x.vat_rate, x.natura) for x in doc_lines)
    return InvoiceDocument(
        invoice_id=1234,
        kind=kind,
        number="2026/0007",
        issue_date=date(2026, 11, 2),
        due_date=date(2026, 12, 2),
        language="it",
        currency="EUR",
        supplier=SUPPLIER,
        customer=customer,
        lines=doc_lines,
        totals=totals,
        contract_code="C-1",
        credited_number="2026/0001" if kind == "TD04" else "",
        credited_date=date(2026, 10, 2) if kind == "TD04" else None,
        reason="Storno – “errore” di fatturazione" if kind == "TD04" else "",
    )


def test_pec_only_client_foreign_client_and_natura_are_valid() -> None:
    pec_client = {
        "name": "Bar Sport di Rossi Mario",
        "tax_code": "RSSMRA80A01H501U",
        "vat_number": "",
        "address": "Piazza Duomo 1",
        "postal_code": "20122",
        "city": "Milano",
        "province": "MI",
        "country": "IT",
        "sdi_code": "0000000",
        "pec": "barsport@pec.it",
    }
    data, errors = render_fatturapa(
        document(
            pec_client,
            [
                ("Monitoraggio — novembre 2026 (€ incluso)", Decimal("100.00"), Decimal(22), ""),
                ("Rimborso spese anticipate", Decimal("12.50"), Decimal(0), "N1"),
            ],
        )
    )
    assert errors == []
    root = etree.fromstring(data)
    assert root.findtext(".//PECDestinatario") == "barsport@pec.it"
    assert root.findtext(".//CessionarioCommittente//CodiceFiscale") == "RSSMRA80A01H501U"
    assert root.find(".//CessionarioCommittente//IdFiscaleIVA") is None
    assert "Monitoraggio - novembre 2026 (EUR incluso)" in data.decode()  # Latin-1 only in FatturaPA
    assert [x.findtext("Natura") for x in root.iterfind(".//DatiRiepilogo")] == [None, "N1"]
    assert root.findtext(".//ImportoTotaleDocumento") == "134.50"

    foreign = {
        "name": "Müller GmbH",
        "vat_number": "DE123456789",
        "tax_code": "",
        "address": "Hauptstraße 5",
        "postal_code": "80331",
        "city": "München",
        "province": "",
        "country": "DE",
        "sdi_code": "XXXXXXX",
    }
    data, errors = render_fatturapa(
        document(foreign, [("Backup", Decimal("50.00"), Decimal(0), "N2.1")], kind="TD04")
    )
    assert errors == []
    root = etree.fromstring(data)
    assert root.findtext(".//CessionarioCommittente//Sede/CAP") == "00000"
    assert root.findtext(".//DatiFattureCollegate/IdDocumento") == "2026/0001"
    assert root.findtext(".//Causale") == 'Storno - "errore" di fatturazione'


def test_schema_errors_name_the_field() -> None:
    bad = {
        "name": "X",
        "vat_number": "05566778899",
        "address": "Via Roma 1",
        "postal_code": "801",
        "city": "Napoli",
        "province": "Napoli",
        "country": "IT",
        "sdi_code": "abc",
    }
    _, errors = render_fatturapa(document(bad, [("Canone", Decimal("10.00"), Decimal(22), "")]))
    fields = " ".join(e.field for e in errors)
    assert "CodiceDestinatario" in fields and "CAP" in fields and "Provincia" in fields


def test_file_name_follows_the_sdi_rule() -> None:
    doc = document({"name": "X"}, [("Canone", Decimal("10.00"), Decimal(22), "")])
    assert file_name(doc) == "IT01234567897_000YA.xml"


def test_sdi_arithmetic_checks_read_the_xml_back() -> None:
    from dataclasses import replace

    from msp_console.billing.fatturapa import build_xml, sdi_checks

    client = {
        "name": "X",
        "vat_number": "05566778899",
        "address": "Via Roma 1",
        "postal_code": "80122",
        "city": "Napoli",
        "province": "NA",
        "country": "IT",
        "sdi_code": "T04ZHR3",
    }
    # A prorated line: 16/30 of 791.89 shows an 8-decimal unit price whose product is the line total.
    doc = document(client, [("Canone", Decimal("422.34"), Decimal(22), "")])
    prorated = replace(
        doc.lines[0], unit_price=Decimal("791.89"), effective_unit_price=Decimal("422.34133333")
    )
    assert sdi_checks(build_xml(replace(doc, lines=(prorated,)))) == []
    wrong = replace(doc.lines[0], effective_unit_price=Decimal("400"))
    errors = sdi_checks(build_xml(replace(doc, lines=(wrong,))))
    assert [e.field for e in errors] == ["DettaglioLinee[1]/PrezzoTotale"]
