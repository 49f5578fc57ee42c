"""oaoi_desktop.files.write_atomically: complete under the final name, or not there at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from oaoi_desktop.files import write_atomically


def test_bytes_and_writer_functions_land_complete(tmp_path: Path) -> None:
    target = tmp_path / "hasil.pdf"
    assert write_atomically(target, b"%PDF-1.7 satu") == target
    assert target.read_bytes() == b"%PDF-1.7 satu"
    write_atomically(target, lambda fh: fh.write(b"dua"), sync=False)
    assert target.read_bytes() == b"dua"
    assert [p.name for p in tmp_path.iterdir()] == ["hasil.pdf"]


def test_a_failing_writer_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "bundel.oaoi-bundle"
    target.write_bytes(b"lama")

    def broken(fh) -> None:  # type: ignore[no-untyped-def]
        fh.write(b"setengah")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_atomically(target, broken)
    assert target.read_bytes() == b"lama"
    assert [p.name for p in tmp_path.iterdir()] == ["bundel.oaoi-bundle"]
