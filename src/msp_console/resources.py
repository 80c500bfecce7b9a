"""Where the shipped resources (fonts, FatturaPA schema, icons) are, in a checkout or installed.

Order: $MSP_CONSOLE_RESOURCES, the frozen app's bundle (PyInstaller), the repository's
resources/ (source checkout or editable install), then <prefix>/share/msp-console/resources where
the wheel's data-files put them (also the user base for `pip install --user`), then /usr/share
for a distribution package.
"""

from __future__ import annotations

import os
import site
import sys
from pathlib import Path


def resources_dir() -> Path:
    override = os.environ.get("MSP_CONSOLE_RESOURCES")
    candidates = [Path(override)] if override else []
    if getattr(sys, "frozen", False):  # the PyInstaller app: resources/ sits in its bundle folder
        candidates.append(Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources")
    candidates += [
        Path(__file__).resolve().parents[2] / "resources",
        Path(sys.prefix) / "share" / "msp-console" / "resources",
        Path(site.getuserbase()) / "share" / "msp-console" / "resources",  # pip install --user
        Path("/usr/share/msp-console/resources"),
    ]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "MSP Console resources not found (looked in " + ", ".join(str(c) for c in candidates) + ")"
    )


def resource(*parts: str) -> Path:
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"missing resource: {path}")
    return path
