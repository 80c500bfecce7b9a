"""Numbers, money and dates in the user's locale (it_IT: ``1.234,50 €``, ``28/11/2026``).

Dates and times come from QLocale (the language chosen at start-up, else the system's), with
four-digit years. Money and grouped numbers go through Babel with the same locale, like the
invoices: Qt's Italian data leaves four-digit numbers ungrouped (1234,50) while Babel and the
printed invoices write 1.234,50 — the screen and the paper must agree.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from decimal import Decimal

from babel.numbers import format_currency, format_decimal
from PySide6.QtCore import QDate, QDateTime, QLocale, QTime


def _babel_locale(locale: QLocale | None = None) -> str:
    name = (locale or QLocale()).name()  # "it_IT", "en_US"; "C" when nothing is set
    return name if "_" in name else "en_US"


def number(value: int | float | Decimal, decimals: int | None = None, locale: QLocale | None = None) -> str:
    fmt = None if decimals is None else "#,##0." + "0" * decimals if decimals else "#,##0"
    return format_decimal(value, format=fmt, locale=_babel_locale(locale))


def money(amount: Decimal | int | float, currency: str = "EUR", locale: QLocale | None = None) -> str:
    return format_currency(amount, currency, locale=_babel_locale(locale))


def _four_digit_years(pattern: str) -> str:
    return pattern.replace("yyyy", "yy").replace("yy", "yyyy")


def date_pattern(locale: QLocale | None = None) -> str:
    """The short date pattern with a four-digit year (it_IT: dd/MM/yyyy), for date editors too."""
    return _four_digit_years((locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat))


def datetime_pattern(locale: QLocale | None = None) -> str:
    """Date and time editors: ``dd/MM/yyyy HH:mm`` in it_IT, like every date and time on screen."""
    loc = locale or QLocale()
    return f"{date_pattern(loc)} {loc.timeFormat(QLocale.FormatType.ShortFormat)}"


def short_date(day: date, locale: QLocale | None = None) -> str:
    loc = locale or QLocale()
    return loc.toString(QDate(day.year, day.month, day.day), date_pattern(loc))


_ZONE: tzinfo | None = None  # the office's zone once the scheduling settings are read; else the system's


def set_zone(zone: tzinfo | None) -> None:
    """Every time on screen is shown in this zone (the one the business hours are kept in)."""
    global _ZONE
    _ZONE = zone


def local(moment: datetime, tz: tzinfo | None = None) -> datetime:
    """An aware instant in the desk's zone; a naive one is taken as already local."""
    return moment.astimezone(tz or _ZONE) if moment.tzinfo else moment


def short_time(
    moment: datetime, locale: QLocale | None = None, *, tz: tzinfo | None = None, seconds: bool = False
) -> str:
    loc = locale or QLocale()
    at = local(moment, tz)
    fmt = loc.timeFormat(QLocale.FormatType.ShortFormat)
    if seconds and ":ss" not in fmt:
        fmt = fmt.replace("mm", "mm:ss")
    return loc.toString(QTime(at.hour, at.minute, at.second), fmt)


def short_datetime(
    moment: datetime, locale: QLocale | None = None, *, tz: tzinfo | None = None, seconds: bool = False
) -> str:
    """A UTC (aware) instant shown in the desk's local time: ``28/11/2026 09:30``."""
    loc = locale or QLocale()
    at = local(moment, tz)
    return f"{short_date(at.date(), loc)} {short_time(moment, loc, tz=tz, seconds=seconds)}"


def long_date(day: date, locale: QLocale | None = None) -> str:
    loc = locale or QLocale()
    return loc.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def qdatetime(moment: datetime) -> QDateTime:
    at = local(moment)
    return QDateTime(QDate(at.year, at.month, at.day), QTime(at.hour, at.minute, at.second))
