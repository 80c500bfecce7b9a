"""The service report's detail pages: machines, checked services, problems, interventions and
maintenance windows — the tables the first page's summary is summed from.

Cells are plain one-line strings, cut to their column with "…" (a Paragraph per cell cost ~20 times
more to lay out, and a month of problems can fill pages), drawn as light ``Rows``; only the
interventions' table, whose subjects wrap, is a platypus ``Table``.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from msp_console.billing.fonts import register_fonts
from msp_console.billing.invoice_pdf import ACCENT, HEADER_BG, RULE, WIDTH
from msp_console.billing.report_data import ServiceReport
from msp_console.billing.report_rows import HEAD_SIZE, PAD, SIZE, Rows
from msp_console.billing.report_text import Words


def fit(text: str, width: float, font: str = "", size: float = SIZE) -> str:
    """``text`` cut with "…" so it fits ``width`` points."""
    font = font or register_fonts()[0]
    room = width - 2 * PAD
    if stringWidth(text, font, size) <= room:
        return text
    while text and stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text + "…"


class _Sheet:
    """One detail table: a header row, then rows of strings (or a Paragraph where text wraps)."""

    def __init__(self, w: Words, keys: list[str], shares: list[float], right: int = 0):
        self.widths = [WIDTH * s for s in shares]
        self.right = right
        _, bold = register_fonts()
        self.rows: list[list[Any]] = [
            [fit(w[k], x, bold, HEAD_SIZE) for k, x in zip(keys, self.widths, strict=True)]
        ]

    def add(self, *cells: Any) -> None:
        self.rows.append(
            [c if not isinstance(c, str) else fit(c, x) for c, x in zip(cells, self.widths, strict=True)]
        )

    def table(self) -> Flowable:
        if all(isinstance(c, str) for row in self.rows for c in row):
            return Rows(self.rows, self.widths, self.right)  # the long lists: cheap to lay out
        regular, bold = register_fonts()
        table = Table(self.rows, colWidths=self.widths, repeatRows=1)
        style: list[Any] = [
            ("FONT", (0, 0), (-1, -1), regular, SIZE),
            ("FONT", (0, 0), (-1, 0), bold, HEAD_SIZE),
            ("TEXTCOLOR", (0, 0), (-1, 0), ACCENT),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        if self.right:
            style.append(("ALIGN", (-self.right, 0), (-1, -1), "RIGHT"))
        table.setStyle(TableStyle(style))
        return table


def _section(title: str, st: Any) -> list[Any]:
    return [
        CondPageBreak(30 * mm),
        Spacer(1, 5 * mm),
        Paragraph(title.upper(), st.box_title),
        Spacer(1, 1 * mm),
    ]


def detail_story(report: ServiceReport, w: Words, st: Any) -> list[Any]:
    story: list[Any] = _section(w["machines"], st)
    sheet = _Sheet(
        w,
        ["machine", "kind", "checks", "col_availability", "col_maintenance", "problems"],
        [0.24, 0.2, 0.12, 0.16, 0.16, 0.12],
        4,
    )
    for m in report.machines:
        name = m.name + (f" ({w['since'].format(d=w.day(m.added, 'd MMM'))})" if m.added else "")
        avail = w["not_measured"] if m.availability is None else w.percent(m.availability)
        maint = w.duration(m.maintenance_s) if m.maintenance_s else ""
        sheet.add(name, w.word("kind", m.kind), str(m.checks), avail, maint, str(m.problems))
    story.append(sheet.table())

    if report.services:
        story += _section(w["services"], st)
        sheet = _Sheet(
            w,
            ["machine", "service", "check_kind", "col_availability", "problems"],
            [0.22, 0.26, 0.22, 0.18, 0.12],
            2,
        )
        for s in report.services:
            avail = w["not_measured"] if s.availability is None else w.percent(s.availability)
            sheet.add(s.machine, s.name, w.word("check", s.kind), avail, str(s.problems))
        story.append(sheet.table())

    story += _section(w["problems_list"], st)
    if report.problems:
        sheet = _Sheet(
            w,
            ["machine", "service", "state", "started", "ended", "solved_by"],
            [0.13, 0.28, 0.16, 0.14, 0.14, 0.15],
        )
        for pr in report.problems:
            sheet.add(
                pr.machine,
                f"{pr.check} · {w.word('check', pr.kind)}",
                w.word("hs", pr.worst),
                w.when(pr.started),
                w.when(pr.ended) if pr.ended else "",
                w.word("by", pr.solved_by),
            )
        story.append(sheet.table())
    else:
        story.append(Paragraph(escape(w["none"]), st.body))

    story += _section(w["interventions"], st)
    if report.interventions:
        sheet = _Sheet(
            w,
            ["opened", "subject", "origin", "state", "closed", "col_sla"],
            [0.1, 0.4, 0.13, 0.15, 0.1, 0.12],
        )
        for iv in report.interventions:
            sheet.add(
                w.day(iv.opened, "d MMM"),
                Paragraph(escape(iv.title), st.body),
                _origin(w, iv.origin),
                w.word("state", iv.state),
                w.day(iv.closed, "d MMM") if iv.closed else "",
                w.word("sla", iv.sla),
            )
        story.append(sheet.table())
    else:
        story.append(Paragraph(escape(w["none"]), st.body))

    if report.maintenance:
        story += _section(w["maintenance_list"], st)
        sheet = _Sheet(w, ["machine", "from", "to", "note"], [0.24, 0.18, 0.18, 0.4])
        for mt in report.maintenance:
            sheet.add(mt.machine or w["all_machines"], w.when(mt.start), w.when(mt.end), mt.comment)
        story.append(sheet.table())
    return story


def _origin(w: Words, origin: str) -> str:
    try:
        return w[origin]
    except KeyError:
        return origin
