"""Where window geometry and layout are remembered (QSettings).

Normally the platform's place for organisation 'MSP Console', application 'msp-console'.
When MSP_CONSOLE_DATA_DIR is set (tests, portable installs) an ini file inside that
directory is used instead, so nothing leaks into the real user's settings.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings

from msp_console.settings import ENV_DATA_DIR, data_dir

ORGANISATION = "MSP Console"
APPLICATION = "msp-console"


def ui_settings() -> QSettings:
    if os.environ.get(ENV_DATA_DIR):
        path = data_dir() / "msp-console-ui.ini"
        path.parent.mkdir(parents=True, exist_ok=True)
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(ORGANISATION, APPLICATION)
