"""The first page's pictures, drawn with reportlab's own graphics (vector, embedded fonts): availability
per machine, problems per week, the backup calendar strip and SLA met vs missed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors

from msp_console.billing.fonts import register_fonts
from msp_console.billing.invoice_pdf import ACCENT, GREY, RULE
from msp_console.billing.report_data import BackupDay, MachineLine
from msp_console.billing.report_text import Words

GOOD = colors.HexColor("#2E7D4F")
FAIR = colors.HexColor("#C98A1B")
BAD = colors.HexColor("#B3261E")
NONE = colors.HexColor("#D9DDE2")
FUTURE = colors.HexColor("#F1F3F5")
TRACK = colors.HexColor("#EEF2F6")
MAX_BARS = 12  # the worst machines; the rest are in the table of page 2


def _text(x: float, y: float, text: str, size: float = 7, *, bold: bool = False, **kw: object) -> String:
    regular, heavy = register_fonts()
    s = String(
        x,
        y,
        text,
        fontName=heavy if bold else regular,
        fontSize=size,
        fillColor=kw.pop("color", colors.black),
    )
    for k, v in kw.items():
        setattr(s, k, v)
    return s


def _fit(text: str, size: float, width: float) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    regular, _ = register_fonts()
    if stringWidth(text, regular, size) <= width:
        return text
    while text and stringWidth(text + "…", regular, size) > width:
        text = text[:-1]
    return text + "…"


def availability_colour(ratio: float) -> colors.Color:
    return GOOD if ratio >= 0.995 else FAIR if ratio >= 0.98 else BAD


def availability_chart(machines: Sequence[MachineLine], w: Words, width: float) -> Drawing:
    """One bar per machine (worst first), on a scale from a round floor to 100 %."""
    measured = sorted(
        (m for m in machines if m.availability is not None), key=lambda m: (m.availability, m.name)
    )
    unmeasured = [m for m in machines if m.availability is None]
    shown = measured[:MAX_BARS]
    rows = (
        len(shown) + (1 if shown else 0) + (1 if unmeasured else 0) + (1 if len(measured) > MAX_BARS else 0)
    )
    row_h, top, label_w, value_w = 13.0, 14.0, width * 0.34, 44.0
    height = top + max(rows, 1) * row_h + 14
    d = Drawing(width, height)
    d.add(_text(0, height - 9, w["chart_availability"].upper(), 7.4, bold=True, color=ACCENT))
    lowest = min((m.availability or 1.0 for m in shown), default=1.0)
    floor = 0.9 if lowest >= 0.9 else max(0.0, int(lowest * 10) / 10)
    x0, x1 = label_w, width - value_w
    y = height - top - row_h
    for m in shown:
        ratio = m.availability or 0.0
        d.add(_text(0, y + 3, _fit(m.name, 7, label_w - 4), 7))
        d.add(Rect(x0, y + 1.5, x1 - x0, 8, fillColor=TRACK, strokeColor=None))
        share = max(0.0, (ratio - floor) / (1 - floor)) if floor < 1 else 1.0
        d.add(
            Rect(
                x0,
                y + 1.5,
                max(1.0, (x1 - x0) * share),
                8,
                fillColor=availability_colour(ratio),
                strokeColor=None,
            )
        )
        d.add(_text(width, y + 3, w.percent(ratio), 7, textAnchor="end"))
        y -= row_h
    if shown:  # the scale under the bars
        d.add(Line(x0, y + row_h - 1, x1, y + row_h - 1, strokeColor=RULE, strokeWidth=0.4))
        for value in (floor, (floor + 1) / 2, 1.0):
            x = x0 + (x1 - x0) * ((value - floor) / (1 - floor) if floor < 1 else 1)
            d.add(
                _text(x, y + row_h - 9, w.percent(value, decimals=False), 6, textAnchor="middle", color=GREY)
            )
        y -= row_h
    if len(measured) > MAX_BARS:
        d.add(_text(0, y + 3, w.counted("more_machines", len(measured) - MAX_BARS), 7, color=GREY))
        y -= row_h
    if unmeasured:
        names = ", ".join(m.name for m in unmeasured)
        d.add(_text(0, y + 3, _fit(f"{w['not_measured']}: {names}", 6.8, width), 6.8, color=GREY))
    return d


def weeks_chart(
    weeks: Sequence[tuple[date, date, int]], w: Words, width: float, height: float = 110
) -> Drawing:
    d = Drawing(width, height)
    d.add(_text(0, height - 9, w["chart_weeks"].upper(), 7.4, bold=True, color=ACCENT))
    base, top = 16.0, height - 26
    peak = max((n for *_x, n in weeks), default=0) or 1
    if not any(n for *_x, n in weeks):
        d.add(_text(width / 2, (base + top) / 2, w["no_problems"], 7.5, textAnchor="middle", color=GREY))
    slot = width / max(len(weeks), 1)
    bar = min(slot * 0.55, 34)
    d.add(Line(0, base, width, base, strokeColor=RULE, strokeWidth=0.5))
    for i, (first, last, n) in enumerate(weeks):
        cx = slot * (i + 0.5)
        h = (top - base) * n / peak
        if n:
            d.add(Rect(cx - bar / 2, base, bar, h, fillColor=ACCENT, strokeColor=None))
        d.add(_text(cx, base + h + 3, str(n), 7.5, bold=True, textAnchor="middle"))
        days = str(first.day) if first == last else f"{first.day}–{last.day}"  # month: see the letterhead
        d.add(_text(cx, base - 9, days, 6.4, textAnchor="middle", color=GREY))
    return d


def backup_strip(days: Sequence[BackupDay], w: Words, width: float) -> Drawing:
    """A cell per day of the month: green OK, red failed, grey no backup expected, pale not yet."""
    height = 50.0
    d = Drawing(width, height)
    d.add(_text(0, height - 9, w["chart_backup"].upper(), 7.4, bold=True, color=ACCENT))
    fill = {"ok": GOOD, "failed": BAD, "none": NONE, "future": FUTURE}
    cell = width / max(len(days), 1)
    y = 18.0
    for i, day in enumerate(days):
        x = i * cell
        d.add(
            Rect(
                x + 0.6,
                y,
                cell - 1.2,
                13,
                fillColor=fill[day.state],
                strokeColor=RULE if day.state == "future" else None,
                strokeWidth=0.3,
            )
        )
        weekend = day.day.weekday() >= 5  # Saturdays and Sundays in the accent colour
        d.add(
            _text(
                x + cell / 2,
                y - 9,
                str(day.day.day),
                5.8,
                bold=weekend,
                textAnchor="middle",
                color=ACCENT if weekend else GREY,
            )
        )
    x = 0.0
    states = [s for s in ("ok", "failed", "none", "future") if any(day.state == s for day in days)]
    for state in states:
        d.add(
            Rect(
                x,
                0,
                7,
                5,
                fillColor=fill[state],
                strokeColor=RULE if state == "future" else None,
                strokeWidth=0.3,
            )
        )
        label = w[f"legend_{state}"]
        d.add(_text(x + 10, 0, label, 6.4, color=GREY))
        from reportlab.pdfbase.pdfmetrics import stringWidth

        x += 22 + stringWidth(label, register_fonts()[0], 6.4)
    return d


def sla_chart(met: int, missed: int, w: Words, width: float) -> Drawing:
    height = 34.0
    d = Drawing(width, height)
    d.add(_text(0, height - 9, w["chart_sla"].upper(), 7.4, bold=True, color=ACCENT))
    total = met + missed
    if not total:
        d.add(_text(0, 6, w["no_sla"], 7, color=GREY))
        return d
    y, bar_w = 4.0, width * 0.62
    ok_w = bar_w * met / total
    if met:
        d.add(Rect(0, y, ok_w, 11, fillColor=GOOD, strokeColor=None))
    if missed:
        d.add(Rect(ok_w, y, bar_w - ok_w, 11, fillColor=BAD, strokeColor=None))
    d.add(_text(bar_w + 8, y + 2.5, f"{met} {w['met']} · {missed} {w['missed']}", 7.5, bold=True))
    return d
