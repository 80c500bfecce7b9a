"""The e-mails sent to clients — courtesy copy of an invoice, payment reminder — in Italian and
English, editable by the user (kept in the database, so a team shares them), plus the settings
of invoice mailing (which account, service report attached, reminder days)."""

from __future__ import annotations

import string
from dataclasses import dataclass

from msp_console.domain.errors import FieldError, ValidationError
from msp_console.services.database import Database

KINDS = ("courtesy", "reminder")
LANGUAGES = ("it", "en")

# {placeholders} by kind, English names; Italian texts may use the Italian names (ITALIAN_NAMES)
PLACEHOLDERS = {
    "courtesy": ("client", "company", "document", "Document", "number", "date", "total", "due"),
    "reminder": ("client", "company", "invoices", "count", "total", "iban"),
}
ITALIAN_NAMES = {
    "client": "cliente",
    "company": "azienda",
    "document": "documento",
    "Document": "Documento",
    "number": "numero",
    "date": "data",
    "total": "totale",
    "due": "scadenza",
    "invoices": "fatture",
    "count": "quante",
    "iban": "iban",
}


def placeholders(kind: str, language: str) -> tuple[str, ...]:
    """The names to show for a text in ``language`` (both sets work in every text)."""
    names = PLACEHOLDERS[kind]
    return tuple(ITALIAN_NAMES[n] for n in names) if language == "it" else names


def _accepted(kind: str) -> set[str]:
    return set(PLACEHOLDERS[kind]) | {ITALIAN_NAMES[n] for n in PLACEHOLDERS[kind]}


_DEFAULTS: dict[tuple[str, str], tuple[str, str]] = {
    ("courtesy", "it"): (
        "{Documento} n. {numero} del {data} – {azienda}",
        "Gentile {cliente},\n\n"
        "in allegato trova la copia di cortesia della {documento} n. {numero} del {data}, "
        "di importo {totale}, con scadenza {scadenza}.\n\n"
        "Il documento con valore fiscale è la fattura elettronica trasmessa tramite il Sistema di "
        "Interscambio (SdI); questa copia in PDF è per Sua comodità.\n\n"
        "Cordiali saluti,\n{azienda}\n",
    ),
    ("courtesy", "en"): (
        "{Document} {number} of {date} – {company}",
        "Dear {client},\n\n"
        "please find attached a courtesy copy of {document} {number} of {date}, "
        "amounting to {total}, due on {due}.\n\n"
        "The legally valid document is the electronic invoice sent through the Italian Exchange "
        "System (SdI); this PDF copy is for your convenience.\n\n"
        "Kind regards,\n{company}\n",
    ),
    ("reminder", "it"): (
        "Promemoria di pagamento – {azienda}",
        "Gentile {cliente},\n\n"
        "da un nostro controllo amministrativo risultano ancora da saldare le seguenti fatture, "
        "che trova in allegato:\n\n{fatture}\n\nTotale: {totale}\n\n"
        "Le chiediamo cortesemente di provvedere al pagamento (IBAN {iban}). Se lo ha già fatto, "
        "non tenga conto di questo messaggio e ci scusi per il disturbo.\n\n"
        "Cordiali saluti,\n{azienda}\n",
    ),
    ("reminder", "en"): (
        "Payment reminder – {company}",
        "Dear {client},\n\n"
        "according to our records the following invoices, attached again, are still unpaid:\n\n"
        "{invoices}\n\nTotal: {total}\n\n"
        "We would be grateful if you could arrange the payment (IBAN {iban}). If you have already "
        "paid, please disregard this message and accept our apologies.\n\n"
        "Kind regards,\n{company}\n",
    ),
}


@dataclass(frozen=True, slots=True)
class Template:
    kind: str
    language: str
    subject: str
    body: str
    customised: bool = False

    def render(self, values: dict[str, str]) -> tuple[str, str]:
        """``values`` by English name; the Italian names get the same values."""
        fill = _Missing({**{ITALIAN_NAMES.get(k, k): v for k, v in values.items()}, **values})
        return self.subject.format_map(fill).replace("\n", " ").strip(), self.body.format_map(fill)


class _Missing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _key(kind: str, language: str, part: str) -> str:
    return f"template.{kind}.{language}.{part}"


def default_template(kind: str, language: str) -> Template:
    subject, body = _DEFAULTS[(kind, language if language in LANGUAGES else "it")]
    return Template(kind, language, subject, body)


def load_template(db: Database, kind: str, language: str) -> Template:
    from msp_console.mail.store import get_settings

    language = language if language in LANGUAGES else "it"
    keys = [_key(kind, language, "subject"), _key(kind, language, "body")]
    stored = get_settings(db, keys)
    default = default_template(kind, language)
    subject, body = stored.get(keys[0], ""), stored.get(keys[1], "")
    if not subject or not body:
        return default
    return Template(kind, language, subject, body, customised=True)


def template_errors(kind: str, subject: str, body: str) -> list[FieldError]:
    allowed = _accepted(kind)
    out: list[FieldError] = []
    for field, text in (("subject", subject), ("body", body)):
        if not text.strip():
            out.append(FieldError(field, "must not be empty"))
            continue
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
        except ValueError as exc:
            out.append(FieldError(field, f"a brace is not closed ({exc}); write {{{{ for a literal brace"))
            continue
        unknown = sorted(n for n in names if n not in allowed)
        if unknown:
            out.append(
                FieldError(
                    field,
                    f"unknown placeholder {{{unknown[0]}}}; use " + ", ".join("{" + a + "}" for a in allowed),
                )
            )
    return out


def save_template(db: Database, kind: str, language: str, subject: str, body: str) -> None:
    """Stores the user's text (validated); empty subject and body restore the default."""
    from msp_console.mail.store import set_settings

    if kind not in KINDS or language not in LANGUAGES:
        raise ValidationError.single("template", f"no template {kind}/{language}")
    if subject.strip() or body.strip():
        errors = template_errors(kind, subject, body)
        if errors:
            raise ValidationError(errors)
    set_settings(db, {_key(kind, language, "subject"): subject, _key(kind, language, "body"): body})


@dataclass(frozen=True, slots=True)
class MailingSettings:
    account: str = ""  # the account invoices leave from; "" = the first ordinary (smtp) one
    attach_service_report: bool = False
    reminder_days: int = 15  # a reminder goes N days after the due date…
    reminder_interval_days: int = 30  # …and never again within M days for the same invoice

    def errors(self) -> list[FieldError]:
        out = []
        if not 0 <= self.reminder_days <= 365:
            out.append(FieldError("reminder_days", "between 0 and 365 days after the due date"))
        if not 1 <= self.reminder_interval_days <= 365:
            out.append(FieldError("reminder_interval_days", "between 1 and 365 days"))
        return out


_SETTING_KEYS = {
    "account": "invoices.account",
    "attach_service_report": "invoices.attach_service_report",
    "reminder_days": "invoices.reminder_days",
    "reminder_interval_days": "invoices.reminder_interval_days",
}


def load_mailing_settings(db: Database) -> MailingSettings:
    from msp_console.mail.store import get_settings

    raw = get_settings(db, _SETTING_KEYS.values())
    base = MailingSettings()

    def num(field: str, default: int) -> int:
        text = raw.get(_SETTING_KEYS[field], "")
        return int(text) if text.strip().isdigit() else default

    return MailingSettings(
        account=raw.get(_SETTING_KEYS["account"], base.account),
        attach_service_report=raw.get(_SETTING_KEYS["attach_service_report"], "0") == "1",
        reminder_days=num("reminder_days", base.reminder_days),
        reminder_interval_days=num("reminder_interval_days", base.reminder_interval_days),
    )


def save_mailing_settings(db: Database, settings: MailingSettings) -> None:
    from msp_console.mail.store import set_settings

    errors = settings.errors()
    if errors:
        raise ValidationError(errors)
    set_settings(
        db,
        {
            _SETTING_KEYS["account"]: settings.account,
            _SETTING_KEYS["attach_service_report"]: "1" if settings.attach_service_report else "0",
            _SETTING_KEYS["reminder_days"]: str(settings.reminder_days),
            _SETTING_KEYS["reminder_interval_days"]: str(settings.reminder_interval_days),
        },
    )
