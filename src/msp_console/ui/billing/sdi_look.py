"""The SdI state of an invoice as the technician reads it: a coloured badge in the list, the
history with the SdI's codes in the detail beside it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from msp_console.services.billing.sdi_records import SdiStatus
from msp_console.ui.billing.look import tr

SDI_COLOURS = {
    "sending": "#757575",
    "failed": "#c62828",
    "sent": "#6a1b9a",
    "delivered": "#2e7d32",
    "not_delivered": "#ef6c00",
    "rejected": "#c62828",
    "accepted": "#2e7d32",
    "refused": "#c62828",
    "expired": "#558b2f",
    "attested": "#ef6c00",
    "replaced": "#757575",
}


# In the list: the SdI's own short names (RC, NS, MC…) every Italian bookkeeper knows; the
# tooltip and the detail beside the list say it in words.
SDI_BADGES = {
    "sending": "…",
    "failed": "!",
    "sent": "➤",
    "delivered": "RC",
    "not_delivered": "MC",
    "rejected": "NS",
    "accepted": "NE ✓",
    "refused": "NE ✗",
    "expired": "DT",
    "attested": "AT",
    "replaced": "↻",
}


def sdi_text(state: str) -> str:
    names = {
        "sending": tr("Sending"),
        "failed": tr("Not sent (will retry)"),
        "sent": tr("Sent to the SdI"),
        "delivered": tr("Delivered"),
        "not_delivered": tr("In the client's tax drawer"),
        "rejected": tr("Rejected by the SdI"),
        "accepted": tr("Accepted"),
        "refused": tr("Refused by the public body"),
        "expired": tr("No answer in time (accepted)"),
        "attested": tr("Transmitted, not delivered"),
        "replaced": tr("Replaced by a new invoice"),
    }
    return names.get(state, state)


def kind_text(kind: str) -> str:
    names = {
        "sending": tr("Sending"),
        "sent": tr("Sent by PEC"),
        "failed": tr("Sending failed"),
        "RC": tr("Delivery receipt (RC)"),
        "NS": tr("Rejection (NS)"),
        "MC": tr("Not delivered (MC)"),
        "NE": tr("Outcome (NE)"),
        "DT": tr("Terms expired (DT)"),
        "AT": tr("Transmission certificate (AT)"),
        "replaced": tr("Replaced"),
    }
    return names.get(kind, kind)


def history_html(status: SdiStatus | None) -> str:
    """The state, then each event (local time) with every code and description of a rejection."""
    if status is None:
        return tr("Not sent to the SdI yet.")
    head = f"<b>SdI: {escape(sdi_text(status.state))}</b> — {escape(status.file_name)}"
    if status.sdi_id:
        head += f" · {escape(tr('SdI id %s') % status.sdi_id)}"
    items = []
    for h in status.history:
        when = h.at.astimezone().strftime("%d/%m/%Y %H:%M")
        line = f"{when} {escape(kind_text(h.kind))}"
        if h.kind == "failed" and h.detail:
            line += f": {escape(h.detail)}"
        line += "".join(f"<br/>&nbsp;&nbsp;<b>{escape(c)}</b> {escape(d)}" for c, d in h.errors)
        items.append(f"<li>{line}</li>")
    return head + (f"<ul style='margin:2px'>{''.join(items)}</ul>" if items else "")


class SdiBadgeDelegate(QStyledItemDelegate):
    """A rounded badge in the state's colour with its name in white (empty: not sent)."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        state = index.data(Qt.ItemDataRole.UserRole + 3)
        if not state:
            super().paint(painter, option, index)
            return
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        style = option.widget.style() if option.widget is not None else None
        if style is not None and option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.brush(QPalette.ColorRole.Highlight))
        rect = QRectF(option.rect).adjusted(3, 3, -3, -3)
        width = min(rect.width(), option.fontMetrics.horizontalAdvance(text) + 16)
        rect.setWidth(width)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(SDI_COLOURS.get(str(state), "#757575")))
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(QColor("white"))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()
