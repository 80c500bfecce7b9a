"""A real small file system for the disk guard's tests: a 64 MiB tmpfs (root only), and a way to fill it."""

from __future__ import annotations

import errno
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from msp_console.services.disk_space import disk_space
from tests.support.components import is_root, missing

MiB = 2**20


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 MiB tmpfs, unmounted afterwards."""
    if not is_root():
        missing("mount -t tmpfs", "run the tests as root to mount a small file system")
    mount = tmp_path / "small-disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode:
        missing("mount -t tmpfs", done.stderr.decode())
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path, leave: int = 0) -> Path:
    """Writes a filler file until the disk is full (or only ``leave`` bytes are free)."""
    filler = disk / "filler.bin"
    chunk = b"\0" * MiB
    with filler.open("ab") as fh:
        while True:
            room = disk_space(disk).free - leave
            if room <= 0:
                break
            try:
                fh.write(chunk[: min(len(chunk), room)])
                fh.flush()
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
                break
    return filler
