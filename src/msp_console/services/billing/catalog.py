"""The service catalog: the four services of the MSP model plus the MSP's own."""

from __future__ import annotations

import re
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from msp_console.db.models import Service
from msp_console.domain.billing import fiscal
from msp_console.domain.enums import MachineKind

PRICE_MODELS = ("fixed", "per_machine", "per_unit")


def find_service(session: Session, name_or_code: str) -> Service | None:
    text = name_or_code.strip()
    return session.scalars(
        select(Service).where(
            (func.lower(Service.code) == text.lower())
            | (func.lower(Service.name_it) == text.lower())
            | (func.lower(Service.name_en) == text.lower())
        )
    ).first()


def _code_for(session: Session, name: str) -> str:
    base = re.sub(r"[^A-Z0-9]+", "-", name.upper()).strip("-")[:32] or "SERVICE"
    code, n = base, 1
    while session.scalar(select(Service.id).where(Service.code == code)) is not None:
        n += 1
        code = f"{base[:30]}-{n}"
    return code


def add_service(
    session: Session,
    name: str,
    *,
    price_model: str = "fixed",
    machine_kinds: str = "",
    unit_label: str = "",
    default_price: Decimal = Decimal(0),
    vat_rate: Decimal = Decimal(22),
    natura: str = "",
    name_en: str = "",
    code: str = "",
) -> Service:
    """A custom service; raises ValueError naming what is wrong."""
    if not name.strip():
        raise ValueError("a service needs a name")
    if price_model not in PRICE_MODELS:
        raise ValueError(f"'{price_model}' is not a price model: use {', '.join(PRICE_MODELS)}")
    kinds = [k.strip().lower() for k in machine_kinds.split(",") if k.strip()]
    for k in kinds:
        if k not in {m.value for m in MachineKind}:
            raise ValueError(f"'{k}' is not a machine kind")
    if price_model == "per_machine" and not kinds:
        raise ValueError("a per-machine service needs the machine kinds it counts")
    rate = fiscal.vat_rate(vat_rate)
    service = Service(
        code=code or _code_for(session, name),
        name_it=name.strip(),
        name_en=name_en.strip(),
        price_model=price_model,
        machine_kinds=",".join(kinds),
        unit_label=unit_label,
        default_price=default_price,
        vat_rate=rate,
        natura=fiscal.natura_for(rate, natura),
    )
    session.add(service)
    session.flush()
    return service


def list_services(session: Session) -> list[Service]:
    return list(session.scalars(select(Service).order_by(Service.id)))
