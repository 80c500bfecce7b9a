"""The monthly service report PDF: a one-page summary with pictures, then the details.

Same look as the invoice (letterhead, accent rule, boxed titles, DejaVu fonts embedded). The
summary and the tables are printed from one ``ServiceReport`` (its ``summary`` sums the tables).
Rendering is repeatable: the same report gives the same bytes but for the creation date.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from msp_console.billing.invoice_pdf import ACCENT, GREY, RULE, WIDTH, _styles, numbered_canvas
from msp_console.billing.report_charts import availability_chart, backup_strip, sla_chart, weeks_chart
from msp_console.billing.report_data import ServiceReport, Summary
from msp_console.billing.report_details import detail_story
from msp_console.billing.report_text import Words

FIXED_DATE = b"D:20000101000000+00'00'"  # reportlab's invariant-mode date, replaced by the real one


def _letterhead(report: ServiceReport, w: Words, st: Any) -> Table:
    p = report.period
    when = w.span(p.first, p.last)
    lines = [f"<b>{escape(report.client)}</b>", f"{w['period']}: <b>{when}</b>"]
    if p.partial:
        lines.append(w["in_progress"].format(when=w.when(p.end, "d MMM HH:mm")))
    left = [Paragraph(escape(report.company), st.company)]
    right = [Paragraph(w["heading"], st.title), Paragraph("<br/>".join(lines), st.right)]
    table = Table([[left, right]], colWidths=[WIDTH * 0.55, WIDTH * 0.45])
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


def summary_rows(report: ServiceReport, s: Summary, w: Words) -> list[tuple[str, str]]:
    avail = w["not_measured"] if s.availability is None else w.percent(s.availability)
    if s.availability is not None and s.down_s:
        avail += f" ({w['downtime'].format(d=w.duration(s.down_s))})"
    maint = (
        w["none_f"] if not s.maintenance_s else w["maintenance_note"].format(d=w.duration(s.maintenance_s))
    )
    sessions = (
        w["none_f"]
        if not s.sessions
        else w.counted("sessions_value", s.sessions, d=w.duration(s.session_minutes * 60))
    )
    backups = (
        w["no_backup"]
        if not s.backup_expected
        else w["backups_value"].format(ok=s.backup_ok, expected=s.backup_expected)
    )
    rows = [
        (w["availability"], avail),
        (w["maintenance"], maint),
        (w["problems_caught"], str(s.problems)),
        (w["solved"], f"{s.solved_by_technician} / {s.solved_on_own}"),
        (w["interventions"], str(s.interventions)),
        (w["sla"], f"{s.sla_met} / {s.sla_missed}"),
        (w["sessions"], sessions),
        (w["backups"], backups),
    ]
    if s.antivirus_oldest_days is not None:
        rows.append((w["antivirus"], w.counted("days", round(s.antivirus_oldest_days))))
    return rows


def _summary_box(report: ServiceReport, s: Summary, w: Words, st: Any) -> Table:
    rows = [[Paragraph(w["summary"].upper(), st.box_title), ""]]
    rows += [
        [Paragraph(a, st.body), Paragraph(f"<b>{escape(b)}</b>", st.right)]
        for a, b in summary_rows(report, s, w)
    ]
    table = Table(rows, colWidths=[WIDTH * 0.52, WIDTH * 0.48])
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 0), (-1, 0)),
                ("BOX", (0, 0), (-1, -1), 0.6, GREY),
                ("LINEBELOW", (0, 1), (-1, -2), 0.3, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table


def _security(report: ServiceReport, w: Words, st: Any) -> list[Any]:
    if report.security is None:
        return []
    rows = [[Paragraph(w["security"].upper(), st.box_title), ""]]
    for row in report.security.rows:
        mark = "" if row.ok is None else (" ✓" if row.ok else " ✗")
        label = w.word("security_point", row.label)  # a point's key, or already words
        rows.append([Paragraph(escape(label), st.body), Paragraph(escape(row.value) + mark, st.right)])
    table = Table(rows, colWidths=[WIDTH * 0.6, WIDTH * 0.4])
    table.setStyle(TableStyle([("SPAN", (0, 0), (-1, 0)), ("BOX", (0, 0), (-1, -1), 0.6, GREY)]))
    out: list[Any] = [Spacer(1, 4 * mm), table]
    if report.security.note:
        out.append(Paragraph(escape(report.security.note), st.small))
    return out


def _flush(drawing: Any) -> Table:
    """A full-width picture aligned with the boxes above it (no frame padding)."""
    table = Table([[drawing]], colWidths=[WIDTH])
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def first_page(report: ServiceReport, s: Summary, w: Words, st: Any) -> list[Any]:
    left_w, right_w = WIDTH * 0.56, WIDTH * 0.40
    bars = availability_chart(report.machines, w, left_w)
    charts = Table(
        [[bars, weeks_chart(s.problems_per_week, w, right_w, max(bars.height, 100))]],
        colWidths=[WIDTH * 0.6, WIDTH * 0.4],
    )
    charts.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [
        _letterhead(report, w, st),
        Spacer(1, 6 * mm),
        _summary_box(report, s, w, st),
        Spacer(1, 7 * mm),
        charts,
        Spacer(1, 6 * mm),
        _flush(backup_strip(report.backup_days, w, WIDTH)),
        Spacer(1, 6 * mm),
        _flush(sla_chart(s.sla_met, s.sla_missed, w, WIDTH)),
        *_security(report, w, st),
        Spacer(1, 6 * mm),
        Paragraph(w["footer"], st.small),
    ]


def render_service_report(report: ServiceReport, created: datetime | None = None) -> bytes:
    st = _styles()
    w = Words(report.language)
    s = report.summary
    title = f"{w['title']} – {report.client} – {w.span(report.period.first, report.period.last)}"
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=title,
        author=report.company,
        creator="MSP Console",
        invariant=1,  # repeatable bytes; the real creation date is put back below
    )
    story = first_page(report, s, w, st)
    story += [PageBreak(), *detail_story(report, w, st)]
    doc.build(story, canvasmaker=numbered_canvas(lambda n, t: w["page"].format(n=n, t=t), title))
    stamp = (created or datetime.now(UTC)).astimezone(UTC).strftime("D:%Y%m%d%H%M%S+00'00'").encode()
    return out.getvalue().replace(FIXED_DATE, stamp)  # same length: the cross-reference table holds
