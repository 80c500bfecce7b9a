"""A small, realistic inventory written through the real services, for UI tests and screenshots."""

from __future__ import annotations

from msp_console.services.inventory import Inventory

VALID_VAT = "01234567897"  # check digit computed by the Italian rule


def populate(inv: Inventory) -> dict[str, int]:
    ids: dict[str, int] = {}
    ids["bellavista"] = hotel = inv.save_client(
        {
            "name": "Hotel Bellavista",
            "vat_number": VALID_VAT,
            "address": "Via Roma 12",
            "postal_code": "38066",
            "city": "Riva del Garda",
            "province": "TN",
            "sdi_code": "M5UXCR1",
            "email": "info@hotelbellavista.example",
            "phone": "+39 0464 555 123",
        }
    )
    inv.save_contact(
        hotel,
        {
            "name": "Giulia Rossi",
            "role": "Owner",
            "phone": "+39 0464 555 124",
            "mobile": "+39 333 555 0101",
            "email": "giulia@bellavista.example",
            "primary": "1",
        },
    )
    inv.save_contact(hotel, {"name": "Marco Bianchi", "role": "Front desk", "phone": "0464 555 125"})
    reception = inv.save_site(hotel, {"name": "Reception", "address": "Via Roma 12"})
    inv.save_site(hotel, {"name": "Annex", "address": "Via Roma 14"})
    ids["fw"] = inv.save_machine(
        hotel,
        {"name": "FW-01", "kind": "firewall", "os": "other", "address": "127.0.10.1", "tags": "core, wan"},
    )
    ids["srv"] = inv.save_machine(
        hotel,
        {
            "name": "SRV-01",
            "kind": "server",
            "os": "linux",
            "address": "127.0.10.2",
            "parent": "FW-01",
            "tags": "backup",
        },
    )
    inv.save_machine(
        hotel,
        {
            "name": "PC-RECEPTION",
            "kind": "workstation",
            "os": "windows",
            "address": "pc-reception.bellavista.invalid",
            "site": "Reception",
            "parent": "FW-01",
        },
    )
    inv.save_machine(
        hotel, {"name": "PRN-01", "kind": "printer", "address": "127.0.10.20", "site": "Reception"}
    )
    ids["reception"] = reception
    ids["ferramenta"] = ferr = inv.save_client(
        {"name": "Ferramenta Colombo", "city": "Bergamo", "province": "BG", "postal_code": "24121"}
    )
    inv.save_machine(
        ferr, {"name": "NAS-01", "kind": "nas", "os": "linux", "address": "127.0.20.5", "tags": "storage"}
    )
    inv.save_machine(
        ferr,
        {"name": "LAPTOP-ANNA", "kind": "laptop", "os": "macos", "address": "laptop-anna.colombo.invalid"},
    )
    inv.save_machine(ferr, {"name": "SW-01", "kind": "switch", "address": "127.0.20.2"})
    ids["studio"] = inv.save_client({"name": "Studio Legale Ferri", "city": "Milano", "province": "MI"})
    return ids
