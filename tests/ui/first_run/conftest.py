"""A real OS keyring (gnome-keyring on a private D-Bus session) for the wizard's team-database path."""

from __future__ import annotations

import os
from collections.abc import Iterator

import keyring
import pytest
from keyring.backends import fail

from tests.support.keyring_session import KeyringSession, start_keyring


@pytest.fixture(scope="module")
def os_keyring() -> Iterator[KeyringSession]:
    session = start_keyring()
    saved = {k: os.environ.get(k) for k in session.env}
    os.environ.update(session.env)
    keyring.core.init_backend()
    try:
        yield session
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        keyring.set_keyring(fail.Keyring())
        session.stop()
