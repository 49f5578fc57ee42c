"""Writing a file so that it is either complete under its final name or not there at all.

Every file the app writes for a user (PDFs, bundles, packages, exports of the
audit log) goes to a temporary name beside the target and is renamed over it
only when complete (DESIGN.md).  One implementation, here.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from oaoi_desktop.store.staging import fsync_dir


def write_atomically(target: Path | str, content: bytes | Callable[[BinaryIO], object], *,
                     sync: bool = True) -> Path:
    """Write ``content`` (bytes, or a function writing to the open file) to ``target``.

    The bytes go to ``.<name>.<random>.part`` beside ``target``; with ``sync``
    the file (and, after the rename, its folder) is fsynced, so a power cut
    leaves either the old file or the new one.  On any error the temporary file
    is removed and the error propagates; ``target`` is untouched.  The parent
    folder must exist.
    """
    target = Path(target)
    temp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.part")
    try:
        with open(temp, "wb") as fh:
            if isinstance(content, (bytes, bytearray, memoryview)):
                fh.write(content)
            else:
                content(fh)
            if sync:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    if sync:
        fsync_dir(target.parent)
    return target


__all__ = ["fsync_dir", "write_atomically"]
