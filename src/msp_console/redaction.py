"""What must never reach a log: every secret seen by msp_console.secrets, and password-looking text.

Kept free of logging and keyring imports so the secrets module can register values cheaply.
"""

from __future__ import annotations

import re
import threading

MASK = "••••"
# Shorter values are not masked as such: hiding every "p" or "ab" would make the log unreadable
# and protect nothing (password=… text is still masked by pattern, whatever its length).
MIN_LENGTH = 4

_lock = threading.Lock()
_known: set[str] = set()
_sorted: tuple[str, ...] = ()

# key=value / key: value / "key": "value" for words that name a credential.
_KEYED = re.compile(
    r"""(?ix)
    (?P<key>["']?\b(?:password|passwd|pwd|passphrase|secret|token|api[_-]?key|auth[_-]?key|
        priv(?:acy)?[_-]?key|auth[_-]?pass(?:word)?|priv[_-]?pass(?:word)?|community)\b["']?
        \s*[=:]\s*)
    (?P<value>"[^"]*"|'[^']*'|[^\s,;&)}\]]+)
    """
)
# scheme://user:password@host — keep the user, hide the password.
_URL_PASSWORD = re.compile(r"(?P<head>\b[a-zA-Z][\w+.-]*://[^\s:/@]*):(?P<pw>[^\s@/]+)@")


def register_secret(value: str | None) -> None:
    """Remember a secret so any later log line containing it is masked."""
    global _sorted
    if not value or not isinstance(value, str) or len(value) < MIN_LENGTH or value in _known:
        return
    with _lock:
        _known.add(value)
        for line in value.splitlines():  # a multi-line key also leaks line by line
            if len(line.strip()) >= MIN_LENGTH:
                _known.add(line)
        _sorted = tuple(sorted(_known, key=len, reverse=True))  # longest first: no partial leftovers


def register_url_password(url: str | None) -> None:
    """A database URL given on the command line or in the environment: its password is a secret."""
    if not url:
        return
    m = _URL_PASSWORD.search(url)
    if m:
        from urllib.parse import unquote

        register_secret(m["pw"])
        register_secret(unquote(m["pw"]))


def redact(text: str) -> str:
    if not text:
        return text
    for secret in _sorted:
        if secret in text:
            text = text.replace(secret, MASK)
    text = _URL_PASSWORD.sub(lambda m: f"{m['head']}:{MASK}@", text)

    def _mask_value(m: re.Match[str]) -> str:
        value = m["value"]
        quote = value[0] if value[:1] in "\"'" else ""
        return f"{m['key']}{quote}{MASK}{quote}"

    return _KEYED.sub(_mask_value, text)


def forget_all() -> None:
    """For tests only: start from an empty set."""
    global _sorted
    with _lock:
        _known.clear()
        _sorted = ()
