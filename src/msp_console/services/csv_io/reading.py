"""Reading what Excel in Italy writes: ';' or ',', UTF-8 with or without BOM, or Windows-1252."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from msp_console.domain.errors import FieldError, ValidationError


@dataclass(frozen=True, slots=True)
class CsvRow:
    line: int  # the line number a user sees in a text editor (header is line 1)
    values: dict[str, str]


def decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Excel "CSV (delimitato dal separatore di elenco)" on Italian Windows writes cp1252.
        return data.decode("cp1252", errors="replace")


def detect_delimiter(header_line: str) -> str:
    # The header decides: Italian Excel uses ';' because ',' is the decimal separator.
    return ";" if header_line.count(";") > header_line.count(",") else ","


def read_rows(data: bytes, allowed: Sequence[str], required: Sequence[str]) -> tuple[list[CsvRow], list[str]]:
    """Parses the file; returns rows (with line numbers) and the columns found.

    Unknown or missing columns are refused before any row is looked at.
    """
    text = decode(data)
    first_line = text.split("\n", 1)[0]
    if not first_line.strip():
        raise ValidationError(
            [FieldError("header", "the file is empty or its first line is blank", 1, "csv_empty")]
        )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=detect_delimiter(first_line))
    header = [h.strip().lower().lstrip("\ufeff") for h in next(reader)]
    errors = [
        FieldError(
            h or f"column {i + 1}",
            f"unknown column (expected some of: {', '.join(allowed)})",
            1,
            "csv_unknown_column",
            {"expected": ", ".join(allowed)},
        )
        for i, h in enumerate(header)
        if h not in allowed
    ]
    errors += [
        FieldError(c, "required column is missing", 1, "csv_missing_column")
        for c in required
        if c not in header
    ]
    dupes = {h for h in header if header.count(h) > 1}
    errors += [FieldError(h, "column appears twice", 1, "csv_column_twice") for h in sorted(dupes)]
    if errors:
        raise ValidationError(errors)
    rows: list[CsvRow] = []
    for record in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in record):
            continue  # Excel leaves blank lines at the end
        if len(record) > len(header):
            errors.append(
                FieldError(
                    "row",
                    f"has {len(record)} cells but the header has {len(header)}",
                    line,
                    "csv_cells",
                    {"cells": str(len(record)), "header": str(len(header))},
                )
            )
            continue
        record += [""] * (len(header) - len(record))
        rows.append(CsvRow(line, dict(zip(header, record, strict=True))))
    if errors:
        raise ValidationError(errors)
    return rows, header


def write_rows(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    """UTF-8 with BOM and ';' so that Excel in Italy opens it as columns, not one long line."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")
