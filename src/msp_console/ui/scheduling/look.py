"""How scheduling things look everywhere: state names, colours and glyphs; locale formats."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime
from PySide6.QtGui import QColor

from msp_console.ui import locale_format

# colour + glyph + text: colour never carries meaning alone
STATE_LOOK: dict[str, tuple[str, str]] = {
    "open": ("#c62828", "●"),
    "reopened": ("#c62828", "↺"),
    "contacted": ("#ef6c00", "☎"),
    "scheduled": ("#1565c0", "◷"),
    "in_progress": ("#f9a825", "▶"),
    "awaiting_check": ("#00838f", "?"),
    "waiting_for_client": ("#757575", "‖"),
    "closed": ("#2e7d32", "✓"),
}

APPOINTMENT_LOOK: dict[str, tuple[str, str]] = {
    "planned": ("#1565c0", "◷"),
    "done": ("#2e7d32", "✓"),
    "cancelled": ("#757575", "✕"),
}

# distinct, readable on white; picked by client id
CLIENT_COLOURS = (
    "#1e88e5",
    "#43a047",
    "#8e24aa",
    "#f4511e",
    "#00897b",
    "#c0ca33",
    "#d81b60",
    "#5e35b1",
    "#fb8c00",
    "#3949ab",
    "#6d4c41",
    "#039be5",
)

SLA_COLOURS = {
    "ok": "#2e7d32",
    "warning": "#f9a825",
    "breached": "#c62828",
    "met": "#2e7d32",
    "paused": "#757575",
}


def tr(text: str) -> str:
    return QCoreApplication.translate("Scheduling", text)


def state_text(state: str) -> str:
    names = {
        "open": tr("Open"),
        "reopened": tr("Reopened"),
        "contacted": tr("Contacted"),
        "scheduled": tr("Scheduled"),
        "in_progress": tr("In progress"),
        "awaiting_check": tr("Awaiting check"),
        "waiting_for_client": tr("Waiting for client"),
        "closed": tr("Closed"),
    }
    return names.get(state, state)


def state_label(state: str) -> str:
    return f"{STATE_LOOK.get(state, ('', '•'))[1]} {state_text(state)}"


def state_colour(state: str) -> QColor:
    return QColor(STATE_LOOK.get(state, ("#757575", ""))[0])


def appointment_state_text(state: str) -> str:
    return {"planned": tr("Planned"), "done": tr("Done"), "cancelled": tr("Cancelled")}.get(state, state)


def client_colour(client_id: int) -> QColor:
    return QColor(CLIENT_COLOURS[client_id % len(CLIENT_COLOURS)])


def sla_level_text(level: str) -> str:
    return {
        "ok": tr("on time"),
        "warning": tr("75 % used"),
        "breached": tr("breached"),
        "met": tr("met"),
        "paused": tr("paused"),
    }.get(level, level)


def clock_name(name: str) -> str:
    return {"response": tr("Response"), "resolution": tr("Resolution")}.get(name, name)


def duration_text(delta: timedelta) -> str:
    """'2 h 05 min', '3 d 4 h', or with a minus sign once past."""
    seconds = int(delta.total_seconds())
    sign = "−" if seconds < 0 else ""
    minutes = abs(seconds) // 60
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return sign + tr("%1 d %2 h").replace("%1", str(days)).replace("%2", str(hours))  # it: 3 g 4 h
    if hours:
        return f"{sign}{hours} h {mins:02d} min"
    return f"{sign}{mins} min"


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


def time_text(moment: datetime) -> str:
    return QLocale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)


def date_text(day: date, long: bool = False) -> str:
    return locale_format.long_date(day) if long else locale_format.short_date(day)


def datetime_text(moment: datetime | str, tz: tzinfo | None = None) -> str:
    if isinstance(moment, str):  # read through a plain table construct (another feature's table)
        moment = datetime.fromisoformat(moment)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return locale_format.short_datetime(moment, tz=tz)


def to_qdatetime(moment: datetime, tz: tzinfo) -> QDateTime:
    """Wall-clock time in the business time zone (what the technician and the client agree on)."""
    local = moment.astimezone(tz)
    return QDateTime(qdate(local.date()), QTime(local.hour, local.minute))


def from_qdatetime(value: QDateTime, tz: tzinfo) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=tz)


def weekday_short(day: date) -> str:
    return QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
