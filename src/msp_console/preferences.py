"""This technician's preferences on this PC, shared by the window, the CLI and the poller (no Qt).

Kept in <data dir>/preferences.json (written atomically). What lives in the database stays there
(company profile, business hours, invoice numbering); what is personal to the desk lives here:
who is at the keyboard, the interface language, the remote clients, polling and notification
defaults.
"""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import asdict, dataclass, fields, replace
from datetime import time
from pathlib import Path
from typing import Any

from msp_console.domain.check_defaults import CheckDefaults
from msp_console.fileio import atomic_write_bytes
from msp_console.settings import data_dir

PREFERENCES_FILE = "preferences.json"
LANGUAGES = ("", "en", "it")  # "" follows the operating system
NOTIFY_STATES = ("critical", "warning", "unknown", "recovered")  # UNREACHABLE never alerts: its parent does
ENV_USER = "MSP_CONSOLE_USER"  # read by remote sessions (and anything else naming the author)
ENV_TERMINAL = "MSP_CONSOLE_TERMINAL"


@dataclass(frozen=True)
class Preferences:
    technician: str = ""  # author of appointments, acknowledgements, sessions
    language: str = ""  # "", "en" or "it"; applied at the next start
    # remote launchers: a tool id from msp_console.remote.clients ("" = the first one installed)
    rdp_client: str = ""
    ssh_client: str = ""
    vnc_client: str = ""
    terminal: str = ""  # a terminal program for SSH sessions ("" = the system's)
    # polling defaults for new checks and for the poller
    poll_interval_s: int = 60
    poll_attempts: int = 3
    poll_timeout_s: int = 10
    poll_workers: int = 8
    # notifications
    do_not_disturb: bool = False
    dnd_start: str = "20:00"
    dnd_end: str = "08:00"
    notify_states: str = "critical,warning,recovered"  # comma-separated NOTIFY_STATES
    # invoices
    invoice_language: str = "it"  # default language of new contracts' invoices
    invoice_pdf_with_report: bool = False  # write the month's service report beside each invoice PDF

    def errors(self) -> dict[str, str]:
        """field → what is wrong (English; the GUI validates the same limits in its widgets)."""
        out: dict[str, str] = {}
        if self.language not in LANGUAGES:
            out["language"] = "the language is en, it or empty (the system's)"
        if self.invoice_language not in ("it", "en"):
            out["invoice_language"] = "invoices are in Italian (it) or English (en)"
        limits = {
            "poll_interval_s": (10, 86_400),
            "poll_attempts": (1, 10),
            "poll_timeout_s": (1, 300),
            "poll_workers": (1, 64),
        }
        for name, (low, high) in limits.items():
            value = getattr(self, name)
            if not low <= value <= high:
                out[name] = f"must be between {low} and {high}"
        for name in ("dnd_start", "dnd_end"):
            text = getattr(self, name)
            parts = text.split(":")
            ok = len(parts) == 2 and all(p.isdigit() for p in parts)
            if not ok or not (0 <= int(parts[0]) < 24 and 0 <= int(parts[1]) < 60):
                out[name] = f"{text!r} is not a time like 08:00"
        unknown = [s for s in self.notify_list() if s not in NOTIFY_STATES]
        if unknown:
            out["notify_states"] = "unknown states: " + ", ".join(unknown)
        if len(self.technician) > 100:
            out["technician"] = "at most 100 characters"
        return out

    def notify_list(self) -> list[str]:
        return [s.strip() for s in self.notify_states.split(",") if s.strip()]

    def in_quiet_hours(self, now: time) -> bool:
        """True inside the do-not-disturb window (which may cross midnight: 20:00–08:00)."""
        if not self.do_not_disturb:
            return False
        start, end = time.fromisoformat(self.dnd_start), time.fromisoformat(self.dnd_end)
        if start <= end:
            return start <= now < end
        return now >= start or now < end

    def should_notify(self, state: str, now: time, previous: str = "") -> bool:
        """Whether a confirmed change to ``state`` (critical, warning, unknown; ok or recovered)
        raises a desktop notification at local time ``now``. A recovery is only told when the
        problem it ends (``previous``) was one the technician hears about."""
        chosen = self.notify_list()
        state = state.lower()
        if state in ("ok", "recovered"):
            wanted = "recovered" in chosen and (not previous or previous.lower() in chosen)
        else:
            wanted = state in chosen
        return wanted and not self.in_quiet_hours(now)

    def preferred_client(self, protocol: str) -> str:
        return {"rdp": self.rdp_client, "ssh": self.ssh_client, "vnc": self.vnc_client}.get(protocol, "")

    def check_defaults(self) -> CheckDefaults:
        return CheckDefaults(self.poll_interval_s, self.poll_attempts, float(self.poll_timeout_s))


def preferences_path() -> Path:
    return data_dir() / PREFERENCES_FILE


def load_preferences() -> Preferences:
    path = preferences_path()
    if not path.is_file():
        return Preferences()
    try:
        raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Preferences()  # a damaged file must never stop the console from starting
    values: dict[str, Any] = {}
    for f in fields(Preferences):
        if f.name in raw:
            default = getattr(Preferences(), f.name)
            try:
                values[f.name] = type(default)(raw[f.name])
            except (TypeError, ValueError):
                continue
    if "notify_states" in values:  # a choice an earlier version offered (unreachable) is dropped
        chosen = [x.strip() for x in str(values["notify_states"]).split(",")]
        values["notify_states"] = ",".join(x for x in chosen if x in NOTIFY_STATES)
    return replace(Preferences(), **values)


def save_preferences(prefs: Preferences) -> Preferences:
    problems = prefs.errors()
    if problems:
        raise ValueError("; ".join(f"{k}: {v}" for k, v in problems.items()))
    atomic_write_bytes(preferences_path(), json.dumps(asdict(prefs), indent=2).encode("utf-8"))
    return prefs


def update_preferences(**changes: Any) -> Preferences:
    return save_preferences(replace(load_preferences(), **changes))


def technician_name(prefs: Preferences | None = None) -> str:
    """Who is at the keyboard: the configured name, else $MSP_CONSOLE_USER, else the OS login."""
    prefs = prefs or load_preferences()
    return prefs.technician or os.environ.get(ENV_USER) or getpass.getuser()


def apply_to_environment(prefs: Preferences | None = None) -> None:
    """Hands the technician's name and terminal to parts that read the environment (remote
    sessions), unless the environment already sets them."""
    prefs = prefs or load_preferences()
    if prefs.technician and not os.environ.get(ENV_USER):
        os.environ[ENV_USER] = prefs.technician
    if prefs.terminal and not os.environ.get(ENV_TERMINAL):
        os.environ[ENV_TERMINAL] = prefs.terminal
