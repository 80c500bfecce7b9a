"""The service report's words (Italian and English) and its number, date and duration formats (Babel).

The PDF goes to the client in the contract's language, whatever the technician's window language,
so its words live here rather than in the Qt translation files.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal, format_percent
from babel.units import format_unit

from msp_console.domain.billing.report_period import LOCAL_ZONE
from msp_console.domain.billing.wording import locale_of

IT: dict[str, Any] = {
    "title": "Rapporto mensile del servizio",
    "heading": "RAPPORTO MENSILE",
    "period": "Periodo",
    "in_progress": "mese in corso: dati fino al {when}",
    "summary": "In sintesi",
    "availability": "Disponibilità delle macchine",
    "col_availability": "Disponibilità",
    "col_sla": "SLA",
    "col_maintenance": "Manutenzione",
    "downtime": "fuori servizio in tutto {d}",
    "maintenance": "Manutenzione programmata",
    "maintenance_note": "{d}, esclusa dalla disponibilità",
    "problems_caught": "Problemi rilevati dal monitoraggio",
    "solved": "Risolti dal tecnico / rientrati da soli",
    "interventions": "Interventi",
    "sla": "SLA rispettati / mancati",
    "sessions": "Sessioni remote",
    "sessions_value": {"one": "{n} sessione, {d}", "other": "{n} sessioni, {d}"},
    "backups": "Giorni con backup riuscito",
    "backups_value": "{ok} su {expected}",
    "antivirus": "Firme antivirus più vecchie a fine periodo",
    "days": {"one": "{n} giorno", "other": "{n} giorni"},
    "chart_availability": "Disponibilità per macchina",
    "chart_weeks": "Problemi per settimana",
    "chart_backup": "Backup giorno per giorno",
    "chart_sla": "SLA degli interventi",
    "no_problems": "nessun problema nel periodo",
    "legend_ok": "riuscito",
    "legend_failed": "non riuscito",
    "legend_none": "nessun backup previsto",
    "legend_future": "giorni non ancora trascorsi",
    "met": "rispettati",
    "missed": "mancati",
    "no_sla": "nessun intervento con SLA nel periodo",
    "no_backup": "nessun controllo di backup",
    "not_measured": "non misurata",
    "none": "nessuno",
    "none_f": "nessuna",
    "more_machines": {
        "one": "+ {n} altra macchina: vedi la tabella",
        "other": "+ altre {n} macchine: vedi la tabella",
    },
    "machines": "Macchine",
    "machine": "Macchina",
    "kind": "Tipo",
    "checks": "Controlli",
    "since": "dal {d}",
    "problems": "Problemi",
    "services": "Servizi controllati",
    "service": "Controllo",
    "check_kind": "Tipo di controllo",
    "problems_list": "Problemi rilevati",
    "started": "Inizio",
    "ended": "Fine",
    "state": "Stato",
    "solved_by": "Risolto",
    "by:technician": "dal tecnico",
    "by:itself": "da sé",
    "by:": "ancora aperto",
    "opened": "Aperto",
    "subject": "Oggetto",
    "origin": "Origine",
    "closed": "Chiuso",
    "maintenance_list": "Finestre di manutenzione",
    "all_machines": "tutte le macchine",
    "from": "Dalle",
    "to": "Alle",
    "note": "Nota",
    "security": "Sicurezza",
    "security_point:firewall": "Firewall attivo",
    "security_point:antivirus": "Antivirus attivo",
    "security_point:signatures": "Firme antivirus aggiornate",
    "security_point:scan": "Scansione antivirus recente",
    "security_point:tamper": "Protezione antimanomissione",
    "security_point:updates": "Aggiornamenti installati",
    "security_point:auto_updates": "Aggiornamenti automatici",
    "security_point:reboot": "Nessun riavvio in sospeso",
    "security_point:encryption": "Disco cifrato",
    "security_machines": "{green} su {reported} macchine",
    "footer": "Dati dal registro di MSP Console: stati confermati dei controlli (come nella scheda "
    "Problemi), interventi e sessioni registrati. Le ore di manutenzione programmata e quelle senza dati "
    "non entrano nella disponibilità; nulla è stimato.",
    "page": "Pagina {n} di {t}",
    "monitoring": "monitoraggio",
    "client_call": "cliente",
    "planned": "pianificato",
    "sla:met": "rispettato",
    "sla:missed": "mancato",
    "sla:open": "in corso",
    "sla:": "",
    "kind:workstation": "postazione di lavoro",
    "kind:laptop": "portatile",
    "kind:server": "server",
    "kind:firewall": "firewall",
    "kind:switch": "switch",
    "kind:nas": "NAS",
    "kind:printer": "stampante",
    "kind:other": "altro",
    "check:ping": "raggiungibilità (ping)",
    "check:tcp": "porta TCP",
    "check:http": "sito web (HTTP)",
    "check:ssh": "sistema (SSH)",
    "check:plugin": "plugin di monitoraggio",
    "check:snmp": "SNMP",
    "check:backup_age": "età del backup",
    "check:restic": "backup restic",
    "check:borg": "backup Borg",
    "check:proxmox_backup": "Proxmox Backup",
    "check:hyper_backup": "Hyper Backup (Synology)",
    "check:veeam": "backup Veeam",
    "check:windows_backup": "Windows Backup",
    "hs:WARNING": "avviso",
    "hs:CRITICAL": "critico",
    "hs:UNKNOWN": "sconosciuto",
    "hs:UNREACHABLE": "irraggiungibile",
    "state:open": "aperto",
    "state:contacted": "cliente contattato",
    "state:scheduled": "pianificato",
    "state:in_progress": "in corso",
    "state:awaiting_check": "in attesa di verifica",
    "state:waiting_for_client": "in attesa del cliente",
    "state:reopened": "riaperto",
    "state:closed": "chiuso",
}

EN: dict[str, Any] = {
    "title": "Monthly service report",
    "heading": "MONTHLY REPORT",
    "period": "Period",
    "in_progress": "month in progress: figures up to {when}",
    "summary": "Summary",
    "availability": "Machine availability",
    "col_availability": "Availability",
    "col_sla": "SLA",
    "col_maintenance": "Maintenance",
    "downtime": "down {d} in all",
    "maintenance": "Scheduled maintenance",
    "maintenance_note": "{d}, excluded from availability",
    "problems_caught": "Problems caught by monitoring",
    "solved": "Solved by the technician / recovered on their own",
    "interventions": "Interventions",
    "sla": "SLA met / missed",
    "sessions": "Remote sessions",
    "sessions_value": {"one": "{n} session, {d}", "other": "{n} sessions, {d}"},
    "backups": "Days with a successful backup",
    "backups_value": "{ok} of {expected}",
    "antivirus": "Oldest antivirus signatures at the end of the period",
    "days": {"one": "{n} day", "other": "{n} days"},
    "chart_availability": "Availability per machine",
    "chart_weeks": "Problems per week",
    "chart_backup": "Backups day by day",
    "chart_sla": "Intervention SLAs",
    "no_problems": "no problems in the period",
    "legend_ok": "succeeded",
    "legend_failed": "failed",
    "legend_none": "no backup expected",
    "legend_future": "days not elapsed yet",
    "met": "met",
    "missed": "missed",
    "no_sla": "no intervention with an SLA in the period",
    "no_backup": "no backup check",
    "not_measured": "not measured",
    "none": "none",
    "none_f": "none",
    "more_machines": {
        "one": "+ {n} more machine: see the table",
        "other": "+ {n} more machines: see the table",
    },
    "machines": "Machines",
    "machine": "Machine",
    "kind": "Kind",
    "checks": "Checks",
    "since": "since {d}",
    "problems": "Problems",
    "services": "Checked services",
    "service": "Check",
    "check_kind": "Kind of check",
    "problems_list": "Problems caught",
    "started": "Start",
    "ended": "End",
    "state": "State",
    "solved_by": "Solved",
    "by:technician": "by the technician",
    "by:itself": "on its own",
    "by:": "still open",
    "opened": "Opened",
    "subject": "Subject",
    "origin": "Origin",
    "closed": "Closed",
    "maintenance_list": "Maintenance windows",
    "all_machines": "every machine",
    "from": "From",
    "to": "To",
    "note": "Note",
    "security": "Security",
    "security_point:firewall": "Firewall on",
    "security_point:antivirus": "Antivirus on",
    "security_point:signatures": "Antivirus signatures current",
    "security_point:scan": "Recent antivirus scan",
    "security_point:tamper": "Tamper protection",
    "security_point:updates": "Updates installed",
    "security_point:auto_updates": "Automatic updates",
    "security_point:reboot": "No reboot pending",
    "security_point:encryption": "Disk encrypted",
    "security_machines": "{green} of {reported} machines",
    "footer": "Figures from the MSP Console records: confirmed check states (as on the Problems tab), "
    "recorded interventions and sessions. Scheduled maintenance and hours without data are left out of "
    "availability; nothing is estimated.",
    "page": "Page {n} of {t}",
    "monitoring": "monitoring",
    "client_call": "client",
    "planned": "planned",
    "sla:met": "met",
    "sla:missed": "missed",
    "sla:open": "running",
    "sla:": "",
    "kind:workstation": "workstation",
    "kind:laptop": "laptop",
    "kind:server": "server",
    "kind:firewall": "firewall",
    "kind:switch": "switch",
    "kind:nas": "NAS",
    "kind:printer": "printer",
    "kind:other": "other",
    "check:ping": "reachability (ping)",
    "check:tcp": "TCP port",
    "check:http": "web site (HTTP)",
    "check:ssh": "system (SSH)",
    "check:plugin": "monitoring plugin",
    "check:snmp": "SNMP",
    "check:backup_age": "backup age",
    "check:restic": "restic backup",
    "check:borg": "Borg backup",
    "check:proxmox_backup": "Proxmox Backup",
    "check:hyper_backup": "Hyper Backup (Synology)",
    "check:veeam": "Veeam backup",
    "check:windows_backup": "Windows Backup",
    "hs:WARNING": "warning",
    "hs:CRITICAL": "critical",
    "hs:UNKNOWN": "unknown",
    "hs:UNREACHABLE": "unreachable",
    "state:open": "open",
    "state:contacted": "contacted",
    "state:scheduled": "scheduled",
    "state:in_progress": "in progress",
    "state:awaiting_check": "awaiting check",
    "state:waiting_for_client": "waiting for client",
    "state:reopened": "reopened",
    "state:closed": "closed",
}


class Words:
    """The report's words and formats in one language."""

    def __init__(self, language: str):
        self.language = "en" if language == "en" else "it"
        self.locale = Locale.parse(locale_of(self.language))  # parsed once: Babel re-parses a name per call
        self._t = EN if self.language == "en" else IT

    def __getitem__(self, key: str) -> str:
        return str(self._t[key])

    def word(self, prefix: str, value: str) -> str:
        """A stored value (machine kind, check kind, state…) in words; unknown ones as stored."""
        return str(self._t.get(f"{prefix}:{value}", value))

    def counted(self, key: str, n: int, **values: str) -> str:
        forms = self._t[key]
        form = forms.get(self.locale.plural_form(n), forms["other"])
        return str(form).format(n=n, **values)

    def percent(self, ratio: float, decimals: bool = True) -> str:
        """ "99,58 %" in Italian, "99.58%" in English; never 100 % while there was downtime."""
        pattern = ("#,##0.00" if decimals else "#,##0") + (" %" if self.language == "it" else "%")
        text = format_percent(ratio, pattern, locale=self.locale)
        if ratio < 1 and text == format_percent(1, pattern, locale=self.locale):
            text = format_percent(0.9999 if decimals else 0.99, pattern, locale=self.locale)
        return text

    def number(self, value: float) -> str:
        return format_decimal(value, "#,##0.#", locale=self.locale)

    def duration(self, seconds: float) -> str:
        """ "2 h 15 min", "3 giorni 4 h", "0 min"; whole minutes, rounded."""
        total = int((seconds + 30) // 60)
        days, rest = divmod(total, 1440)
        hours, mins = divmod(rest, 60)
        parts = []
        if days:
            parts.append(format_unit(days, "duration-day", length="long", locale=self.locale))
        if hours:
            parts.append(format_unit(hours, "duration-hour", length="short", locale=self.locale))
        if mins and not days:
            parts.append(format_unit(mins, "duration-minute", length="short", locale=self.locale))
        return " ".join(parts) or format_unit(0, "duration-minute", length="short", locale=self.locale)

    def day(self, d: date, pattern: str = "d MMM y") -> str:
        return format_date(d, pattern, locale=self.locale)

    def when(self, at: datetime, pattern: str = "d MMM HH:mm") -> str:
        return format_datetime(at.astimezone(LOCAL_ZONE), pattern, locale=self.locale)

    def span(self, first: date, last: date) -> str:
        """ "1–3 dicembre 2026"; across months "28 novembre – 3 dicembre 2026"."""
        if (first.year, first.month) == (last.year, last.month):
            if first == last:
                return format_date(last, "d MMMM y", locale=self.locale)
            return f"{first.day}–{format_date(last, 'd MMMM y', locale=self.locale)}"
        start = format_date(first, "d MMMM", locale=self.locale)
        return f"{start} – {format_date(last, 'd MMMM y', locale=self.locale)}"
