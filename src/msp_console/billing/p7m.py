"""Signed files (.p7m, CAdES/CMS SignedData): the content out, and the signature checked.

The SdI signs its notifications; an intermediary or a PEC provider may wrap them in a .p7m. The
envelope is read with asn1crypto and each signature verified with cryptography: the signed
attributes' message digest must be the content's hash and the signer certificate's key must
verify the signature. A file that fails is refused (:class:`SignatureError`), never half read.
Trust in the signer (the Agenzia's CA) is not checked here: the notification is also matched to
a file this console sent, which is what makes it believable.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass


class SignatureError(ValueError):
    """Not a signed file, or a signature that does not verify."""


@dataclass(frozen=True, slots=True)
class Unwrapped:
    content: bytes
    signer: str  # the signer certificate's subject, for the history


def _der(data: bytes) -> bytes:
    """Some PEC providers hand over the .p7m base64-encoded: accept both."""
    if data[:1] == b"\x30":
        return data
    try:
        return base64.b64decode(b"".join(data.split()), validate=True)
    except (binascii.Error, ValueError):
        raise SignatureError("not a signed file (neither DER nor base64 CMS)") from None


def _verify(public_key: object, signature: bytes, signed: bytes, digest: str, algorithm: str) -> None:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

    algorithms: dict[str, hashes.HashAlgorithm] = {
        "sha1": hashes.SHA1(),
        "sha256": hashes.SHA256(),
        "sha384": hashes.SHA384(),
        "sha512": hashes.SHA512(),
    }
    chosen = algorithms.get(digest)
    if chosen is None:
        raise SignatureError(f"unsupported digest algorithm {digest}")
    try:
        if isinstance(public_key, rsa.RSAPublicKey):
            if algorithm == "rsassa_pss":
                pss = padding.PSS(mgf=padding.MGF1(chosen), salt_length=padding.PSS.AUTO)
                public_key.verify(signature, signed, pss, chosen)
            else:
                public_key.verify(signature, signed, padding.PKCS1v15(), chosen)
        elif isinstance(public_key, ec.EllipticCurvePublicKey):
            public_key.verify(signature, signed, ec.ECDSA(chosen))
        else:
            raise SignatureError(f"unsupported signer key {type(public_key).__name__}")
    except InvalidSignature:
        raise SignatureError("the signature does not verify: the file was changed after signing") from None


def unwrap(data: bytes) -> Unwrapped:
    """The signed content of a .p7m after every signature on it verified."""
    from asn1crypto import cms
    from cryptography import x509

    try:
        info = cms.ContentInfo.load(_der(data))
        if info["content_type"].native != "signed_data":
            raise SignatureError("the envelope is not CMS SignedData")
        signed = info["content"]
        content = signed["encap_content_info"]["content"].native
        certificates = [c.chosen for c in signed["certificates"] or []]
        signers = list(signed["signer_infos"])
    except SignatureError:
        raise
    except (ValueError, TypeError, KeyError) as exc:
        raise SignatureError(f"not a readable signed file ({exc})") from None
    if not isinstance(content, bytes) or not content:
        raise SignatureError("the signed file holds no content (a detached signature)")
    if not signers:
        raise SignatureError("the signed file has no signature")
    subject = ""
    for signer in signers:
        sid = signer["sid"]
        cert = next((c for c in certificates if _matches(c, sid)), None)
        if cert is None:
            raise SignatureError("the signer's certificate is not in the file")
        digest = signer["digest_algorithm"]["algorithm"].native
        attrs = signer["signed_attrs"]
        if attrs:
            wanted = next(
                (a["values"][0].native for a in attrs if a["type"].native == "message_digest"), None
            )
            if wanted != hashlib.new(digest, content).digest():
                raise SignatureError("the signature does not verify: the content's digest differs")
            to_verify = b"\x31" + attrs.dump()[1:]  # signed as a SET OF, stored [0] IMPLICIT
        else:
            to_verify = content
        public_key = x509.load_der_x509_certificate(cert.dump()).public_key()
        algorithm = signer["signature_algorithm"].signature_algo
        _verify(public_key, signer["signature"].native, to_verify, digest, algorithm)
        subject = cert.subject.human_friendly
    return Unwrapped(content, subject)


def _matches(cert: object, sid: object) -> bool:
    from asn1crypto import cms, x509

    assert isinstance(cert, x509.Certificate) and isinstance(sid, cms.SignerIdentifier)
    if sid.name == "issuer_and_serial_number":
        return bool(
            cert.issuer == sid.chosen["issuer"] and cert.serial_number == sid.chosen["serial_number"].native
        )
    return bool(cert.key_identifier == sid.chosen.native)
