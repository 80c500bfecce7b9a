"""The billing commands as a technician types them: clear refusals, nothing half-written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from msp_console.cli import main


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


COMPANY_ARGS = [
    "company",
    "set",
    "--name",
    "Rossi Informatica S.r.l.",
    "--vat-number",
    "01234567897",
    "--tax-code",
    "01234567897",
    "--address",
    "Via Garibaldi 42",
    "--postal-code",
    "20121",
    "--city",
    "Milano",
    "--province",
    "MI",
    "--country",
    "IT",
    "--iban",
    "IT60 X054 2811 1010 0000 0123 456",
    "--regime",
    "RF01",
]


def setup_clients(tmp_path: Path, capsys: pytest.CaptureFixture[str], db: str, clients: str) -> None:
    assert cli(capsys, "--database", db, *COMPANY_ARGS)[0] == 0
    (tmp_path / "clients.csv").write_text(clients, encoding="utf-8")
    code, _, err = cli(capsys, "--database", db, "import", "clients", str(tmp_path / "clients.csv"))
    assert code == 0, err


def test_company_profile_is_validated_field_by_field(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(capsys, "--database", sqlite_url, *COMPANY_ARGS)[0] == 0
    code, _, err = cli(
        capsys,
        "--database",
        sqlite_url,
        "company",
        "set",
        "--iban",
        "IT61X0542811101000000123456",
        "--regime",
        "RF99",
        "--vat-number",
        "01234567890",
    )
    assert code == 1
    assert "iban" in err and "check digits" in err and "regime" in err and "vat_number" in err
    code, out, _ = cli(capsys, "--database", sqlite_url, "company", "show", "--json")
    shown = json.loads(out)
    assert shown["iban"] == "IT60X0542811101000000123456" and shown["regime"] == "RF01"


def test_import_contracts_then_run_issue_list(
    tmp_path: Path, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    setup_clients(
        tmp_path,
        capsys,
        sqlite_url,
        "name;vat_number;address;postal_code;city;province;sdi_code\n"
        "Hotel Bellavista;05566778899;Lungomare 21;80122;Napoli;NA;T04ZHR3\n",
    )
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "client;service;quantity;unit_price;vat_rate;start;end;period\n"
        "Hotel Bellavista;Monitoraggio e assistenza a canone;1;abc;22;15/11/2026;;monthly\n"
        "Nessuno;Backup;1;10;22;2026-11-01;;monthly\n"
        "Hotel Bellavista;Backup;1;10;22;31/02/2026;;weekly\n",
        encoding="utf-8",
    )
    code, _, err = cli(capsys, "--database", sqlite_url, "import", "contracts", str(bad))
    assert code == 1
    assert "line 2: unit_price" in err and "line 4: start" in err and "line 4: period" in err
    good = tmp_path / "contracts.csv"
    good.write_text(
        "client;service;quantity;unit_price;vat_rate;start;end;period\n"
        "Hotel Bellavista;Monitoraggio e assistenza a canone;1;1.234,50;22;15/11/2026;;monthly\n"
        "Hotel Bellavista;Manutenzione sito web;1;100.00;22;2026-11-15;;monthly\n",
        encoding="utf-8",
    )
    code, out, err = cli(capsys, "--database", sqlite_url, "import", "contracts", str(good))
    assert code == 0, err
    code, out, _ = cli(capsys, "--database", sqlite_url, "invoices", "run", "--month", "2026-12", "--json")
    created = json.loads(out)["created"]
    assert [c["period_start"] for c in created] == ["2026-11-01", "2026-12-01"]
    # November: 16/30 of (1234.50 + 100) = 711.73 (658.40 + 53.33) + 22 % VAT 156.58
    assert created[0]["total"] == "868.31" and created[1]["total"] == "1628.09"
    assert (
        json.loads(
            cli(capsys, "--database", sqlite_url, "invoices", "run", "--month", "2026-12", "--json")[1]
        )["created"]
        == []
    )
    code, out, _ = cli(
        capsys,
        "--database",
        sqlite_url,
        "invoices",
        "issue",
        "--month",
        "2026-12",
        "--date",
        "2026-12-01",
        "--json",
    )
    assert [x["number"] for x in json.loads(out)["issued"]] == ["2026/0001", "2026/0002"]
    code, out, _ = cli(
        capsys,
        "--database",
        sqlite_url,
        "invoices",
        "credit-note",
        "2026/0001",
        "--reason",
        "Storno",
        "--line",
        "2",
        "--date",
        "2026-12-02",
        "--json",
    )
    assert json.loads(out) == {"number": "2026/0003", "credits": "2026/0001", "total": "65.06"}
    assert (
        cli(capsys, "--database", sqlite_url, "invoices", "mark-paid", "2026/0002", "--date", "2026-12-20")[0]
        == 0
    )
    code, out, _ = cli(capsys, "--database", sqlite_url, "invoices", "list", "--status", "paid", "--json")
    assert [r["number"] for r in json.loads(out)["invoices"]] == ["2026/0002"]
    code, _, err = cli(capsys, "--database", sqlite_url, "invoices", "delete", "1")
    assert code == 1 and "credit note" in err


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ("Senza Partita IVA;;Via Roma 1;10100;Torino;TO;ABC1234", "VAT number"),
        ("Codice Sbagliato;05566778899;Via Roma 1;10100;Torino;TO;ABC123", "sdi_code"),
    ],
)
def test_invalid_client_data_is_refused_at_issue(
    tmp_path: Path, sqlite_url: str, fields: str, problem: str, capsys: pytest.CaptureFixture[str]
) -> None:
    setup_clients(
        tmp_path,
        capsys,
        sqlite_url,
        "name;vat_number;address;postal_code;city;province;sdi_code\n" + fields + "\n",
    )
    name = fields.split(";")[0]
    (tmp_path / "k.csv").write_text(
        "client;service;quantity;unit_price;start\n"
        f"{name};Monitoraggio e assistenza a canone;1;100;2026-11-01\n"
    )
    assert cli(capsys, "--database", sqlite_url, "import", "contracts", str(tmp_path / "k.csv"))[0] == 0
    assert cli(capsys, "--database", sqlite_url, "invoices", "run", "--month", "2026-11")[0] == 0
    code, _, err = cli(capsys, "--database", sqlite_url, "invoices", "issue", "--month", "2026-11")
    assert code == 1 and problem in err and f"client '{name}'" in err
    code, out, _ = cli(capsys, "--database", sqlite_url, "invoices", "list", "--json")
    assert [r["status"] for r in json.loads(out)["invoices"]] == ["draft"]


def test_contracts_and_catalog_from_the_command_line(
    tmp_path: Path, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    setup_clients(
        tmp_path,
        capsys,
        sqlite_url,
        "name;vat_number;address;postal_code;city;province;sdi_code\n"
        "Hotel Bellavista;05566778899;Lungomare 21;80122;Napoli;NA;T04ZHR3\n",
    )
    (tmp_path / "machines.csv").write_text(
        "client;name;kind\nHotel Bellavista;srv1;server\n"
        "Hotel Bellavista;nas1;nas\nHotel Bellavista;pc1;workstation\n"
    )
    assert cli(capsys, "--database", sqlite_url, "import", "machines", str(tmp_path / "machines.csv"))[0] == 0
    code, _, err = cli(
        capsys, "--database", sqlite_url, "catalog", "add", "Marche da bollo", "--vat-rate", "0"
    )
    assert code == 1 and "Natura" in err
    assert (
        cli(
            capsys,
            "--database",
            sqlite_url,
            "catalog",
            "add",
            "Marche da bollo",
            "--vat-rate",
            "0",
            "--natura",
            "N1",
            "--price",
            "2",
        )[0]
        == 0
    )
    code, _, err = cli(
        capsys,
        "--database",
        sqlite_url,
        "contracts",
        "add",
        "--client",
        "Hotel Bellavista",
        "--code",
        "Q-1",
        "--start",
        "2026-02-15",
        "--period",
        "quarterly",
        "--line",
        "MONITORING:1:300",
        "--line",
        "BACKUP::25",
        "--line",
        "Marche da bollo",
    )
    assert code == 0, err
    code, _, err = cli(
        capsys,
        "--database",
        sqlite_url,
        "contracts",
        "change",
        "Q-1",
        "--line",
        "1",
        "--from",
        "2026-05-01",
        "--unit-price",
        "330",
    )
    assert code == 1 and "first day of a quarterly period" in err
    assert (
        cli(
            capsys,
            "--database",
            sqlite_url,
            "contracts",
            "change",
            "Q-1",
            "--line",
            "1",
            "--from",
            "2026-04-01",
            "--unit-price",
            "330",
        )[0]
        == 0
    )
    code, out, _ = cli(capsys, "--database", sqlite_url, "invoices", "run", "--month", "2026-04", "--json")
    created = json.loads(out)["created"]
    # Q1 prorated 45/90 days: (300 + 2 backups × 25) / 2 = 175.00 + 22 % = 213.50, stamp 2 / 2 = 1.00 (N1)
    # Q2 in full with the new price: 330 + 50 = 380.00 + 83.60 VAT + 2.00 stamp = 465.60
    assert [(c["period_start"], c["total"]) for c in created] == [
        ("2026-01-01", "214.50"),
        ("2026-04-01", "465.60"),
    ]
    first = created[0]["id"]
    assert (
        cli(
            capsys,
            "--database",
            sqlite_url,
            "invoices",
            "edit",
            str(first),
            "--line",
            "1",
            "--description",
            "Canone concordato",
        )[0]
        == 0
    )
    code, out, _ = cli(capsys, "--database", sqlite_url, "contracts", "list", "--json")
    history = json.loads(out)["contracts"][0]["history"]
    assert [(h["line"], h["unit_price"], h["valid_from"]) for h in history if h["line"] == 1] == [
        (1, "300.000000", "2026-02-15"),
        (1, "330.000000", "2026-04-01"),
    ]


def test_custom_number_format_and_the_status_flow(
    tmp_path: Path, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    setup_clients(
        tmp_path,
        capsys,
        sqlite_url,
        "name;vat_number;address;postal_code;city;province;sdi_code\n"
        "Hotel Bellavista;05566778899;Lungomare 21;80122;Napoli;NA;T04ZHR3\n",
    )
    code, _, err = cli(capsys, "--database", sqlite_url, "company", "set", "--number-format", "{year}")
    assert code == 1 and "{seq}" in err
    assert (
        cli(
            capsys,
            "--database",
            sqlite_url,
            "company",
            "set",
            "--number-format",
            "FT{seq:05d}-{year}",
            "--payment-days",
            "30",
            "--payment-end-of-month",
            "yes",
        )[0]
        == 0
    )
    assert (
        cli(
            capsys,
            "--database",
            sqlite_url,
            "contracts",
            "add",
            "--client",
            "Hotel Bellavista",
            "--code",
            "K1",
            "--start",
            "2026-10-01",
            "--line",
            "MONITORING:1:100",
        )[0]
        == 0
    )
    assert cli(capsys, "--database", sqlite_url, "invoices", "run", "--month", "2026-11")[0] == 0
    code, out, _ = cli(
        capsys,
        "--database",
        sqlite_url,
        "invoices",
        "issue",
        "--month",
        "2026-11",
        "--date",
        "2026-11-05",
        "--json",
    )
    assert [x["number"] for x in json.loads(out)["issued"]] == ["FT00001-2026", "FT00002-2026"]
    code, _, err = cli(capsys, "--database", sqlite_url, "invoices", "run", "--month", "2026-12")
    code, _, err = cli(
        capsys, "--database", sqlite_url, "invoices", "issue", "--month", "2026-12", "--date", "2026-11-04"
    )
    assert code == 1 and "numbers must follow the dates" in err
    assert cli(capsys, "--database", sqlite_url, "invoices", "mark-sent", "FT00001-2026")[0] == 0
    code, out, _ = cli(capsys, "--database", sqlite_url, "invoices", "list", "--json")
    rows = {r["number"]: r for r in json.loads(out)["invoices"]}
    # The company's terms (30 days, end of month) apply: 31 December (overdue once the clock passes it).
    assert rows["FT00001-2026"]["due_date"] == "2026-12-31"
    assert rows["FT00001-2026"]["status"] in {"sent", "overdue"}
    assert rows["FT00002-2026"]["status"] in {"issued", "overdue"}
    assert [r["status"] for r in rows.values() if r["number"] is None] == ["draft"]


def test_new_contracts_take_the_invoice_language_chosen_in_settings(
    tmp_path: Path, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from msp_console.preferences import update_preferences

    setup_clients(
        tmp_path, capsys, sqlite_url,
        "name;vat_number;address;postal_code;city;province;sdi_code\n"
        "Hotel Bellavista;05566778899;Lungomare 21;80122;Napoli;NA;T04ZHR3\n"
        "Ottica Verdi;01234567897;Via Roma 1;20121;Milano;MI;0000000\n",
    )  # fmt: skip
    update_preferences(invoice_language="en")
    add = [
        "--database",
        sqlite_url,
        "contracts",
        "add",
        "--start",
        "2026-01-01",
        "--line",
        "MONITORING:1:100",
    ]
    assert cli(capsys, *add, "--client", "Hotel Bellavista", "--code", "HB-1")[0] == 0
    assert cli(capsys, *add, "--client", "Ottica Verdi", "--code", "OV-1", "--language", "it")[0] == 0
    (tmp_path / "k.csv").write_text(
        "client;service;quantity;unit_price;start;contract\nOttica Verdi;BACKUP;1;25;2026-01-01;OV-2\n",
        encoding="utf-8",
    )
    code, _, err = cli(capsys, "--database", sqlite_url, "import", "contracts", str(tmp_path / "k.csv"))
    assert code == 0, err
    code, out, _ = cli(capsys, "--database", sqlite_url, "contracts", "list", "--json")
    languages = {c["code"]: c["language"] for c in json.loads(out)["contracts"]}
    assert languages == {"HB-1": "en", "OV-1": "it", "OV-2": "en"}
