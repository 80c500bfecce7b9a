"""The SdI's notifications (RC, NS, MC, NE, DT, AT) read from .xml or signed .xml.p7m files.

Each is validated against MessaggiTypes_v1.1.xsd (shipped in resources/sdi/) with network access
and entities off, then reduced to what the console keeps: which file it answers (NomeFile,
IdentificativoSdI), the state it announces, every error code and description of a rejection.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from zoneinfo import ZoneInfo

from lxml import etree

from msp_console.billing.p7m import SignatureError, unwrap
from msp_console.domain.billing.sdi_states import ROOT_KIND, state_after
from msp_console.resources import resource

NS = "http://www.fatturapa.gov.it/sdi/messaggi/v1.0"
ROME = ZoneInfo("Europe/Rome")  # the SdI writes local times without a zone in some notifications


class NotificationError(ValueError):
    """A file that is not a valid SdI notification: nothing was applied."""


@dataclass(frozen=True, slots=True)
class Notification:
    kind: str  # RC, NS, MC, NE, DT, AT
    state: str  # the transmission state it announces
    sdi_id: str
    file_name: str  # NomeFile: the invoice file it answers (as the SdI names it)
    message_id: str
    received_at: datetime | None
    errors: tuple[tuple[str, str], ...]  # NS: (Codice, Descrizione)
    description: str  # MC/DT description, NE outcome text, RC recipient
    signer: str = ""  # the .p7m signer, when it came signed

    @property
    def key(self) -> str:
        """What makes this notification itself unique (applied once however often it is read)."""
        stem = self.file_name.split(".")[0]
        return f"{stem}_{self.kind}_{self.message_id}"[:80]

    @property
    def invoice_file(self) -> str:
        """NomeFile without the .p7m a signed invoice would add: the name the console sent."""
        return self.file_name.removesuffix(".p7m")


@cache
def schema() -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, load_dtd=False, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(resource("sdi", "MessaggiTypes_v1.1.xsd")), parser))


def _when(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return (value if value.tzinfo else value.replace(tzinfo=ROME)).astimezone(UTC)


def parse_xml(data: bytes, source: str = "", signer: str = "") -> Notification:
    parser = etree.XMLParser(no_network=True, load_dtd=False, resolve_entities=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise NotificationError(f"{source}: not XML ({exc})") from None
    kind = ROOT_KIND.get(etree.QName(root).localname) if etree.QName(root).namespace == NS else None
    if kind is None:
        raise NotificationError(f"{source}: not an SdI notification (root element {root.tag})")
    xsd = schema()
    if not xsd.validate(root):
        first = xsd.error_log[0]
        raise NotificationError(
            f"{source}: does not follow the SdI schema: line {first.line}: {first.message}"
        )
    errors = tuple(
        (e.findtext("Codice") or "", e.findtext("Descrizione") or "")
        for e in root.iterfind("ListaErrori/Errore")
    )
    outcome = root.findtext("EsitoCommittente/Esito") or ""
    if kind == "NE":
        description = outcome + (
            f": {root.findtext('EsitoCommittente/Descrizione')}"
            if root.find("EsitoCommittente/Descrizione") is not None
            else ""
        )
    elif kind in {"RC", "AT"}:
        description = f"{root.findtext('Destinatario/Codice')} {root.findtext('Destinatario/Descrizione')}"
    else:
        description = root.findtext("Descrizione") or ""
    return Notification(
        kind=kind,
        state=state_after(kind, outcome),
        sdi_id=(root.findtext("IdentificativoSdI") or "").strip(),
        file_name=(root.findtext("NomeFile") or "").strip(),
        message_id=(root.findtext("MessageId") or "").strip(),
        received_at=_when(root.findtext("DataOraRicezione")),
        errors=errors,
        description=description.strip(),
        signer=signer,
    )


def read(data: bytes, name: str) -> Notification:
    """A notification file as it arrives: a signed .p7m is verified and unwrapped first."""
    signer = ""
    if name.lower().endswith(".p7m") or data[:1] == b"\x30":
        try:
            unwrapped = unwrap(data)
        except SignatureError as exc:
            raise NotificationError(f"{name}: {exc}") from None
        data, signer = unwrapped.content, unwrapped.signer
    return parse_xml(data, name, signer)
