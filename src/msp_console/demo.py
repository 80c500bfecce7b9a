"""Demo data: eight Italian small businesses with contacts and ~60 machines.

Machine addresses are in 127.0.0.0/8 or under the reserved `.invalid` domain, and e-mail
addresses under `.example`, so nothing the demo does can ever reach a real host.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select

from msp_console.db.models import Client
from msp_console.domain.validation import italian_vat_check_digit


def _vat(base: str) -> str:
    return base + str(italian_vat_check_digit(base))


@dataclass(frozen=True)
class _DemoClient:
    name: str
    vat_base: str
    address: str
    postal_code: str
    city: str
    province: str
    sdi: str
    phone: str
    contacts: tuple[tuple[str, str, str, str, str], ...]  # name, role, phone, mobile, email
    sites: tuple[str, ...]
    machines: tuple[
        tuple[str, str, str, str, str, str, str], ...
    ]  # name, kind, os, site, parent, tags, notes


CLIENTS = (
    _DemoClient(
        "Hotel Bellavista S.r.l.",
        "0412345678",
        "Via Lungolago 12",
        "22100",
        "Como",
        "CO",
        "M5UXCR1",
        "+39 031 123456",
        (
            (
                "Giulia Rossi",
                "Direttrice",
                "+39 031 123456",
                "+39 333 1234567",
                "giulia.rossi@bellavista.example",
            ),
            ("Marco Bianchi", "Reception", "+39 031 123457", "", "reception@bellavista.example"),
        ),
        ("Sede", "Dependance"),
        (
            ("fw-01", "firewall", "other", "Sede", "", "perimetro", "pfSense, WAN in fibra"),
            ("srv-01", "server", "windows", "Sede", "fw-01", "backup,ad", "Domain controller e gestionale"),
            ("nas-01", "nas", "linux", "Sede", "fw-01", "backup", "Synology, backup notturno"),
            ("reception-pc", "workstation", "windows", "Sede", "fw-01", "", ""),
            ("direzione-pc", "laptop", "windows", "Sede", "fw-01", "", ""),
            ("stampante-hall", "printer", "other", "Sede", "fw-01", "", ""),
            ("sw-core", "switch", "other", "Sede", "fw-01", "", ""),
            ("dep-ap", "switch", "other", "Dependance", "fw-01", "wifi", "Access point Wi-Fi ospiti"),
            ("dep-pc", "workstation", "windows", "Dependance", "fw-01", "", ""),
        ),
    ),
    _DemoClient(
        "Ferramenta Colombo & Figli S.n.c.",
        "0298765432",
        "Corso Garibaldi 45",
        "20121",
        "Milano",
        "MI",
        "KRRH6B9",
        "+39 02 8765432",
        (
            (
                "Luigi Colombo",
                "Titolare",
                "+39 02 8765432",
                "+39 347 7654321",
                "luigi@ferramentacolombo.example",
            ),
        ),
        (),
        (
            ("router", "firewall", "other", "", "", "", "Router dell'operatore"),
            ("cassa-1", "workstation", "windows", "", "router", "pos", ""),
            ("cassa-2", "workstation", "windows", "", "router", "pos", ""),
            ("ufficio-pc", "workstation", "windows", "", "router", "", ""),
            ("magazzino-pc", "workstation", "linux", "", "router", "", ""),
            ("stampante", "printer", "other", "", "router", "", ""),
        ),
    ),
    _DemoClient(
        "Studio Legale Ferrari",
        "0134567890",
        "Piazza Vittorio 3",
        "10123",
        "Torino",
        "TO",
        "0000000",
        "+39 011 5551234",
        (
            ("Avv. Paola Ferrari", "Titolare", "+39 011 5551234", "", "paola.ferrari@studioferrari.example"),
            ("Anna Greco", "Segreteria", "+39 011 5551235", "", "segreteria@studioferrari.example"),
        ),
        (),
        (
            ("fw-studio", "firewall", "other", "", "", "perimetro", ""),
            ("srv-studio", "server", "linux", "", "fw-studio", "backup", "File server Samba"),
            ("nas-backup", "nas", "linux", "", "fw-studio", "backup", ""),
            ("pc-ferrari", "laptop", "macos", "", "fw-studio", "", ""),
            ("pc-segreteria", "workstation", "windows", "", "fw-studio", "", ""),
            ("pc-praticante", "workstation", "windows", "", "fw-studio", "", ""),
            ("mfp-studio", "printer", "other", "", "fw-studio", "", "Multifunzione"),
        ),
    ),
    _DemoClient(
        "Panificio Esposito",
        "0556677889",
        "Via Toledo 210",
        "80134",
        "Napoli",
        "NA",
        "USAL8PV",
        "+39 081 4445566",
        (
            (
                "Salvatore Esposito",
                "Titolare",
                "+39 081 4445566",
                "+39 329 1112233",
                "info@panificioesposito.example",
            ),
        ),
        (),
        (
            ("router-panificio", "firewall", "other", "", "", "", ""),
            ("pc-cassa", "workstation", "windows", "", "router-panificio", "pos", ""),
            ("pc-ufficio", "laptop", "windows", "", "router-panificio", "", ""),
        ),
    ),
    _DemoClient(
        "Officina Meccanica Russo S.p.A.",
        "0723456789",
        "Via dell'Industria 8",
        "40138",
        "Bologna",
        "BO",
        "W7YVJK9",
        "+39 051 6012345",
        (
            (
                "Ing. Davide Russo",
                "Amministratore",
                "+39 051 6012345",
                "+39 335 9876543",
                "d.russo@officinarusso.example",
            ),
            ("Sara Conti", "Amministrazione", "+39 051 6012346", "", "amministrazione@officinarusso.example"),
            ("Paolo Marino", "Capo reparto", "", "+39 340 5556677", ""),
        ),
        ("Uffici", "Capannone"),
        (
            ("fw-russo", "firewall", "other", "Uffici", "", "perimetro", "Fortinet"),
            (
                "srv-erp",
                "server",
                "windows",
                "Uffici",
                "fw-russo",
                "erp,backup",
                "Gestionale ERP + SQL Server",
            ),
            ("srv-file", "server", "linux", "Uffici", "fw-russo", "backup", ""),
            ("nas-russo", "nas", "linux", "Uffici", "fw-russo", "backup", ""),
            ("sw-uffici", "switch", "other", "Uffici", "fw-russo", "", ""),
            ("pc-amministrazione", "workstation", "windows", "Uffici", "fw-russo", "", ""),
            ("pc-ufficio-tecnico", "workstation", "windows", "Uffici", "fw-russo", "cad", ""),
            ("pc-direzione", "laptop", "windows", "Uffici", "fw-russo", "", ""),
            ("sw-capannone", "switch", "other", "Capannone", "fw-russo", "", ""),
            ("pc-reparto", "workstation", "windows", "Capannone", "fw-russo", "", ""),
            ("plc-gateway", "other", "linux", "Capannone", "fw-russo", "ot", "Gateway macchine CNC"),
            ("stampante-uffici", "printer", "other", "Uffici", "fw-russo", "", ""),
        ),
    ),
    _DemoClient(
        "Farmacia San Marco",
        "0387654321",
        "Campo San Marco 5",
        "30124",
        "Venezia",
        "VE",
        "T9K4ZHO",
        "+39 041 5223344",
        (
            (
                "Dott.ssa Elena Ricci",
                "Titolare",
                "+39 041 5223344",
                "",
                "elena.ricci@farmaciasanmarco.example",
            ),
        ),
        (),
        (
            ("fw-farmacia", "firewall", "other", "", "", "perimetro", ""),
            ("srv-farmacia", "server", "windows", "", "fw-farmacia", "backup", "Gestionale farmacia"),
            ("banco-1", "workstation", "windows", "", "fw-farmacia", "pos", ""),
            ("banco-2", "workstation", "windows", "", "fw-farmacia", "pos", ""),
            ("retro-pc", "workstation", "windows", "", "fw-farmacia", "", ""),
            ("stampante-ricette", "printer", "other", "", "fw-farmacia", "", ""),
        ),
    ),
    _DemoClient(
        "Agenzia Viaggi Mediterraneo",
        "0612378945",
        "Via Nazionale 77",
        "00184",
        "Roma",
        "RM",
        "SUBM70N",
        "+39 06 4881234",
        (
            (
                "Francesca Romano",
                "Titolare",
                "+39 06 4881234",
                "+39 339 4445566",
                "francesca@agenziamediterraneo.example",
            ),
            ("Luca Gallo", "Consulente", "+39 06 4881235", "", "luca@agenziamediterraneo.example"),
        ),
        (),
        (
            ("router-agenzia", "firewall", "other", "", "", "", ""),
            ("pc-banco-1", "workstation", "windows", "", "router-agenzia", "", ""),
            ("pc-banco-2", "workstation", "windows", "", "router-agenzia", "", ""),
            ("laptop-titolare", "laptop", "macos", "", "router-agenzia", "", ""),
            ("nas-agenzia", "nas", "linux", "", "router-agenzia", "backup", ""),
            ("stampante-agenzia", "printer", "other", "", "router-agenzia", "", ""),
        ),
    ),
    _DemoClient(
        "Cantina Vini Moretti",
        "0198765430",
        "Località Poggio 1",
        "53024",
        "Montalcino",
        "SI",
        "A4707H7",
        "+39 0577 848123",
        (
            (
                "Roberto Moretti",
                "Titolare",
                "+39 0577 848123",
                "+39 348 2223344",
                "roberto@cantinamoretti.example",
            ),
            ("Chiara Moretti", "E-commerce", "", "+39 348 2223345", "shop@cantinamoretti.example"),
        ),
        ("Cantina", "Punto vendita"),
        (
            ("fw-cantina", "firewall", "other", "Cantina", "", "perimetro", ""),
            (
                "srv-cantina",
                "server",
                "linux",
                "Cantina",
                "fw-cantina",
                "backup,web",
                "E-commerce e gestionale",
            ),
            ("pc-ufficio", "workstation", "windows", "Cantina", "fw-cantina", "", ""),
            ("pc-enologo", "laptop", "windows", "Cantina", "fw-cantina", "", ""),
            ("sw-cantina", "switch", "other", "Cantina", "fw-cantina", "", ""),
            ("pc-negozio", "workstation", "windows", "Punto vendita", "fw-cantina", "pos", ""),
            ("stampante-negozio", "printer", "other", "Punto vendita", "fw-cantina", "", ""),
        ),
    ),
)

# The MSP's own desk: the one machine the demo polls for real, on loopback.
OWN_OFFICE = _DemoClient(
    "MSP Demo - Ufficio interno",
    "0911223344",
    "Via Roma 1",
    "20100",
    "Milano",
    "MI",
    "0000000",
    "+39 02 0000000",
    (("Tecnico di turno", "Help desk", "+39 02 0000000", "", "helpdesk@msp-demo.example"),),
    (),
    (("questo-pc", "workstation", "linux", "", "", "locale", "Il PC della console: controllato davvero"),),
)


def _address(client_index: int, machine_index: int, name: str, client_slug: str) -> str:
    if client_index < 0:
        return "127.0.0.1"
    # Half the fleet by loopback address, half by a name that can never resolve.
    if machine_index % 2 == 0:
        return f"127.{10 + client_index}.0.{machine_index + 1}"
    return f"{name}.{client_slug}.invalid"


def _slug(c: _DemoClient) -> str:
    return c.name.split()[1].lower().strip("&.,'")


def ensure_demo_data(app: object, now: datetime | None = None) -> bool:
    """Fills an empty demo database; returns True when it created data. The demo week of
    interventions and appointments is the week of ``now`` (default: this week)."""
    from msp_console.app import App

    assert isinstance(app, App)
    with app.db.read() as s:
        if (s.scalar(select(func.count()).select_from(Client)) or 0) > 0:
            return False
    inv = app.inventory
    for index, c in enumerate((*CLIENTS, OWN_OFFICE)):
        vat = _vat(c.vat_base)
        cid = inv.save_client(
            {
                "name": c.name,
                "vat_number": vat,
                "tax_code": vat,
                "address": c.address,
                "postal_code": c.postal_code,
                "city": c.city,
                "province": c.province,
                "country": "IT",
                "sdi_code": c.sdi,
                "phone": c.phone,
                "email": c.contacts[0][4] if c.contacts[0][4] else "",
                "pec": f"pec@{_slug(c)}.example",
            }
        )
        for i, (name, role, phone, mobile, email) in enumerate(c.contacts):
            inv.save_contact(
                cid,
                {
                    "name": name,
                    "role": role,
                    "phone": phone,
                    "mobile": mobile,
                    "email": email,
                    "primary": "1" if i == 0 else "0",
                },
            )
        for site in c.sites:
            inv.save_site(cid, {"name": site, "address": c.address})
        slug = _slug(c)
        own = c is OWN_OFFICE
        for mi, (name, kind, os_, site, parent, tags, notes) in enumerate(c.machines):
            inv.save_machine(
                cid,
                {
                    "name": name,
                    "kind": kind,
                    "os": os_,
                    "site": site,
                    "parent": parent,
                    "tags": tags,
                    "notes": notes,
                    "address": _address(-1 if own else index, mi, name, slug),
                },
            )
    _add_feature_demos(app, now or datetime.now(UTC))
    return True


def _add_feature_demos(app: object, now: datetime) -> None:
    """Interventions, appointments, contracts with issued invoices, and the monitoring history, on
    top of the fleet. Called by name, not registered by whoever happened to be imported: the demo
    from the first-run wizard, the menu and ``--demo`` is the same data."""
    from msp_console.monitoring.demo_history import add_demo_history
    from msp_console.services.billing.demo import add_billing_demo
    from msp_console.services.interventions.demo import add_demo_interventions

    add_demo_interventions(app, now)
    add_billing_demo(app, now.astimezone().date())
    add_demo_history(app, now)
