"""The scheduling services' refusals a person can meet from the window, in the user's language.

The services speak English (the CLI and the logs read them) and give each refusal a code; the
window words a known code here, and shows any other refusal as the service wrote it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from msp_console.domain.errors import FieldError, ValidationError
from msp_console.ui.scheduling.look import state_text

KNOWN: dict[str, object] = {  # code → the words, marked for lupdate, translated where shown
    "appointment.no_title": QT_TRANSLATE_NOOP("ServiceErrors", "an appointment needs a title"),
    "appointment.ends_first": QT_TRANSLATE_NOOP("ServiceErrors", "the appointment ends before it starts"),
    "appointment.duration": QT_TRANSLATE_NOOP(
        "ServiceErrors", "the duration must be a positive number of minutes"
    ),
    "appointment.too_long": QT_TRANSLATE_NOOP("ServiceErrors", "an appointment cannot last more than 7 days"),
    "appointment.not_repeating": QT_TRANSLATE_NOOP("ServiceErrors", "this appointment does not repeat"),
    "appointment.which_occurrence": QT_TRANSLATE_NOOP(
        "ServiceErrors", "this appointment repeats: say which occurrence, or edit the whole series"
    ),
    "appointment.series_rule": QT_TRANSLATE_NOOP(
        "ServiceErrors", "change the repetition on the whole series, not one occurrence"
    ),
    "intervention.no_title": QT_TRANSLATE_NOOP("ServiceErrors", "an intervention needs a title"),
    "intervention.empty_note": QT_TRANSLATE_NOOP("ServiceErrors", "the note is empty"),
    "intervention.minutes": QT_TRANSLATE_NOOP(
        "ServiceErrors", "time spent must be a positive number of minutes"
    ),
    "call.other_client": QT_TRANSLATE_NOOP("ServiceErrors", "the intervention belongs to another client"),
    "call.follow_up_answer": QT_TRANSLATE_NOOP(
        "ServiceErrors", "this outcome answers the follow-up call of an intervention awaiting its check"
    ),
    "session.ends_first": QT_TRANSLATE_NOOP("ServiceErrors", "the session ends before it starts"),
    "recurrence.empty": QT_TRANSLATE_NOOP("ServiceErrors", "the recurrence rule is empty"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("ServiceErrors", text)


def field_error_text(error: FieldError) -> str:
    """One refusal in the user's language when its code is one the window can meet."""
    if error.code == "intervention.move":
        p = error.params
        allowed = ", ".join(state_text(s.strip()) for s in p.get("allowed", "").split(",") if s.strip())
        return (
            _t("an intervention cannot go from “%1” to “%2” (allowed: %3)")
            .replace("%1", state_text(p.get("source", "")))
            .replace("%2", state_text(p.get("target", "")))
            .replace("%3", allowed)
        )
    known = KNOWN.get(error.code)
    return _t(str(known)) if known else error.message


def error_text(exc: Exception) -> str:
    """A failure in words: each refused field on its own line, else the error's own message."""
    if isinstance(exc, ValidationError):
        return "\n".join(f"• {field_error_text(e)}" for e in exc.errors)
    return str(exc) or type(exc).__name__
