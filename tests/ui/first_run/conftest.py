"""A real OS keyring (gnome-keyring on a private D-Bus session) for the wizard's team-database path."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.keyring_session import KeyringSession, keyring_in_environment


@pytest.fixture(scope="module")
def os_keyring() -> Iterator[KeyringSession]:
    with keyring_in_environment() as session:
        yield session
