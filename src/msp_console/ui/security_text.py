"""The Security section of the details pane: a machine's points, and a client's summary of them.

Words in the user's language for each point (``domain.posture``) and its reading; the state is
shown as glyph, word and colour together (colour never carries meaning alone).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from msp_console.domain.health import HealthState
from msp_console.domain.posture import Point, PointStatus, SecuritySummary
from msp_console.ui.states import STATE_COLOURS, state_text

NEVER = 9999.0  # scan_age of a machine that was never scanned


def _t(text: str) -> str:
    return QCoreApplication.translate("Security", text)


class _Counted:
    """Counted texts, ``Security.tr("%n day(s) ago", "", n)``: lupdate files a plural under the
    name before ``.tr`` and Qt looks it up under that same context (see ``ui/billing/look.py``)."""

    @staticmethod
    def tr(text: str, disambiguation: str = "", n: int = -1) -> str:
        return QCoreApplication.translate("Security", text, disambiguation, n)


Security = _Counted()


def point_text(point: Point) -> str:
    names = {
        Point.FIREWALL: _t("Firewall"),
        Point.ANTIVIRUS: _t("Antivirus"),
        Point.SIGNATURES: _t("Antivirus signatures"),
        Point.SCAN: _t("Last antivirus scan"),
        Point.TAMPER: _t("Tamper protection"),
        Point.UPDATES: _t("Updates"),
        Point.AUTO_UPDATES: _t("Automatic updates"),
        Point.REBOOT: _t("Reboot"),
        Point.ENCRYPTION: _t("Disk encryption"),
    }
    return names[point]


def reading_text(status: PointStatus) -> str:
    """What the machine reported for the point, in words."""
    v = status.value
    n = round(v)
    on_off = _t("on") if v == 0 else _t("off")
    if status.metric == "firewall_off" and status.off:
        profiles = ", ".join(_profile(name) for name in status.off)
        return _t("off (%1)").replace("%1", profiles)
    words = {
        "firewall_off": on_off,
        "antivirus_off": on_off,
        "tamper_off": _t("enabled") if v == 0 else _t("disabled"),  # Italian agrees: "attiva"
        "auto_updates_off": _t("turned on") if v == 0 else _t("turned off"),  # ... "attivi"
        "bitlocker_off": _t("BitLocker on") if v == 0 else _t("BitLocker off"),
        "defender_signature_age": Security.tr("%n day(s) old", "", n),
        "antivirus_outdated": _t("up to date") if v == 0 else _t("out of date"),
        "scan_age": _t("never") if v >= NEVER else Security.tr("%n day(s) ago", "", n),
        "update_age": Security.tr("last installed %n day(s) ago", "", n),
        "security_updates": _t("none pending")
        if v == 0
        else Security.tr("%n security update(s) pending", "", n),
        "reboot_pending": _t("not needed") if v == 0 else _t("pending"),
    }
    return words.get(status.metric, f"{v:g}")


def _profile(name: str) -> str:
    """Windows' firewall profiles, named as the Windows of the user's language names them."""
    names = {"Domain": _t("Domain"), "Private": _t("Private"), "Public": _t("Public")}
    return names.get(name, name)


def _row(state: HealthState, name: str, reading: str) -> str:
    """Glyph in the state's colour, then the point and its reading (the pane is narrow)."""
    colour = STATE_COLOURS[state]
    weight = "normal" if state is HealthState.OK else "bold"
    return (
        f"<tr><td style='color:{colour}; font-weight:bold; padding-right:6px' title='"
        f"{escape(state_text(state))}'>{state.glyph}</td><td>{escape(name)}: "
        f"<span style='font-weight:{weight}'>{escape(reading)}</span></td></tr>"
    )


def machine_html(points: tuple[PointStatus, ...], muted: str) -> str:
    """One row per point: name, state, reading; a sentence when nothing was reported."""
    if not points:
        text = _t("No security posture reported yet: it comes with the machine's system check over SSH.")
        return f"<p style='color:{muted}'>{escape(text)}</p>"
    rows = "".join(_row(p.state, point_text(p.point), reading_text(p)) for p in points)
    return f"<table cellspacing='0' cellpadding='1'>{rows}</table>"


def client_html(summary: SecuritySummary | None, muted: str) -> str:
    """Per point, how many machines are green of those that report it."""
    if summary is None or not summary.machines:
        text = _t("No machine of this client reports its security posture yet.")
        return f"<p style='color:{muted}'>{escape(text)}</p>"
    head = Security.tr("Green on every point: %n machine(s) of %1", "", summary.all_green).replace(
        "%1", str(summary.machines)
    )
    rows = []
    for tally in summary.points:
        count = Security.tr("%1 of %n green", "", tally.reported).replace("%1", str(tally.green))
        rows.append(_row(tally.state, point_text(tally.point), count))
    table = "<table cellspacing='0' cellpadding='1'>" + "".join(rows) + "</table>"
    return f"<p style='margin-bottom:2px'>{escape(head)}</p>{table}"
