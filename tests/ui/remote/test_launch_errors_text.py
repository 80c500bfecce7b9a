"""Why a session did not start reaches the technician in their language; the CLI keeps English."""

from __future__ import annotations

from pathlib import Path

import pytest

from msp_console.remote.clients import INSTALL_HINTS, choose
from msp_console.remote.plan import MissingClientError
from msp_console.remote.sessions import LaunchError
from msp_console.ui.remote.errors_text import HINTS, launch_error_text
from tests.ui.test_translations import _language


def test_every_install_hint_has_its_words_on_screen() -> None:
    assert set(INSTALL_HINTS.values()) <= set(HINTS)


def _no_rdp_client() -> MissingClientError:
    with pytest.raises(MissingClientError) as caught:
        choose("rdp", [], platform="linux")
    return caught.value


def test_a_missing_rdp_client_is_told_in_italian(qapp, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    error = _no_rdp_client()
    assert str(error).startswith("no RDP client is installed")  # the CLI's and the log's words
    with _language(tmp_path, monkeypatch, "it"):
        text = launch_error_text(error)
    assert text.startswith("Su questo computer non è installato alcun programma RDP: installa FreeRDP"), text


def test_an_error_without_a_code_keeps_its_message(qapp) -> None:  # type: ignore[no-untyped-def]
    assert launch_error_text(LaunchError("something odd")) == "something odd"
    coded = LaunchError("x has no address", "no_address", machine="Hotel/srv-01")
    assert launch_error_text(coded).startswith("Hotel/srv-01 has no address")
