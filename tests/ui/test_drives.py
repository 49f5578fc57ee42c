"""Mounted drives for the import dialog: removable first, pseudo file systems left out."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QStorageInfo

from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import drives
from oaoi_desktop.ui.drives import Volume, guess_removable, sort_volumes, volumes_from_storage
from oaoi_desktop.ui.importing import ImportDialog
from support.builders import ACTOR

GB = 2**30


@dataclass
class FakeStorage:
    """Shaped like QStorageInfo: what a platform would report for one mount."""

    root: str
    dev: bytes
    fs: bytes
    label: str = ""
    total: int = 32 * GB
    valid: bool = True
    ready: bool = True

    def isValid(self) -> bool:  # noqa: N802 - QStorageInfo's names
        return self.valid

    def isReady(self) -> bool:  # noqa: N802
        return self.ready

    def rootPath(self) -> str:  # noqa: N802
        return self.root

    def device(self) -> bytes:
        return self.dev

    def fileSystemType(self) -> bytes:  # noqa: N802
        return self.fs

    def name(self) -> str:
        return self.label

    def displayName(self) -> str:  # noqa: N802
        return self.label or self.root

    def bytesTotal(self) -> int:  # noqa: N802
        return self.total

    def bytesAvailable(self) -> int:  # noqa: N802
        return self.total // 2

    def isReadOnly(self) -> bool:  # noqa: N802
        return False


LINUX_MOUNTS = [
    FakeStorage("/", b"/dev/nvme0n1p2", b"ext4", total=500 * GB),
    FakeStorage("/home", b"/dev/nvme0n1p3", b"ext4", total=400 * GB),
    FakeStorage("/run/user/1000", b"tmpfs", b"tmpfs", total=GB),
    FakeStorage("/snap/core22/1122", b"/dev/loop3", b"squashfs", total=GB),
    FakeStorage("/media/sekretariat/KIPP2026", b"/dev/sdb1", b"vfat", "KIPP2026"),
    FakeStorage("/run/media/juri/ARSIP", b"/dev/sdc1", b"exfat", "ARSIP"),
    FakeStorage("/mnt/usb", b"/dev/sdd1", b"ntfs3"),
    FakeStorage("/mnt/data", b"/dev/sda1", b"ext4", total=2000 * GB),
    FakeStorage("/media/cdrom", b"/dev/sr0", b"iso9660", "KIPP_CD", ready=False),
]


def linux_sysfs(device: str) -> bool | None:
    """What /sys/class/block/<dev>/removable would say on that laptop."""
    return {"/dev/nvme0n1p2": False, "/dev/nvme0n1p3": False, "/dev/sda1": False}.get(device)


def linux_volumes() -> list[Volume]:
    return volumes_from_storage(
        LINUX_MOUNTS, platform="linux",
        removable=lambda root, device, fs: guess_removable(root, device, fs, platform="linux", sysfs=linux_sysfs),
    )


def test_linux_removable_first_pseudo_left_out() -> None:
    ordered = sort_volumes(linux_volumes())
    assert [str(v.root) for v in ordered] == [
        "/mnt/usb", "/run/media/juri/ARSIP", "/media/sekretariat/KIPP2026",  # removable, by name
        "/home", "/mnt/data",  # fixed
        "/",  # the system disk last
    ]
    stick = ordered[2]
    assert (stick.name, stick.device, stick.file_system, stick.removable) == ("KIPP2026", "/dev/sdb1", "vfat", True)
    assert ordered[-1].is_system and ordered[-1].removable is False


def test_linux_heuristics() -> None:
    def guess(root: str, fs: str = "ext4", sysfs: bool | None = None) -> bool | None:
        return guess_removable(root, "/dev/sdx1", fs, platform="linux", sysfs=lambda _d: sysfs)

    assert guess("/media/user/STICK") is True
    assert guess("/run/media/user/STICK") is True
    assert guess("/media") is None  # the folder itself is no drive
    assert guess("/mnt/usb", "vfat") is True and guess("/mnt/usb", "ext4") is None
    assert guess("/srv/anything", "ext4", sysfs=True) is True  # sysfs says so: wherever it is mounted
    assert guess("/srv/anything", "ext4", sysfs=False) is False


def test_windows_asks_the_drive_type() -> None:
    types = {"C:\\": drives.DRIVE_FIXED, "E:\\": drives.DRIVE_REMOVABLE, "F:\\": drives.DRIVE_CDROM,
             "Z:\\": drives.DRIVE_REMOTE}

    def guess(root: str) -> bool | None:
        return guess_removable(root, "", "NTFS", platform="win32", drive_type=types.get)

    assert [guess(r) for r in ("C:\\", "E:\\", "F:\\", "Z:\\", "Q:\\")] == [False, True, True, False, None]
    volumes = volumes_from_storage(
        [FakeStorage("C:/", b"\\\\?\\Volume{1}\\", b"NTFS", "Windows", total=256 * GB),
         FakeStorage("E:/", b"\\\\?\\Volume{2}\\", b"FAT32", "KIPP")],
        platform="win32", removable=lambda root, _d, _f: {"C:/": False, "E:/": True}[root],
    )
    assert [v.name for v in sort_volumes(volumes)] == ["KIPP", "Windows"]


def test_the_real_storage_of_this_machine(tmp_path: Path) -> None:
    here = QStorageInfo(str(tmp_path))
    [volume] = volumes_from_storage([here])
    assert volume.root == Path(here.rootPath()) and volume.bytes_total > 0
    assert any(v.is_system for v in drives.mounted_volumes())


@pytest.fixture
def plugged() -> Iterator[list[Volume]]:
    volumes = [Volume(Path("/"), "/", "/dev/sda2", "ext4", 500 * GB, 100 * GB, False, is_system=True)]
    previous = drives.install_source(lambda: list(volumes))
    yield volumes
    drives.install_source(previous)


def test_the_dialog_lists_drives_and_sees_a_stick_plugged_in(qtbot, db: Database, plugged: list[Volume]) -> None:  # type: ignore[no-untyped-def]
    dialog = ImportDialog(db, actor=ACTOR)
    qtbot.addWidget(dialog)
    dialog.show()
    assert [v.name for v in dialog.volumes()] == ["/"]
    assert "Disk sistem" in dialog.drives_list.item(0).text()

    plugged.append(Volume(Path("/media/s/KIPP2026"), "KIPP2026", "/dev/sdb1", "vfat", 16 * GB, 8 * GB, True))
    dialog._poll_drives()  # what the dialog's timer does every few seconds
    assert [v.name for v in dialog.volumes()] == ["KIPP2026", "/"]
    assert dialog.drives_list.count() == 2
    assert dialog.selected_volume().name == "/"  # the selection stays where the user put it
    dialog.refresh_button.click()
    assert [dialog.drives_list.item(i).text().split("\n")[0] for i in range(2)] == [
        "KIPP2026 \u2014 /media/s/KIPP2026", "/"]
