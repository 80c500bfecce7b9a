"""Why a team database cannot be reached, in the technician's language (wizard, start-up, Settings)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from msp_console.database_choice import ConnectionProblem


def _tr(text: str) -> str:
    return QCoreApplication.translate("DatabasePage", text)


def problem_text(problem: ConnectionProblem) -> str:
    """What went wrong, why, and what to check; then the server's own words."""
    texts = {
        "password": _tr("The server refused the password for user “%1”. Check the user name and password."),
        "database": _tr(
            "The database “%2” does not exist on the server. Check its name, or ask the "
            "administrator to create it."
        ),
        "refused": _tr(
            "Nothing answers at %3. Check the address and port, and that PostgreSQL "
            "accepts network connections."
        ),
        "host": _tr("The server name in the address cannot be found. Check the address."),
        "timeout": _tr("The server at %3 did not answer in time. Check the address and the network."),
        "url": _tr(
            "The address is not a PostgreSQL URL. Write it like postgresql://user@server:5432/database."
        ),
        "other": _tr("The connection failed."),
    }
    text = (
        texts.get(problem.kind, texts["other"])
        .replace("%1", problem.user)
        .replace("%2", problem.database)
        .replace("%3", problem.where)
    )
    return text + "\n" + _tr("Server message: %1").replace("%1", problem.detail)
