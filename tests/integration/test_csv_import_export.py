"""CSV import/export as an MSP brings its list in from Excel."""

from __future__ import annotations

from pathlib import Path

import pytest

from msp_console.app import App
from msp_console.cli import main
from msp_console.domain.errors import ValidationError
from msp_console.services.csv_io import export_csv, import_csv
from msp_console.services.tree import load_tree

CLIENTS = (
    "name;vat_number;tax_code;address;postal_code;city;province;country;sdi_code;pec;email;phone;notes\n"
    "Hotel Bellavista;01234567897;01234567897;Via Lungolago 12;22100;Como;CO;IT;M5UXCR1;"
    "pec@bellavista.example;info@bellavista.example;+39 031 123456;Cliente storico\n"
    "Caffè Né Più Né Meno;00743110157;;Via Roma 1;20100;Milano;MI;IT;0000000;;;;\n"
)
CONTACTS = (
    "client,name,role,phone,mobile,email,primary\n"
    "Hotel Bellavista,Giulia Rossi,Direttrice,+39 031 123456,+39 333 1234567,giulia@bellavista.example,1\n"
    "Hotel Bellavista,Marco Bianchi,Reception,,,,0\n"
)
MACHINES = (
    "client;site;name;kind;address;os;parent;tags;notes\n"
    "Hotel Bellavista;Sede;srv-01;server;127.0.0.5;windows;fw-01;backup,ad;DC\n"
    "Hotel Bellavista;Sede;fw-01;firewall;127.0.0.4;other;;;\n"
    "Caffè Né Più Né Meno;;cassa;workstation;cassa.cafe.invalid;windows;;pos;\n"
)


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def app(database_url: str):
    app = App.open(database_url)
    yield app
    app.close()


def load_all(app: App, tmp_path: Path) -> None:
    import_csv(app.db, "clients", write(tmp_path, "c.csv", CLIENTS))
    import_csv(app.db, "contacts", write(tmp_path, "k.csv", CONTACTS))
    import_csv(app.db, "machines", write(tmp_path, "m.csv", MACHINES))


def test_import_creates_then_updates_by_natural_key(app: App, tmp_path: Path) -> None:
    report = import_csv(app.db, "clients", write(tmp_path, "c.csv", CLIENTS))
    assert (report.created, report.updated, report.unchanged) == (2, 0, 0)
    again = import_csv(
        app.db, "clients", write(tmp_path, "c.csv", CLIENTS.replace("Como;CO", "Cernobbio;CO"))
    )
    assert (again.created, again.updated, again.unchanged) == (0, 1, 1)
    assert again.changes == ("~ Hotel Bellavista: city",)


def test_machines_import_creates_sites_and_resolves_parents_in_the_same_file(
    app: App, tmp_path: Path
) -> None:
    load_all(app, tmp_path)
    with app.db.read() as s:
        tree = load_tree(s)
    hotel = next(c for c in tree.clients if c.name == "Hotel Bellavista")
    (site,) = hotel.sites
    assert site.name == "Sede"
    srv = next(m for m in site.machines if m.name == "srv-01")
    assert (srv.parent_name, srv.tags, srv.address) == ("fw-01", "backup,ad", "127.0.0.5")


def test_semicolons_bom_and_windows_1252_are_read(app: App, tmp_path: Path) -> None:
    cp1252 = write(tmp_path, "cp.csv", CLIENTS, encoding="cp1252")
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbf" + CLIENTS.replace(";", ",").encode("utf-8"))
    assert import_csv(app.db, "clients", cp1252).created == 2
    assert import_csv(app.db, "clients", bom).unchanged == 2  # same names, accents decoded alike


def test_a_bad_file_lists_every_bad_row_and_writes_nothing(app: App, tmp_path: Path) -> None:
    bad = (
        "name;vat_number;email;province\n"
        "Good One;01234567897;a@b.example;MI\n"
        "Bad VAT;01234567890;;MI\n"
        ";;;\n"  # blank line: skipped, Excel writes those
        "Bad Mail;;not-an-email;MI\n"
        "Good One;;;\n"
    )
    with pytest.raises(ValidationError) as info:
        import_csv(app.db, "clients", write(tmp_path, "bad.csv", bad))
    assert [str(e) for e in info.value.errors] == [
        "line 3: vat_number: '01234567890' is not a valid Italian VAT number: the check digit is wrong",
        "line 5: email: 'not-an-email' is not an e-mail address: An email address must have an @-sign.",
        "line 6: name: appears again (first on line 2)",
    ]
    with app.db.read() as s:
        assert load_tree(s, include_archived=True).clients == ()


def test_unknown_columns_and_missing_references_are_refused(app: App, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="line 1: colour: unknown column"):
        import_csv(app.db, "clients", write(tmp_path, "x.csv", "name;colour\nA;red\n"))
    import_csv(app.db, "clients", write(tmp_path, "c.csv", CLIENTS))
    machines = (
        "client,name,parent\nNobody,pc,\n"
        "Hotel Bellavista,pc,ghost\nHotel Bellavista,a,b\nHotel Bellavista,b,a\n"
    )
    with pytest.raises(ValidationError) as info:
        import_csv(app.db, "machines", write(tmp_path, "m.csv", machines))
    assert [str(e) for e in info.value.errors] == [
        "line 2: client: no client named 'Nobody' (import clients first)",
        "line 3: parent: this client has no machine named 'ghost'",
        "line 4: parent: the parent chain loops back to this machine",
        "line 5: parent: the parent chain loops back to this machine",
    ]


def test_dry_run_reports_but_writes_nothing(app: App, tmp_path: Path) -> None:
    report = import_csv(app.db, "clients", write(tmp_path, "c.csv", CLIENTS), dry_run=True)
    assert report.dry_run and report.created == 2
    with app.db.read() as s:
        assert load_tree(s).clients == ()


def test_export_import_export_round_trips(app: App, tmp_path: Path, sqlite_url: str) -> None:
    load_all(app, tmp_path)
    first = {k: tmp_path / f"first-{k}.csv" for k in ("clients", "contacts", "machines")}
    for kind, path in first.items():
        export_csv(app.db, kind, path)
    fresh = App.open(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    for kind, path in first.items():
        import_csv(fresh.db, kind, path)
    for kind, path in first.items():
        second = tmp_path / f"second-{kind}.csv"
        export_csv(fresh.db, kind, second)
        assert second.read_bytes() == path.read_bytes(), kind
    fresh.close()
    assert first["machines"].read_bytes().startswith(b"\xef\xbb\xbfclient;site;name;kind;")


def test_cli_import_exit_codes_and_messages(database_url: str, tmp_path: Path, capsys) -> None:
    good = write(tmp_path, "c.csv", CLIENTS)
    assert main(["--database", database_url, "import", "clients", str(good), "--dry-run"]) == 0
    assert "would import 2 clients: 2 new" in capsys.readouterr().out
    bad = write(tmp_path, "bad.csv", "name;vat_number\nX;123\n")
    assert main(["--database", database_url, "import", "clients", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "nothing imported" in err and "line 2: vat_number:" in err
    assert main(["--database", database_url, "import", "clients", str(tmp_path / "none.csv")]) == 1
