"""File progressives taken by two consoles at once (threads, each its own transactions) never
repeat, on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading

from msp_console.app import App
from msp_console.services.billing.sdi_records import next_progressive


def test_two_consoles_never_get_the_same_progressive(database_url: str) -> None:
    apps = [App.open(database_url), App.open(database_url)]
    taken: list[str] = []
    lock = threading.Lock()

    def take(app: App) -> None:
        for _ in range(25):
            with app.db.transaction() as session:
                value = next_progressive(session)
            with lock:
                taken.append(value)

    threads = [threading.Thread(target=take, args=(app,)) for app in apps]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
    finally:
        for app in apps:
            app.close()
    assert len(taken) == 50 and len(set(taken)) == 50
    assert sorted(taken)[-1] == "0001E"  # 50 in base 36: none skipped, none twice
