"""Replacing a file's bytes without losing data or changing what the fix did not touch.

A fix is written to a temporary file beside the original, with the
original's mode and owner, and moved over it in one ``os.replace``, but only
if the file is still exactly what was read (size, modification time, inode
and digest, checked again just before the move): lines another process
appended meanwhile are never lost.  A file that cannot be replaced without
changing something the user relies on (read-only, hard-linked, an owner we
cannot give the copy) is left alone and the caller warns.

Temporary files carry the writer's process id, so one left behind by a
killed run is recognised and removed by the next run that fixes a file in its folder;
SIGTERM during a write removes it at once.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import signal
import stat
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

TEMPORARY_SUFFIX = ".corpus-linter.tmp"


class NotWritten(Exception):
    """The file was left unchanged; the message says why."""


class Terminated(BaseException):
    """SIGTERM arrived while files were being written (a BaseException, like KeyboardInterrupt)."""


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@dataclass(frozen=True)
class Snapshot:
    """A file as it was read for fixing; it is replaced only if it is still exactly this."""

    path: Path
    size: int
    mtime_ns: int
    inode: int
    digest: str

    @classmethod
    def take(cls, path: Path) -> tuple[Snapshot, bytes]:
        """The file's bytes and the snapshot that guards them."""
        with open(path, "rb") as handle:
            before = os.fstat(handle.fileno())
            data = handle.read()
        return cls(path, before.st_size, before.st_mtime_ns, before.st_ino, _digest(data)), data

    def still_current(self) -> bool:
        try:
            now = os.stat(self.path)
        except FileNotFoundError:
            return False
        if (now.st_size, now.st_mtime_ns, now.st_ino) != (self.size, self.mtime_ns, self.inode):
            return False
        return _digest(self.path.read_bytes()) == self.digest


def replace_file(snapshot: Snapshot, data: bytes) -> None:
    """Give ``snapshot.path`` the new bytes atomically, or raise NotWritten and leave it as it was.

    The new bytes are on disk before the move; the move itself is made durable
    by ``sync_folder``, which the caller calls once per folder, not per file
    (a folder of thousands of fixed files would otherwise wait on the disk for each).
    """
    path = snapshot.path
    info = os.stat(path)
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise NotWritten("the file is read-only")
    if info.st_nlink > 1:
        raise NotWritten(f"the file has {info.st_nlink} hard links, which replacing it would break")
    temporary = path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{TEMPORARY_SUFFIX}"
    try:
        with open(temporary, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, stat.S_IMODE(info.st_mode))
        if (info.st_uid, info.st_gid) != _owner(temporary):
            try:
                os.chown(temporary, info.st_uid, info.st_gid)
            except PermissionError:
                raise NotWritten("its owner could not be kept (replacing it would change who owns it)") from None
        if not snapshot.still_current():
            raise NotWritten("it changed while it was being fixed (another process wrote to it)")
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _owner(path: Path) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_uid, info.st_gid


def sync_folder(folder: Path) -> None:
    """Make the rename durable where the platform allows it."""
    with contextlib.suppress(OSError, AttributeError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove the temporaries in ``folder`` left by runs that were killed (their process is gone).

    One listing of the folder, however many of its files are fixed: a run that
    fixes every file of a folder of thousands must not list it once per file.
    """
    removed = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not (entry.name.startswith(".") and entry.name.endswith(TEMPORARY_SUFFIX)):
                continue
            head, _, _token = entry.name[: -len(TEMPORARY_SUFFIX)].rpartition(".")  # .NAME.PID.TOKEN
            pid_text = head.rpartition(".")[2]
            if pid_text.isdigit() and not _process_alive(int(pid_text)):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, someone else's
        return True
    return True


@contextlib.contextmanager
def terminate_cleanly() -> Iterator[None]:
    """While writing, SIGTERM raises ``Terminated`` so temporaries are removed before the process ends."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_term(signum: int, frame: object) -> None:
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, on_term)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
