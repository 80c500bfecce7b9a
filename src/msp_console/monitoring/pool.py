"""A bounded worker pool where a hung task cannot block the others.

Python cannot kill a thread. When a task runs past its deadline (its runner should have
enforced the timeout but did not), the watchdog delivers a timeout outcome in its place and
starts a replacement worker, so the pool keeps its full capacity; the stuck thread retires
when it finally returns.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(eq=False)
class Task:
    run: Callable[[], Any]
    deliver: Callable[[Any], None]
    on_timeout: Callable[[], Any]  # builds the outcome delivered when the task overruns
    deadline_s: float
    started: float = 0.0
    done: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def finish(self, value: Any) -> bool:
        with self.lock:
            if self.done:
                return False
            self.done = True
        self.deliver(value)
        return True


class WorkerPool:
    def __init__(self, workers: int = 8, name: str = "check-worker", tick_s: float = 0.05):
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.size, self.name, self.tick_s = workers, name, tick_s
        self._queue: queue.Queue[Task | None] = queue.Queue()
        self._lock = threading.Lock()
        self._threads: set[threading.Thread] = set()
        self._running: dict[threading.Thread, Task] = {}
        self._retired: set[threading.Thread] = set()  # replaced while hung: exit when they return
        self._stopping = threading.Event()
        self._watchdog: threading.Thread | None = None
        self.overruns = 0
        self._serial = 0

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self) -> None:
        self._stopping.clear()
        with self._lock:
            for _ in range(self.size - len(self._threads)):
                self._spawn_locked()
        self._watchdog = threading.Thread(target=self._watch, name=f"{self.name}-watchdog", daemon=True)
        self._watchdog.start()

    def stop(self, join_s: float = 5.0) -> int:
        """Cancels queued tasks, lets running ones finish (up to ``join_s``); returns how many
        queued tasks were cancelled."""
        self._stopping.set()
        cancelled = 0
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            cancelled += item is not None
        with self._lock:
            threads = list(self._threads)
        for _ in threads:
            self._queue.put(None)
        end = time.monotonic() + join_s
        for t in threads:
            t.join(max(0.0, end - time.monotonic()))
        if self._watchdog is not None:
            self._watchdog.join(1.0)
            self._watchdog = None
        return cancelled

    def submit(self, task: Task) -> None:
        if self._stopping.is_set():
            return
        self._queue.put(task)

    @property
    def queued(self) -> int:
        return self._queue.qsize()

    @property
    def busy(self) -> int:
        with self._lock:
            return sum(1 for t in self._running.values() if not t.done)

    # -- internals ----------------------------------------------------------------------------
    def _spawn_locked(self) -> None:
        self._serial += 1
        t = threading.Thread(target=self._work, name=f"{self.name}-{self._serial}", daemon=True)
        self._threads.add(t)
        t.start()

    def _work(self) -> None:
        me = threading.current_thread()
        try:
            while True:
                task = self._queue.get()
                if task is None or self._stopping.is_set():
                    return
                task.started = time.monotonic()
                with self._lock:
                    self._running[me] = task
                try:
                    value = task.run()
                except Exception as exc:  # the runner should not raise; never lose the worker
                    value = exc
                finally:
                    with self._lock:
                        self._running.pop(me, None)
                if not isinstance(value, Exception):
                    task.finish(value)
                else:
                    task.finish(task.on_timeout())
                with self._lock:  # a replacement took this thread's place while it hung
                    if me in self._retired:
                        return
        finally:
            with self._lock:
                self._threads.discard(me)
                self._retired.discard(me)

    def _watch(self) -> None:
        while not self._stopping.wait(self.tick_s):
            now = time.monotonic()
            with self._lock:
                late = [
                    (th, t)
                    for th, t in self._running.items()
                    if not t.done and now - t.started > t.deadline_s
                ]
            for thread, task in late:
                if task.finish(task.on_timeout()):
                    self.overruns += 1
                    with self._lock:
                        # Replace the stuck worker, but never grow past 4× the pool: a mass hang
                        # (a broken runner) then costs capacity instead of unbounded threads.
                        if (
                            thread in self._threads
                            and thread not in self._retired
                            and len(self._threads) < 4 * self.size
                        ):
                            self._retired.add(thread)
                            self._spawn_locked()
