"""Checking the parameters of the backup-appliance checks (proxmox_backup, hyper_backup, veeam) when
the check is added, each refusal naming its parameter: pure text, no network."""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from msp_console.domain.errors import FieldError
from msp_console.monitoring.model import CheckType

API_KINDS = frozenset({CheckType.PROXMOX_BACKUP, CheckType.HYPER_BACKUP, CheckType.VEEAM})
# What a check cannot run without (the login; the URL defaults to the machine's address).
API_REQUIRED: dict[CheckType, set[str]] = {
    CheckType.PROXMOX_BACKUP: {"token_id", "token_ref"},
    CheckType.HYPER_BACKUP: {"user", "password_ref"},
    CheckType.VEEAM: {"user", "password_ref"},
}
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_TOKEN_ID = re.compile(r"^[^\s@!:]+@[^\s@!:]+![A-Za-z0-9][\w.-]*$")


def parse_fingerprint(text: str) -> bytes:
    """A SHA-256 certificate fingerprint: 64 hex digits, with or without ':' (PBS shows it so)."""
    cleaned = re.sub(r"[\s:]", "", text.strip().lower().removeprefix("sha256:"))
    if not _HEX64.match(cleaned):
        raise ValueError(
            f"fingerprint {text!r} is not a SHA-256 fingerprint (64 hex digits, e.g. ab:cd:…, "
            "as the appliance's dashboard or `openssl x509 -fingerprint -sha256` shows it)"
        )
    return bytes.fromhex(cleaned)


def api_param_errors(
    ctype: CheckType, params: Mapping[str, str], line: int | None = None
) -> list[FieldError]:
    if ctype not in API_KINDS:
        return []
    errors: list[FieldError] = []

    def refuse(name: str, message: str, code: str, value: str) -> None:
        errors.append(FieldError("params", f"{name}: {message}", line, code, {"param": name, "value": value}))

    url = params.get("url", "").strip()
    if url and (urlsplit(url).scheme != "https" or not urlsplit(url).hostname):
        refuse("url", f"{url!r} is not an https:// address (e.g. https://192.0.2.5:8007)", "api_url", url)
    fingerprint = params.get("fingerprint", "").strip()
    if fingerprint:
        try:
            parse_fingerprint(fingerprint)
        except ValueError as exc:
            refuse("fingerprint", str(exc), "api_fingerprint", fingerprint)
    token_id = params.get("token_id", "").strip()
    if token_id and not _TOKEN_ID.match(token_id):
        message = f"{token_id!r} is not an API token id: USER@REALM!TOKENID, e.g. monitor@pbs!console"
        refuse("token_id", message, "api_token_id", token_id)
    for name in ("usage_warn", "usage_crit"):
        raw = params.get(name, "").strip()
        if raw and not (raw.replace(".", "", 1).isdigit() and 0 < float(raw) <= 100):
            refuse(name, f"{raw!r} must be a percentage from 1 to 100", "api_percent", raw)
    zone = params.get("timezone", "").strip()
    if zone:
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            refuse("timezone", f"{zone!r} is not a time zone name such as Europe/Rome", "api_timezone", zone)
    return errors


__all__ = ["API_KINDS", "API_REQUIRED", "api_param_errors", "parse_fingerprint"]
