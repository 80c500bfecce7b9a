"""The create/edit dialogs for clients, sites, contacts and machines.

What a dialog shows (the client's card, the machine's) is read by the caller on the worker thread
before it is built (``InventoryController``); its save, the ``Inventory`` call given to
``RecordDialog``, runs on the worker thread too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from msp_console.domain.enums import MachineKind, OperatingSystem
from msp_console.domain.records import clean_client, clean_contact, clean_machine, clean_site
from msp_console.services.views import ClientCard, ContactView, MachineCard, SiteView
from msp_console.ui.dialogs.record_dialog import RecordDialog
from msp_console.ui.labels import kind_text, os_text

if TYPE_CHECKING:  # SQLAlchemy: not imported before the window's first paint
    from msp_console.services.inventory import Inventory


def _t(text: str) -> str:
    return QCoreApplication.translate("InventoryDialogs", text)


def client_dialog(
    parent: QWidget | None, inventory: Inventory, card: ClientCard | None = None
) -> RecordDialog:
    client_id = card.id if card else None
    title = _t("Edit client") if card else _t("New client")
    d = RecordDialog(parent, title, clean_client, lambda f: inventory.save_client(f, client_id))
    c = card
    form = d.group(_t("Company"))
    d.add_line(form, "name", _t("&Name:"), c.name if c else "", _t("e.g. Hotel Bellavista S.r.l."))
    d.add_line(
        form, "vat_number", _t("&VAT number:"), c.vat_number if c else "", _t("11 digits (partita IVA)")
    )
    d.add_line(form, "tax_code", _t("&Tax code:"), c.tax_code if c else "", _t("codice fiscale"))
    d.add_line(form, "sdi_code", _t("&SdI code:"), c.sdi_code if c else "", _t("7 characters"))
    d.add_line(form, "pec", _t("&PEC:"), c.pec if c else "", _t("certified e-mail"))
    form = d.group(_t("Address"))
    d.add_line(form, "address", _t("Str&eet:"), c.address if c else "")
    d.add_line(form, "postal_code", _t("Postal &code:"), c.postal_code if c else "", _t("CAP, 5 digits"))
    d.add_line(form, "city", _t("C&ity:"), c.city if c else "")
    d.add_line(form, "province", _t("P&rovince:"), c.province if c else "", _t("e.g. MI"))
    d.add_line(form, "country", _t("Co&untry:"), c.country if c else "IT", _t("two letters"))
    form = d.group(_t("Reaching them"))
    d.add_line(form, "email", _t("E-&mail:"), c.email if c else "")
    d.add_line(form, "phone", _t("P&hone:"), c.phone if c else "")
    d.add_notes(form, "notes", _t("N&otes:"), c.notes if c else "")
    d.finish()
    return d


def site_dialog(
    parent: QWidget | None, inventory: Inventory, client: ClientCard, site: SiteView | None = None
) -> RecordDialog:
    site_id = site.id if site else None
    title = (_t("Edit site of %1") if site else _t("New site for %1")).replace("%1", client.name)
    d = RecordDialog(
        parent,
        title,
        lambda f: clean_site({**f, "client": client.name}),
        lambda f: inventory.save_site(client.id, f, site_id),
    )
    form = d.group(_t("Site"))
    d.add_line(form, "name", _t("&Name:"), site.name if site else "", _t("e.g. Main office"))
    d.add_line(form, "address", _t("&Address:"), site.address if site else "")
    d.finish()
    return d


def contact_dialog(
    parent: QWidget | None, inventory: Inventory, client: ClientCard, contact: ContactView | None = None
) -> RecordDialog:
    contact_id = contact.id if contact else None
    title = (_t("Edit contact of %1") if contact else _t("New contact for %1")).replace("%1", client.name)
    d = RecordDialog(
        parent,
        title,
        lambda f: clean_contact({**f, "client": client.name}),
        lambda f: inventory.save_contact(client.id, f, contact_id),
    )
    x = contact
    form = d.group(_t("Contact"))
    d.add_line(form, "name", _t("&Name:"), x.name if x else "")
    d.add_line(form, "role", _t("&Role:"), x.role if x else "", _t("e.g. Owner, Office manager"))
    d.add_line(form, "phone", _t("&Phone:"), x.phone if x else "")
    d.add_line(form, "mobile", _t("&Mobile:"), x.mobile if x else "")
    d.add_line(form, "email", _t("&E-mail:"), x.email if x else "")
    d.add_check(form, "primary", _t("Primar&y contact (called first)"), x.primary if x else False)
    d.finish()
    return d


def machine_dialog(
    parent: QWidget | None,
    inventory: Inventory,
    client: ClientCard,
    other_machines: list[str],
    machine: MachineCard | None = None,
    site_name: str = "",
) -> RecordDialog:
    machine_id = machine.id if machine else None
    title = (_t("Edit machine of %1") if machine else _t("New machine for %1")).replace("%1", client.name)
    d = RecordDialog(
        parent,
        title,
        lambda f: clean_machine({**f, "client": client.name}),
        lambda f: inventory.save_machine(client.id, f, machine_id),
    )
    m = machine
    none = [("", _t("(none)"))]
    form = d.group(_t("Machine"))
    d.add_line(form, "name", _t("&Name:"), m.name if m else "", _t("e.g. SRV-01"))
    d.add_combo(
        form,
        "kind",
        _t("&Kind:"),
        [(k.value, kind_text(k.value)) for k in MachineKind],
        m.kind if m else MachineKind.WORKSTATION.value,
    )
    d.add_combo(
        form,
        "os",
        _t("O&perating system:"),
        [(o.value, os_text(o.value)) for o in OperatingSystem],
        m.os if m else OperatingSystem.WINDOWS.value,
    )
    d.add_line(form, "address", _t("&Address:"), m.address if m else "", _t("host name or IP address"))
    form = d.group(_t("Where it sits"))
    d.add_combo(
        form,
        "site",
        _t("&Site:"),
        none + [(s.name, s.name) for s in client.sites],
        m.site_name if m else site_name,
    )
    parents = [n for n in other_machines if not m or n.casefold() != m.name.casefold()]
    d.add_combo(
        form, "parent", _t("&Behind (parent):"), none + [(n, n) for n in parents], m.parent_name if m else ""
    )
    d.add_line(form, "tags", _t("&Tags:"), m.tags.replace(",", ", ") if m else "", _t("comma-separated"))
    d.add_notes(form, "notes", _t("N&otes:"), m.notes if m else "")
    d.finish()
    return d
