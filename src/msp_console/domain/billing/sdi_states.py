"""Where an invoice stands with the SdI, and what each of its notifications means.

B2B: sent → delivered (RC) or not deliverable (MC: the file is valid and waits in the client's
tax drawer, the invoice is issued all the same) or rejected (NS: never legally issued).
Public bodies: after RC, accepted or refused (NE with EC01/EC02), or no answer in 15 days (DT);
AT when the SdI could not deliver to a public body. A notification never moves a transmission
back (a late RC after an NE changes nothing but the history).
"""

from __future__ import annotations

from datetime import date, timedelta

SENDING = "sending"  # file name reserved, the PEC message not confirmed sent yet
FAILED = "failed"  # the mail server refused or was unreachable: nothing reached the SdI
SENT = "sent"
DELIVERED = "delivered"
NOT_DELIVERED = "not_delivered"
REJECTED = "rejected"
ACCEPTED = "accepted"
REFUSED = "refused"
EXPIRED = "expired"  # DT: the public body did not answer within the terms
ATTESTED = "attested"  # AT: transmitted, the public body could not be reached
REPLACED = "replaced"  # rejected, then replaced by a new invoice (a new number) after the 5 days

STATES = (
    SENDING,
    FAILED,
    SENT,
    DELIVERED,
    NOT_DELIVERED,
    REJECTED,
    ACCEPTED,
    REFUSED,
    EXPIRED,
    ATTESTED,
    REPLACED,
)
RESENDABLE = {FAILED, REJECTED}  # only these may be sent again
NOTIFICATION_KINDS = ("RC", "NS", "MC", "NE", "DT", "AT")
ROOT_KIND = {
    "RicevutaConsegna": "RC",
    "NotificaScarto": "NS",
    "NotificaMancataConsegna": "MC",
    "NotificaEsito": "NE",
    "NotificaDecorrenzaTermini": "DT",
    "AttestazioneTrasmissioneFattura": "AT",
}
_RANK = {
    SENDING: 0,
    FAILED: 0,
    SENT: 1,
    DELIVERED: 2,
    NOT_DELIVERED: 2,
    REJECTED: 2,
    ATTESTED: 2,
    ACCEPTED: 3,
    REFUSED: 3,
    EXPIRED: 3,
    REPLACED: 4,
}
RESEND_SAME_NUMBER_DAYS = 5  # after a rejection: same number and date within 5 days, else a new one


def state_after(kind: str, outcome: str = "") -> str:
    """The state a notification announces; ``outcome`` is NE's EsitoCommittente (EC01/EC02)."""
    if kind == "NE":
        return ACCEPTED if outcome == "EC01" else REFUSED
    return {"RC": DELIVERED, "MC": NOT_DELIVERED, "NS": REJECTED, "DT": EXPIRED, "AT": ATTESTED}[kind]


def next_state(current: str, announced: str) -> str:
    """Never backwards: an out-of-order notification is kept in the history only."""
    return announced if _RANK[announced] >= _RANK[current] else current


def resend_with_same_number(rejected_on: date, today: date) -> bool:
    """The Agenzia's rule: a rejected file may be corrected and sent again with the same number
    and date within 5 days of the NotificaScarto; later it needs a new number and date."""
    return today <= rejected_on + timedelta(days=RESEND_SAME_NUMBER_DAYS)
