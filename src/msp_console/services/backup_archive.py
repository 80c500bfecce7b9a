"""The compressed backup file: a zstd stream of a database snapshot, whole ("full") or as the pages
in which it differs from the next newer backup ("delta", a reverse delta as rdiff-backup keeps).

Why deltas: a monitoring database changes a few percent of its pages a day, so fourteen whole
copies would cost fourteen times the (already compact) database. The newest backup is always a full
one; when a newer one is made, the previous full one is rewritten as the pages that differ from the
new snapshot, found by comparing page by page while the old one is decompressed as a stream, so
memory stays small whatever the database's size. Fourteen backups then cost one full backup plus
thirteen days of changed pages; the newest restores directly, an older one by applying the deltas
from the newest back to it, and pruning the oldest never breaks another. SQLite's backup API copies
pages to the same page numbers, which is what makes the comparison work.

Layout: a zstd *skippable frame* holding a JSON header (kind, size, SHA-256 of the snapshot, the full
backup a delta needs), then one zstd frame. ``zstd -d`` ignores the header, so a full backup also
opens with the standard tool. Every file is written to a hidden temporary name, flushed to disk and
renamed, so a crash or a kill never leaves a half file under a backup's name.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import zstandard

FORMAT = "msp-console-backup"
VERSION = 1
FULL_SUFFIX = ".sqlite3.zst"
DELTA_SUFFIX = ".delta.zst"
LEVEL = 9  # measured in docs/PERFORMANCE.md: ~3x faster than 19 for a few percent more bytes
_SKIPPABLE_MAGIC = 0x184D2A50
_CHUNK = 1 << 20
_PAGE_NO = struct.Struct("<I")


class ArchiveError(RuntimeError):
    """A backup file that is damaged, foreign, or whose full backup is missing."""


@dataclass(frozen=True)
class ArchiveHeader:
    kind: str  # "full" or "delta"
    size: int  # bytes of the database snapshot it restores
    page_size: int
    sha256: str
    base: str = ""  # delta: the name (without suffix) of the newer backup it is applied to
    base_sha256: str = ""
    changed_pages: int = 0

    def as_json(self) -> bytes:
        return json.dumps({"format": FORMAT, "version": VERSION, **self.__dict__}).encode()


def is_archive(path: Path) -> bool:
    with Path(path).open("rb") as fh:
        return _is_skippable(fh.read(4))


def _is_skippable(magic: bytes) -> bool:
    return len(magic) == 4 and struct.unpack("<I", magic)[0] == _SKIPPABLE_MAGIC


def read_header(path: Path) -> ArchiveHeader:
    with Path(path).open("rb") as fh:
        return _read_header(fh, path)


def _read_header(fh: IO[bytes], path: Path) -> ArchiveHeader:
    head = fh.read(8)
    if not _is_skippable(head[:4]):
        raise ArchiveError(f"{path} is not an MSP Console compressed backup")
    (length,) = struct.unpack("<I", head[4:8])
    try:
        raw: dict[str, Any] = json.loads(fh.read(length))
    except ValueError as exc:
        raise ArchiveError(f"{path} has a damaged header: {exc}") from exc
    if raw.get("format") != FORMAT:
        raise ArchiveError(f"{path} is not an MSP Console compressed backup")
    if int(raw.get("version", 0)) > VERSION:
        raise ArchiveError(f"{path} was written by a newer version of MSP Console: update it first")
    known = ArchiveHeader.__dataclass_fields__
    return ArchiveHeader(**{k: v for k, v in raw.items() if k in known})


def _pages(path: Path, page_size: int) -> Generator[bytes, None, None]:
    with Path(path).open("rb") as fh:
        while page := fh.read(page_size):
            yield page


def _stream_pages(archive: Path, page_size: int) -> Generator[bytes, None, None]:
    """The pages of a full backup, decompressed as a stream (never the whole file in memory)."""
    with Path(archive).open("rb") as fh:
        _read_header(fh, archive)
        try:
            with zstandard.ZstdDecompressor().stream_reader(fh) as reader:
                while page := _read_exact(reader, page_size):
                    yield page
        except zstandard.ZstdError as exc:
            raise ArchiveError(f"{archive} is damaged ({exc})") from exc


def _read_exact(reader: Any, n: int) -> bytes:
    parts, got = [], 0
    while got < n:
        chunk = reader.read(n - got)
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def page_size_of(snapshot: Path) -> int:
    """The page size a SQLite file declares in its header (bytes 16–17; 1 means 65536)."""
    with Path(snapshot).open("rb") as fh:
        head = fh.read(100)
    if not head.startswith(b"SQLite format 3\x00"):
        raise ArchiveError(f"{snapshot} is not a SQLite database")
    (size,) = struct.unpack(">H", head[16:18])
    return 65536 if size == 1 else size


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def write_stream(dest: Path, header: ArchiveHeader, body: Iterator[bytes], *, level: int = LEVEL) -> int:
    """Any stream (a pg_dump's output) as a compressed backup file, written atomically."""
    return _write_atomically(dest, header, body, level)


def _write_atomically(dest: Path, header: ArchiveHeader, body: Iterator[bytes], level: int) -> int:
    """Header + one zstd frame of ``body`` into a hidden temporary file, synced, then renamed."""
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as out:
            meta = header.as_json()
            out.write(struct.pack("<II", _SKIPPABLE_MAGIC, len(meta)) + meta)
            cctx = zstandard.ZstdCompressor(level=level, write_checksum=True)
            with cctx.stream_writer(out, closefd=False) as writer:
                for chunk in body:
                    writer.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _sync_folder(dest.parent)
    return dest.stat().st_size


def _sync_folder(folder: Path) -> None:
    """The rename itself survives a power cut only once the folder is synced (POSIX)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_full(snapshot: Path, dest: Path, *, level: int = LEVEL) -> ArchiveHeader:
    """Compresses the whole snapshot into ``dest``."""
    page_size = page_size_of(snapshot)
    header = ArchiveHeader("full", snapshot.stat().st_size, page_size, sha256_of(snapshot))
    _write_atomically(dest, header, _pages(snapshot, _CHUNK), level)
    return header


def backup_name(path: Path) -> str:
    """A backup's name without its kind suffix: what a delta refers to (the suffix changes when a
    full backup is rewritten as a delta)."""
    name = Path(path).name
    for suffix in (FULL_SUFFIX, DELTA_SUFFIX):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def write_reverse_delta(
    old_full: Path, new_snapshot: Path, new_sha256: str, new_name: str, dest: Path, *, level: int = LEVEL
) -> ArchiveHeader:
    """The pages of the full backup ``old_full`` that differ from ``new_snapshot`` (the snapshot of
    the newer backup ``new_name``), into ``dest``: applied to that snapshot, they give the old one."""
    old = read_header(old_full)
    if old.kind != "full":
        raise ArchiveError(f"{old_full} is not a full backup")
    if page_size_of(new_snapshot) != old.page_size:
        raise ArchiveError("the page size changed: the older backup stays a full one")
    changed: list[int] = []
    newer = _pages(new_snapshot, old.page_size)
    for number, page in enumerate(_stream_pages(old_full, old.page_size)):
        if next(newer, None) != page:
            changed.append(number)
    newer.close()
    header = ArchiveHeader("delta", old.size, old.page_size, old.sha256, new_name, new_sha256, len(changed))
    wanted = set(changed)

    def body() -> Iterator[bytes]:
        for number, page in enumerate(_stream_pages(old_full, old.page_size)):
            if number in wanted:
                yield _PAGE_NO.pack(number) + page

    _write_atomically(dest, header, body(), level)
    return header


def _find(folder: Path, name: str) -> Path | None:
    for suffix in (FULL_SUFFIX, DELTA_SUFFIX):
        path = folder / f"{name}{suffix}"
        if path.is_file():
            return path
    return None


def restore_to(archive: Path, out: Path) -> ArchiveHeader:
    """Rebuilds the snapshot of ``archive`` into ``out`` (a delta finds the newer backups it needs
    beside it, up to the newest full one), then checks its SHA-256."""
    archive = Path(archive)
    header = read_header(archive)
    chain = [(archive, header)]
    while chain[-1][1].kind == "delta":
        path, head = chain[-1]
        base = _find(path.parent, head.base)
        if base is None:
            raise ArchiveError(f"{path.name} needs the newer backup {head.base}, which is missing")
        base_header = read_header(base)
        if base_header.sha256 != head.base_sha256:
            raise ArchiveError(f"{base.name} is not the backup {path.name} was made against")
        chain.append((base, base_header))
        if len(chain) > 10_000:
            raise ArchiveError(f"{archive.name}: the chain of backups loops")
    if chain[-1][1].kind == "pgdump":
        raise ArchiveError(f"{archive} is a PostgreSQL backup: restore it into the team database")
    if chain[-1][1].kind != "full":
        raise ArchiveError(f"{archive}: unknown backup kind {chain[-1][1].kind!r}")
    _decompress_to(chain[-1][0], out)
    for path, head in reversed(chain[:-1]):
        _apply_pages(path, out, head)
    if sha256_of(out) != header.sha256:
        raise ArchiveError(f"{archive} is damaged: the restored database does not match its checksum")
    return header


def _decompress_to(archive: Path, out: Path) -> None:
    with Path(out).open("wb") as dst:
        decompress_into(archive, dst)


def decompress_into(archive: Path, out: IO[bytes]) -> None:
    """The content of ``archive`` written to the stream ``out`` (a file, or a tool's stdin)."""
    with Path(archive).open("rb") as fh:
        _read_header(fh, archive)
        try:
            zstandard.ZstdDecompressor().copy_stream(fh, out)
        except zstandard.ZstdError as exc:
            raise ArchiveError(f"{archive} is damaged ({exc})") from exc


def _apply_pages(archive: Path, out: Path, header: ArchiveHeader) -> None:
    record = _PAGE_NO.size + header.page_size
    with Path(archive).open("rb") as fh, Path(out).open("r+b") as dst:
        _read_header(fh, archive)
        try:
            with zstandard.ZstdDecompressor().stream_reader(fh) as reader:
                while item := _read_exact(reader, record):
                    if len(item) != record:
                        raise ArchiveError(f"{archive} is truncated")
                    (number,) = _PAGE_NO.unpack(item[: _PAGE_NO.size])
                    dst.seek(number * header.page_size)
                    dst.write(item[_PAGE_NO.size :])
        except zstandard.ZstdError as exc:
            raise ArchiveError(f"{archive} is damaged ({exc})") from exc
        dst.truncate(header.size)
