"""The SdI's own checks before sending: each rule found with its code and the field it names."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from lxml import etree

from msp_console.billing.fatturapa import build_xml
from msp_console.billing.sdi_precheck import (
    CUSTOMER,
    GENERAL,
    GOODS,
    NOTHING_SENT,
    SUPPLIER,
    TRANSMISSION,
    Sent,
    precheck,
    precheck_batch,
)
from tests.unit.billing.test_fatturapa_variants import document

TODAY = date(2026, 11, 3)
NAME = "IT01234567897_0000A.xml"
CLIENT = {
    "name": "Bianchi S.r.l.",
    "vat_number": "05566778899",
    "address": "Via Roma 1",
    "postal_code": "80122",
    "city": "Napoli",
    "province": "NA",
    "country": "IT",
    "sdi_code": "T04ZHR3",
}


def invoice(kind: str = "TD01") -> etree._Element:
    lines = [
        ("Canone assistenza", Decimal("100.00"), Decimal(22), ""),
        ("Backup remoto", Decimal("40.00"), Decimal(22), ""),
        ("Rimborso bollo", Decimal("2.00"), Decimal(0), "N1"),
    ]
    return build_xml(document(CLIENT, lines, kind))


def find(root: etree._Element, path: str) -> etree._Element:
    el = root.find(path)
    assert el is not None, path
    return el


def codes(root: etree._Element, name: str = NAME, sent: Sent = NOTHING_SENT) -> list[tuple[str, str]]:
    return [(p.code, p.field) for p in precheck(root, name, TODAY, sent)]


def test_a_correct_invoice_and_credit_note_pass() -> None:
    assert codes(invoice()) == []
    assert codes(invoice("TD04")) == []


def set_text(path: str, value: str) -> Callable[[etree._Element], None]:
    def change(root: etree._Element) -> None:
        find(root, path).text = value

    return change


def add(parent: str, tag: str, value: str, after: str) -> Callable[[etree._Element], None]:
    def change(root: etree._Element) -> None:
        el = etree.Element(tag)
        el.text = value
        find(root, f"{parent}/{after}").addnext(el)

    return change


def remove(path: str) -> Callable[[etree._Element], None]:
    def change(root: etree._Element) -> None:
        el = find(root, path)
        el.getparent().remove(el)  # type: ignore[union-attr]

    return change


LINE2 = f"{GOODS}/DettaglioLinee[2]"
LINE3 = f"{GOODS}/DettaglioLinee[3]"
SUMMARY1 = f"{GOODS}/DatiRiepilogo[1]"  # 22 %: 140.00 taxable, 30.80 VAT
SUMMARY2 = f"{GOODS}/DatiRiepilogo[2]"  # 0 % N1: 2.00


RULES: list[tuple[str, Callable[[etree._Element], None], str, str]] = [
    (
        "sender code",
        set_text(f"{TRANSMISSION}/IdTrasmittente/IdCodice", "01234567890"),
        "00300",
        f"{TRANSMISSION}/IdTrasmittente/IdCodice",
    ),
    (
        "supplier VAT check digit",
        set_text(f"{SUPPLIER}/IdFiscaleIVA/IdCodice", "01234567890"),
        "00301",
        f"{SUPPLIER}/IdFiscaleIVA/IdCodice",
    ),
    (
        "supplier tax code",
        set_text(f"{SUPPLIER}/CodiceFiscale", "RSSMRA80A01F205Y"),
        "00302",
        f"{SUPPLIER}/CodiceFiscale",
    ),
    (
        "client VAT check digit",
        set_text(f"{CUSTOMER}/IdFiscaleIVA/IdCodice", "05566778898"),
        "00305",
        f"{CUSTOMER}/IdFiscaleIVA/IdCodice",
    ),
    (
        "client tax code",
        add(CUSTOMER, "CodiceFiscale", "RSSMRA80A01F205Y", "IdFiscaleIVA"),
        "00306",
        f"{CUSTOMER}/CodiceFiscale",
    ),
    ("client without VAT nor tax code", remove(f"{CUSTOMER}/IdFiscaleIVA"), "00417", CUSTOMER),
    (
        "recipient code of a public body",
        set_text(f"{TRANSMISSION}/CodiceDestinatario", "UFABCD"),
        "00427",
        f"{TRANSMISSION}/CodiceDestinatario",
    ),
    (
        "recipient code with lower case",
        set_text(f"{TRANSMISSION}/CodiceDestinatario", "t04zhr3"),
        "00311",
        f"{TRANSMISSION}/CodiceDestinatario",
    ),
    (
        "PEC beside a recipient code",
        add(TRANSMISSION, "PECDestinatario", "x@pec.it", "CodiceDestinatario"),
        "00426",
        f"{TRANSMISSION}/PECDestinatario",
    ),
    ("invoice dated tomorrow", set_text(f"{GENERAL}/Data", "2026-11-04"), "00403", f"{GENERAL}/Data"),
    ("number without digits", set_text(f"{GENERAL}/Numero", "ABC"), "00425", f"{GENERAL}/Numero"),
    (
        "line total is not qty x price",
        set_text(f"{LINE2}/PrezzoTotale", "40.02"),
        "00423",
        f"{LINE2}/PrezzoTotale",
    ),
    ("rate as a fraction", set_text(f"{LINE2}/AliquotaIVA", "0.22"), "00424", f"{LINE2}/AliquotaIVA"),
    ("0 % without Natura", remove(f"{LINE3}/Natura"), "00400", f"{LINE3}/Natura"),
    ("Natura with 22 %", add(LINE2, "Natura", "N2.2", "AliquotaIVA"), "00401", f"{LINE2}/Natura"),
    ("generic Natura N2", set_text(f"{LINE3}/Natura", "N2"), "00445", f"{LINE3}/Natura"),
    (
        "summary taxable off by 1.50",
        set_text(f"{SUMMARY1}/ImponibileImporto", "141.50"),
        "00422",
        f"{SUMMARY1}/ImponibileImporto",
    ),
    ("summary VAT wrong", set_text(f"{SUMMARY1}/Imposta", "30.00"), "00421", f"{SUMMARY1}/Imposta"),
    ("summary 0 % without Natura", remove(f"{SUMMARY2}/Natura"), "00429", f"{SUMMARY2}/Natura"),
    ("no summary for a rate", remove(SUMMARY2), "00419", f"{GOODS}/DatiRiepilogo"),
]


@pytest.mark.parametrize(("change", "code", "field"), [r[1:] for r in RULES], ids=[r[0] for r in RULES])
def test_each_rule_names_its_code_and_field(
    change: Callable[[etree._Element], None], code: str, field: str
) -> None:
    root = invoice()
    change(root)
    found = codes(root)
    assert (code, field) in found, found


def test_credit_note_dated_before_the_invoice_it_corrects() -> None:
    root = invoice("TD04")
    find(root, f"{GENERAL}/Data").text = "2026-10-01"
    assert (("00418", f"{GENERAL}/Data")) in codes(root)


def test_rounding_within_the_sdi_tolerances_passes() -> None:
    root = invoice()
    find(root, f"{SUMMARY1}/ImponibileImporto").text = "140.90"  # 00422: up to 1 euro
    find(root, f"{SUMMARY1}/Imposta").text = "31.00"  # 22 % of 140.90 = 31.00
    assert codes(root) == []


def test_schema_errors_come_as_00200() -> None:
    root = invoice()
    find(root, f"{GENERAL}/Divisa").text = "EURO"
    assert [c for c, _ in codes(root)] == ["00200"]


def test_file_name_must_carry_the_sender_and_never_repeat() -> None:
    root = invoice()
    assert ("00001", "file name") in codes(root, "IT09876543210_0000A.xml")
    assert ("00001", "file name") in codes(root, "IT01234567897_A.xml")
    assert ("00002", "file name") in codes(root, sent=Sent(file_names=frozenset({NAME})))


def test_an_invoice_already_with_the_sdi_is_a_duplicate() -> None:
    root = invoice()
    assert ("00404", f"{GENERAL}/Numero") in codes(root, sent=Sent(invoices=frozenset({("2026/0007", 2026)})))
    assert codes(root, sent=Sent(invoices=frozenset({("2026/0007", 2025)}))) == []


def test_the_same_number_twice_in_one_sending_is_00409() -> None:
    result = precheck_batch([(NAME, invoice()), ("IT01234567897_0000B.xml", invoice())], TODAY)
    assert result[NAME] == []
    assert [(p.code, p.field) for p in result["IT01234567897_0000B.xml"]] == [("00409", f"{GENERAL}/Numero")]
