"""Dossier packages built on the fly (folders, ZIPs, spreadsheets) and store checks."""

from __future__ import annotations

import copy
import io
import json
import os
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image
from reportlab.pdfgen import canvas
from sqlalchemy import func, select

from oaoi_desktop.store.blobs import FileBlobStore, blob_store_for
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Attachment, AuditEntry, Blob, BlobChunk, Dossier, DossierRevision


def pdf_bytes(text: str = "Lampiran", pages: int = 1) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    for i in range(pages):
        c.drawString(72, 720, f"{text} — {i + 1}")
        c.showPage()
    c.save()
    return buf.getvalue()


def image_bytes(fmt: str = "JPEG", colour: tuple[int, int, int] = (40, 90, 160)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (24, 16), colour).save(buf, format=fmt)
    return buf.getvalue()


SECTION_TEXT = {
    "ringkasan": "Layanan antar-jemput dokumen kependudukan bagi warga lanjut usia.",
    "latar_belakang": "Warga lanjut usia sulit datang ke kantor; antrean mencapai tiga jam.",
    "kebaruan": "Pemesanan melalui WhatsApp oleh keluarga.",
    "implementasi": "Empat tim keliling sejak 2022.",
    "signifikansi": "Cakupan KTP-el lansia naik dari 41 menjadi 88 persen.",
    "adaptabilitas": "Sudah ditinjau dua daerah tetangga.",
    "sumber_daya": "Delapan petugas dan delapan perangkat portabel.",
    "keberlanjutan": "Ditetapkan dengan Peraturan Wali Kota.",
}


def valid_document(number: str = "KIPP-001", **overrides: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "format_version": 1,
        "id": number,
        "title": f"Inovasi Layanan {number}",
        "instansi": "Pemerintah Kota Medan",
        "unit_kerja": "Dinas Kependudukan dan Pencatatan Sipil",
        "klaster": "kota",
        "kelompok": "umum",
        "kategori": "Tata Kelola Pemerintahan dan Pelayanan Publik",
        "innovators": ["Rahmat Siregar", "Dewi Lubis"],
        "contact": {"name": "Rahmat Siregar", "email": "rahmat@medan.go.id", "phone": "0812-1111-2222"},
        "started_on": "2022-03-14",
        "sdgs": [10, 16],
        "is_digital": True,
        "video_url": "https://example.org/video/1",
        "previous_finalist": False,
        "sections": [
            {"key": k, "title": k.replace("_", " ").title(), "text": v,
             **({"attachments": ["lampiran/sk.pdf"]} if k == "implementasi" else {})}
            for k, v in SECTION_TEXT.items()
        ],
        "attachments": [
            {"path": "lampiran/sk.pdf", "kind": "sk", "title": "SK Tim Inovasi"},
            {"path": "lampiran/surat.pdf", "kind": "surat_pernyataan", "title": "Surat Pernyataan"},
            {"path": "foto/layanan.jpg", "kind": "foto", "title": "Foto layanan"},
        ],
    }
    doc.update(overrides)
    return doc


def default_files(number: str = "KIPP-001") -> dict[str, bytes]:
    return {
        "lampiran/sk.pdf": pdf_bytes(f"SK {number}"),
        "lampiran/surat.pdf": pdf_bytes(f"Surat {number}", pages=2),
        "foto/layanan.jpg": image_bytes("JPEG", (len(number) * 7 % 255, 90, 160)),
    }


def write_folder(folder: Path, doc: Mapping[str, Any] | bytes | None = None,
                 files: Mapping[str, bytes] | None = None, number: str = "KIPP-001") -> Path:
    """A dossier folder: ``dossier.json`` (a dict, raw bytes) and its files."""
    folder.mkdir(parents=True, exist_ok=True)
    if doc is None:
        doc = valid_document(number)
    raw = doc if isinstance(doc, bytes) else json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
    (folder / "dossier.json").write_bytes(raw)
    for rel, data in (default_files(number) if files is None else files).items():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return folder


def write_zip(path: Path, members: Mapping[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def zip_members(doc: Mapping[str, Any] | bytes | None = None, files: Mapping[str, bytes] | None = None,
                number: str = "KIPP-001", prefix: str = "") -> dict[str, bytes]:
    if doc is None:
        doc = valid_document(number)
    raw = doc if isinstance(doc, bytes) else json.dumps(doc, ensure_ascii=False).encode("utf-8")
    members = {prefix + "dossier.json": raw}
    for rel, data in (default_files(number) if files is None else files).items():
        members[prefix + rel] = data
    return members


def changed(doc: Mapping[str, Any], **overrides: Any) -> dict[str, Any]:
    out = copy.deepcopy(dict(doc))
    out.update(overrides)
    return out


@dataclass(frozen=True)
class StoreState:
    dossiers: int
    revisions: int
    attachments: int
    blobs: int
    chunks: int
    audit: int
    files: int
    """Files in the attachment store (FileBlobStore) — blobs in ab/cd/."""
    staging: int
    """Files left in the staging folder."""


def store_state(db: Database) -> StoreState:
    with db.read() as s:
        def n(model: Any) -> int:
            return s.scalar(select(func.count()).select_from(model)) or 0

        counts = (n(Dossier), n(DossierRevision), n(Attachment), n(Blob), n(BlobChunk), n(AuditEntry))
    store = blob_store_for(db)
    files = len(store.stored_shas()) if isinstance(store, FileBlobStore) else len(_chunked_shas(db))
    staging_dir = store._staging_root / ".staging"  # noqa: SLF001 - tests look behind the curtain
    staging = len(os.listdir(staging_dir)) if staging_dir.is_dir() else 0
    return StoreState(*counts, files, staging)


def _chunked_shas(db: Database) -> set[str]:
    """SHA-256s that have content in ``blob_chunks`` (the database home of attachments)."""
    with db.read() as s:
        return set(s.scalars(select(BlobChunk.sha256).distinct()))


def stray_files(db: Database) -> set[str]:
    """Blob files without a ``blobs`` row, plus rows without a file (both must be empty)."""
    store = blob_store_for(db)
    # PostgreSQL: the content lives in blob_chunks rows (store/blobs.py)
    on_disk = store.stored_shas() if isinstance(store, FileBlobStore) else _chunked_shas(db)
    with db.read() as s:
        rows = set(s.scalars(select(Blob.sha256)))
    return (on_disk - rows) | {f"missing:{sha}" for sha in rows - on_disk}
