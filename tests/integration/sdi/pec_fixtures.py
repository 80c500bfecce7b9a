"""The PEC channel against real servers: the console's PEC mailbox (account saved, password in a
real keyring), the SdI's two mailboxes (the public address, then the dedicated one its first
answer comes from), and the SdI itself played by reading what arrived and answering."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage

import pytest

from msp_console.app import App
from msp_console.mail import Account
from msp_console.mail.store import save_account
from msp_console.services.billing.sdi_channel import update_channel
from tests.integration.sdi.sdi_player import Signer, notification
from tests.support.keyring_session import KeyringSession, keyring_in_environment
from tests.support.mail_servers import MailLab, MailUser


@pytest.fixture(scope="module")
def keyring_env() -> Iterator[KeyringSession]:
    with keyring_in_environment() as session:
        yield session


@dataclass
class SdiPlayer:
    """Reads what the console sent to the SdI's mailbox and answers each file by PEC."""

    lab: MailLab
    public: MailUser  # sdi@pec.fatturapa.it in real life
    dedicated: MailUser  # sdiNN@pec.fatturapa.it: where the answers come from
    console: str  # the console's PEC address
    signer: Signer = field(default_factory=Signer.generate)
    answered: set[str] = field(default_factory=set)

    def received(self) -> list[tuple[str, str, bytes]]:
        """(mailbox, file name, XML) of every invoice file that reached the SdI."""
        out = []
        for box in (self.public.address, self.dedicated.address):
            for msg in self.lab.messages(box):
                for part in msg.iter_attachments():
                    data = part.get_payload(decode=True)
                    assert isinstance(data, bytes)
                    out.append((box, part.get_filename() or "", data))
        return out

    def answer(
        self, kinds: dict[str, str], *, signed: set[str] = frozenset(), errors=None, envelope: bool = False
    ) -> list[str]:  # type: ignore[assignment,no-untyped-def]
        """Answers each received file named in ``kinds`` (file → RC/NS/MC…) with one PEC message."""
        names = []
        for _, name, _ in self.received():
            if name not in kinds or name in self.answered:
                continue
            self.answered.add(name)
            att_name, xml = notification(
                kinds[name], name, sdi_id=str(4000 + len(self.answered)), errors=errors
            )
            data = xml
            if name in signed:
                att_name, data = att_name + ".p7m", self.signer.p7m(xml)
            self.send(att_name, data, subject=f"{kinds[name]} per {name}", envelope=envelope)
            names.append(att_name)
        return names

    def send(self, att_name: str, data: bytes, subject: str = "Notifica", *, envelope: bool = False) -> None:
        """One PEC message with the notification attached; ``envelope``: as PEC providers hand it
        over — the SdI's message inside ``postacert.eml``, beside ``daticert.xml``, sent by the
        provider's certified-mail robot."""
        msg = EmailMessage()
        msg["From"] = self.dedicated.address
        msg["To"] = self.console
        msg["Subject"] = subject
        msg.set_content("Notifica del Sistema di Interscambio")
        subtype = "pkcs7-mime" if att_name.endswith(".p7m") else "xml"
        msg.add_attachment(data, maintype="application", subtype=subtype, filename=att_name)
        if envelope:
            outer = EmailMessage()
            outer["From"] = f'"Per conto di: {self.dedicated.address}" <posta-certificata@pec.provider.test>'
            outer["Reply-To"] = self.dedicated.address
            outer["To"] = self.console
            outer["Subject"] = f"POSTA CERTIFICATA: {subject}"
            outer.set_content("Messaggio di posta certificata")
            outer.add_attachment(
                b"<postacert/>", maintype="application", subtype="xml", filename="daticert.xml"
            )
            outer.add_attachment(msg, filename="postacert.eml")
            msg = outer
        self.lab.deliver(self.console, msg)


@dataclass
class PecSetup:
    app: App
    account: Account
    password: str
    sdi: SdiPlayer


def setup_pec(app: App, lab: MailLab, make_account, *, security: str = "tls") -> PecSetup:  # type: ignore[no-untyped-def]
    account, password = make_account("pec", kind="pec", security=security)
    account = save_account(app.db, account, password)
    public, dedicated = lab.claim_user(), lab.claim_user()
    update_channel(app.db, address=public.address, account=account.name)
    return PecSetup(app, account, password, SdiPlayer(lab, public, dedicated, account.username))


def with_port(db_account: Account, **changes: object) -> Account:
    return dataclasses.replace(db_account, **changes)  # type: ignore[arg-type]
