"""The test plays the SdI: notifications built from the published examples in shared/sdi/,
renamed to a file the console sent, some signed as .p7m with a generated certificate."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import NameOID
from lxml import etree

EXAMPLES = Path(__file__).resolve().parents[4] / "shared" / "sdi"
if not EXAMPLES.is_dir():  # a worktree: /work/wt-x/tests/integration/sdi → /work/shared/sdi
    EXAMPLES = Path("/work/shared/sdi")
NS = "http://www.fatturapa.gov.it/sdi/messaggi/v1.0"
EXAMPLE_OF = {"RC": "RC", "NS": "NS", "MC": "MC"}


def example(kind: str) -> bytes:
    return (EXAMPLES / f"IT01234567890_11111_{kind}_001.xml").read_bytes()


def _signature() -> etree._Element:
    root = etree.fromstring(example("RC"))
    sig = root.find("{http://www.w3.org/2000/09/xmldsig#}Signature")
    assert sig is not None
    return copy.deepcopy(sig)


def _public_body(kind: str, file_name: str, sdi_id: str, outcome: str) -> bytes:
    """NE (outcome EC01/EC02) or DT: not among the published examples, built in their shape."""
    tag = {"NE": "NotificaEsito", "DT": "NotificaDecorrenzaTermini"}[kind]
    root = etree.Element(f"{{{NS}}}{tag}", nsmap={"types": NS})
    root.set("versione", "1.0")
    for name, value in (("IdentificativoSdI", sdi_id), ("NomeFile", file_name)):
        etree.SubElement(root, name).text = value
    if kind == "NE":
        esito = etree.SubElement(root, "EsitoCommittente")
        esito.set("versione", "1.0")
        etree.SubElement(esito, "IdentificativoSdI").text = sdi_id
        etree.SubElement(esito, "Esito").text = outcome
        etree.SubElement(esito, "Descrizione").text = "Esito del committente"
    etree.SubElement(root, "MessageId").text = "654321"
    root.append(_signature())
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def notification(
    kind: str,
    sent_name: str,
    *,
    sdi_id: str = "111",
    number: int = 1,
    errors: list[tuple[str, str]] | None = None,
    outcome: str = "EC01",
) -> tuple[str, bytes]:
    """(attachment name, XML) answering the file `sent_name`, as the SdI would name it."""
    stem = sent_name.split(".")[0]
    name = f"{stem}_{kind}_{number:03d}.xml"
    if kind not in EXAMPLE_OF:
        return name, _public_body(kind, sent_name, sdi_id, outcome)
    root = etree.fromstring(example(EXAMPLE_OF[kind]))
    root.find("NomeFile").text = sent_name  # type: ignore[union-attr]
    root.find("IdentificativoSdI").text = sdi_id  # type: ignore[union-attr]
    lista = root.find("ListaErrori")
    if errors is not None and lista is not None:  # only a rejection (NS) lists errors
        for old in list(lista):
            lista.remove(old)
        for code, text in errors:
            err = etree.SubElement(lista, "Errore")
            etree.SubElement(err, "Codice").text = code
            etree.SubElement(err, "Descrizione").text = text
    return name, etree.tostring(root, xml_declaration=True, encoding="UTF-8")


@dataclass(frozen=True)
class Signer:
    key: rsa.RSAPrivateKey
    cert: x509.Certificate

    @classmethod
    def generate(cls, common_name: str = "Sistema Interscambio Fattura PA (test)") -> Signer:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
        now = dt.datetime.now(dt.UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .sign(key, hashes.SHA256())
        )
        return cls(key, cert)

    def p7m(self, data: bytes) -> bytes:
        """CAdES-like CMS SignedData with the content inside (DER), as a .p7m file."""
        return (
            pkcs7.PKCS7SignatureBuilder()
            .set_data(data)
            .add_signer(self.cert, self.key, hashes.SHA256())
            .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
        )


def tamper(p7m: bytes, original: bytes, replacement: bytes) -> bytes:
    """The signed content changed after signing (same length, so the envelope still parses)."""
    assert len(original) == len(replacement) and original in p7m
    return p7m.replace(original, replacement, 1)
