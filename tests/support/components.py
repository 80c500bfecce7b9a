"""Starting real components for tests; in CI a missing component fails, never skips."""

from __future__ import annotations

import os
import shutil
import socket

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def missing(what: str, how: str) -> None:
    """A component the test needs is not here: fail in CI, skip on a developer's box."""
    message = f"{what} is not available ({how})"
    if in_ci():
        pytest.fail(message + " — CI must have every real component", pytrace=False)
    pytest.skip(message)


def need_binary(path_or_name: str, package: str) -> str:
    found = path_or_name if os.path.isabs(path_or_name) and os.access(path_or_name, os.X_OK) else None
    found = found or shutil.which(path_or_name)
    if not found:
        missing(path_or_name, f"install the Debian package {package}")
    assert found
    return found


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def is_root() -> bool:
    return os.geteuid() == 0
