"""Money, dates and invoice states as the user reads them (their locale; colour + glyph + text)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from babel.numbers import format_currency
from PySide6.QtCore import QCoreApplication, QDate, QLocale


def tr(text: str) -> str:
    return QCoreApplication.translate("Billing", text)


class _Counted:
    """Billing's counted texts, ``BillingCounts.tr("%n page(s)", "", n)``.

    lupdate marks a plural (%n) only on a ``.tr(text, "", n)`` call and files it under the name
    before ``.tr``; PySide's own ``QObject.tr`` finds a plural only under the object's exact class.
    This object's ``tr`` looks it up under that same name, so extraction and lookup agree.
    """

    @staticmethod
    def tr(text: str, disambiguation: str = "", n: int = -1) -> str:
        return QCoreApplication.translate("BillingCounts", text, disambiguation, n)


BillingCounts = _Counted()


def money(amount: Decimal, currency: str = "EUR", locale: QLocale | None = None) -> str:
    """Exact Decimal in the user's locale (it_IT: 1.234,50 €) — Babel, never through a float."""
    return money_in((locale or QLocale()).name(), amount, currency)


def warm_money(locale_name: str) -> None:
    """Has Babel read its data for the locale (a file read and unpickled: ~60 ms the first time).
    Called with the list's background read, so the first amount painted does not wait on disk."""
    money_in(locale_name, Decimal(0))


def money_in(name: str, amount: Decimal, currency: str = "EUR") -> str:
    """``money`` for a locale named ``name`` ("it_IT"; "C" when no locale is set): usable off the
    GUI thread."""
    try:
        return format_currency(amount, currency, locale=name if "_" in name else "en_US")
    except Exception:  # a locale Babel does not know: plain English
        return format_currency(amount, currency, locale="en_US")


def day(value: date | None, locale: QLocale | None = None) -> str:
    """28/11/2026 in it_IT: the locale's short date with a four-digit year."""
    if value is None:
        return ""
    loc = locale or QLocale()
    if loc.language() == QLocale.Language.C:
        return value.isoformat()
    fmt = loc.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    return loc.toString(QDate(value.year, value.month, value.day), fmt)


def month_name(year: int, month: int, locale: QLocale | None = None) -> str:
    loc = locale or QLocale()
    return f"{loc.standaloneMonthName(month, QLocale.FormatType.LongFormat)} {year}"


STATUS_COLOURS = {
    "draft": "#757575",
    "issued": "#1565c0",
    "sent": "#6a1b9a",
    "paid": "#2e7d32",
    "overdue": "#c62828",
}
STATUS_GLYPHS = {"draft": "✎", "issued": "●", "sent": "➤", "paid": "✓", "overdue": "!"}


def status_text(status: str) -> str:
    names = {
        "draft": tr("Draft"),
        "issued": tr("Issued"),
        "sent": tr("Sent"),
        "paid": tr("Paid"),
        "overdue": tr("Overdue"),
    }
    return names.get(status, status)


def status_label(status: str) -> str:
    return f"{STATUS_GLYPHS.get(status, '')} {status_text(status)}".strip()


def explain(error: Exception, labels: Mapping[str, str] | None = None) -> str:
    """An error in words a user can act on — never a traceback. ``labels``: the form's names of
    the refused fields."""
    from msp_console.domain.errors import ValidationError
    from msp_console.ui.validation_text import error_lines

    if isinstance(error, ValidationError):
        lines = "\n".join(f"• {line}" for line in error_lines(error.errors, labels or {}).splitlines())
        return tr("Refused, nothing was changed:") + "\n" + lines
    if isinstance(error, OSError):
        return tr("The file could not be written: %s") % (error.strerror or error)
    return str(error) or type(error).__name__
