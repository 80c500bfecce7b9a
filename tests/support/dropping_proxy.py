"""A loopback TCP proxy that cuts a connection after N bytes from the server: "the mailbox dropped
the connection mid-fetch", "the SMTP server went away during DATA"."""

from __future__ import annotations

import contextlib
import selectors
import socket
import threading


class DroppingProxy:
    """127.0.0.1:``port`` → 127.0.0.1:``target``; once a connection has carried ``drop_after``
    bytes from the server it is cut (both sides closed). ``drop_after = None`` forwards everything;
    ``sent_down`` is what the latest connection carried so far (set ``drop_after`` from it to cut
    an open session mid-way)."""

    def __init__(self, target: int, drop_after: int | None = None) -> None:
        self.target = target
        self.drop_after = drop_after
        self.drops = 0
        self.sent_down = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="dropping-proxy", daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        self._listener.settimeout(0.2)
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._pipe, args=(client,), daemon=True).start()

    def _pipe(self, client: socket.socket) -> None:
        try:
            server = socket.create_connection(("127.0.0.1", self.target), 5)
        except OSError:
            client.close()
            return
        sent_down = self.sent_down = 0
        sel = selectors.DefaultSelector()
        sel.register(client, selectors.EVENT_READ, server)
        sel.register(server, selectors.EVENT_READ, client)
        try:
            while not self._stop.is_set():
                for key, _ in sel.select(0.2):
                    src: socket.socket = key.fileobj  # type: ignore[assignment]
                    data = src.recv(65536)
                    if not data:
                        return
                    if src is server and self.drop_after is not None:
                        room = self.drop_after - sent_down
                        if len(data) >= room:
                            if room > 0:
                                client.sendall(data[:room])
                            self.drops += 1
                            return
                    if src is server:
                        sent_down += len(data)
                        self.sent_down = sent_down
                    key.data.sendall(data)
        except OSError:
            return
        finally:
            sel.close()
            for s in (client, server):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()

    def close(self) -> None:
        self._stop.set()
        self._listener.close()
        self._thread.join(5)
