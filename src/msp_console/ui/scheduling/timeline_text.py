"""Timeline lines worded in the user's language from the event's code and values.

The services store what happened as a code + values (and an English line for the CLI and for
rows written before codes existed); this module is the one place that words them on screen.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from msp_console.services.interventions.views import TimelineEntry
from msp_console.ui.locale_format import short_datetime
from msp_console.ui.scheduling.intervention_dialogs import origin_text, outcome_text
from msp_console.ui.scheduling.look import clock_name, state_text

TEMPLATES: dict[str, object] = {  # QT_TRANSLATE_NOOP marks them for lupdate; typed object by PySide
    "opened": QT_TRANSLATE_NOOP("Timeline", "{origin}, priority {priority}"),
    "call_outbound": QT_TRANSLATE_NOOP("Timeline", "Call to {who}: {outcome}"),
    "call_inbound": QT_TRANSLATE_NOOP("Timeline", "Call from {who}: {outcome}"),
    "task_retry": QT_TRANSLATE_NOOP("Timeline", "Call again scheduled for {due}"),
    "task_call_back": QT_TRANSLATE_NOOP("Timeline", "Call-back scheduled for {due}"),
    "task_follow_up": QT_TRANSLATE_NOOP("Timeline", "Follow-up call scheduled for {due}"),
    "appointment_on_site": QT_TRANSLATE_NOOP("Timeline", "Appointment on site on {start}: {title}"),
    "appointment_remote": QT_TRANSLATE_NOOP("Timeline", "Remote appointment on {start}: {title}"),
    "appointment_moved": QT_TRANSLATE_NOOP("Timeline", "Appointment moved to {start}: {title}"),
    "appointment_cancelled": QT_TRANSLATE_NOOP("Timeline", "Appointment cancelled: {title}"),
    "appointment_done": QT_TRANSLATE_NOOP("Timeline", "Appointment done: {title}"),
    "appointment_changed": QT_TRANSLATE_NOOP("Timeline", "Appointment changed ({fields}): {title}"),
    "appointment_unlinked": QT_TRANSLATE_NOOP("Timeline", "Appointment unlinked: {title}"),
    "session": QT_TRANSLATE_NOOP("Timeline", "{protocol} session to {machine}"),
    "session_no_machine": QT_TRANSLATE_NOOP("Timeline", "{protocol} session"),
    "sla_breached": QT_TRANSLATE_NOOP("Timeline", "SLA breached: {clock}"),
}

# the reasons the services give when they move an intervention by themselves
STATE_NOTES: dict[str, object] = {
    "client reached": QT_TRANSLATE_NOOP("Timeline", "client reached"),
    "checked with the client": QT_TRANSLATE_NOOP("Timeline", "checked with the client"),
    "follow-up call: all OK": QT_TRANSLATE_NOOP("Timeline", "follow-up call: all OK"),
    "follow-up call: still broken": QT_TRANSLATE_NOOP("Timeline", "follow-up call: still broken"),
    "remote session started": QT_TRANSLATE_NOOP("Timeline", "remote session started"),
    "the problem came back": QT_TRANSLATE_NOOP("Timeline", "the problem came back"),
    "work started": QT_TRANSLATE_NOOP("Timeline", "work started"),
    "work done": QT_TRANSLATE_NOOP("Timeline", "work done"),
    "appointment agreed": QT_TRANSLATE_NOOP("Timeline", "appointment agreed"),
}

FIELDS: dict[str, object] = {
    "title": QT_TRANSLATE_NOOP("Timeline", "title"),
    "technician": QT_TRANSLATE_NOOP("Timeline", "technician"),
    "on_site": QT_TRANSLATE_NOOP("Timeline", "place"),
    "notes": QT_TRANSLATE_NOOP("Timeline", "notes"),
    "duration": QT_TRANSLATE_NOOP("Timeline", "duration"),
    "time": QT_TRANSLATE_NOOP("Timeline", "time"),
    "client": QT_TRANSLATE_NOOP("Timeline", "client"),
    "machine": QT_TRANSLATE_NOOP("Timeline", "machine"),
    "intervention": QT_TRANSLATE_NOOP("Timeline", "intervention"),
    "repetition": QT_TRANSLATE_NOOP("Timeline", "repetition"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("Timeline", text)


def _moment(value: object, tz: tzinfo | None) -> str:
    try:
        return short_datetime(datetime.fromisoformat(str(value)), tz=tz)
    except ValueError:
        return str(value)


def state_note(note: str) -> str:
    """A reason the services wrote, in the user's language; what a person typed, as typed."""
    known = STATE_NOTES.get(note)
    return _t(str(known)) if known else note


# the notes the services write on the calls still to make (the technician's own notes stay as typed)
TASK_NOTES: dict[str, object] = {
    "Follow-up call: ": QT_TRANSLATE_NOOP("Timeline", "Follow-up call: %1"),
    "Call again: ": QT_TRANSLATE_NOOP("Timeline", "Call again: %1"),
}


def task_note_text(note: str) -> str:
    """A call task's note in the user's language when the services wrote it."""
    if note == "Call back":
        return _t("Call back")
    for prefix, template in TASK_NOTES.items():
        if note.startswith(prefix):
            return _t(str(template)).replace("%1", note[len(prefix) :])
    return note


def _values(code: str, p: dict[str, Any], tz: tzinfo | None) -> dict[str, str]:
    values = {k: "" if v is None else str(v) for k, v in p.items()}
    if "outcome" in p:
        values["outcome"] = outcome_text(str(p["outcome"]))
    if "origin" in p:
        values["origin"] = origin_text(str(p["origin"]))
    for key in ("due", "start"):
        if key in p:
            values[key] = _moment(p[key], tz)
    if "fields" in p:
        values["fields"] = ", ".join(_t(str(FIELDS[f])) if f in FIELDS else f for f in p["fields"] or ())
    if "clock" in p:
        values["clock"] = clock_name(str(p["clock"])).lower()
    if "protocol" in p:
        values["protocol"] = str(p["protocol"]).upper()
    return values


def timeline_text(e: TimelineEntry, tz: tzinfo | None = None) -> str:
    """The 'Details' column of one timeline line."""
    p = e.params or {}
    if e.kind == "state" and e.to_state:
        moved = (
            f"{state_text(e.from_state)} → {state_text(e.to_state)}"
            if e.from_state
            else state_text(e.to_state)
        )
        if e.code == "opened":
            return f"{moved} — {_render('opened', p, tz)}"
        note = p.get("note", "") if e.code else (e.summary.split(": ", 1)[1] if ": " in e.summary else "")
        return moved + (f" — {state_note(str(note))}" if note else "")
    code = e.code
    if code == "session" and not p.get("machine"):
        code = "session_no_machine"
    if code not in TEMPLATES:
        return e.summary
    text = _render(code, p, tz)
    if code.startswith("session"):
        if p.get("minutes") is not None:
            text += f", {int(p['minutes'])} min"
        if p.get("exit_code") is not None:
            text += ", " + _t("exit code {code}").format(code=p["exit_code"])
    if code.startswith("call_") and p.get("note"):
        text += f" — {p['note']}"
    return text


def _render(code: str, p: dict[str, Any], tz: tzinfo | None) -> str:
    try:
        return _t(str(TEMPLATES[code])).format(**_values(code, p, tz))
    except (KeyError, IndexError, ValueError):  # a value missing from an odd row: show what is there
        return str(TEMPLATES[code])
