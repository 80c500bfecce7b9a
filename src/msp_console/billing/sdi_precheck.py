"""The SdI's own 00xxx checks a small MSP actually hits, run on the FatturaPA file before it is sent.

The XSD (error 00200) says whether the file is well formed; the SdI then checks the contents:
fiscal codes of both parties, the recipient's code or PEC, dates, arithmetic of lines and of the
VAT summary, Natura codes, duplicates. A rejection (NotificaScarto) costs a resend and, after five
days, a new invoice number, so each rule is checked here with the SdI's code and tolerance and the
field it names. Rules read the XML itself: what is checked is exactly what would be sent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field as _field
from datetime import date
from decimal import Decimal, InvalidOperation

from lxml import etree

from msp_console.domain import validation

CENT, EURO = Decimal("0.01"), Decimal("1.00")
GENERIC_NATURE = {"N2", "N3", "N6"}  # refused since 2021: a sub-code (N2.1, N3.5, N6.9…) is needed
_FILE_NAME = re.compile(r"^([A-Z]{2})([A-Za-z0-9]{2,28})_([A-Za-z0-9]{5})\.(xml|xml\.p7m)$")

# The SdI's own wording of each code (what its NotificaScarto would say), for reference.
SDI_WORDING = {
    "00001": "Nome file non valido",
    "00002": "Nome file duplicato",
    "00200": "File non conforme al formato",
    "00300": "1.1.1.2 <IdCodice> non valido",
    "00301": "1.2.1.1.2 <IdCodice> non valido",
    "00302": "1.2.1.2 <CodiceFiscale> non valido",
    "00305": "1.4.1.1.2 <IdCodice> non valido",
    "00306": "1.4.1.2 <CodiceFiscale> non valido",
    "00311": "1.1.4 <CodiceDestinatario> non valido",
    "00400": "2.2.1.14 <Natura> non presente a fronte di 2.2.1.12 <AliquotaIVA> pari a zero",
    "00401": "2.2.1.14 <Natura> presente a fronte di 2.2.1.12 <AliquotaIVA> diversa da zero",
    "00403": "2.1.1.3 <Data> successiva alla data di ricezione",
    "00404": "Fattura duplicata",
    "00409": "Fattura duplicata nel lotto",
    "00417": "1.4.1.1 <IdFiscaleIVA> e 1.4.1.2 <CodiceFiscale> non valorizzati",
    "00418": "2.1.1.3 <Data> antecedente a 2.1.6.3 <Data>",
    "00419": "2.2.2 <DatiRiepilogo> non presente per almeno un valore di 2.2.1.12 <AliquotaIVA>",
    "00421": "2.2.2.6 <Imposta> non calcolato secondo le regole definite nelle specifiche tecniche",
    "00422": "2.2.2.5 <ImponibileImporto> non calcolato secondo le regole definite nelle specifiche tecniche",
    "00423": "2.2.1.11 <PrezzoTotale> non calcolato secondo le regole definite nelle specifiche tecniche",
    "00424": "<AliquotaIVA> non indicata in termini percentuali",
    "00425": "2.1.1.4 <Numero> non contenente caratteri numerici",
    "00426": "1.1.6 <PECDestinatario> valorizzato a fronte di 1.1.4 <CodiceDestinatario> diverso da 0000000",
    "00427": "1.1.4 <CodiceDestinatario> di 6 caratteri a fronte di 1.1.3 <FormatoTrasmissione> FPR12",
    "00429": "2.2.2.2 <Natura> non presente a fronte di 2.2.2.1 <AliquotaIVA> pari a zero",
    "00430": "2.2.2.2 <Natura> presente a fronte di 2.2.2.1 <AliquotaIVA> diversa da zero",
    "00443": "Non c'è corrispondenza tra 2.2.1.12 <AliquotaIVA> e 2.2.2.1 <AliquotaIVA>",
    "00445": "Non è più ammesso il valore generico N2, N3 o N6 come codice natura",
}

HEADER = "FatturaElettronicaHeader"
BODY = "FatturaElettronicaBody"
SUPPLIER = f"{HEADER}/CedentePrestatore/DatiAnagrafici"
CUSTOMER = f"{HEADER}/CessionarioCommittente/DatiAnagrafici"
TRANSMISSION = f"{HEADER}/DatiTrasmissione"
GENERAL = f"{BODY}/DatiGenerali/DatiGeneraliDocumento"
GOODS = f"{BODY}/DatiBeniServizi"


@dataclass(frozen=True, slots=True)
class SdiProblem:
    """One refusal the SdI would send: its code, the field (XML path) and what is wrong, in English."""

    code: str
    field: str
    message: str
    params: dict[str, str] = _field(default_factory=dict, compare=False, hash=False)

    def __str__(self) -> str:
        return f"{self.code} {self.field}: {self.message}"


@dataclass(frozen=True, slots=True)
class Sent:
    """What the SdI already holds from this sender: file names, and invoices not rejected."""

    file_names: frozenset[str] = frozenset()
    invoices: frozenset[tuple[str, int]] = frozenset()  # (number, year) not rejected by the SdI


NOTHING_SENT = Sent()


def _text(root: etree._Element, path: str) -> str:
    return (root.findtext(path) or "").strip()


def _decimal(text: str | None) -> Decimal | None:
    try:
        return Decimal((text or "").strip())
    except InvalidOperation:
        return None


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _check_id(problems: list[SdiProblem], code: str, path: str, country: str, value: str) -> None:
    """An Italian VAT number: 11 digits with the right check digit (the SdI asks the tax registry
    too; a well-formed number the registry does not know is found only by the SdI)."""
    if country != "IT" or not value:
        return
    try:
        validation.vat_number(value, "IT")
    except ValueError as exc:
        problems.append(SdiProblem(code, path, str(exc), {"value": value}))


def _check_tax_code(problems: list[SdiProblem], code: str, path: str, value: str) -> None:
    if not value:
        return
    try:
        validation.tax_code(value)
    except ValueError as exc:
        problems.append(SdiProblem(code, path, str(exc), {"value": value}))


def check_parties(root: etree._Element) -> list[SdiProblem]:
    """00300/00301/00302 sender and supplier, 00305/00306/00417 customer."""
    out: list[SdiProblem] = []
    sender = f"{TRANSMISSION}/IdTrasmittente"
    if _text(root, f"{sender}/IdPaese") == "IT":
        value = _text(root, f"{sender}/IdCodice")
        if re.fullmatch(r"\d{11}", value):
            _check_id(out, "00300", f"{sender}/IdCodice", "IT", value)
        else:
            _check_tax_code(out, "00300", f"{sender}/IdCodice", value)
    vat = f"{SUPPLIER}/IdFiscaleIVA"
    _check_id(out, "00301", f"{vat}/IdCodice", _text(root, f"{vat}/IdPaese"), _text(root, f"{vat}/IdCodice"))
    _check_tax_code(out, "00302", f"{SUPPLIER}/CodiceFiscale", _text(root, f"{SUPPLIER}/CodiceFiscale"))
    vat = f"{CUSTOMER}/IdFiscaleIVA"
    customer_vat, customer_cf = _text(root, f"{vat}/IdCodice"), _text(root, f"{CUSTOMER}/CodiceFiscale")
    _check_id(out, "00305", f"{vat}/IdCodice", _text(root, f"{vat}/IdPaese"), customer_vat)
    _check_tax_code(out, "00306", f"{CUSTOMER}/CodiceFiscale", customer_cf)
    if not customer_vat and not customer_cf:
        out.append(
            SdiProblem(
                "00417", CUSTOMER, "the client has neither a VAT number nor a tax code (one is needed)"
            )
        )
    return out


def check_recipient(root: etree._Element) -> list[SdiProblem]:
    """00311/00427 the recipient code, 00426 a PEC only with the code 0000000."""
    out: list[SdiProblem] = []
    code = _text(root, f"{TRANSMISSION}/CodiceDestinatario")
    pec = _text(root, f"{TRANSMISSION}/PECDestinatario")
    fmt = _text(root, f"{TRANSMISSION}/FormatoTrasmissione")
    where = f"{TRANSMISSION}/CodiceDestinatario"
    if not re.fullmatch(r"[A-Z0-9]{6,7}", code):
        out.append(SdiProblem("00311", where, f"'{code}' is not a recipient code (7 letters or digits)"))
    elif fmt == "FPR12" and len(code) != 7:
        out.append(
            SdiProblem("00427", where, f"'{code}' has 6 characters: a public body's code, not a company's")
        )
    if pec and code != "0000000":
        out.append(
            SdiProblem(
                "00426",
                f"{TRANSMISSION}/PECDestinatario",
                f"a recipient PEC is given with the code {code}: the PEC is only for the code 0000000",
            )
        )
    return out


def check_dates(root: etree._Element, today: date) -> list[SdiProblem]:
    """00403 an invoice dated after the day it reaches the SdI, 00418 a credit note before the
    invoice it corrects, 00425 a number without digits."""
    out: list[SdiProblem] = []
    issued = _date(_text(root, f"{GENERAL}/Data"))
    if issued is not None and issued > today:
        out.append(
            SdiProblem(
                "00403", f"{GENERAL}/Data", f"{issued.isoformat()} is after today ({today.isoformat()})"
            )
        )
    for i, linked in enumerate(root.iterfind(f"{BODY}/DatiGenerali/DatiFattureCollegate"), start=1):
        when = _date(_text(linked, "Data"))
        if issued is not None and when is not None and issued < when:
            out.append(
                SdiProblem(
                    "00418",
                    f"{GENERAL}/Data",
                    f"{issued.isoformat()} is before the date of the linked invoice "
                    f"({when.isoformat()}, DatiFattureCollegate[{i}])",
                )
            )
    number = _text(root, f"{GENERAL}/Numero")
    if not any(ch.isdigit() for ch in number):
        out.append(SdiProblem("00425", f"{GENERAL}/Numero", f"'{number}' contains no digit"))
    return out


def _natura(
    problems: list[SdiProblem], path: str, rate: Decimal, natura: str, codes: tuple[str, str]
) -> None:
    missing, present = codes
    if rate == 0 and not natura:
        problems.append(SdiProblem(missing, f"{path}/Natura", "a 0 % VAT rate needs a Natura code"))
    elif rate != 0 and natura:
        problems.append(
            SdiProblem(present, f"{path}/Natura", f"Natura {natura} is given with a {rate} % VAT rate")
        )
    if natura in GENERIC_NATURE:
        problems.append(
            SdiProblem(
                "00445", f"{path}/Natura", f"{natura} is no longer accepted: use a sub-code ({natura}.1…)"
            )
        )


def _rate(problems: list[SdiProblem], path: str, raw: str) -> Decimal | None:
    rate = _decimal(raw)
    if rate is not None and 0 < rate < 1:
        problems.append(
            SdiProblem("00424", f"{path}/AliquotaIVA", f"{raw} is not a percentage (22 % is written 22.00)")
        )
    return rate


def check_amounts(root: etree._Element) -> list[SdiProblem]:
    """00423 line totals (1 cent), 00400/00401 Natura, 00419/00443 one summary per rate,
    00422 taxable per rate (1 euro), 00421 VAT per rate (1 cent), 00429/00430 Natura in summaries."""
    out: list[SdiProblem] = []
    taxable: dict[tuple[Decimal, str], Decimal] = {}
    for i, row in enumerate(root.iterfind(f"{GOODS}/DettaglioLinee"), start=1):
        path = f"{GOODS}/DettaglioLinee[{i}]"
        qty = _decimal(row.findtext("Quantita") or "1")
        price, total = _decimal(row.findtext("PrezzoUnitario")), _decimal(row.findtext("PrezzoTotale"))
        rate = _rate(out, path, row.findtext("AliquotaIVA") or "")
        if qty is not None and price is not None and total is not None:
            discounts = Decimal(0)
            for cut in row.iterfind("ScontoMaggiorazione"):
                amount = _decimal(cut.findtext("Importo")) or Decimal(0)
                discounts += -amount if cut.findtext("Tipo") == "SC" else amount
            expected = qty * price + discounts * qty
            if abs(expected - total) > CENT:
                out.append(
                    SdiProblem(
                        "00423",
                        f"{path}/PrezzoTotale",
                        f"{total} is not quantity × unit price ({qty} × {price} = {expected:.2f})",
                    )
                )
        natura = _text(row, "Natura")
        if rate is None or total is None:
            continue
        _natura(out, path, rate, natura, ("00400", "00401"))
        key = (rate, natura)
        taxable[key] = taxable.get(key, Decimal(0)) + total
    seen: set[tuple[Decimal, str]] = set()
    for i, summary in enumerate(root.iterfind(f"{GOODS}/DatiRiepilogo"), start=1):
        path = f"{GOODS}/DatiRiepilogo[{i}]"
        rate = _rate(out, path, summary.findtext("AliquotaIVA") or "")
        natura = _text(summary, "Natura")
        base, vat = _decimal(summary.findtext("ImponibileImporto")), _decimal(summary.findtext("Imposta"))
        if rate is None or base is None or vat is None:
            continue
        _natura(out, path, rate, natura, ("00429", "00430"))
        key = (rate, natura)
        seen.add(key)
        rounding = _decimal(summary.findtext("Arrotondamento")) or Decimal(0)
        if key not in taxable:
            out.append(SdiProblem("00443", f"{path}/AliquotaIVA", f"no line has the rate {rate} % {natura}"))
        elif abs(taxable[key] + rounding - base) > EURO:
            out.append(
                SdiProblem(
                    "00422",
                    f"{path}/ImponibileImporto",
                    f"{base} differs from the sum of its lines ({taxable[key]:.2f}) by more than 1 euro",
                )
            )
        expected_vat = (base * rate / 100).quantize(CENT)
        if abs(expected_vat - vat) > CENT:
            out.append(
                SdiProblem("00421", f"{path}/Imposta", f"{vat} is not {rate} % of {base} ({expected_vat})")
            )
    for rate, natura in taxable.keys() - seen:
        label = f"{rate} %" + (f" {natura}" if natura else "")
        out.append(SdiProblem("00419", f"{GOODS}/DatiRiepilogo", f"no VAT summary for the lines at {label}"))
    return out


def check_file_name(name: str, root: etree._Element, sent: Sent) -> list[SdiProblem]:
    """00001 the name is IT<sender's code>_<5 characters>.xml; 00002 never sent before."""
    out: list[SdiProblem] = []
    match = _FILE_NAME.match(name)
    sender = _text(root, f"{TRANSMISSION}/IdTrasmittente/IdPaese") + _text(
        root, f"{TRANSMISSION}/IdTrasmittente/IdCodice"
    )
    if match is None or match.group(1) + match.group(2) != sender:
        out.append(SdiProblem("00001", "file name", f"'{name}' is not {sender}_<5 letters or digits>.xml"))
    if name in sent.file_names or name.removesuffix(".p7m") in sent.file_names:
        out.append(SdiProblem("00002", "file name", f"'{name}' was already sent to the SdI"))
    return out


def invoice_key(root: etree._Element) -> tuple[str, int]:
    """(number, year): what makes two invoices of the same supplier the same for the SdI."""
    issued = _date(_text(root, f"{GENERAL}/Data"))
    return _text(root, f"{GENERAL}/Numero"), issued.year if issued else 0


def precheck(root: etree._Element, name: str, today: date, sent: Sent = NOTHING_SENT) -> list[SdiProblem]:
    """Every content rule on one file, in the order the SdI reports them (00200 first)."""
    from msp_console.billing.fatturapa import validate

    schema_errors = validate(root)
    out = [SdiProblem("00200", e.field, e.message) for e in schema_errors]
    out += check_file_name(name, root, sent)
    out += check_parties(root) + check_recipient(root) + check_dates(root, today) + check_amounts(root)
    number, year = invoice_key(root)
    if (number, year) in sent.invoices:
        out.append(
            SdiProblem("00404", f"{GENERAL}/Numero", f"invoice {number} of {year} is already with the SdI")
        )
    return out


def precheck_batch(
    files: Iterable[tuple[str, etree._Element]], today: date, sent: Sent = NOTHING_SENT
) -> dict[str, list[SdiProblem]]:
    """Each file checked alone, plus 00409: the same number twice in what is sent together."""
    files = list(files)
    result = {name: precheck(root, name, today, sent) for name, root in files}
    first: dict[tuple[str, int], str] = {}
    for name, root in files:
        key = invoice_key(root)
        if key in first:
            result[name].append(
                SdiProblem("00409", f"{GENERAL}/Numero", f"invoice {key[0]} is also in {first[key]}")
            )
        else:
            first[key] = name
    return result
