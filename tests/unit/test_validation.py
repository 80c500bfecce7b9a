"""What a technician types wrong gets a clear message; what is right is normalised."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from msp_console.domain import validation as v
from msp_console.domain.errors import ValidationError
from msp_console.domain.records import clean_client, clean_contact, clean_machine


@pytest.mark.parametrize("good", ["01234567897", "IT01234567897", "IT 012 345 678 97", "00743110157"])
def test_valid_italian_vat_numbers_are_normalised_to_digits(good: str) -> None:
    assert v.vat_number(good) == good.upper().replace("IT", "").replace(" ", "")


@pytest.mark.parametrize(
    ("bad", "fragment"),
    [("01234567890", "check digit"), ("1234567", "11 digits"), ("0123456789A", "11 digits")],
)
def test_bad_italian_vat_numbers_say_why(bad: str, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        v.vat_number(bad)


@given(st.text(alphabet="0123456789", min_size=10, max_size=10))
def test_every_computed_check_digit_validates(base: str) -> None:
    number = base + str(v.italian_vat_check_digit(base))
    assert v.vat_number(number) == number
    wrong = base + str((int(number[-1]) + 1) % 10)
    with pytest.raises(ValueError):
        v.vat_number(wrong)


def test_foreign_vat_numbers_are_accepted_loosely() -> None:
    assert v.vat_number("DE123456789", "DE") == "DE123456789"


def test_tax_code_of_a_person_checks_its_control_letter() -> None:
    assert v.tax_code("rssmra85t10a562s") == "RSSMRA85T10A562S"
    with pytest.raises(ValueError, match="check letter"):
        v.tax_code("RSSMRA85T10A562T")
    with pytest.raises(ValueError, match="16 characters"):
        v.tax_code("RSSMRA85")


def test_tax_code_of_a_company_is_its_vat_number() -> None:
    assert v.tax_code("01234567897") == "01234567897"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("192.168.1.10", "192.168.1.10"),
        ("SRV-01.Example.COM", "srv-01.example.com"),
        ("::1", "::1"),
        ("[fe80::1]", "fe80::1"),
        ("fw01", "fw01"),
    ],
)
def test_hosts_accept_names_and_addresses(raw: str, expected: str) -> None:
    assert v.host(raw) == expected


@pytest.mark.parametrize("bad", ["192.168.1.300", "srv 01", "srv_01.lan", "-bad.lan", "a..b"])
def test_hosts_refuse_what_cannot_be_a_host(bad: str) -> None:
    with pytest.raises(ValueError, match="not"):
        v.host(bad)


def test_email_phone_sdi_and_postcode() -> None:
    assert v.email(" Info@Example.com ").lower() == "info@example.com"
    with pytest.raises(ValueError, match="e-mail"):
        v.email("info@")
    assert v.phone("+39 02 1234567") == "+39 02 1234567"
    with pytest.raises(ValueError, match="phone"):
        v.phone("call me")
    assert v.sdi_code("m5uxcr1") == "M5UXCR1"
    with pytest.raises(ValueError, match="SdI"):
        v.sdi_code("ABC")
    with pytest.raises(ValueError, match="5 digits"):
        v.postal_code("2010")
    assert v.postal_code("SW1A 1AA", "GB") == "SW1A 1AA"


def test_clean_client_lists_every_wrong_field_at_once() -> None:
    with pytest.raises(ValidationError) as info:
        clean_client({"name": "", "vat_number": "123", "email": "x@", "province": "Milano"}, line=7)
    fields = [e.field for e in info.value.errors]
    assert fields == ["name", "vat_number", "province", "email"]
    assert str(info.value.errors[0]) == "line 7: name: is required"


def test_clean_machine_checks_kind_os_and_parent() -> None:
    with pytest.raises(ValidationError) as info:
        clean_machine({"client": "A", "name": "pc1", "kind": "toaster", "os": "beos", "parent": "PC1"})
    messages = {e.field: e.message for e in info.value.errors}
    assert "workstation" in messages["kind"]
    assert "linux" in messages["os"]
    assert "itself" in messages["parent"]
    m = clean_machine({"client": "A", "name": " pc 1 ", "kind": "Server", "tags": "Backup; AD,backup"})
    assert (m.name, m.kind.value, m.tags) == ("pc 1", "server", "backup,ad")


def test_clean_contact_reads_yes_no_flags() -> None:
    assert clean_contact({"client": "A", "name": "B", "primary": "sì"}).primary is True
    assert clean_contact({"client": "A", "name": "B", "primary": "0"}).primary is False
    with pytest.raises(ValidationError, match="yes/no"):
        clean_contact({"client": "A", "name": "B", "primary": "maybe"})
