"""Writing the user's files: private to them (0600), all or nothing, never through a trap.

Every file the tool writes for the user (reports, exports, roll-ups, packs, the
config) goes through `write_private`, which is where two rules live:
- `--out` never names one of the tool's own files (`refuse_own_file`);
- a symlink is followed only if the user could not have been tricked into it
  (`_follow_links`): the kernel's fs.protected_symlinks does the same, but may be off.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from fnmatch import fnmatch
from pathlib import Path
from typing import NoReturn

from belonging_cli.errors import BelongingError

_MAX_LINKS = 40  # as the kernel: a loop of links ends with an error, not a hang


def write_private(path: Path, chunks: Iterable[str], *, own_file: bool = False) -> None:
    """Write `path` readable by its owner only (0600), all or nothing.

    The text goes to a temporary file beside it that replaces `path` only once
    complete: a full disk leaves no half-written report or export, and an older
    file at `path` (whatever its mode) is replaced by a private one. `own_file`
    is for the tool's own files (the config), which are refused otherwise.
    """
    if not own_file:
        refuse_own_file(path)
    if _is_special(path):
        # A device, a pipe, /dev/stdout: there is no file to replace (and replacing
        # /dev/null would destroy it), so the text goes straight in.
        _write_through(path, chunks)
        return
    import tempfile  # ~5 ms, paid only by commands that write (not by their --help)

    target = _follow_links(path)
    try:
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise BelongingError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.writelines(chunks)
            handle.flush()
            os.fsync(handle.fileno())
        Path(temp).replace(target)  # a link at `path` stays a link: its target is replaced
    except BaseException as exc:
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise BelongingError(f"cannot write {path}: {exc.strerror or exc}") from None
        raise


def refuse_target(path: Path) -> bool:
    """`write_private`'s refusals of `path`, made before any work for it (a report is
    not built to be refused); whether it is a device or a pipe, not a file."""
    refuse_own_file(path)
    if _is_special(path):
        return True
    _follow_links(path)
    return False


def _is_special(path: Path) -> bool:
    """Whether `path` leads (as the kernel follows it) to a device or a pipe."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _write_through(path: Path, chunks: Iterable[str]) -> None:
    # /dev/stdout and /proc/self/fd/N are links (root's, or magic) that only the
    # kernel can follow, so only the link itself is checked: not one planted in a
    # shared folder. A path that was no link is opened with O_NOFOLLOW, and what
    # was opened must still be no regular file: nothing swapped in meanwhile.
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            folder = path.parent.stat()
            if folder.st_mode & 0o1002 == 0o1002 and not is_mine(info):
                _refuse_link(path, path, mine=False)
        flags = os.O_WRONLY | (0 if stat.S_ISLNK(info.st_mode) else getattr(os, "O_NOFOLLOW", 0))
        fd = os.open(path, flags)
        if stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise BelongingError(f"cannot write {path}: it changed while being written")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.writelines(chunks)
    except OSError as exc:
        raise BelongingError(f"cannot write {path}: {exc.strerror or exc}") from None


def _follow_links(path: Path) -> Path:
    """Where writing `path` would land, every link on the way checked.

    A link in a sticky world-writable folder (/tmp, a shared folder) that the
    user did not make could send the write anywhere, so it is refused, as the
    kernel's protected_symlinks would. The last link (the file itself) must
    also be the user's own and outside such a folder, and point to something:
    a dangling link would create a file wherever it points.
    """
    pending = list(reversed((Path.cwd() / path).parts))
    current = Path(pending.pop())  # the root
    hops = 0
    into_last_link = False  # resolving what the file itself (a link) points to
    while pending:
        part = pending.pop()
        if part in ("", "."):
            continue
        if part == "..":
            current = current.parent
            continue
        candidate = current / part
        try:
            info = os.lstat(candidate)
        except OSError:  # missing (to be created), or not a folder: writing will say
            if into_last_link:
                raise BelongingError(
                    f"refusing to write {path}: it is a link that points to nothing ({candidate})",
                    hint="remove the link or choose another --out",
                ) from None
            return candidate.joinpath(*reversed(pending))
        if not stat.S_ISLNK(info.st_mode):
            current = candidate
            continue
        hops += 1
        if hops > _MAX_LINKS:
            raise BelongingError(f"cannot write {path}: too many levels of links")
        last = into_last_link or not any(p not in ("", ".") for p in pending)
        _check_link(path, candidate, info, last=last)
        into_last_link = last
        link = candidate.readlink()
        if link.is_absolute():
            current = Path(link.anchor)
        pending.extend(reversed(link.parts[1:] if link.is_absolute() else link.parts))
    return current


def _check_link(path: Path, link: Path, info: os.stat_result, *, last: bool) -> None:
    folder = link.parent.stat()
    shared = folder.st_mode & 0o1002 == 0o1002  # sticky and writable by anyone
    mine = is_mine(info)
    # Not the last: the kernel's own rule (the folder's owner may link in it too).
    others = not shared or mine or info.st_uid == folder.st_uid
    # Root's link in a folder only root may change (/dev/stdout): nobody planted it.
    system = info.st_uid == folder.st_uid == 0 and not folder.st_mode & 0o022
    trusted = ((mine or system) and not shared) if last else others
    if not trusted:
        _refuse_link(path, link, mine=mine)


def _refuse_link(path: Path, link: Path, *, mine: bool) -> NoReturn:
    whose = "someone else's link" if not mine else "a link in a folder anyone can write to"
    raise BelongingError(
        f"refusing to write {path}: {link} is {whose}, which could point anywhere",
        hint="write to a path without it, or choose another --out",
    )


def is_mine(info: os.stat_result) -> bool:
    """Whether the file `info` describes belongs to the user running the tool."""
    geteuid = getattr(os, "geteuid", None)  # no owners to compare on Windows
    return geteuid is None or info.st_uid == geteuid()


def refuse_own_file(path: Path, *, new_backup: bool = False) -> None:
    """Refuse `path` as an output if it is the journal, one of its side files or safety
    copies, or the config: by name, by where links lead, and by inode (hard links).

    A new file named like a safety copy is refused too, unless it is one (`new_backup`).
    """
    from belonging_cli import paths

    journal = paths.journal_path()
    own = {journal: "the journal", paths.config_path(): "the config file"}
    own.update({journal.with_name(journal.name + s): "the journal's SQLite file" for s in _SIDE})
    own[journal.with_name(journal.name + ".crypt")] = "the encrypted journal's key information"
    if journal.parent.is_dir():
        own.update(dict.fromkeys(journal.parent.glob(f"{journal.name}.*.bak"), _BACKUP))
    where = _real(path)
    inode = file_identity(path)
    same = (w for f, w in own.items() if where == _real(f) or (inode and inode == file_identity(f)))
    what = next(same, None)
    # A new file named like a safety copy, beside the journal, would be taken for one.
    beside = where.parent == _real(journal.parent)
    if what is None and not new_backup and beside:
        what = _BACKUP if fnmatch(where.name, f"{journal.name}.*.bak") else None
    if what is not None:
        raise BelongingError(f"refusing to write over {what} ({path}); choose another --out")


_SIDE = ("-journal", "-wal", "-shm")  # SQLite reads these as part of the journal
_BACKUP = "a safety copy of the journal"


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a loop of links: compare as given
        return Path.cwd() / path


def file_identity(path: Path) -> tuple[int, int] | None:
    """The file at `path` (device and inode: the same through any link), None if none."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino
