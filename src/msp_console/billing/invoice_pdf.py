"""The printable A4 invoice (courtesy copy): letterhead, parties, lines, VAT summary, payment.

Built with reportlab platypus so long invoices flow onto more pages with the table header
repeated; fonts are embedded so it prints the same everywhere.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from msp_console.billing.document import InvoiceDocument
from msp_console.billing.fonts import register_fonts
from msp_console.billing.labels import NATURA_SHORT, labels
from msp_console.domain.billing.fiscal import format_iban
from msp_console.domain.billing.wording import money, quantity

ACCENT = colors.HexColor("#1F3A5F")
HEADER_BG = colors.HexColor("#E6EEF7")
RULE = colors.HexColor("#C9CFD6")
GREY = colors.HexColor("#555555")
WIDTH = A4[0] - 36 * mm


def _d(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


class _Styles:
    def __init__(self) -> None:
        regular, bold = register_fonts()
        base = ParagraphStyle("base", fontName=regular, fontSize=8.6, leading=10.6)
        self.body = base
        self.small = ParagraphStyle("small", parent=base, fontSize=7, leading=8.8, textColor=GREY)
        self.company = ParagraphStyle(
            "company", parent=base, fontName=bold, fontSize=16, leading=19, textColor=ACCENT
        )
        self.title = ParagraphStyle(
            "title", parent=base, fontName=bold, fontSize=14, leading=17, alignment=TA_RIGHT
        )
        self.right = ParagraphStyle("right", parent=base, alignment=TA_RIGHT)
        self.box_title = ParagraphStyle(
            "boxtitle", parent=base, fontName=bold, fontSize=7.4, textColor=ACCENT, leading=9.5
        )
        self.head = ParagraphStyle("head", parent=base, fontName=bold, fontSize=7.8, textColor=ACCENT)
        self.head_r = ParagraphStyle("headr", parent=self.head, alignment=TA_RIGHT)
        self.total = ParagraphStyle("total", parent=base, fontName=bold, fontSize=10.5, leading=14)
        self.total_r = ParagraphStyle("totalr", parent=self.total, alignment=TA_RIGHT)
        self.bold = bold


_STYLES: _Styles | None = None


def _styles() -> _Styles:
    global _STYLES
    if _STYLES is None:
        _STYLES = _Styles()
    return _STYLES


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(text, style)


def _letterhead(doc: InvoiceDocument, st: _Styles) -> Table:
    s, lb, lang = doc.supplier, labels(doc.language), doc.language
    where = f"{s.get('postal_code', '')} {s.get('city', '')}"
    if s.get("province"):
        where += f" ({s['province']})"
    fiscal = [f"{lb['vat']} {s.get('country', 'IT')}{s.get('vat_number', '')}"]
    if s.get("tax_code"):
        fiscal.append(f"{lb['tax_code']} {s['tax_code']}")
    if s.get("rea_number"):
        fiscal.append(f"REA {s.get('rea_office', '')}-{s['rea_number']}")
    lines = [escape(f"{s.get('address', '')} – {where}"), escape(" – ".join(fiscal))]
    extra = []
    if s.get("share_capital"):
        extra.append(f"{lb['capital']} {money(Decimal(s['share_capital']), lang)} {lb['paid_in']}")
    if s.get("phone"):
        extra.append(f"{lb['tel']} {s['phone']}")
    if extra:
        lines.append(escape(" – ".join(extra)))
    contacts = [f"{lb['pec']}: {s['pec']}" if s.get("pec") else "", s.get("email", "")]
    if any(contacts):
        lines.append(escape(" – ".join(c for c in contacts if c)))
    left: list[Any] = [_p(escape(s.get("name", "")), st.company), _p("<br/>".join(lines), st.body)]
    logo = s.get("logo_path") or ""
    if logo and Path(logo).is_file():
        with contextlib.suppress(OSError):  # an unreadable logo must not stop the invoice
            left.insert(0, Image(logo, width=38 * mm, height=14 * mm, kind="proportional", hAlign="LEFT"))
    right = [
        _p(lb[doc.kind], st.title),
        _p(
            f"{lb['number']} <b>{escape(doc.number)}</b><br/>{lb['date']}: <b>{_d(doc.issue_date)}</b><br/>"
            f"{lb['doc_type']}: {doc.kind}",
            st.right,
        ),
    ]
    table = Table([[left, right]], colWidths=[WIDTH * 0.66, WIDTH * 0.34])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 0), (-1, 0), 1.2, ACCENT),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def _parties(doc: InvoiceDocument, st: _Styles) -> Table:
    c, lb = doc.customer, labels(doc.language)
    where = f"{c.get('postal_code', '')} {c.get('city', '')}"
    if c.get("province"):
        where += f" ({c['province']})"
    ids = []
    if c.get("vat_number"):
        ids.append(f"{lb['vat']} {c.get('country', 'IT')}{c['vat_number']}")
    if c.get("tax_code"):
        ids.append(f"{lb['tax_code']} {c['tax_code']}")
    client = [f"<b>{escape(c.get('name', ''))}</b>", escape(c.get("address", "")), escape(where)]
    if c.get("country", "IT") != "IT":
        client.append(escape(c["country"]))
    client.append(escape(" – ".join(ids)))
    client.append(f"{lb['sdi']}: {escape(c.get('sdi_code', ''))}")
    if c.get("pec"):
        client.append(f"{lb['pec']}: {escape(c['pec'])}")
    refs = []
    if doc.is_credit_note:
        credited = f"<b>{escape(doc.credited_number)}</b> {lb['of']} {_d(doc.credited_date)}"
        refs.append(f"{lb['credits']} {credited}")
        refs.append(f"{lb['reason']}: {escape(doc.reason)}")
    if doc.contract_code:
        refs.append(f"{lb['contract']} {escape(doc.contract_code)}")
    if doc.sla_plan:
        refs.append(f"{lb['sla']}: {escape(doc.sla_plan)}")
    refs.append(lb["vat_due"])
    if doc.due_date and not doc.is_credit_note:
        refs.append(f"{lb['due']}: {_d(doc.due_date)}")
    table = Table(
        [
            [_p(lb["customer"], st.box_title), _p(lb["refs"], st.box_title)],
            [_p("<br/>".join(client), st.body), _p("<br/>".join(refs), st.body)],
        ],
        colWidths=[WIDTH * 0.56, WIDTH * 0.44],
    )
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (0, -1), 0.6, GREY),
                ("BOX", (1, 0), (1, -1), 0.6, GREY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, 0), 5),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 1),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 6),
            ]
        )
    )
    return table


def _rate_label(rate: Decimal, natura: str) -> str:
    return natura if rate == 0 and natura else f"{rate.normalize():f}%"


def _lines(doc: InvoiceDocument, st: _Styles) -> Table:
    lb, lang = labels(doc.language), doc.language
    rows: list[list[Any]] = [
        [
            _p(lb["description"], st.head),
            _p(lb["qty"], st.head_r),
            _p(lb["unit_price"], st.head_r),
            _p(lb["amount"], st.head_r),
            _p(lb["vat_col"], st.head_r),
        ]
    ]
    for line in doc.lines:
        # Plain strings (not Paragraphs) for the one-line cells: much cheaper to lay out.
        rows.append(
            [
                _p(escape(line.description), st.body),
                quantity(line.quantity, lang),
                money(line.unit_price, lang),
                money(line.amount, lang),
                _rate_label(line.vat_rate, line.natura),
            ]
        )
    table = Table(
        rows, colWidths=[WIDTH * 0.52, WIDTH * 0.08, WIDTH * 0.15, WIDTH * 0.15, WIDTH * 0.10], repeatRows=1
    )
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
                ("FONT", (1, 1), (-1, -1), st.body.fontName, 8.6, 10.6),
                ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
            ]
        )
    )
    return table


def _summary(doc: InvoiceDocument, st: _Styles) -> Table:
    lb, lang = labels(doc.language), doc.language
    vat_rows: list[list[Any]] = [
        [_p(lb["rate"], st.head), _p(lb["taxable"], st.head_r), _p(lb["tax"], st.head_r)]
    ]
    for g in doc.totals.groups:
        label = (
            f"{g.natura} – {NATURA_SHORT.get(g.natura, '')}"
            if g.vat_rate == 0
            else f"{g.vat_rate.normalize():f}% – {lb['esig']}"
        )
        vat_rows.append(
            [
                _p(escape(label), st.body),
                _p(money(g.taxable, lang), st.right),
                _p(money(g.vat, lang), st.right),
            ]
        )
    vat_table = Table(vat_rows, colWidths=[WIDTH * 0.26, WIDTH * 0.13, WIDTH * 0.11])
    vat_table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
                ("GRID", (0, 0), (-1, -1), 0.4, GREY),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    t = doc.totals
    rows = [
        [_p(lb["total_taxable"], st.body), _p(money(t.taxable, lang), st.right)],
        [_p(lb["total_vat"], st.body), _p(money(t.vat, lang), st.right)],
        [_p(lb["total"], st.total), _p(money(t.total, lang), st.total_r)],
    ]
    if not doc.is_credit_note:  # a credit note asks for no payment
        rows.append([_p(lb["net"], st.body), _p(money(t.total, lang), st.right)])
    totals = Table(rows, colWidths=[WIDTH * 0.49 - 18 - 30 * mm, 30 * mm])
    totals.setStyle(
        TableStyle(
            [
                ("LINEABOVE", (0, 2), (-1, 2), 1.0, colors.black),
                ("BACKGROUND", (0, 2), (-1, 2), HEADER_BG),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    outer = Table([[vat_table, totals]], colWidths=[WIDTH * 0.51, WIDTH * 0.49])
    outer.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LEFTPADDING", (1, 0), (1, 0), 18),
            ]
        )
    )
    return outer


def _payment(doc: InvoiceDocument, st: _Styles) -> Table:
    lb, lang, s = labels(doc.language), doc.language, doc.supplier
    if doc.is_credit_note:
        text = lb["no_payment"]
    else:
        text = (
            f"{lb['transfer']} <b>{_d(doc.due_date)}</b> – {lb['amount_short']} "
            f"<b>{money(doc.totals.total, lang)}</b>"
        )
        if s.get("iban"):
            bank = f" – {escape(s['bank'])}" if s.get("bank") else ""
            text += f"<br/>IBAN: <b>{format_iban(s['iban'])}</b>{bank}"
        text += f"<br/>{lb['reason']}: {lb['settle']} {escape(doc.number)} {lb['of']} {_d(doc.issue_date)}"
    table = Table([[_p(lb["payment"], st.box_title)], [_p(text, st.body)]], colWidths=[WIDTH])
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, GREY),
                ("TOPPADDING", (0, 0), (-1, 0), 5),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
            ]
        )
    )
    return table


def _footer_text(doc: InvoiceDocument) -> str:
    lb = labels(doc.language)
    custom = doc.supplier.get("invoice_footer") or ""
    return escape(lb["legal"] + (" " + custom if custom else ""))


def _numbered_canvas(doc: InvoiceDocument) -> type[Canvas]:
    lb = labels(doc.language)
    title = f"{lb[doc.kind].capitalize()} {lb['number']} {doc.number} – {doc.supplier.get('name', '')}"
    return numbered_canvas(
        lambda n, t: f"{lb['page']} {n} {lb['page_of']} {t}", f"{title} ({lb['continued']})"
    )


def numbered_canvas(page_text: Callable[[int, int], str], running_title: str) -> type[Canvas]:
    """A canvas that writes 'Pagina n di N' (``page_text(n, N)``) and, from page 2, a running
    title, once the page count is known (invoices and service reports)."""
    regular, _ = register_fonts()

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(regular, 7)
                self.setFillColor(GREY)
                page = self._pageNumber
                self.drawRightString(A4[0] - 18 * mm, 10 * mm, page_text(page, total))
                if page > 1:
                    self.drawString(18 * mm, A4[1] - 12 * mm, running_title)
                super().showPage()
            super().save()

    return NumberedCanvas


def _watermark(text: str) -> Callable[[Canvas, Any], None]:
    """A large pale word across each page, drawn before the content so the text stays readable."""
    regular, _ = register_fonts()

    def draw(canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(regular, 110)
        canvas.setFillColor(colors.HexColor("#E4E9EF"))
        canvas.translate(A4[0] / 2, A4[1] / 2)
        canvas.rotate(40)
        canvas.drawCentredString(0, -40, text)
        canvas.restoreState()

    return draw


def render_invoice_pdf(doc: InvoiceDocument) -> bytes:
    st = _styles()
    out = io.BytesIO()
    lb = labels(doc.language)
    template = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=f"{lb[doc.kind].capitalize()} {doc.number}",
        author=doc.supplier.get("name", ""),
        subject=f"{doc.kind} {doc.number}",
        creator="MSP Console",
    )
    story: list[Any] = [
        _letterhead(doc, st),
        Spacer(1, 7 * mm),
        _parties(doc, st),
        Spacer(1, 7 * mm),
        _lines(doc, st),
        Spacer(1, 7 * mm),
        _summary(doc, st),
        Spacer(1, 8 * mm),
        _payment(doc, st),
        Spacer(1, 5 * mm),
        _p(_footer_text(doc), st.small),
    ]
    if doc.draft:
        watermark = _watermark(lb["draft"])
        template.build(
            story, onFirstPage=watermark, onLaterPages=watermark, canvasmaker=_numbered_canvas(doc)
        )
    else:
        template.build(story, canvasmaker=_numbered_canvas(doc))
    return out.getvalue()
