"""Profile vocabulary and rules (pure): protocols, default ports, options, proposals from kind/OS."""

from __future__ import annotations

import json
import shlex
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from msp_console.domain.errors import FieldError, ValidationError


class Protocol(StrEnum):
    SSH = "ssh"
    RDP = "rdp"
    VNC = "vnc"
    WEB = "web"
    ANYDESK = "anydesk"
    RUSTDESK = "rustdesk"
    TEAMVIEWER = "teamviewer"
    CUSTOM = "custom"


class CredentialMode(StrEnum):
    NONE = "none"  # keys/agent, or the user types it in the tool
    PROFILE = "profile"  # this profile's own secret
    CLIENT = "client"  # the client-level admin credential
    SHARED = "shared"  # a named shared credential
    PROMPT = "prompt"  # asked every time, never stored


DEFAULT_PORTS = {Protocol.SSH: 22, Protocol.RDP: 3389, Protocol.VNC: 5900, Protocol.WEB: 443}
VENDORS = (Protocol.ANYDESK, Protocol.RUSTDESK, Protocol.TEAMVIEWER)

# option name → (type, protocols it applies to)
OPTIONS: dict[str, tuple[type, tuple[Protocol, ...]]] = {
    "resolution": (str, (Protocol.RDP,)),  # "1920x1080"
    "fullscreen": (bool, (Protocol.RDP,)),
    "multimon": (bool, (Protocol.RDP,)),
    "drives": (bool, (Protocol.RDP,)),
    "clipboard": (bool, (Protocol.RDP,)),
    "gateway": (str, (Protocol.RDP,)),  # host[:port]
    "cert": (str, (Protocol.RDP,)),  # tofu (default) | ignore | strict
    "key_file": (str, (Protocol.SSH,)),
    "agent_forwarding": (bool, (Protocol.SSH,)),
    "command": (str, (Protocol.SSH,)),  # remote command instead of a shell
    "url": (str, (Protocol.WEB,)),  # full URL; else https://host[:port]/
    "scheme": (str, (Protocol.WEB,)),  # http | https
    "vendor_id": (str, VENDORS),
    "template": (str, (Protocol.CUSTOM,)),  # e.g. "winbox {host} {user}"
    "client": (str, tuple(Protocol)),  # preferred tool, e.g. "remmina"
    "view_only": (bool, (Protocol.VNC,)),
}
TEMPLATE_FIELDS = {"host", "port", "user", "domain", "vendor_id"}


@dataclass(frozen=True, slots=True)
class ProfileSpec:
    """What a technician enters for a profile (validated by :func:`validate`)."""

    name: str
    protocol: Protocol
    host: str = ""
    port: int | None = None
    user: str = ""
    domain: str = ""
    credential_mode: CredentialMode = CredentialMode.NONE
    shared_name: str = ""
    jump_machine_id: int | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    is_default: bool = False


def parse_options(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except json.JSONDecodeError:
        return {}
    return value if isinstance(value, dict) else {}


def parse_option_pairs(pairs: list[str], protocol: Protocol) -> dict[str, Any]:
    """``key=value`` items from the command line, typed by :data:`OPTIONS`."""
    out: dict[str, Any] = {}
    for item in pairs:
        key, sep, raw = item.partition("=")
        key = key.strip()
        if not sep or key not in OPTIONS:
            known = ", ".join(sorted(k for k, (_, p) in OPTIONS.items() if protocol in p))
            raise ValidationError.single("option", f"'{item}': expected KEY=VALUE with KEY one of {known}")
        kind = OPTIONS[key][0]
        if kind is bool:
            if raw.lower() not in {"1", "0", "yes", "no", "true", "false", "on", "off"}:
                raise ValidationError.single("option", f"'{item}': {key} is yes or no")
            out[key] = raw.lower() in {"1", "yes", "true", "on"}
        else:
            out[key] = raw
    return out


def validate(spec: ProfileSpec) -> None:
    errors: list[tuple[str, str]] = []
    if not spec.name.strip():
        errors.append(("name", "a profile needs a name"))
    if spec.port is not None and not 0 < spec.port < 65536:
        errors.append(("port", f"{spec.port} is not a port (1-65535)"))
    if spec.credential_mode is CredentialMode.SHARED and not spec.shared_name.strip():
        errors.append(("shared_name", "name the shared credential to use"))
    if any(c.isspace() for c in spec.host):
        errors.append(("host", f"'{spec.host}' is not a host name"))
    for key, value in spec.options.items():
        if key not in OPTIONS or spec.protocol not in OPTIONS[key][1]:
            errors.append(("options", f"'{key}' is not an option of {spec.protocol.value} profiles"))
        elif not isinstance(value, OPTIONS[key][0]):
            errors.append(("options", f"'{key}' must be {OPTIONS[key][0].__name__}"))
    res = spec.options.get("resolution")
    if isinstance(res, str) and res and not _is_resolution(res):
        errors.append(("options", f"resolution '{res}' is not WIDTHxHEIGHT"))
    if spec.protocol in VENDORS and not str(spec.options.get("vendor_id", "")).strip():
        errors.append(("options", f"{spec.protocol.value} profiles need vendor_id (the remote ID)"))
    if spec.protocol is Protocol.CUSTOM:
        errors.extend(_template_errors(str(spec.options.get("template", ""))))
    if spec.protocol is Protocol.WEB and spec.options.get("scheme", "https") not in {"http", "https"}:
        errors.append(("options", "scheme is http or https"))
    if spec.protocol is Protocol.RDP and spec.options.get("cert", "tofu") not in {"tofu", "ignore", "strict"}:
        errors.append(("options", "cert is tofu, ignore or strict"))
    if errors:
        raise ValidationError([_field_error(f, m) for f, m in errors])


def _field_error(field_name: str, message: str) -> FieldError:
    return FieldError(field_name, message)


def _is_resolution(text: str) -> bool:
    w, sep, h = text.lower().partition("x")
    return bool(sep) and w.isdigit() and h.isdigit() and int(w) > 0 and int(h) > 0


def _template_errors(template: str) -> list[tuple[str, str]]:
    if not template.strip():
        return [("options", "a custom profile needs template, e.g. 'winbox {host} {user}'")]
    try:
        words = shlex.split(template)
    except ValueError as exc:
        return [("options", f"template: {exc}")]
    import string

    for word in words:
        for _, name, _, _ in string.Formatter().parse(word):
            if name is None:
                continue
            if name == "password":
                return [
                    ("options", "a template cannot contain {password}: secrets never go on a command line")
                ]
            if name not in TEMPLATE_FIELDS:
                return [("options", f"template field {{{name}}} is unknown (use {sorted(TEMPLATE_FIELDS)})")]
    return []


def effective_port(protocol: Protocol, port: int | None, options: Mapping[str, Any]) -> int | None:
    if port is not None:
        return port
    if protocol is Protocol.WEB:
        return 80 if options.get("scheme") == "http" else 443
    return DEFAULT_PORTS.get(protocol)


def proposals(kind: str, os_name: str) -> list[ProfileSpec]:
    """Sensible first profiles for a machine (the first is the default)."""
    if kind in {"firewall", "nas", "printer", "switch"}:
        out = [ProfileSpec("web", Protocol.WEB, options={"scheme": "https"}, is_default=True)]
        if kind in {"firewall", "nas"}:
            out.append(ProfileSpec("ssh", Protocol.SSH))
        return out
    if os_name == "windows":
        return [ProfileSpec("rdp", Protocol.RDP, credential_mode=CredentialMode.CLIENT, is_default=True)]
    if os_name == "linux":
        out = [ProfileSpec("ssh", Protocol.SSH, is_default=True)]
        if kind in {"workstation", "laptop"}:
            out.append(ProfileSpec("vnc", Protocol.VNC, credential_mode=CredentialMode.PROFILE))
        return out
    if os_name == "macos":
        return [
            ProfileSpec("vnc", Protocol.VNC, credential_mode=CredentialMode.PROFILE, is_default=True),
            ProfileSpec("ssh", Protocol.SSH),
        ]
    return [ProfileSpec("ssh", Protocol.SSH, is_default=True)]
