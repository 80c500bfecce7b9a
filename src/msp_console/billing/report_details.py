"""The service report's detail pages: machines, checked services, problems, interventions and
maintenance windows — the tables the first page's summary is summed from."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, Spacer, Table, TableStyle

from msp_console.billing.invoice_pdf import HEADER_BG, RULE, WIDTH
from msp_console.billing.report_data import ServiceReport
from msp_console.billing.report_text import Words


def _table(rows: list[list[Any]], shares: list[float]) -> Table:
    table = Table(rows, colWidths=[WIDTH * s for s in shares], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
                ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table


def _section(title: str, st: Any) -> list[Any]:
    return [
        CondPageBreak(30 * mm),
        Spacer(1, 5 * mm),
        Paragraph(title.upper(), st.box_title),
        Spacer(1, 1 * mm),
    ]


def _head(w: Words, st: Any, keys: list[str], right: int = 0) -> list[Any]:
    """Header cells; the last ``right`` columns are numbers, aligned right."""
    n = len(keys)
    return [Paragraph(w[k], st.head_r if i >= n - right else st.head) for i, k in enumerate(keys)]


def detail_story(report: ServiceReport, w: Words, st: Any) -> list[Any]:
    def p(text: str) -> Paragraph:
        return Paragraph(escape(text), st.body)

    def r(text: str) -> Paragraph:
        return Paragraph(escape(text), st.right)

    story: list[Any] = _section(w["machines"], st)
    rows: list[list[Any]] = [_head(w, st, ["machine", "kind", "checks", "col_availability", "problems"], 3)]
    for m in report.machines:
        name = m.name + (f" ({w['since'].format(d=w.day(m.added, 'd MMM'))})" if m.added else "")
        avail = escape(w["not_measured"] if m.availability is None else w.percent(m.availability))
        if m.maintenance_s:
            avail += (
                f"<br/><font size=7>{escape(w['maintenance_short'])}: {w.duration(m.maintenance_s)}</font>"
            )
        cells = [
            p(name),
            p(w.word("kind", m.kind)),
            r(str(m.checks)),
            Paragraph(avail, st.right),
            r(str(m.problems)),
        ]
        rows.append(cells)
    story.append(_table(rows, [0.34, 0.2, 0.12, 0.22, 0.12]))

    if report.services:
        story += _section(w["services"], st)
        rows = [_head(w, st, ["machine", "service", "check_kind", "col_availability", "problems"], 2)]
        for s in report.services:
            avail = w["not_measured"] if s.availability is None else w.percent(s.availability)
            rows.append([p(s.machine), p(s.name), p(w.word("check", s.kind)), r(avail), r(str(s.problems))])
        story.append(_table(rows, [0.22, 0.26, 0.22, 0.18, 0.12]))

    story += _section(w["problems_list"], st)
    if report.problems:
        rows = [_head(w, st, ["machine", "service", "state", "started", "ended", "solved_by"])]
        for pr in report.problems:
            rows.append(
                [
                    p(pr.machine),
                    p(f"{pr.check} · {w.word('check', pr.kind)}"),
                    p(w.word("hs", pr.worst)),
                    p(w.when(pr.started)),
                    p(w.when(pr.ended) if pr.ended else ""),
                    p(w.word("by", pr.solved_by)),
                ]
            )
        story.append(_table(rows, [0.18, 0.27, 0.12, 0.14, 0.14, 0.15]))
    else:
        story.append(p(w["none"]))

    story += _section(w["interventions"], st)
    if report.interventions:
        rows = [_head(w, st, ["opened", "subject", "origin", "state", "closed", "col_sla"])]
        for iv in report.interventions:
            rows.append(
                [
                    p(w.day(iv.opened, "d MMM")),
                    p(iv.title),
                    p(_origin(w, iv.origin)),
                    p(w.word("state", iv.state)),
                    p(w.day(iv.closed, "d MMM") if iv.closed else ""),
                    p(w.word("sla", iv.sla)),
                ]
            )
        story.append(_table(rows, [0.1, 0.4, 0.13, 0.15, 0.1, 0.12]))
    else:
        story.append(p(w["none"]))

    if report.maintenance:
        story += _section(w["maintenance_list"], st)
        rows = [_head(w, st, ["machine", "from", "to", "note"])]
        for mt in report.maintenance:
            rows.append(
                [p(mt.machine or w["all_machines"]), p(w.when(mt.start)), p(w.when(mt.end)), p(mt.comment)]
            )
        story.append(_table(rows, [0.24, 0.18, 0.18, 0.4]))
    return story


def _origin(w: Words, origin: str) -> str:
    try:
        return w[origin]
    except KeyError:
        return origin
