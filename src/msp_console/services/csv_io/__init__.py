"""CSV import/export of clients, contacts and machines — the way an MSP brings its list in."""

from msp_console.services.csv_io.exporter import export_csv
from msp_console.services.csv_io.importer import ImportReport, import_csv

KINDS = ("clients", "contacts", "machines")

__all__ = ["KINDS", "ImportReport", "export_csv", "import_csv"]
