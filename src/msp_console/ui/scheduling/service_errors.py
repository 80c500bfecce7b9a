"""The scheduling services' refusals a person can meet from the window, in the user's language.

The services speak English (the CLI and the logs read them); a refusal this table does not know
is shown as the service wrote it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from msp_console.domain.errors import ValidationError
from msp_console.ui.scheduling.look import state_text

KNOWN: dict[str, object] = {  # marked for lupdate, translated where shown
    "an appointment needs a title": QT_TRANSLATE_NOOP("ServiceErrors", "an appointment needs a title"),
    "the appointment ends before it starts": QT_TRANSLATE_NOOP(
        "ServiceErrors", "the appointment ends before it starts"
    ),
    "the duration must be a positive number of minutes": QT_TRANSLATE_NOOP(
        "ServiceErrors", "the duration must be a positive number of minutes"
    ),
    "an appointment cannot last more than 7 days": QT_TRANSLATE_NOOP(
        "ServiceErrors", "an appointment cannot last more than 7 days"
    ),
    "this appointment does not repeat": QT_TRANSLATE_NOOP(
        "ServiceErrors", "this appointment does not repeat"
    ),
    "this appointment repeats: say which occurrence, or edit the whole series": QT_TRANSLATE_NOOP(
        "ServiceErrors", "this appointment repeats: say which occurrence, or edit the whole series"
    ),
    "change the repetition on the whole series, not one occurrence": QT_TRANSLATE_NOOP(
        "ServiceErrors", "change the repetition on the whole series, not one occurrence"
    ),
    "an intervention needs a title": QT_TRANSLATE_NOOP("ServiceErrors", "an intervention needs a title"),
    "the note is empty": QT_TRANSLATE_NOOP("ServiceErrors", "the note is empty"),
    "time spent must be a positive number of minutes": QT_TRANSLATE_NOOP(
        "ServiceErrors", "time spent must be a positive number of minutes"
    ),
    "the intervention belongs to another client": QT_TRANSLATE_NOOP(
        "ServiceErrors", "the intervention belongs to another client"
    ),
    "the session ends before it starts": QT_TRANSLATE_NOOP(
        "ServiceErrors", "the session ends before it starts"
    ),
    "the recurrence rule is empty": QT_TRANSLATE_NOOP("ServiceErrors", "the recurrence rule is empty"),
}

_MOVE = re.compile(r"cannot go from (?P<source>\w+) to (?P<target>\w+) \(allowed: (?P<allowed>[\w, ]*)\)")
_FOLLOW_UP = re.compile(r"\w+ is the answer to a follow-up call on an intervention awaiting its check")


def _t(text: str) -> str:
    return QCoreApplication.translate("ServiceErrors", text)


def message_text(message: str) -> str:
    """One refusal in the user's language when it is one the window can meet."""
    known = KNOWN.get(message)
    if known:
        return _t(str(known))
    move = _MOVE.fullmatch(message)
    if move:
        allowed = ", ".join(state_text(s.strip()) for s in move["allowed"].split(",") if s.strip())
        return (
            _t("an intervention cannot go from “%1” to “%2” (allowed: %3)")
            .replace("%1", state_text(move["source"]))
            .replace("%2", state_text(move["target"]))
            .replace("%3", allowed)
        )
    if _FOLLOW_UP.fullmatch(message):
        return _t("this outcome answers the follow-up call of an intervention awaiting its check")
    return message


def error_text(exc: Exception) -> str:
    """A failure in words: each refused field on its own line, else the error's own message."""
    if isinstance(exc, ValidationError):
        return "\n".join(f"• {message_text(e.message)}" for e in exc.errors)
    return str(exc) or type(exc).__name__
