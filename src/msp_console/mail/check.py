"""`mail test`: log in to SMTP and IMAP and say, in words, what works and what does not."""

from __future__ import annotations

from dataclasses import dataclass

from msp_console.mail.account import Account
from msp_console.mail.errors import MailError


@dataclass(frozen=True, slots=True)
class StepResult:
    step: str  # smtp | imap
    ok: bool
    message: str  # English; the window words it again from code + params
    code: str = ""
    params: dict[str, str] | None = None
    fingerprint: str | None = None  # hex SHA-256 of an untrusted or mismatching certificate


def try_account(account: Account, password: str | None = None) -> list[StepResult]:
    """Both servers, each independently (an SMTP failure does not hide the IMAP result)."""
    from msp_console.mail.imap import check_imap
    from msp_console.mail.smtp import password_for, smtp_session

    try:
        password = password if password is not None else password_for(account)
    except MailError as exc:
        return [StepResult("smtp", False, str(exc), exc.code, exc.params)]
    results: list[StepResult] = []
    try:
        with smtp_session(account, password):
            pass
        where = f"{account.smtp_host}:{account.smtp_port}"
        results.append(StepResult("smtp", True, f"SMTP {where}: logged in as {account.username}"))
    except MailError as exc:
        results.append(StepResult("smtp", False, str(exc), exc.code, exc.params, exc.fingerprint))
    try:
        count = check_imap(account, password)
        where = f"{account.imap_host}:{account.imap_port}"
        results.append(
            StepResult(
                "imap",
                True,
                f"IMAP {where}: logged in as {account.username}, INBOX has {count} messages",
                params={"count": str(count)},
            )
        )
    except MailError as exc:
        results.append(StepResult("imap", False, str(exc), exc.code, exc.params, exc.fingerprint))
    return results
