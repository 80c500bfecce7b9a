"""`python send_then_die.py DATABASE_URL NUMBER`: `sdi send NUMBER` whose process is SIGKILLed
after the file name is taken and recorded, before the message is handed to SMTP."""

from __future__ import annotations

import os
import signal
import sys
from email.message import EmailMessage

from msp_console.app import App
from msp_console.services.billing import sdi_send


def die(_msg: EmailMessage) -> str:
    os.kill(os.getpid(), signal.SIGKILL)
    return ""


if __name__ == "__main__":
    app = App.open(sys.argv[1])
    sdi_send.send(app.db, lambda: die, numbers=[sys.argv[2]])
