"""The details pane: the selected client's or machine's card, with click-to-call links.

Phone numbers are ``tel:`` links and e-mail addresses ``mailto:`` links, opened by the
desktop (a softphone, the mail client) through QDesktopServices. Links with the ``msp:``
scheme are the card's own actions (edit, add contact…), handed to the window as a signal.

A client's or a machine's card is read off the GUI thread (``ui/selected_card.py``). Until it
arrives the pane is ``awaiting`` it: the previous card stays (no flicker on a quick answer) but
its links do nothing, and after a moment it says the card is being read.
"""

from __future__ import annotations

import re
from html import escape

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import QTextBrowser, QWidget

from msp_console.services.views import ClientCard, MachineCard, SiteView
from msp_console.ui.labels import kind_text, os_text
from msp_console.ui.security_text import client_html, machine_html
from msp_console.ui.states import STATE_COLOURS, state_label

SLOW_MS = 300  # how long a card read may take before the pane says it is loading


def tel_href(number: str) -> str:
    return "tel:" + re.sub(r"[^\d+]", "", number)


class DetailsPane(QTextBrowser):
    action_requested = Signal(str, int)  # (action, record id), e.g. ("edit-contact", 7)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setObjectName("details")
        self.anchorClicked.connect(self._open)
        self.kind = ""  # 'client', 'machine', 'site' or '' — what is shown
        self._awaited = ""  # the title of the card being read ('' when none)
        self._slow = QTimer(self)
        self._slow.setSingleShot(True)
        self._slow.setInterval(SLOW_MS)
        self._slow.timeout.connect(self._show_loading)
        self.show_nothing()

    def setHtml(self, text: str) -> None:
        """Every card shown ends the wait for one."""
        self._awaited = ""
        self._slow.stop()
        super().setHtml(text)

    # -- waiting for a card read off the GUI thread ------------------------------------------
    def await_card(self, title: str) -> None:
        """The card of ``title`` is being read: the links of the card on show stop working, and
        after ``SLOW_MS`` without an answer the pane says it is loading."""
        self._awaited = title or "…"
        self._slow.start()

    @property
    def awaiting(self) -> bool:
        return bool(self._awaited)

    def _show_loading(self) -> None:
        title = self._awaited
        self.setHtml(self._frame(escape(title), "", "<p>" + escape(self.tr("Loading…")) + "</p>"))
        self._awaited = title  # still waiting
        self.kind = ""

    def show_unreadable(self, title: str, reason: str) -> None:
        self.kind = ""
        text = self.tr("The card could not be read from the database: %1").replace("%1", reason)
        self.setHtml(self._frame(escape(title), "", f"<p>{escape(text)}</p>"))

    # -- rendering -------------------------------------------------------------------------
    def _muted(self) -> str:
        return self.palette().color(QPalette.ColorRole.PlaceholderText).name()

    def _chip(self) -> str:
        return self.palette().color(QPalette.ColorRole.AlternateBase).darker(110).name()

    def _text(self) -> str:
        return self.palette().color(QPalette.ColorRole.Text).name()

    def _frame(self, title: str, subtitle: str, body: str) -> str:
        return (
            "<html><body style='margin:6px'>"
            f"<h2 style='margin-bottom:0'>{title}</h2>"
            f"<div style='color:{self._muted()}; margin-bottom:8px'>{subtitle}</div>{body}</body></html>"
        )

    def _rows(self, rows: list[tuple[str, str]]) -> str:
        cells = "".join(
            f"<tr><td style='color:{self._muted()}; padding-right:12px'>{escape(k)}</td><td>{v}</td></tr>"
            for k, v in rows
            if v
        )
        return f"<table cellspacing='0' cellpadding='2'>{cells}</table>"

    def _section(self, title: str, extra: str = "") -> str:
        extra = (
            f"&nbsp;&nbsp;<span style='font-size:small; font-weight:normal'>{extra}</span>" if extra else ""
        )
        return f"<h3 style='margin-top:14px; margin-bottom:4px'>{escape(title)}{extra}</h3>"

    def show_nothing(self) -> None:
        self.kind = ""
        self.setHtml(
            self._frame(
                escape(self.tr("Nothing selected")),
                "",
                "<p>"
                + escape(self.tr("Select a client or a machine in the tree to see its card here."))
                + "</p>",
            )
        )

    def show_client(self, c: ClientCard) -> None:
        self.kind = "client"
        place = " ".join(p for p in (c.postal_code, c.city, f"({c.province})" if c.province else "") if p)
        address = escape(", ".join(x for x in (c.address, place) if x.strip()))
        if c.country and c.country != "IT":
            address += f" — {escape(c.country)}"
        subtitle = escape(self.tr("Client"))
        if c.archived:
            subtitle += " · <b>" + escape(self.tr("archived")) + "</b>"
        body = self._rows(
            [
                (self.tr("VAT number"), escape(c.vat_number)),
                (self.tr("Tax code"), escape(c.tax_code)),
                (self.tr("SdI code"), escape(c.sdi_code)),
                (self.tr("PEC"), self._mail(c.pec)),
                (self.tr("Address"), address),
                (self.tr("E-mail"), self._mail(c.email)),
                (self.tr("Phone"), self._tel(c.phone)),
            ]
        )
        if c.security is not None and c.security.machines:  # the client's machines at a glance
            body += self._section(self.tr("Security")) + client_html(c.security, self._muted())
        body += self._section(self.tr("Contacts"), self._link("msp:new-contact", c.id, self.tr("add")))
        if c.contacts:
            rows = []
            for x in c.contacts:
                star = " ★" if x.primary else ""
                who = f"<b>{escape(x.name)}</b>{star}" + (f" — {escape(x.role)}" if x.role else "")
                reach = " · ".join(
                    p for p in (self._tel(x.phone), self._tel(x.mobile), self._mail(x.email)) if p
                )
                actions = (
                    self._link("msp:edit-contact", x.id, self.tr("edit"))
                    + " "
                    + self._link("msp:delete-contact", x.id, self.tr("delete"))
                )
                rows.append(f"<tr><td>{who}<br>{reach}</td><td align='right'>{actions}</td></tr>")
            body += "<table width='100%' cellspacing='0' cellpadding='3'>" + "".join(rows) + "</table>"
        else:
            body += f"<p style='color:{self._muted()}'>" + escape(self.tr("No contacts yet.")) + "</p>"
        body += self._section(self.tr("Sites"), self._link("msp:new-site", c.id, self.tr("add")))
        if c.sites:
            body += (
                "<ul style='margin-top:0'>"
                + "".join(
                    f"<li><b>{escape(s.name)}</b>{' — ' + escape(s.address) if s.address else ''}</li>"
                    for s in c.sites
                )
                + "</ul>"
            )
        else:
            body += (
                f"<p style='color:{self._muted()}'>"
                + escape(self.tr("No sites: all machines are at the client's address."))
                + "</p>"
            )
        body += self._section(self.tr("Machines"), self._link("msp:new-machine", c.id, self.tr("add")))
        count = self.tr("%n machine(s)", "", c.machine_count)
        body += "<p>" + escape(count) + "</p>"
        if c.notes:
            body += self._section(self.tr("Notes")) + f"<p>{escape(c.notes).replace(chr(10), '<br>')}</p>"
        body += "<p>" + self._link("msp:edit-client", c.id, self.tr("Edit client…")) + "</p>"
        self.setHtml(self._frame(escape(c.name), subtitle, body))

    def show_site(self, site: SiteView, client_name: str, machine_count: int) -> None:
        self.kind = "site"
        body = self._rows(
            [
                (self.tr("Client"), escape(client_name)),
                (self.tr("Address"), escape(site.address)),
                (self.tr("Machines"), str(machine_count)),
            ]
        )
        body += "<p>" + self._link("msp:edit-site", site.id, self.tr("Edit site…")) + "</p>"
        self.setHtml(self._frame(escape(site.name), escape(self.tr("Site")), body))

    def show_machine(self, m: MachineCard) -> None:
        self.kind = "machine"
        colour = STATE_COLOURS[m.state]
        state = f"<span style='color:{colour}; font-weight:bold'>{escape(state_label(m.state))}</span>"
        tags = " ".join(
            f"<span style='background:{self._chip()}; color:{self._text()}'>&nbsp;{escape(t)}&nbsp;</span>"
            for t in m.tags.split(",")
            if t
        )
        body = self._rows(
            [
                (self.tr("State"), state),
                (self.tr("Client"), self._link("msp:show-client", m.client_id, m.client_name)),
                (self.tr("Site"), escape(m.site_name) or escape(self.tr("(none)"))),
                (self.tr("Kind"), escape(kind_text(m.kind))),
                (self.tr("Operating system"), escape(os_text(m.os))),
                (self.tr("Address"), f"<code>{escape(m.address)}</code>" if m.address else ""),
                (self.tr("Behind"), escape(m.parent_name)),
                (self.tr("Tags"), tags),
            ]
        )
        if m.security or m.os in ("windows", "linux"):
            body += self._section(self.tr("Security")) + machine_html(m.security, self._muted())
        if m.notes:
            body += self._section(self.tr("Notes")) + f"<p>{escape(m.notes).replace(chr(10), '<br>')}</p>"
        body += "<p>" + self._link("msp:edit-machine", m.id, self.tr("Edit machine…")) + "</p>"
        subtitle = escape(self.tr("Machine of %1").replace("%1", m.client_name))
        self.setHtml(self._frame(escape(m.name), subtitle, body))

    @staticmethod
    def _link(scheme_action: str, ident: int, text: str) -> str:
        return f"<a href='{scheme_action}/{ident}'>{escape(text)}</a>"

    @staticmethod
    def _tel(number: str) -> str:
        return f"<a href='{escape(tel_href(number))}'>{escape(number)}</a>" if number else ""

    @staticmethod
    def _mail(address: str) -> str:
        return f"<a href='mailto:{escape(address)}'>{escape(address)}</a>" if address else ""

    # -- links -------------------------------------------------------------------------------
    def _open(self, url: QUrl) -> None:
        if self._awaited:  # the links of a card that is being replaced
            return
        if url.scheme() == "msp":
            action, _, ident = url.path().partition("/")
            if ident.isdigit():
                self.action_requested.emit(action, int(ident))
            return
        QDesktopServices.openUrl(url)
