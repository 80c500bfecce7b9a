"""FatturaPA (FPR12, schema 1.2.3) XML for issued invoices (TD01) and credit notes (TD04).

Every file is validated against the official XSD shipped in resources/fatturapa/ before it is
written; the W3C signature schema it imports by URL is resolved to the local copy, and the
parser never touches the network, so validation works offline.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

from lxml import etree

from msp_console.billing.document import InvoiceDocument
from msp_console.domain.billing.numbering import sdi_progressive
from msp_console.domain.errors import FieldError
from msp_console.resources import resource

NS = "http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2"
NS_PREFIX = "p"  # the prefix the SdI's examples use for NS
DS = "http://www.w3.org/2000/09/xmldsig#"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XMLDSIG_URL = "http://www.w3.org/TR/2002/REC-xmldsig-core-20020212/xmldsig-core-schema.xsd"
_LATIN = {"—": "-", "–": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "€": "EUR", "…": "..."}


class _LocalSchemas(etree.Resolver):
    def resolve(self, url: str | None, pubid: str | None, context: Any) -> Any:
        if url and url.endswith("xmldsig-core-schema.xsd"):
            return self.resolve_filename(str(resource("fatturapa", "xmldsig-core-schema.xsd")), context)
        return None


@cache
def schema() -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, load_dtd=False, resolve_entities=True)
    parser.resolvers.add(_LocalSchemas())
    doc = etree.parse(str(resource("fatturapa", "Schema_VFPR12_v1.2.3.xsd")), parser)
    return etree.XMLSchema(doc)


def latin(text: str, limit: int) -> str:
    """FatturaPA text fields accept Latin-1 only: typographic dashes and quotes are simplified."""
    out = "".join(_LATIN.get(ch, ch) if ord(ch) > 255 else ch for ch in text)
    out = "".join(ch if ord(ch) <= 255 else "?" for ch in out)
    return " ".join(out.split())[:limit]


def _amount(value: Decimal, places: int = 2) -> str:
    return f"{value:.{places}f}"


def _price(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    decimals = len(text.split(".")[1]) if "." in text else 0
    return f"{value:.{min(max(decimals, 2), 8)}f}"


def _sub(parent: etree._Element, tag: str, text: str | None = None) -> etree._Element:
    el = etree.SubElement(parent, tag)
    if text is not None:
        el.text = text
    return el


def _sede(parent: etree._Element, party: dict[str, Any]) -> None:
    sede = _sub(parent, "Sede")
    _sub(sede, "Indirizzo", latin(party.get("address", ""), 60))
    cap = party.get("postal_code", "") if party.get("country", "IT") == "IT" else "00000"
    _sub(sede, "CAP", cap)
    _sub(sede, "Comune", latin(party.get("city", ""), 60))
    if party.get("province"):
        _sub(sede, "Provincia", party["province"])
    _sub(sede, "Nazione", party.get("country", "IT"))


def _header(root: etree._Element, doc: InvoiceDocument) -> None:
    s, c = doc.supplier, doc.customer
    header = _sub(root, "FatturaElettronicaHeader")
    tx = _sub(header, "DatiTrasmissione")
    sender = _sub(tx, "IdTrasmittente")
    _sub(sender, "IdPaese", s.get("country", "IT"))
    _sub(sender, "IdCodice", s.get("tax_code") or s.get("vat_number", ""))
    _sub(tx, "ProgressivoInvio", _progressive(doc))
    _sub(tx, "FormatoTrasmissione", "FPR12")
    _sub(tx, "CodiceDestinatario", c.get("sdi_code", "0000000"))
    if c.get("sdi_code") == "0000000" and c.get("pec"):
        _sub(tx, "PECDestinatario", c["pec"])

    supplier = _sub(header, "CedentePrestatore")
    data = _sub(supplier, "DatiAnagrafici")
    vat = _sub(data, "IdFiscaleIVA")
    _sub(vat, "IdPaese", s.get("country", "IT"))
    _sub(vat, "IdCodice", s.get("vat_number", ""))
    if s.get("tax_code"):
        _sub(data, "CodiceFiscale", s["tax_code"])
    _sub(_sub(data, "Anagrafica"), "Denominazione", latin(s.get("name", ""), 80))
    _sub(data, "RegimeFiscale", s.get("regime") or "RF01")
    _sede(supplier, s)
    if s.get("rea_office") and s.get("rea_number"):
        rea = _sub(supplier, "IscrizioneREA")
        _sub(rea, "Ufficio", s["rea_office"])
        _sub(rea, "NumeroREA", latin(s["rea_number"], 20))
        if s.get("share_capital"):
            _sub(rea, "CapitaleSociale", _amount(Decimal(s["share_capital"])))
        if s.get("sole_shareholder"):
            _sub(rea, "SocioUnico", s["sole_shareholder"])
        _sub(rea, "StatoLiquidazione", s.get("liquidation") or "LN")
    if s.get("phone") or s.get("email"):
        contacts = _sub(supplier, "Contatti")
        if s.get("phone"):
            _sub(contacts, "Telefono", latin(s["phone"], 12))
        if s.get("email"):
            _sub(contacts, "Email", s["email"])

    customer = _sub(header, "CessionarioCommittente")
    data = _sub(customer, "DatiAnagrafici")
    if c.get("vat_number"):
        vat = _sub(data, "IdFiscaleIVA")
        _sub(vat, "IdPaese", c.get("country", "IT"))
        _sub(vat, "IdCodice", c["vat_number"])
    if c.get("tax_code"):
        _sub(data, "CodiceFiscale", c["tax_code"].upper())
    _sub(_sub(data, "Anagrafica"), "Denominazione", latin(c.get("name", ""), 80))
    _sede(customer, c)


def _body(root: etree._Element, doc: InvoiceDocument) -> None:
    body = _sub(root, "FatturaElettronicaBody")
    general = _sub(body, "DatiGenerali")
    gd = _sub(general, "DatiGeneraliDocumento")
    _sub(gd, "TipoDocumento", doc.kind)
    _sub(gd, "Divisa", doc.currency)
    _sub(gd, "Data", doc.issue_date.isoformat())
    _sub(gd, "Numero", doc.number)
    _sub(gd, "ImportoTotaleDocumento", _amount(doc.totals.total))
    if doc.reason:
        _sub(gd, "Causale", latin(doc.reason, 200))
    if doc.contract_code:
        _sub(_sub(general, "DatiContratto"), "IdDocumento", latin(doc.contract_code, 20))
    if doc.is_credit_note and doc.credited_number:
        linked = _sub(general, "DatiFattureCollegate")
        _sub(linked, "IdDocumento", doc.credited_number)
        if doc.credited_date:
            _sub(linked, "Data", doc.credited_date.isoformat())

    goods = _sub(body, "DatiBeniServizi")
    for line in doc.lines:
        row = _sub(goods, "DettaglioLinee")
        _sub(row, "NumeroLinea", str(line.position))
        _sub(row, "Descrizione", latin(line.description, 1000))
        _sub(row, "Quantita", _price(line.quantity))
        if line.period_start and line.period_end:
            _sub(row, "DataInizioPeriodo", line.period_start.isoformat())
            _sub(row, "DataFinePeriodo", line.period_end.isoformat())
        _sub(row, "PrezzoUnitario", _price(line.effective_unit_price))
        _sub(row, "PrezzoTotale", _amount(line.amount))
        _sub(row, "AliquotaIVA", _amount(line.vat_rate))
        if line.natura:
            _sub(row, "Natura", line.natura)
    for group in doc.totals.groups:
        summary = _sub(goods, "DatiRiepilogo")
        _sub(summary, "AliquotaIVA", _amount(group.vat_rate))
        if group.natura:
            _sub(summary, "Natura", group.natura)
        _sub(summary, "ImponibileImporto", _amount(group.taxable))
        _sub(summary, "Imposta", _amount(group.vat))
        _sub(summary, "EsigibilitaIVA", "I")
        if group.natura:
            _sub(summary, "RiferimentoNormativo", f"Operazione {group.natura}")

    if not doc.is_credit_note and doc.due_date:
        payment = _sub(body, "DatiPagamento")
        _sub(payment, "CondizioniPagamento", "TP02")
        detail = _sub(payment, "DettaglioPagamento")
        _sub(detail, "ModalitaPagamento", "MP05")
        _sub(detail, "DataScadenzaPagamento", doc.due_date.isoformat())
        _sub(detail, "ImportoPagamento", _amount(doc.totals.total))
        if doc.supplier.get("bank"):
            _sub(detail, "IstitutoFinanziario", latin(doc.supplier["bank"], 80))
        if doc.supplier.get("iban"):
            _sub(detail, "IBAN", doc.supplier["iban"])


def build_xml(doc: InvoiceDocument) -> etree._Element:
    root = etree.Element(f"{{{NS}}}FatturaElettronica", nsmap={NS_PREFIX: NS, "ds": DS, "xsi": XSI})
    root.set("versione", "FPR12")
    _header(root, doc)
    _body(root, doc)
    return root


def _progressive(doc: InvoiceDocument) -> str:
    """The SdI channel's own never-repeating progressive once sent; the invoice's id for an export."""
    return doc.sdi_progressive or sdi_progressive(doc.invoice_id)


def sender_id(doc: InvoiceDocument) -> str:
    """IdPaese + IdCodice of the sender (IdTrasmittente): what a file name must start with."""
    s = doc.supplier
    return f"{s.get('country', 'IT')}{s.get('tax_code') or s.get('vat_number', '')}"


def file_name(doc: InvoiceDocument) -> str:
    """IT<code of the sender>_<5-character progressive>.xml, as the SdI expects."""
    return f"{sender_id(doc)}_{_progressive(doc)}.xml"


def validate(root: etree._Element) -> list[FieldError]:
    xsd = schema()
    if xsd.validate(root):
        return []
    errors = []
    for entry in xsd.error_log:
        path = (entry.path or "").replace(f"/{NS_PREFIX}:FatturaElettronica/", "")  # field path only
        path = "/".join(part for part in path.split("/") if part)
        errors.append(FieldError(path or "xml", entry.message))
    return errors


def sdi_checks(root: etree._Element) -> list[FieldError]:
    """The SdI's arithmetic and Natura checks the XSD cannot express (00423, 00422, 00421, 00419,
    00400/00401 …, see sdi_precheck), read back from the XML itself, named by the field."""
    from msp_console.billing.sdi_precheck import GOODS, check_amounts

    return [
        FieldError(p.field.removeprefix(f"{GOODS}/"), f"{p.code}: {p.message}") for p in check_amounts(root)
    ]


def render_fatturapa(doc: InvoiceDocument) -> tuple[bytes, list[FieldError]]:
    root = build_xml(doc)
    errors = validate(root)
    if not errors:
        errors = sdi_checks(root)
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data, errors
