"""Profile rules: validation, options from the command line, proposals from kind and OS."""

from __future__ import annotations

import pytest

from msp_console.domain.errors import ValidationError
from msp_console.remote.profiles import (
    CredentialMode,
    ProfileSpec,
    Protocol,
    effective_port,
    parse_option_pairs,
    proposals,
    validate,
)


def test_proposals_follow_kind_and_os() -> None:
    assert [(p.protocol, p.is_default) for p in proposals("server", "windows")] == [(Protocol.RDP, True)]
    assert proposals("server", "linux")[0].protocol is Protocol.SSH
    assert proposals("firewall", "other")[0].protocol is Protocol.WEB
    assert proposals("nas", "linux")[0].options == {"scheme": "https"}
    assert proposals("printer", "other")[0].protocol is Protocol.WEB
    assert proposals("workstation", "windows")[0].credential_mode is CredentialMode.CLIENT


@pytest.mark.parametrize(
    ("spec", "field"),
    [
        (ProfileSpec("", Protocol.SSH), "name"),
        (ProfileSpec("x", Protocol.SSH, port=70000), "port"),
        (ProfileSpec("x", Protocol.SSH, credential_mode=CredentialMode.SHARED), "shared_name"),
        (ProfileSpec("x", Protocol.SSH, options={"fullscreen": True}), "options"),
        (ProfileSpec("x", Protocol.RDP, options={"resolution": "big"}), "options"),
        (ProfileSpec("x", Protocol.ANYDESK), "options"),
        (ProfileSpec("x", Protocol.CUSTOM, options={"template": "tool {password}"}), "options"),
        (ProfileSpec("x", Protocol.CUSTOM, options={"template": "tool {nope}"}), "options"),
        (ProfileSpec("x", Protocol.SSH, host="a b"), "host"),
    ],
)
def test_bad_profiles_are_refused_with_the_field(spec: ProfileSpec, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate(spec)
    assert field in str(info.value.errors[0])


def test_option_pairs_are_typed() -> None:
    assert parse_option_pairs(["fullscreen=yes", "resolution=1024x768"], Protocol.RDP) == {
        "fullscreen": True,
        "resolution": "1024x768",
    }
    with pytest.raises(ValidationError, match="yes or no"):
        parse_option_pairs(["fullscreen=maybe"], Protocol.RDP)
    with pytest.raises(ValidationError, match="KEY=VALUE"):
        parse_option_pairs(["bogus"], Protocol.RDP)


def test_default_ports() -> None:
    assert effective_port(Protocol.RDP, None, {}) == 3389
    assert effective_port(Protocol.WEB, None, {"scheme": "http"}) == 80
    assert effective_port(Protocol.SSH, 2222, {}) == 2222
    assert effective_port(Protocol.ANYDESK, None, {}) is None
