"""The documents a client receives: PDF read back and rendered, FatturaPA valid against the XSD."""

from __future__ import annotations

import io
import re
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader
from sqlalchemy import update

from msp_console.app import App
from msp_console.billing.fatturapa import schema
from msp_console.cli import main
from msp_console.db.models import Invoice
from msp_console.services.billing.catalog import add_service, find_service
from msp_console.services.billing.contracts import LineSpec, create_contract
from msp_console.services.billing.documents import write_fatturapa, write_pdfs
from msp_console.services.billing.issuing import drafts_of_month, issue
from msp_console.services.billing.ledger import credit_note
from msp_console.services.billing.run import run_month
from tests.integration.billing.conftest import add_client
from tests.support.components import need_binary


@pytest.fixture
def issued(sqlite_billing_app: App) -> App:
    """Three invoices (one prorated with a 0 % line, one English, one 40 lines long) and a credit note."""
    db = sqlite_billing_app.db
    with db.transaction() as s:
        monitoring, email = find_service(s, "MONITORING"), find_service(s, "EMAIL")
        assert monitoring is not None and email is not None
        stamp = add_service(s, "Rimborso spese anticipate", vat_rate=Decimal(0), natura="N1")
        hotel = add_client(s, "Hotel Bellavista di Esposito Gennaro", 1)
        create_contract(
            s,
            hotel,
            "C-1003/2024",
            date(2026, 11, 15),
            [
                LineSpec(monitoring, Decimal(1), Decimal("791.89")),
                LineSpec(email, Decimal(12), Decimal("3.50")),
                LineSpec(stamp, Decimal(1), Decimal("117.51")),
            ],
            sla_plan="Gold",
        )
        studio = add_client(s, "Smith & Partners Ltd", 2)
        create_contract(
            s,
            studio,
            "C-2",
            date(2026, 11, 1),
            [LineSpec(monitoring, Decimal(1), Decimal("250"))],
            language="en",
        )
        big = add_client(s, "Grande Distribuzione S.p.A.", 3)
        lines = [
            LineSpec(email, Decimal(n), Decimal("2.75"), description=f"Casella di posta {n:02d}")
            for n in range(1, 41)
        ]
        create_contract(s, big, "C-3", date(2026, 11, 1), lines)
    run_month(db, 2026, 11)
    with db.read() as s:
        ids = drafts_of_month(s, 2026, 11)
    issue(db, ids, date(2026, 11, 16))
    credit_note(db, "2026/0001", "Storno del rimborso spese", date(2026, 11, 20), [3])
    return sqlite_billing_app


def pdf_text(path: Path) -> tuple[int, str]:
    reader = PdfReader(path)
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_invoice_pdfs_read_back(issued: App, tmp_path: Path) -> None:
    written = write_pdfs(issued.db, tmp_path, month=(2026, 11))
    assert [w.path.name for w in written] == [
        "Fattura_2026-0001.pdf",
        "Invoice_2026-0002.pdf",
        "Fattura_2026-0003.pdf",
        "Nota_di_credito_2026-0004.pdf",
    ]
    pages, text = pdf_text(tmp_path / "Fattura_2026-0001.pdf")
    assert pages == 1
    for expected in (
        "FATTURA",
        "2026/0001",
        "16/11/2026",
        "Monitoraggio e assistenza a canone",
        "novembre 2026",
        "16/30 giorni",
        "Hotel Bellavista di Esposito Gennaro",
        "T04ZHR3",
        "C-1003/2024",
        "N1",
        "IT60 X054 2811 1010 0000 0123 456",
        "TOTALE DOCUMENTO",
        "FatturaPA",
        "Sistema di Interscambio",
    ):
        assert expected in text, expected
    # 16/30 of 791.89 = 422.34; 16/30 of 42.00 = 22.40; 16/30 of 117.51 = 62.67 (N1)
    # taxable 22 %: 444.74, VAT 97.84; total 444.74 + 97.84 + 62.67 = 605.25
    assert "€ 422,34" in text and "€ 97,84" in text and "€ 605,25" in text
    _, text = pdf_text(tmp_path / "Invoice_2026-0002.pdf")
    assert "INVOICE" in text and "November 2026" in text and "€305.00" in text
    pages, text = pdf_text(tmp_path / "Fattura_2026-0003.pdf")
    assert pages >= 2 and "Pagina 2 di" in text and "segue" in text
    assert text.count("Descrizione") == pages  # the table header repeats on every page
    _, text = pdf_text(tmp_path / "Nota_di_credito_2026-0004.pdf")
    assert "NOTA DI CREDITO" in text and "2026/0001" in text and "Storno del rimborso spese" in text
    assert "€ 62,67" in text


def test_pdfs_render_to_images(issued: App, tmp_path: Path) -> None:
    pdftoppm = need_binary("pdftoppm", "poppler-utils")
    written = write_pdfs(issued.db, tmp_path, ["2026/0003"])
    subprocess.run([pdftoppm, "-png", "-r", "50", str(written[0].path), str(tmp_path / "page")], check=True)
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) >= 2 and all(p.stat().st_size > 5000 for p in images)


def test_every_fatturapa_file_is_valid(issued: App, tmp_path: Path) -> None:
    outcome = write_fatturapa(issued.db, tmp_path, month=(2026, 11))
    assert not outcome.refused and len(outcome.written) == 4
    names = [w.path.name for w in outcome.written]
    assert all(re.fullmatch(r"IT01234567897_[0-9A-Z]{5}\.xml", n) for n in names)
    assert len(set(names)) == 4
    xsd = schema()
    ns = {"p": "http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2"}
    for w in outcome.written:
        tree = etree.parse(str(w.path))
        assert xsd.validate(tree), xsd.error_log
    first = etree.parse(str(tmp_path / names[0]))
    assert first.findtext(".//DatiGeneraliDocumento/ImportoTotaleDocumento") == "605.25"
    assert [x.text for x in first.iterfind(".//DatiRiepilogo/Natura")] == ["N1"]
    assert first.getroot().tag == f"{{{ns['p']}}}FatturaElettronica"
    note = etree.parse(str(tmp_path / names[3]))
    assert note.findtext(".//TipoDocumento") == "TD04"
    assert note.findtext(".//DatiFattureCollegate/IdDocumento") == "2026/0001"


def test_an_invalid_invoice_is_reported_by_field_and_not_written(
    issued: App, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Corrupt the frozen client data below the ORM (as a broken import or a manual edit could).
    with issued.db.engine.begin() as conn:
        conn.execute(
            update(Invoice)
            .where(Invoice.number == "2026/0002")
            .values(
                customer={
                    "name": "Smith & Partners Ltd",
                    "vat_number": "05566778802",
                    "address": "x",
                    "postal_code": "ABCDE",
                    "city": "London",
                    "province": "London",
                    "country": "IT",
                    "sdi_code": "abc",
                }
            )
        )
    code = main(
        ["--database", issued.db.url, "invoices", "fatturapa", "--month", "2026-11", "--out", str(tmp_path)]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "2026/0002" in err and "CodiceDestinatario" in err and "CAP" in err and "Provincia" in err
    assert len(list(tmp_path.glob("*.xml"))) == 3


def test_the_logo_is_printed_in_the_letterhead(issued: App, tmp_path: Path) -> None:
    from PIL import Image, ImageDraw

    from msp_console.services.billing.company import update_profile
    from msp_console.services.billing.ledger import credit_note as make_note

    logo = tmp_path / "logo.png"
    image = Image.new("RGB", (380, 140), "white")
    ImageDraw.Draw(image).rectangle((10, 10, 370, 130), fill="#1F3A5F")
    image.save(logo)
    update_profile(issued.db, {"logo_path": str(logo)})
    note = make_note(issued.db, "2026/0002", "Storno totale", date(2026, 11, 21))
    assert note.number is not None
    written = write_pdfs(issued.db, tmp_path / "out", [note.number])
    page = PdfReader(written[0].path).pages[0]
    assert len(page.images) == 1
    assert "CREDIT NOTE" in page.extract_text()  # the client's language is kept on the credit note


def test_a_draft_previews_with_a_watermark_and_no_number(sqlite_billing_app: App) -> None:
    from msp_console.services.billing.documents import draft_preview_pdf

    db = sqlite_billing_app.db
    with db.transaction() as s:
        service = find_service(s, "MONITORING")
        assert service is not None
        client = add_client(s, "Cliente Bozza", 9)
        create_contract(s, client, "B-1", date(2026, 11, 1), [LineSpec(service, Decimal(1), Decimal("100"))])
    draft = run_month(db, 2026, 11)[0]
    text = PdfReader(io.BytesIO(draft_preview_pdf(db, draft.invoice_id))).pages[0].extract_text()
    assert "BOZZA" in text and "(bozza)" in text and "€ 122,00" in text and "Cliente Bozza" in text
    with db.read() as s:
        assert s.get(Invoice, draft.invoice_id).status == "draft"  # type: ignore[union-attr]


def test_credit_notes_never_give_back_more_than_was_invoiced(issued: App) -> None:
    import pytest as _pytest

    from msp_console.domain.errors import ValidationError

    # 2026/0001 = 605.25; its line 3 (62.67, N1) was already credited by 2026/0004.
    rest = credit_note(issued.db, "2026/0001", "Storno del resto", date(2026, 11, 22))
    assert rest.total == Decimal("542.58") and [x.position for x in rest.lines] == [1, 2]
    with _pytest.raises(ValidationError, match="already fully credited"):
        credit_note(issued.db, "2026/0001", "Ancora", date(2026, 11, 22))
    with _pytest.raises(ValidationError, match="already credited"):
        credit_note(issued.db, "2026/0003", "Riga", date(2026, 11, 22), [1, 1])
