"""What a user enters for a client, site, contact or machine, checked field by field.

``clean_*`` functions take loose text (from a dialog or a CSV row) and return a frozen,
normalised record, or raise ``ValidationError`` listing every wrong field at once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from msp_console.domain import validation as v
from msp_console.domain.enums import MachineKind, OperatingSystem
from msp_console.domain.errors import FieldError, ValidationError


@dataclass(frozen=True, slots=True)
class ClientRecord:
    name: str
    vat_number: str = ""
    tax_code: str = ""
    address: str = ""
    postal_code: str = ""
    city: str = ""
    province: str = ""
    country: str = "IT"
    sdi_code: str = ""
    pec: str = ""
    email: str = ""
    phone: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class SiteRecord:
    client: str
    name: str
    address: str = ""


@dataclass(frozen=True, slots=True)
class ContactRecord:
    client: str
    name: str
    role: str = ""
    phone: str = ""
    mobile: str = ""
    email: str = ""
    primary: bool = False


@dataclass(frozen=True, slots=True)
class MachineRecord:
    client: str
    name: str
    kind: MachineKind = MachineKind.OTHER
    address: str = ""
    os: OperatingSystem = OperatingSystem.OTHER
    site: str = ""
    parent: str = ""
    tags: str = ""
    notes: str = ""


CLIENT_FIELDS = tuple(ClientRecord.__dataclass_fields__)
SITE_FIELDS = tuple(SiteRecord.__dataclass_fields__)
CONTACT_FIELDS = tuple(ContactRecord.__dataclass_fields__)
MACHINE_FIELDS = ("client", "site", "name", "kind", "address", "os", "parent", "tags", "notes")

_TRUE = {"1", "true", "yes", "y", "si", "sì", "x", "vero"}
_FALSE = {"", "0", "false", "no", "n", "falso"}


class _Collector:
    """Runs each field's checker and gathers every error instead of stopping at the first."""

    def __init__(self, raw: Mapping[str, object], line: int | None):
        self.raw = raw
        self.line = line
        self.errors: list[FieldError] = []

    def text(self, field: str) -> str:
        value = self.raw.get(field)
        return "" if value is None else str(value).strip()

    def check(self, field: str, checker: Callable[[str], str], *, required: bool = False) -> str:
        text = self.text(field)
        if not text:
            if required:
                self.errors.append(FieldError(field, "is required", self.line, "required"))
            return ""
        try:
            return checker(text)
        except ValueError as exc:
            self.errors.append(FieldError.of(field, exc, self.line))
            return ""

    def choice(self, field: str, enum: type[MachineKind] | type[OperatingSystem], default: str) -> str:
        text = self.text(field).lower() or default
        allowed = [m.value for m in enum]
        if text not in allowed:
            self.errors.append(
                FieldError(
                    field,
                    f"'{text}' is not one of: {', '.join(allowed)}",
                    self.line,
                    "choice",
                    {"value": text, "allowed": ", ".join(allowed)},
                )
            )
            return default
        return text

    def flag(self, field: str) -> bool:
        text = self.text(field).lower()
        if text in _TRUE:
            return True
        if text not in _FALSE:
            self.errors.append(
                FieldError(
                    field, f"'{text}' is not yes/no (use 1 or 0)", self.line, "yes_no", {"value": text}
                )
            )
        return False

    def done(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def clean_client(raw: Mapping[str, object], line: int | None = None) -> ClientRecord:
    c = _Collector(raw, line)
    country = c.check("country", v.country_code) or "IT"
    record = ClientRecord(
        name=c.check("name", lambda t: v.name(t, "client name"), required=True),
        vat_number=c.check("vat_number", lambda t: v.vat_number(t, country)),
        tax_code=c.check("tax_code", v.tax_code),
        address=c.text("address"),
        postal_code=c.check("postal_code", lambda t: v.postal_code(t, country)),
        city=c.text("city"),
        province=c.check("province", lambda t: v.province(t, country)),
        country=country,
        sdi_code=c.check("sdi_code", v.sdi_code),
        pec=c.check("pec", v.email),
        email=c.check("email", v.email),
        phone=c.check("phone", v.phone),
        notes=c.text("notes"),
    )
    c.done()
    return record


def clean_site(raw: Mapping[str, object], line: int | None = None) -> SiteRecord:
    c = _Collector(raw, line)
    record = SiteRecord(
        client=c.check("client", lambda t: v.name(t, "client name"), required=True),
        name=c.check("name", lambda t: v.name(t, "site name"), required=True),
        address=c.text("address"),
    )
    c.done()
    return record


def clean_contact(raw: Mapping[str, object], line: int | None = None) -> ContactRecord:
    c = _Collector(raw, line)
    record = ContactRecord(
        client=c.check("client", lambda t: v.name(t, "client name"), required=True),
        name=c.check("name", lambda t: v.name(t, "contact name"), required=True),
        role=c.text("role"),
        phone=c.check("phone", v.phone),
        mobile=c.check("mobile", v.phone),
        email=c.check("email", v.email),
        primary=c.flag("primary"),
    )
    c.done()
    return record


def clean_machine(raw: Mapping[str, object], line: int | None = None) -> MachineRecord:
    c = _Collector(raw, line)
    name = c.check("name", lambda t: v.name(t, "machine name"), required=True)
    parent = c.check("parent", lambda t: v.name(t, "machine name"))
    if parent and parent.casefold() == name.casefold():
        c.errors.append(FieldError("parent", "a machine cannot sit behind itself", line, "parent_self"))
    record = MachineRecord(
        client=c.check("client", lambda t: v.name(t, "client name"), required=True),
        site=c.check("site", lambda t: v.name(t, "site name")),
        name=name,
        kind=MachineKind(c.choice("kind", MachineKind, "other")),
        address=c.check("address", v.host),
        os=OperatingSystem(c.choice("os", OperatingSystem, "other")),
        parent=parent,
        tags=c.check("tags", v.tags),
        notes=c.text("notes"),
    )
    c.done()
    return record
