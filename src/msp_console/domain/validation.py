"""Checks for what a technician types wrong: fiscal ids, e-mails, hosts, codes.

Each checker takes the raw text and returns the normalised value, or raises
``ValueError`` with a message meant for the user.
"""

from __future__ import annotations

import ipaddress
import re

from msp_console.domain.errors import InvalidValue

_CF_ODD = dict(
    zip(
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        [
            1,
            0,
            5,
            7,
            9,
            13,
            15,
            17,
            19,
            21,
            1,
            0,
            5,
            7,
            9,
            13,
            15,
            17,
            19,
            21,
            2,
            4,
            18,
            20,
            11,
            3,
            6,
            8,
            12,
            14,
            16,
            10,
            22,
            25,
            24,
            23,
        ],
        strict=True,
    )
)
_CF_EVEN = {c: (int(c) if c.isdigit() else ord(c) - ord("A")) for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
_OMOCODE = "LMNPQRSTUV"  # letters that replace digits in a tax code when two people collide
_CF_PERSON = re.compile(
    rf"^[A-Z]{{6}}[0-9{_OMOCODE}]{{2}}[A-EHLMPRST][0-9{_OMOCODE}]{{2}}[A-Z][0-9{_OMOCODE}]{{3}}[A-Z]$"
)
_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_PHONE = re.compile(r"^\+?[0-9 ()./-]+$")
_SDI = re.compile(r"^[A-Z0-9]{6,7}$")


def italian_vat_check_digit(first_ten: str) -> int:
    """Luhn-style check digit of a partita IVA (the 11th digit)."""
    total = 0
    for i, ch in enumerate(first_ten):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10


def vat_number(raw: str, country: str = "IT") -> str:
    """A VAT id; for Italy 11 digits with a valid check digit (an 'IT' prefix is dropped)."""
    text = re.sub(r"[\s.]", "", raw).upper()
    if country.upper() == "IT" or text.startswith("IT"):
        if text.startswith("IT"):
            text = text[2:]
        if not re.fullmatch(r"\d{11}", text):
            raise InvalidValue(
                f"'{raw}' is not an Italian VAT number: it needs 11 digits", "vat_digits", value=raw
            )
        if italian_vat_check_digit(text[:10]) != int(text[10]):
            raise InvalidValue(
                f"'{raw}' is not a valid Italian VAT number: the check digit is wrong", "vat_check", value=raw
            )
        return text
    if not re.fullmatch(r"[A-Z0-9+*]{2,14}", text):
        raise InvalidValue(
            f"'{raw}' is not a VAT number: use 2 to 14 letters or digits", "vat_foreign", value=raw
        )
    return text


def tax_code(raw: str) -> str:
    """A codice fiscale: 16 characters for a person, or 11 digits for a company."""
    text = re.sub(r"\s", "", raw).upper()
    if re.fullmatch(r"\d{11}", text):
        return vat_number(text, "IT")
    if len(text) != 16:
        raise InvalidValue(
            f"'{raw}' is not a tax code: it needs 16 characters (or 11 digits for a company)",
            "tax_code_length",
            value=raw,
        )
    if not _CF_PERSON.match(text):
        raise InvalidValue(
            f"'{raw}' is not a tax code: the pattern of letters and digits is wrong",
            "tax_code_pattern",
            value=raw,
        )
    total = sum(_CF_ODD[c] if i % 2 == 0 else _CF_EVEN[c] for i, c in enumerate(text[:15]))
    if chr(ord("A") + total % 26) != text[15]:
        raise InvalidValue(
            f"'{raw}' is not a valid tax code: the check letter is wrong", "tax_code_check", value=raw
        )
    return text


def email(raw: str) -> str:
    """An e-mail address (syntax only: no DNS lookups, the console may be offline)."""
    from email_validator import EmailNotValidError, validate_email

    text = raw.strip()
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise InvalidValue(f"'{raw}' is not an e-mail address: {exc}", "email", value=raw) from None


def host(raw: str) -> str:
    """A host name or an IPv4/IPv6 address, as a technician would type it."""
    text = raw.strip()
    if not text:
        raise InvalidValue("the address is empty", "host_empty")
    candidate = text[1:-1] if text.startswith("[") and text.endswith("]") else text
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        pass
    if re.fullmatch(r"[\d.]+", text):
        raise InvalidValue(
            f"'{raw}' is not an IP address: each of the 4 numbers must be 0-255", "ip_address", value=raw
        )
    name = text.rstrip(".").lower()
    if len(name) > 253:
        raise InvalidValue(f"'{raw}' is not a host name: longer than 253 characters", "host_long", value=raw)
    for label in name.split("."):
        if not _HOST_LABEL.match(label):
            raise InvalidValue(
                f"'{raw}' is not a host name: use letters, digits and '-' between dots "
                "(no spaces, no '_', no '-' at either end of a part)",
                "host_name",
                value=raw,
            )
    return name


def phone(raw: str) -> str:
    text = raw.strip()
    if not _PHONE.match(text) or sum(c.isdigit() for c in text) < 5:
        raise InvalidValue(
            f"'{raw}' is not a phone number: use digits, spaces and an optional leading +", "phone", value=raw
        )
    return text


def sdi_code(raw: str) -> str:
    """The SdI recipient code: 7 characters for a business, 6 for a public office."""
    text = raw.strip().upper()
    if not _SDI.match(text):
        raise InvalidValue(
            f"'{raw}' is not an SdI code: it needs 7 letters or digits (6 for public offices)",
            "sdi",
            value=raw,
        )
    return text


def country_code(raw: str) -> str:
    text = raw.strip().upper()
    if not re.fullmatch(r"[A-Z]{2}", text):
        raise InvalidValue(f"'{raw}' is not a country code: use two letters, e.g. IT", "country", value=raw)
    return text


def postal_code(raw: str, country: str = "IT") -> str:
    text = raw.strip().upper()
    if country.upper() == "IT" and not re.fullmatch(r"\d{5}", text):
        raise InvalidValue(
            f"'{raw}' is not an Italian postal code (CAP): it needs 5 digits", "postal_code_it", value=raw
        )
    if not re.fullmatch(r"[A-Z0-9 -]{2,12}", text):
        raise InvalidValue(f"'{raw}' is not a postal code", "postal_code", value=raw)
    return text


def province(raw: str, country: str = "IT") -> str:
    text = raw.strip().upper()
    if country.upper() == "IT" and not re.fullmatch(r"[A-Z]{2}", text):
        raise InvalidValue(
            f"'{raw}' is not an Italian province: use its two-letter code, e.g. MI", "province", value=raw
        )
    return text


def name(raw: str, what: str = "name", max_len: int = 200) -> str:
    text = " ".join(raw.split())
    if not text:
        raise InvalidValue(f"the {what} is empty", "empty")
    if len(text) > max_len:
        raise InvalidValue(f"the {what} is longer than {max_len} characters", "too_long", limit=str(max_len))
    if "/" in text and what == "machine name":
        raise InvalidValue(
            "a machine name cannot contain '/' (it separates client and machine)", "machine_slash"
        )
    return text


def tags(raw: str) -> str:
    """Tags as a normalised comma-separated list (lower case, no duplicates, input order kept)."""
    seen: list[str] = []
    for part in re.split(r"[,;]", raw):
        tag = part.strip().lower()
        if tag and tag not in seen:
            if not re.fullmatch(r"[\w.+-]{1,40}", tag):
                raise InvalidValue(
                    f"tag '{part.strip()}' may only hold letters, digits, '.', '+', '-', '_'",
                    "tag",
                    value=part.strip(),
                )
            seen.append(tag)
    return ",".join(seen)
