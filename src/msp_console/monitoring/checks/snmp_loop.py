"""One asyncio loop thread and one pysnmp engine shared by every SNMP check of the process.

Creating a pysnmp ``SnmpEngine`` costs ≈65 ms of CPU (it loads its own MIB modules): per check that
was ≈90 ms CPU per SNMP poll. Sharing one engine on one loop thread brings a poll to a few ms, and
pysnmp's asyncio API runs many requests concurrently on it.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, TypeVar

T = TypeVar("T")


class _SnmpLoop:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._engine: Any = None

    def _ensure(self) -> tuple[asyncio.AbstractEventLoop, Any]:
        with self._lock:
            if self._loop is None or self._thread is None or not self._thread.is_alive():
                loop = asyncio.new_event_loop()
                thread = threading.Thread(target=loop.run_forever, name="snmp-loop", daemon=True)
                thread.start()
                self._engine = asyncio.run_coroutine_threadsafe(_new_engine(), loop).result(30)
                self._loop, self._thread = loop, thread
            return self._loop, self._engine

    def run(self, work: Callable[[Any], Awaitable[T]], timeout: float) -> T:
        """Runs ``work(engine)`` on the loop; TimeoutError after ``timeout`` seconds."""
        loop, engine = self._ensure()

        async def bounded() -> T:
            return await asyncio.wait_for(work(engine), timeout)

        future = asyncio.run_coroutine_threadsafe(bounded(), loop)
        try:
            return future.result(timeout + 1.0)
        except FutureTimeout:
            future.cancel()
            raise TimeoutError() from None


async def _new_engine() -> Any:
    from pysnmp.hlapi.v3arch import asyncio as hl

    return hl.SnmpEngine()


SNMP_LOOP = _SnmpLoop()
