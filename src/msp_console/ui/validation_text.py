"""The lower layers' field refusals in the user's language.

The domain and the services speak English (the CLI, CSV reports and logs read ``message``); each
refusal a person can meet in a dialog also carries a ``code`` and its ``params``, worded here.
Field names are the form's own labels, never the stored keys. A refusal without a code this table
knows is shown as the service wrote it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from msp_console.domain.errors import FieldError
from msp_console.ui.locale_format import short_date

Name = Callable[[str], str]  # a stored key (``cert_warn_days``) to the form's label

# code -> the template, marked for lupdate and translated where shown
TEMPLATES: dict[str, object] = {
    "required": QT_TRANSLATE_NOOP("ValidationText", "This field is required."),
    "empty": QT_TRANSLATE_NOOP("ValidationText", "This field is required."),
    "too_long": QT_TRANSLATE_NOOP("ValidationText", "At most %1 characters."),
    "vat_digits": QT_TRANSLATE_NOOP(
        "ValidationText", "“%1” is not an Italian VAT number: it needs 11 digits."
    ),
    "vat_check": QT_TRANSLATE_NOOP(
        "ValidationText", "“%1” is not a valid Italian VAT number: the check digit is wrong."
    ),
    "vat_foreign": QT_TRANSLATE_NOOP(
        "ValidationText", "“%1” is not a VAT number: use 2 to 14 letters or digits."
    ),
    "tax_code_length": QT_TRANSLATE_NOOP(
        "ValidationText", "“%1” is not a tax code: it needs 16 characters (or 11 digits for a company)."
    ),
    "tax_code_pattern": QT_TRANSLATE_NOOP(
        "ValidationText", "“%1” is not a tax code: the pattern of letters and digits is wrong."
    ),
    "tax_code_check": QT_TRANSLATE_NOOP(
        "ValidationText", "“%1” is not a valid tax code: the check letter is wrong."
    ),
    "email": QT_TRANSLATE_NOOP("ValidationText", "“%1” is not an e-mail address."),
    "host_empty": QT_TRANSLATE_NOOP("ValidationText", "The address is empty."),
    "ip_address": QT_TRANSLATE_NOOP(
        "ValidationText", "“%1” is not an IP address: each of the 4 numbers must be 0-255."
    ),
    "host_long": QT_TRANSLATE_NOOP("ValidationText", "“%1” is not a host name: longer than 253 characters."),
    "host_name": QT_TRANSLATE_NOOP(
        "ValidationText", "“%1” is not a host name: use letters, digits, dots and “-”, no spaces."
    ),
    "phone": QT_TRANSLATE_NOOP(
        "ValidationText", "“%1” is not a phone number: use digits, spaces and an optional leading +."
    ),
    "sdi": QT_TRANSLATE_NOOP(
        "ValidationText", "“%1” is not an SdI code: it needs 7 letters or digits (6 for public offices)."
    ),
    "country": QT_TRANSLATE_NOOP("ValidationText", "“%1” is not a country code: use two letters, e.g. IT."),
    "postal_code_it": QT_TRANSLATE_NOOP(
        "ValidationText", "“%1” is not an Italian postal code: it needs 5 digits."
    ),
    "postal_code": QT_TRANSLATE_NOOP("ValidationText", "“%1” is not a postal code."),
    "province": QT_TRANSLATE_NOOP(
        "ValidationText", "“%1” is not an Italian province: use its two-letter code, e.g. MI."
    ),
    "machine_slash": QT_TRANSLATE_NOOP(
        "ValidationText", "A machine name cannot contain “/” (it separates client and machine)."
    ),
    "tag": QT_TRANSLATE_NOOP(
        "ValidationText", "The tag “%1” may only hold letters, digits, “.”, “+”, “-”, “_”."
    ),
    "choice": QT_TRANSLATE_NOOP("ValidationText", "“%1” is not one of: %2."),
    "yes_no": QT_TRANSLATE_NOOP("ValidationText", "“%1” is not yes or no."),
    "parent_self": QT_TRANSLATE_NOOP("ValidationText", "A machine cannot sit behind itself."),
    "parent_loop": QT_TRANSLATE_NOOP("ValidationText", "That would make the machine sit behind itself."),
    "duplicate_client": QT_TRANSLATE_NOOP("ValidationText", "A client named “%1” already exists."),
    "duplicate_site": QT_TRANSLATE_NOOP("ValidationText", "This client already has a site named “%1”."),
    "duplicate_contact": QT_TRANSLATE_NOOP("ValidationText", "This client already has a contact named “%1”."),
    "duplicate_machine": QT_TRANSLATE_NOOP("ValidationText", "This client already has a machine named “%1”."),
    "no_site": QT_TRANSLATE_NOOP("ValidationText", "This client has no site named “%1”."),
    "no_machine": QT_TRANSLATE_NOOP("ValidationText", "This client has no machine named “%1”."),
    "unknown_param": QT_TRANSLATE_NOOP("ValidationText", "“%1” is not a setting of this kind of check."),
    "not_an_address": QT_TRANSLATE_NOOP(
        "ValidationText", "“%1” is not an IP address or network: e.g. 192.0.2.10 or 192.0.2.0/24."
    ),
    "not_a_user": QT_TRANSLATE_NOOP(
        "ValidationText", "“%1” is not a user name: use letters, digits, “_”, “.” and “-”."
    ),
    "api_url": QT_TRANSLATE_NOOP(
        "ValidationText", "%1: “%2” is not an https:// address, e.g. https://192.0.2.5:8007."
    ),
    "api_fingerprint": QT_TRANSLATE_NOOP(
        "ValidationText", "%1: “%2” is not a SHA-256 fingerprint: 64 hexadecimal digits, e.g. ab:cd:…"
    ),
    "api_token_id": QT_TRANSLATE_NOOP(
        "ValidationText", "%1: “%2” is not an API token id: USER@REALM!TOKENID, e.g. monitor@pbs!console."
    ),
    "api_percent": QT_TRANSLATE_NOOP("ValidationText", "%1: “%2” is not a percentage from 1 to 100."),
    "api_timezone": QT_TRANSLATE_NOOP("ValidationText", "%1: “%2” is not a time zone such as Europe/Rome."),
    "param_needed": QT_TRANSLATE_NOOP("ValidationText", "%1 is needed for this kind of check."),
    "port_range": QT_TRANSLATE_NOOP("ValidationText", "%1 must be a number from 1 to 65535."),
    "param_number": QT_TRANSLATE_NOOP("ValidationText", "%1 must be a number."),
    "backup_param": QT_TRANSLATE_NOOP(
        "ValidationText",
        "“%2” is not a valid %1: the shrink ratio is a fraction such as 0.5, the grow ratio a factor "
        "above 1 such as 3, the window a whole number of runs such as 7.",
    ),
    "interval_range": QT_TRANSLATE_NOOP("ValidationText", "Must be whole seconds from %1 to %2."),
    "threshold_syntax": QT_TRANSLATE_NOOP(
        "ValidationText", "“%1” is not a threshold: use a range such as 10, 10:, ~:10, 10:20 or @10:20."
    ),
    "threshold_order": QT_TRANSLATE_NOOP(
        "ValidationText", "“%1”: the start of a range must not be above its end."
    ),
    "threshold_unknown": QT_TRANSLATE_NOOP("ValidationText", "Unknown threshold “%1”: expected one of %2."),
    "threshold_too_many": QT_TRANSLATE_NOOP("ValidationText", "Too many thresholds in “%1”: expected %2."),
    "threshold_in_command": QT_TRANSLATE_NOOP(
        "ValidationText", "This kind of check takes its thresholds in the command."
    ),
    "contract_end": QT_TRANSLATE_NOOP("ValidationText", "The contract ends before it starts."),
    "billing_day": QT_TRANSLATE_NOOP("ValidationText", "The billing day is a day of the month (1–31)."),
    "invoice_language": QT_TRANSLATE_NOOP("ValidationText", "Invoices are in Italian or English."),
    "negative_amount": QT_TRANSLATE_NOOP("ValidationText", "Quantities and prices cannot be negative."),
    "contract_no_service": QT_TRANSLATE_NOOP("ValidationText", "A contract needs at least one service."),
    "contract_exists": QT_TRANSLATE_NOOP("ValidationText", "A contract “%1” exists already."),
    "no_file": QT_TRANSLATE_NOOP("ValidationText", "“%1”: no such file."),
    "logo_kind": QT_TRANSLATE_NOOP("ValidationText", "The logo must be a PNG or JPEG image."),
    "days_range": QT_TRANSLATE_NOOP("ValidationText", "“%1” is not a number of days (0–365)."),
    "csv_again": QT_TRANSLATE_NOOP("ValidationText", "Appears again (first on line %1)."),
    "csv_no_client": QT_TRANSLATE_NOOP("ValidationText", "No client named “%1” (import the clients first)."),
    "csv_empty": QT_TRANSLATE_NOOP("ValidationText", "The file is empty or its first line is blank."),
    "csv_unknown_column": QT_TRANSLATE_NOOP("ValidationText", "Unknown column (expected some of: %1)."),
    "csv_missing_column": QT_TRANSLATE_NOOP("ValidationText", "This required column is missing."),
    "csv_column_twice": QT_TRANSLATE_NOOP("ValidationText", "This column appears twice."),
    "csv_cells": QT_TRANSLATE_NOOP("ValidationText", "The row has %1 cells but the header has %2."),
    "customer_no_vat": QT_TRANSLATE_NOOP(
        "ValidationText", "Client “%1”: the VAT number (or at least the tax code) is missing."
    ),
    "customer_missing": QT_TRANSLATE_NOOP(
        "ValidationText", "Client “%1”: “%2” is missing (the electronic invoice needs the full address)."
    ),
    "supplier_missing": QT_TRANSLATE_NOOP("ValidationText", "The company profile lacks “%1”."),
    "credit_reason": QT_TRANSLATE_NOOP(
        "ValidationText", "A credit note needs a reason (it is printed on it)."
    ),
    "fully_credited": QT_TRANSLATE_NOOP("ValidationText", "%1 is already fully credited."),
    "paid_before_issued": QT_TRANSLATE_NOOP("ValidationText", "The payment date is before the invoice date."),
    "issued_delete": QT_TRANSLATE_NOOP(
        "ValidationText", "Invoice %1 is issued: issue a credit note instead of deleting it."
    ),
    "issued_change": QT_TRANSLATE_NOOP("ValidationText", "Invoice %1 is issued and cannot change."),
    "issue_date_order": QT_TRANSLATE_NOOP(
        "ValidationText", "%1 is before the last issued invoice (%2): numbers must follow the dates."
    ),
    "iban": QT_TRANSLATE_NOOP(
        "ValidationText", "“%1” is not an IBAN: two letters, two check digits, then the account."
    ),
    "iban_length": QT_TRANSLATE_NOOP(
        "ValidationText", "“%1” is not a valid IBAN: it should have %2 characters."
    ),
    "iban_check": QT_TRANSLATE_NOOP(
        "ValidationText", "“%1” is not a valid IBAN: the check digits are wrong."
    ),
    "regime": QT_TRANSLATE_NOOP("ValidationText", "“%1” is not a tax regime: use RF01 (ordinary) … RF20."),
    "vat_rate": QT_TRANSLATE_NOOP("ValidationText", "“%1” is not a VAT rate between 0 and 100."),
    "natura_needed": QT_TRANSLATE_NOOP(
        "ValidationText", "A 0 % VAT rate needs a Natura code (N1, N2.1, N2.2, … N7)."
    ),
    "natura": QT_TRANSLATE_NOOP("ValidationText", "“%1” is not a Natura code: use one of %2."),
    "natura_not_zero": QT_TRANSLATE_NOOP("ValidationText", "A Natura code is only for a 0 % VAT rate."),
}
# code -> the params filling %1, %2 …; a 'name:' param is a field key (shown as the form names it),
# a 'date:' one an ISO date (shown in the locale's format)
FILLS: dict[str, tuple[str, ...]] = {
    "iban": ("value",),
    "iban_length": ("value", "length"),
    "iban_check": ("value",),
    "regime": ("value",),
    "vat_rate": ("value",),
    "natura": ("value", "allowed"),
    "fully_credited": ("number",),
    "issued_delete": ("number",),
    "issued_change": ("number",),
    "issue_date_order": ("date:day", "date:last"),
    "customer_no_vat": ("client",),
    "customer_missing": ("client", "name:field"),
    "supplier_missing": ("name:field",),
    "csv_again": ("first",),
    "csv_no_client": ("name",),
    "csv_unknown_column": ("expected",),
    "csv_cells": ("cells", "header"),
    "contract_exists": ("name",),
    "no_file": ("value",),
    "days_range": ("value",),
    "too_long": ("limit",),
    "vat_digits": ("value",),
    "vat_check": ("value",),
    "vat_foreign": ("value",),
    "tax_code_length": ("value",),
    "tax_code_pattern": ("value",),
    "tax_code_check": ("value",),
    "email": ("value",),
    "ip_address": ("value",),
    "host_long": ("value",),
    "host_name": ("value",),
    "phone": ("value",),
    "sdi": ("value",),
    "country": ("value",),
    "postal_code_it": ("value",),
    "postal_code": ("value",),
    "province": ("value",),
    "tag": ("value",),
    "choice": ("value", "allowed"),
    "yes_no": ("value",),
    "duplicate_client": ("name",),
    "duplicate_site": ("name",),
    "duplicate_contact": ("name",),
    "duplicate_machine": ("name",),
    "no_site": ("name",),
    "no_machine": ("name",),
    "unknown_param": ("name:param",),
    "not_an_address": ("value",),
    "not_a_user": ("value",),
    "api_url": ("name:param", "value"),
    "api_fingerprint": ("name:param", "value"),
    "api_token_id": ("name:param", "value"),
    "api_percent": ("name:param", "value"),
    "api_timezone": ("name:param", "value"),
    "param_needed": ("name:param",),
    "port_range": ("name:param",),
    "param_number": ("name:param",),
    "backup_param": ("name:param", "value"),
    "interval_range": ("low", "high"),
    "threshold_syntax": ("value",),
    "threshold_order": ("value",),
    "threshold_unknown": ("value", "keys"),
    "threshold_too_many": ("value", "keys"),
}


# the stored keys of a client's and the company's details, in words (refusals from Billing name them)
FIELD_NAMES: dict[str, object] = {
    "name": QT_TRANSLATE_NOOP("ValidationText", "name"),
    "vat_number": QT_TRANSLATE_NOOP("ValidationText", "VAT number"),
    "tax_code": QT_TRANSLATE_NOOP("ValidationText", "tax code"),
    "address": QT_TRANSLATE_NOOP("ValidationText", "address"),
    "postal_code": QT_TRANSLATE_NOOP("ValidationText", "postal code"),
    "city": QT_TRANSLATE_NOOP("ValidationText", "city"),
    "province": QT_TRANSLATE_NOOP("ValidationText", "province"),
    "country": QT_TRANSLATE_NOOP("ValidationText", "country"),
    "sdi_code": QT_TRANSLATE_NOOP("ValidationText", "SdI code"),
    "pec": QT_TRANSLATE_NOOP("ValidationText", "PEC"),
    "email": QT_TRANSLATE_NOOP("ValidationText", "e-mail"),
    "phone": QT_TRANSLATE_NOOP("ValidationText", "phone"),
}


def _as_is(key: str) -> str:
    """A stored key in words when it is one of the common details, else as it is."""
    known = FIELD_NAMES.get(key)
    return QCoreApplication.translate("ValidationText", str(known)) if known else key


def _fill(key: str, params: Mapping[str, str], name: Name) -> str:
    """One %n value: a field key in words ("name:"), an ISO date in the locale's format ("date:")."""
    kind, _, param = key.rpartition(":")
    value = params.get(param, "")
    if kind == "name":
        return name(value)
    if kind == "date" and value:
        return short_date(date.fromisoformat(value))
    return value


def message_text(error: FieldError, name: Name = _as_is) -> str:
    """One refusal in the user's language (its English ``message`` when the code is unknown)."""
    template = TEMPLATES.get(error.code)
    if template is None:
        return error.message
    keys = FILLS.get(error.code, ())
    text = QCoreApplication.translate("ValidationText", str(template))
    for n, key in reversed(list(enumerate(keys, start=1))):  # %10 before %1, should there be one
        value = _fill(key, error.params, name)
        text = text.replace(f"%{n}", value)
    return text


def error_lines(errors: Iterable[FieldError], labels: Mapping[str, str], name: Name = _as_is) -> str:
    """Each refusal on its own line, after the label of its field when the form shows one."""
    lines = []
    for e in errors:
        label = labels.get(e.field, "").replace("&", "").rstrip(": *")
        if not e.code and not label:
            lines.append(str(e))  # not worded here: as the service wrote it, field included
            continue
        text = message_text(e, name)
        lines.append(f"{label}: {text}" if label else text)
    return "\n".join(lines)


_NOT_COLUMNS = {"header", "row"}  # a problem of the whole header or row, not of one column


def report_line(error: FieldError) -> str:
    """One problem of an imported file: its line and column (the file's own header, as the user
    wrote it), then the refusal in the user's language."""
    text = message_text(error)
    if not error.code:
        return str(error)
    parts = []
    if error.line is not None:
        parts.append(QCoreApplication.translate("ValidationText", "line %1").replace("%1", str(error.line)))
    if error.field not in _NOT_COLUMNS:
        parts.append(QCoreApplication.translate("ValidationText", "column %1").replace("%1", error.field))
    return f"{', '.join(parts)}: {text}" if parts else text
