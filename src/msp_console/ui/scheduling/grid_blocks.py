"""Appointment blocks of the time grid: side-by-side lanes for overlaps, painting, tooltip text."""

from __future__ import annotations

from datetime import datetime, tzinfo
from html import escape

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from msp_console.services.interventions.views import AppointmentView
from msp_console.ui.scheduling.look import (
    APPOINTMENT_LOOK,
    appointment_state_text,
    client_colour,
    time_text,
    tr,
)


def block_colour(view: AppointmentView, colour_by: str) -> QColor:
    if colour_by == "state":
        return QColor(APPOINTMENT_LOOK.get(view.state, ("#1565c0", ""))[0])
    return client_colour(view.client_id)


def lay_out_lanes(todays: list[AppointmentView]) -> list[tuple[AppointmentView, int, int]]:
    """(view, lane, lanes in its cluster) for one day's appointments sorted by start: overlapping
    ones share the column side by side, like any desktop calendar."""
    clusters: list[list[tuple[AppointmentView, int]]] = []
    lanes_end: list[datetime] = []
    cluster_end: datetime | None = None
    for v in todays:
        if cluster_end is None or v.start >= cluster_end:
            clusters.append([])
            lanes_end = []
            cluster_end = v.end
        lane = next((i for i, e in enumerate(lanes_end) if e <= v.start), len(lanes_end))
        if lane == len(lanes_end):
            lanes_end.append(v.end)
        else:
            lanes_end[lane] = v.end
        cluster_end = max(cluster_end, v.end)
        clusters[-1].append((v, lane))
    out: list[tuple[AppointmentView, int, int]] = []
    for cluster in clusters:
        lanes = 1 + max(lane for _, lane in cluster)
        out.extend((v, lane, lanes) for v, lane in cluster)
    return out


def paint_block(
    p: QPainter, r: QRectF, v: AppointmentView, colour: QColor, tz: tzinfo, font: QFont, dark: bool
) -> None:
    """A rounded block with a colour bar; as much text as its height allows (one, two or more lines)."""
    fill = QColor(colour)
    fill = (
        fill.darker(220)
        if dark
        else QColor.fromHslF(colour.hslHueF(), min(1.0, colour.hslSaturationF() * 0.75), 0.9)
    )
    cancelled = v.state == "cancelled"
    if cancelled:
        fill.setAlpha(110)
    p.setPen(QPen(colour.darker(115), 1))
    p.setBrush(fill)
    p.drawRoundedRect(r, 4, 4)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawRoundedRect(QRectF(r.left(), r.top(), 4, r.height()), 2, 2)
    inner = r.adjusted(8, 2, -4, -2)
    p.save()
    p.setClipRect(r.adjusted(0, 0, 0, 0))
    ink = QColor("#f0f0f0") if dark else QColor("#1f1f1f")
    if cancelled:
        ink.setAlpha(140)
    bold = QFont(font)
    bold.setBold(True)
    bold.setStrikeOut(cancelled)
    small = QFont(font)
    small.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
    glyph = "⌂" if v.on_site else "⇄"
    state_glyph = APPOINTMENT_LOOK.get(v.state, ("", ""))[1] if v.state != "planned" else ""
    recurring = " ↻" if v.recurring else ""
    when = f"{time_text(v.start.astimezone(tz))}–{time_text(v.end.astimezone(tz))}"
    p.setPen(ink)
    p.setFont(small)
    small_h = p.fontMetrics().height()
    p.setFont(bold)
    bold_h = p.fontMetrics().height()

    def line(text: str, font: QFont, y: float) -> float:
        p.setFont(font)
        fm = p.fontMetrics()
        elided = fm.elidedText(text, Qt.TextElideMode.ElideRight, int(inner.width()))
        p.drawText(QRectF(inner.left(), y, inner.width(), fm.height()), Qt.AlignmentFlag.AlignLeft, elided)
        return y + fm.height()

    if r.height() < bold_h + small_h:  # a short block: one line says it all
        line(f"{glyph}{recurring} {v.title} · {v.client_name}", bold, inner.top())
    elif r.height() < bold_h + 2 * small_h + 4:  # two lines: what, then when and for whom
        y = line(f"{glyph}{recurring} {v.title}", bold, inner.top())
        line(f"{when} · {v.client_name}", small, y)
    else:
        y = line(f"{glyph} {when}{recurring} {state_glyph}".rstrip(), small, inner.top())
        p.setFont(bold)
        fm = p.fontMetrics()
        room = inner.bottom() - y - small_h  # keep a line for the client
        lines = max(1, min(2, int(room // fm.height())))
        rect = QRectF(inner.left(), y, inner.width(), fm.height() * lines)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        used = fm.boundingRect(rect.toRect(), flags, v.title)
        if used.height() > rect.height() or used.width() > rect.width():  # too long: elide the last line
            title = fm.elidedText(v.title, Qt.TextElideMode.ElideRight, int(inner.width() * lines * 0.92))
        else:
            title = v.title
        p.save()
        p.setClipRect(rect)
        p.drawText(rect, flags, title)
        p.restore()
        y += min(rect.height(), fm.boundingRect(rect.toRect(), flags, title).height())
        for extra in (v.client_name, v.technician and f"• {v.technician}"):
            if extra and y + small_h <= inner.bottom() + 1:
                y = line(extra, small, y)
    p.restore()


def describe(v: AppointmentView, tz: tzinfo) -> str:
    """Everything about a block, for its tooltip (narrow blocks elide their text)."""
    lines = [
        f"<b>{escape(v.title)}</b>",
        f"{time_text(v.start.astimezone(tz))}–{time_text(v.end.astimezone(tz))}"
        + (" · " + tr("repeats") if v.recurring else ""),
        escape(v.client_name) + (f" / {escape(v.machine_name)}" if v.machine_name else ""),
        ("⌂ " + tr("On site")) if v.on_site else ("⇄ " + tr("Remote")),
    ]
    if v.technician:
        lines.append(tr("Technician: %1").replace("%1", escape(v.technician)))
    if v.intervention_id is not None:
        lines.append(tr("Intervention #%1").replace("%1", str(v.intervention_id)))
    if v.state != "planned":
        lines.append(APPOINTMENT_LOOK.get(v.state, ("", ""))[1] + " " + appointment_state_text(v.state))
    if v.notes:
        lines.append(f"<i>{escape(v.notes)}</i>")
    return "<br>".join(lines)
