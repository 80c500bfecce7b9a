"""The monthly service report: what a flat-fee client received for the month, in one A4 PDF."""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_percent
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from msp_console.billing.invoice_pdf import HEADER_BG, RULE, WIDTH, _styles
from msp_console.billing.report_data import ServiceReport
from msp_console.domain.billing.wording import locale_of

TEXT: dict[str, dict[str, Any]] = {
    "it": {
        "title": "Rapporto mensile del servizio",
        "na": "non ancora disponibile",
        "summary": "In sintesi",
        "machines": "Macchine monitorate",
        "machine": "Macchina",
        "kind": "Tipo",
        "checks": "Controlli",
        "uptime": "Disponibilità",
        "problems": "Problemi",
        "detected": "Problemi rilevati dal monitoraggio",
        "resolved": "di cui risolti nel mese",
        "client_reported": "Segnalazioni del cliente",
        "interventions": "Interventi",
        "sessions": "Sessioni remote",
        "minutes": {"one": "minuto", "other": "minuti"},
        "calls": "Telefonate",
        "sla": "SLA rispettati / mancati",
        "backups": "Giorni con backup OK",
        "opened": "Aperto",
        "subject": "Oggetto",
        "origin": "Origine",
        "state": "Stato",
        "closed": "Chiuso",
        "none": "nessuno",
        "no_data": "nessun dato",
        "footer": "Dati dal registro di MSP Console. Le voci 'non ancora disponibile' indicano dati "
        "che questa installazione non raccoglie ancora: non sono stime.",
        "monitoring": "monitoraggio",
        "client_call": "cliente",
        "planned": "pianificato",
        "kind:workstation": "postazione di lavoro",
        "kind:laptop": "portatile",
        "kind:server": "server",
        "kind:firewall": "firewall",
        "kind:switch": "switch",
        "kind:nas": "NAS",
        "kind:printer": "stampante",
        "kind:other": "altro",
        "state:open": "aperto",
        "state:contacted": "cliente contattato",
        "state:scheduled": "pianificato",
        "state:in_progress": "in corso",
        "state:awaiting_check": "in attesa di verifica",
        "state:waiting_for_client": "in attesa del cliente",
        "state:reopened": "riaperto",
        "state:closed": "chiuso",
    },
    "en": {
        "title": "Monthly service report",
        "na": "not available yet",
        "summary": "Summary",
        "machines": "Machines monitored",
        "machine": "Machine",
        "kind": "Kind",
        "checks": "Checks",
        "uptime": "Uptime",
        "problems": "Problems",
        "detected": "Problems detected by monitoring",
        "resolved": "of which resolved in the month",
        "client_reported": "Reported by the client",
        "interventions": "Interventions",
        "sessions": "Remote sessions",
        "minutes": {"one": "minute", "other": "minutes"},
        "calls": "Phone calls",
        "sla": "SLA met / missed",
        "backups": "Days with backups OK",
        "opened": "Opened",
        "subject": "Subject",
        "origin": "Origin",
        "state": "State",
        "closed": "Closed",
        "none": "none",
        "no_data": "no data",
        "footer": "Figures from the MSP Console records. 'Not available yet' marks data this "
        "installation does not collect yet: nothing is estimated.",
        "monitoring": "monitoring",
        "client_call": "client",
        "planned": "planned",
        "kind:workstation": "workstation",
        "kind:laptop": "laptop",
        "kind:server": "server",
        "kind:firewall": "firewall",
        "kind:switch": "switch",
        "kind:nas": "NAS",
        "kind:printer": "printer",
        "kind:other": "other",
        "state:open": "open",
        "state:contacted": "contacted",
        "state:scheduled": "scheduled",
        "state:in_progress": "in progress",
        "state:awaiting_check": "awaiting check",
        "state:waiting_for_client": "waiting for client",
        "state:reopened": "reopened",
        "state:closed": "closed",
    },
}


def _fmt(value: Any, na: str) -> str:
    return na if value is None else str(value)


def _counted(forms: dict[str, str], n: int, locale: str) -> str:
    """``n`` with the word in the plural form the language's rules (CLDR, through Babel) pick."""
    return f"{n} {forms.get(Locale.parse(locale).plural_form(n), forms['other'])}"


def _table(rows: list[list[Any]], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
                ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def render_service_report(report: ServiceReport) -> bytes:
    st = _styles()
    tx = TEXT.get(report.language, TEXT["it"])
    na = tx["na"]
    month = format_date(report.month_start, "LLLL yyyy", locale=locale_of(report.language))
    story: list[Any] = [
        Paragraph(escape(report.company), st.company),
        Paragraph(f"<b>{tx['title']}</b> – {escape(report.client)} – {month}", st.body),
        Spacer(1, 6 * mm),
        Paragraph(tx["summary"].upper(), st.box_title),
    ]
    monitored = sum(1 for m in report.machines if m.checks)
    loc = locale_of(report.language)
    sessions = (
        na
        if report.sessions is None
        else f"{report.sessions} ({_counted(tx['minutes'], report.session_minutes or 0, loc)})"
    )
    sla = na if report.sla_met is None else f"{report.sla_met} / {report.sla_missed}"
    backups = na if report.backup_ok_days is None else f"{report.backup_ok_days} / {report.backup_known_days}"
    summary = [
        [tx["machines"], f"{monitored} / {len(report.machines)}" if report.machines else tx["none"]],
        [tx["detected"], _fmt(report.problems_detected, na)],
        [tx["resolved"], _fmt(report.problems_resolved, na)],
        [tx["client_reported"], _fmt(report.client_reported, na)],
        [tx["interventions"], na if report.interventions is None else str(len(report.interventions))],
        [tx["sessions"], sessions],
        [tx["calls"], _fmt(report.calls, na)],
        [tx["sla"], sla],
        [tx["backups"], backups],
    ]
    table = Table(
        [[Paragraph(a, st.body), Paragraph(b, st.right)] for a, b in summary],
        colWidths=[WIDTH * 0.6, WIDTH * 0.4],
    )
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE)]))
    story += [table, Spacer(1, 6 * mm), Paragraph(tx["machines"].upper(), st.box_title)]
    rows: list[list[Any]] = [
        [Paragraph(tx[k], st.head) for k in ("machine", "kind", "checks", "uptime", "problems")]
    ]
    for m in report.machines:
        uptime = (
            na
            if m.checks is None
            else (tx["no_data"] if m.uptime is None else format_percent(m.uptime, "#,##0.00 %", locale=loc))
        )
        rows.append(
            [
                Paragraph(escape(m.name), st.body),
                Paragraph(tx.get(f"kind:{m.kind}", m.kind), st.body),
                Paragraph(_fmt(m.checks, na), st.body),
                Paragraph(uptime, st.body),
                Paragraph(_fmt(m.problems, na), st.body),
            ]
        )
    story.append(_table(rows, [WIDTH * 0.34, WIDTH * 0.14, WIDTH * 0.14, WIDTH * 0.22, WIDTH * 0.16]))
    if report.interventions:
        story += [Spacer(1, 6 * mm), Paragraph(tx["interventions"].upper(), st.box_title)]
        rows = [[Paragraph(tx[k], st.head) for k in ("opened", "subject", "origin", "state", "closed")]]
        for iv in report.interventions:
            rows.append(
                [
                    Paragraph(iv.opened.strftime("%d/%m/%Y"), st.body),
                    Paragraph(escape(iv.title), st.body),
                    Paragraph(tx.get(iv.origin, iv.origin), st.body),
                    Paragraph(tx.get(f"state:{iv.state}", iv.state), st.body),
                    Paragraph(iv.closed.strftime("%d/%m/%Y") if iv.closed else "", st.body),
                ]
            )
        story.append(_table(rows, [WIDTH * 0.14, WIDTH * 0.42, WIDTH * 0.16, WIDTH * 0.14, WIDTH * 0.14]))
    story += [Spacer(1, 8 * mm), Paragraph(tx["footer"], st.small)]
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=f"{tx['title']} {report.client} {month}",
        creator="MSP Console",
    )
    doc.build(story)
    return out.getvalue()
