"""A local HTTPS server that answers as a vendor's API would: each test hands it a responder that
builds the documented answers (tests/integration/backup_apis/fixtures) and reads what the check sent."""

from __future__ import annotations

import json
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Seen:
    """One request as the server received it."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    form: dict[str, str]
    raw_target: str


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"

    @classmethod
    def json(cls, value: Any, status: int = 200) -> Reply:
        return cls(status, json.dumps(value).encode())


Responder = Callable[[Seen], Reply]


def _flat(parsed: dict[str, list[str]]) -> dict[str, str]:
    return {k: v[-1] for k, v in parsed.items()}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the appliances do
    disable_nagle_algorithm = True  # headers and body go out at once, as a real server sends them
    server: _Server

    def _answer(self) -> None:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        seen = Seen(
            self.command,
            parts.path,
            _flat(parse_qs(parts.query)),
            {k.lower(): v for k, v in self.headers.items()},
            _flat(parse_qs(body)) if body else {},
            self.path,
        )
        self.server.seen.append(seen)
        reply = self.server.responder(seen)
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)

    do_GET = _answer
    do_POST = _answer

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    responder: Responder
    seen: list[Seen]

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that refuses the certificate (the pin test) is expected


@dataclass
class ReplayServer:
    cert: tuple[Path, Path]
    responder: Responder = field(default=lambda seen: Reply(404, b"{}"))
    _server: _Server | None = None
    _thread: threading.Thread | None = None

    def start(self) -> ReplayServer:
        server = _Server(("127.0.0.1", 0), _Handler)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(str(self.cert[0]), str(self.cert[1]))
        server.socket = ctx.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
        server.responder = lambda seen: self.responder(seen)
        server.seen = []
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
        )
        self._thread.start()
        return self

    @property
    def port(self) -> int:
        assert self._server is not None
        return int(self._server.server_address[1])

    @property
    def seen(self) -> list[Seen]:
        assert self._server is not None
        return self._server.seen

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(5)
