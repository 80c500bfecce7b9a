"""Periods, proration, rounding, VAT summaries and numbering: the maths an invoice rests on."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from msp_console.domain.billing import fiscal
from msp_console.domain.billing.amounts import TaxedAmount, effective_unit_price, line_amount, vat_summary
from msp_console.domain.billing.numbering import check_number_format, format_number, sdi_progressive
from msp_console.domain.billing.periods import (
    BillingPeriod,
    Proration,
    add_months,
    next_period_start,
    period_containing,
    periods_to_bill,
    proration,
)
from msp_console.domain.money import parse_amount, round_cents

prices = st.decimals(min_value=0, max_value=100000, places=2, allow_nan=False, allow_infinity=False)
quantities = st.integers(min_value=0, max_value=500).map(Decimal)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))


def half_up(value: Fraction) -> Decimal:
    """Independent rounding: exact rational arithmetic, ties away from zero."""
    cents = value * 100
    whole = cents.numerator // cents.denominator
    if cents - whole >= Fraction(1, 2):
        whole += 1
    return Decimal(whole) / 100


def test_31_january_plus_one_month_is_end_of_february() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)  # leap year
    assert add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)


def test_billed_period_days_follow_the_calendar() -> None:
    assert period_containing(date(2026, 2, 10), BillingPeriod.MONTHLY).days == 28
    assert period_containing(date(2028, 2, 10), BillingPeriod.MONTHLY).days == 29
    assert period_containing(date(2026, 4, 30), BillingPeriod.MONTHLY).days == 30
    q = period_containing(date(2026, 5, 20), BillingPeriod.QUARTERLY)
    assert (q.start, q.end, q.days) == (date(2026, 4, 1), date(2026, 6, 30), 91)
    assert period_containing(date(2028, 7, 1), BillingPeriod.YEARLY).days == 366


def test_a_contract_starting_on_the_15th_pays_the_rest_of_the_month() -> None:
    nov = period_containing(date(2026, 11, 15), BillingPeriod.MONTHLY)
    share = proration(nov, date(2026, 11, 15), None)
    assert share == Proration(16, 30)
    assert line_amount(Decimal(1), Decimal("300.00"), share) == Decimal("160.00")
    feb = period_containing(date(2028, 2, 1), BillingPeriod.MONTHLY)
    assert proration(feb, date(2027, 1, 1), date(2028, 2, 10)) == Proration(10, 29)


@given(days, st.sampled_from(list(BillingPeriod)))
def test_periods_tile_the_calendar(day: date, period: BillingPeriod) -> None:
    span = period_containing(day, period)
    assert span.start <= day <= span.end
    after = period_containing(span.end + timedelta(days=1), period)
    assert after.start == span.end + timedelta(days=1) == next_period_start(day, period)


@given(
    days,
    st.integers(min_value=0, max_value=800),
    st.integers(min_value=0, max_value=400),
    st.sampled_from(list(BillingPeriod)),
)
def test_prorated_days_add_up_to_the_contract_length(
    start: date, length: int, horizon: int, period: BillingPeriod
) -> None:
    end = start + timedelta(days=length)
    spans = list(periods_to_bill(start, end, period, end + timedelta(days=horizon)))
    assert sum(proration(s, start, end).days for s in spans) == length + 1
    assert all(1 <= proration(s, start, end).days <= s.days for s in spans)


@given(quantities, prices, st.integers(min_value=1, max_value=31), st.integers(min_value=28, max_value=31))
def test_line_amount_is_exact_half_up(qty: Decimal, price: Decimal, used: int, of: int) -> None:
    used = min(used, of)
    expected = half_up(Fraction(qty) * Fraction(price) * Fraction(used, of))
    assert line_amount(qty, price, Proration(used, of)) == expected
    shown = effective_unit_price(price, Proration(used, of))
    assert abs(round_cents(shown * qty) - expected) <= Decimal("0.01") * max(1, qty / 100)


def test_half_up_not_bankers() -> None:
    assert round_cents(Decimal("0.125")) == Decimal("0.13")
    assert round_cents(Decimal("2.675")) == Decimal("2.68")
    assert line_amount(Decimal(1), Decimal("0.005")) == Decimal("0.01")


@given(
    st.lists(
        st.tuples(prices, st.sampled_from([Decimal(22), Decimal(10), Decimal(4), Decimal(0)])),
        min_size=1,
        max_size=20,
    )
)
def test_vat_is_computed_on_each_rates_taxable_total(lines: list[tuple[Decimal, Decimal]]) -> None:
    taxed = [TaxedAmount(a, r, "N2.2" if r == 0 else "") for a, r in lines]
    totals = vat_summary(taxed)
    for group in totals.groups:
        taxable = sum((a for a, r in lines if r == group.vat_rate), Decimal(0))
        assert group.taxable == taxable
        assert group.vat == half_up(Fraction(taxable) * Fraction(group.vat_rate) / 100)
    assert (
        totals.total
        == totals.taxable + totals.vat
        == sum((g.taxable + g.vat for g in totals.groups), Decimal(0))
    )


def test_vat_per_rate_differs_from_summing_rounded_lines() -> None:
    # Three lines of 0.10 at 22 %: per line 0.02 each (0.06), on the total 0.07 — FatturaPA wants 0.07.
    totals = vat_summary([TaxedAmount(Decimal("0.10"), Decimal(22))] * 3)
    assert totals.vat == Decimal("0.07")


@given(st.integers(min_value=2000, max_value=2099), st.integers(min_value=1, max_value=9999))
def test_default_numbers_sort_and_read_back(year: int, seq: int) -> None:
    number = format_number("{year}/{seq:04d}", year, seq)
    assert number == f"{year}/{seq:04d}"
    assert int(number.split("/")[1]) == seq


def test_number_format_must_have_a_progressive() -> None:
    assert check_number_format("FT-{year}-{seq:05d}") == "FT-{year}-{seq:05d}"
    for bad in ("{year}", "{seq}{client}", "{seq"):
        with pytest.raises(ValueError):
            check_number_format(bad)


@given(st.integers(min_value=1, max_value=36**5 - 1))
def test_sdi_progressive_is_five_unique_characters(n: int) -> None:
    text = sdi_progressive(n)
    assert len(text) == 5 and int(text, 36) == n


def test_italian_amounts_and_fiscal_codes() -> None:
    assert parse_amount("1.234,50") == Decimal("1234.50")
    assert parse_amount("1234.50") == Decimal("1234.50")
    assert parse_amount("1,234.50") == Decimal("1234.50")
    assert parse_amount("12,5") == Decimal("12.5")
    with pytest.raises(ValueError):
        parse_amount("dodici")
    assert fiscal.iban("IT60 X054 2811 1010 0000 0123 456") == "IT60X0542811101000000123456"
    with pytest.raises(ValueError, match="check digits"):
        fiscal.iban("IT61X0542811101000000123456")
    assert fiscal.natura_for(Decimal(0), "n2.2") == "N2.2"
    with pytest.raises(ValueError, match="Natura"):
        fiscal.natura_for(Decimal(0), "")
    with pytest.raises(ValueError):
        fiscal.natura_for(Decimal(22), "N1")
    with pytest.raises(ValueError):
        fiscal.sdi_code("ABC")


def test_uptime_counts_only_known_time() -> None:
    from datetime import UTC, datetime

    from msp_console.domain.billing.availability import ok_days, state_durations, uptime_ratio

    start, end = datetime(2026, 11, 1, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC)
    changes = [
        (datetime(2026, 11, 10, tzinfo=UTC), "CRITICAL"),
        (datetime(2026, 11, 10, 6, tzinfo=UTC), "OK"),
    ]
    durations = state_durations("OK", changes, start, end)
    assert durations["CRITICAL"] == timedelta(hours=6)
    assert uptime_ratio(durations) == 1 - 6 / (30 * 24)
    assert uptime_ratio(state_durations(None, [], start, end)) is None  # no data is not 100 %
    late = state_durations(None, [(datetime(2026, 11, 16, tzinfo=UTC), "OK")], start, end)
    assert uptime_ratio(late) == 1.0 and late[""] == timedelta(days=15)
    days_ = [(datetime(2026, 11, d, tzinfo=UTC), datetime(2026, 11, d + 1, tzinfo=UTC)) for d in range(1, 30)]
    assert ok_days("OK", changes, days_) == (28, 29)
