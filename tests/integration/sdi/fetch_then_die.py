"""`python fetch_then_die.py DATABASE_URL`: a real `sdi fetch` whose process is SIGKILLed at the
worst moment — a notification applied and committed, its message not marked processed yet."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from msp_console.app import App
from msp_console.services.billing.sdi_fetch import fetch
from msp_console.services.billing.sdi_transport import PecTransport


def main(url: str) -> None:
    app = App.open(url)
    transport = PecTransport.for_channel(app.db)

    @contextmanager
    def inbox() -> Iterator[Any]:
        with transport.inbox() as box:

            def die(uid: int, **_: Any) -> None:
                os.kill(os.getpid(), signal.SIGKILL)

            box.mark_processed = die  # type: ignore[method-assign]
            yield box

    fetch(app.db, inbox)


if __name__ == "__main__":
    main(sys.argv[1])
