"""Demo content: interventions in every state and a realistic week of appointments.

The lead's `msp_console.demo` calls `add_demo_interventions(app, now)` after the clients and
machines exist. Everything goes through the services, so the timelines and SLA clocks are real.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select

from msp_console.db.models import Client, Contact, Intervention, Machine
from msp_console.services.interventions import AppointmentDraft, Scheduling


def _pick(s: Any) -> list[tuple[int, str, list[int], int | None]]:
    """(client id, name, machine ids, first contact id) of the demo clients, in id order."""
    out = []
    for client in s.scalars(select(Client).where(Client.archived.is_(False)).order_by(Client.id)):
        machines = list(
            s.scalars(select(Machine.id).where(Machine.client_id == client.id).order_by(Machine.id))
        )
        contact = s.scalar(
            select(Contact.id)
            .where(Contact.client_id == client.id)
            .order_by(Contact.is_primary.desc(), Contact.id)
        )
        if machines:
            out.append((client.id, client.name, machines, contact))
    return out


def add_demo_interventions(app: Any, now: datetime) -> bool:
    """Adds the demo interventions and week; does nothing if interventions already exist."""
    sc = Scheduling(app.db)
    with app.db.read() as s:
        if (s.scalar(select(func.count()).select_from(Intervention)) or 0) > 0:
            return False
        clients = _pick(s)
    if not clients:
        return False
    tz = sc.appointments.tz()
    local = now.astimezone(tz)
    monday = local.date() - timedelta(days=local.weekday())

    def at(day: int, hour: int, minute: int = 0) -> datetime:
        """A time in this demo week (day 0 = Monday; negative = last week)."""
        return datetime.combine(monday + timedelta(days=day), time(hour, minute), tz)

    def c(i: int) -> tuple[int, str, list[int], int | None]:
        return clients[i % len(clients)]

    ivs, calls, appts = sc.interventions, sc.calls, sc.appointments
    earliest = at(-7, 9)
    business = ivs.settings().calendar()

    def when(t: datetime) -> datetime:
        return max(t, earliest)

    def back(hours: float) -> datetime:
        """``hours`` of business time before now: the SLA clocks count business time, so the demo
        shows a breached and an almost-due clock whatever the day and hour it is made."""
        t = now
        while business.business_time(t, now) < timedelta(hours=hours):
            t -= timedelta(minutes=30)
        return t

    # open: a fresh monitoring problem nobody has called about yet
    cid, _, m, contact = c(0)
    ivs.open(
        cid,
        "Disco C: al 91% su server",
        machine_ids=m[1:2],
        origin="monitoring",
        check_ref="demo:disk",
        priority="P2",
        now=now - timedelta(minutes=20),
    )
    # contacted: called, appointment still to agree
    cid, _, m, contact = c(1)
    iid = ivs.open(
        cid,
        "Backup notturno non eseguito da 2 giorni",
        machine_ids=m[:1],
        origin="monitoring",
        check_ref="demo:backup",
        priority="P2",
        now=min(when(at(-1, 9, 5)), back(22)),  # past the 18 business hours to resolve a P2
    )
    calls.log(
        cid,
        "reached",
        intervention_id=iid,
        contact_id=contact,
        note="richiamare per fissare",
        now=when(at(-1, 9, 30)),
    )
    # scheduled: the Case-3 classic, remote appointment this week
    cid, _, m, contact = c(2)
    iid = ivs.open(
        cid,
        "Firme antivirus vecchie di 9 giorni",
        machine_ids=m[:2],
        origin="monitoring",
        check_ref="demo:av",
        priority="P3",
        now=when(at(-1, 10)),
    )
    calls.log(cid, "no_answer", intervention_id=iid, contact_id=contact, now=when(at(-1, 10, 15)))
    calls.log(
        cid,
        "reached",
        intervention_id=iid,
        contact_id=contact,
        note="ok giovedì mattina",
        now=when(at(-1, 11, 30)),
    )
    appts.add(
        AppointmentDraft(
            cid,
            at(3, 9, 30),
            "Aggiornamento antivirus",
            60,
            machine_id=m[0],
            intervention_id=iid,
            technician="Luca",
        ),
        force=True,
        now=when(at(-1, 11, 35)),
    )
    # in_progress: a remote session running
    cid, _, m, contact = c(3)
    opened = back(15)  # 15 of the 18 business hours to resolve a P2: the clock is about to run out
    iid = ivs.open(
        cid,
        "Servizio di stampa fermo",
        machine_ids=m[:1],
        origin="client_call",
        priority="P2",
        now=opened,
    )
    calls.log(
        cid,
        "reached",
        intervention_id=iid,
        contact_id=contact,
        direction="inbound",
        now=opened + timedelta(minutes=5),
    )
    ivs.link_session(iid, machine_id=m[0], protocol="rdp", started=now - timedelta(minutes=30))
    # awaiting_check: work done, follow-up tomorrow
    cid, _, m, contact = c(4)
    iid = ivs.open(
        cid,
        "Certificato TLS in scadenza",
        machine_ids=m[:1],
        origin="monitoring",
        check_ref="demo:tls",
        priority="P3",
        now=when(at(-3, 9)),
    )
    calls.log(cid, "reached", intervention_id=iid, contact_id=contact, now=when(at(-3, 9, 20)))
    a = appts.add(
        AppointmentDraft(
            cid,
            at(-3, 15),
            "Rinnovo certificato",
            45,
            machine_id=m[0],
            intervention_id=iid,
            technician="Anna",
        ),
        force=True,
        now=when(at(-3, 9, 25)),
    )
    ivs.link_session(
        iid, machine_id=m[0], protocol="ssh", started=at(-3, 15), ended=at(-3, 15, 35), exit_code=0
    )
    appts.complete(a.id, now=at(-3, 15, 40))
    # closed: the whole loop, follow-up said all OK
    cid, _, m, contact = c(5)
    iid = ivs.open(
        cid,
        "Disco NAS quasi pieno",
        machine_ids=m[:1],
        origin="monitoring",
        check_ref="demo:nas",
        priority="P3",
        now=when(at(-5, 9)),
    )
    calls.log(cid, "reached", intervention_id=iid, contact_id=contact, now=when(at(-5, 9, 30)))
    a = appts.add(
        AppointmentDraft(
            cid,
            at(-5, 14),
            "Pulizia snapshot NAS",
            60,
            machine_id=m[0],
            intervention_id=iid,
            technician="Luca",
        ),
        force=True,
        now=when(at(-5, 9, 35)),
    )
    ivs.link_session(
        iid, machine_id=m[0], protocol="ssh", started=at(-5, 14), ended=at(-5, 14, 50), exit_code=0
    )
    ivs.log_time(iid, 50, "snapshot ruotati", now=at(-5, 14, 50))
    appts.complete(a.id, now=at(-5, 14, 55))
    calls.log(cid, "all_ok", intervention_id=iid, contact_id=contact, now=at(-4, 10))
    # waiting_for_client: the client must buy a licence
    cid, _, m, contact = c(6)
    iid = ivs.open(
        cid,
        "Licenza gestionale scaduta",
        machine_ids=m[:1],
        origin="client_call",
        priority="P3",
        now=when(at(-2, 11)),
    )
    calls.log(cid, "reached", intervention_id=iid, contact_id=contact, now=when(at(-2, 11)))
    ivs.transition(
        iid, "waiting_for_client", note="attende il rinnovo dal fornitore", now=when(at(-2, 11, 10))
    )
    # reopened: the follow-up said still broken
    cid, _, m, contact = c(7)
    iid = ivs.open(
        cid,
        "Wi-Fi ospiti instabile",
        machine_ids=m[-1:],
        origin="client_call",
        priority="P3",
        now=when(at(-4, 9)),
    )
    calls.log(cid, "reached", intervention_id=iid, contact_id=contact, now=when(at(-4, 9, 10)))
    a = appts.add(
        AppointmentDraft(
            cid,
            at(-3, 10),
            "Verifica access point",
            90,
            machine_id=m[-1],
            intervention_id=iid,
            on_site=True,
            technician="Anna",
        ),
        force=True,
        now=when(at(-4, 9, 15)),
    )
    appts.complete(a.id, now=at(-3, 11, 30))
    calls.log(
        cid,
        "still_broken",
        intervention_id=iid,
        contact_id=contact,
        note="cade ancora la sera",
        now=at(-2, 10),
    )
    # the rest of a realistic week: planned work and recurring check-ups
    week = [
        (0, 0, 14, 30, 60, "Installazione nuovo PC reception", True, "Anna"),
        (1, 1, 9, 0, 45, "Test ripristino backup", False, "Luca"),
        (1, 3, 11, 0, 30, "Aggiornamenti Windows server", False, "Luca"),
        (2, 4, 10, 0, 60, "Configurazione VPN", False, "Luca"),
        (3, 5, 14, 0, 120, "Sopralluogo nuovo ufficio", True, "Anna"),
        (4, 6, 9, 30, 30, "Revisione regole firewall", False, "Luca"),
        (4, 0, 15, 0, 60, "Formazione phishing", True, "Anna"),
        (2, 7, 16, 0, 90, "Sopralluogo rete Wi-Fi", True, "Anna"),
    ]
    for day, ci, hour, minute, minutes, title, on_site, tech in week:
        cid, _, m, _ = c(ci)
        appts.add(
            AppointmentDraft(
                cid, at(day, hour, minute), title, minutes, machine_id=m[0], on_site=on_site, technician=tech
            ),
            force=True,
            now=at(-7, 9),
        )
    cid, _, m, _ = c(1)
    appts.add(
        AppointmentDraft(
            cid,
            at(-7, 8, 30),
            "Controllo settimanale backup",
            30,
            machine_id=m[0],
            technician="Luca",
            rrule="FREQ=WEEKLY;BYDAY=MO,TH",
        ),
        force=True,
        now=at(-7, 8),
    )
    cid, _, m, _ = c(0)
    appts.add(
        AppointmentDraft(
            cid,
            at(-7, 17),
            "Check-up mensile",
            60,
            machine_id=m[0],
            technician="Anna",
            rrule="FREQ=WEEKLY;INTERVAL=4;BYDAY=FR",
        ),
        force=True,
        now=at(-7, 8),
    )
    return True
