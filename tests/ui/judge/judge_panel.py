"""The judge screens' test event, built through the services (imported by conftest.py and the tests)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from oaoi_desktop.services import auth, judging
from oaoi_desktop.services.auth import SignedIn
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import RecusalLevel
from oaoi_desktop.ui.judge.session import JudgeSession
from support import judging_builders as jb

PINS = {"Ani Lestari": "246810", "Budi Santoso": "135790"}
KIPP = ("latar_belakang", "kebaruan", "implementasi", "signifikansi", "adaptabilitas", "sumber_daya",
        "keberlanjutan")


def content(number: str, title: str, instansi: str, innovators: list[str]) -> dict[str, Any]:
    return {
        "number": number, "title": title, "instansi": instansi, "innovators": innovators,
        "contact": {"name": innovators[0], "position": "Kepala Seksi", "email": "", "phone": ""},
        "sections": [
            {"key": "ringkasan", "text": f"{title} dikembangkan oleh {instansi} bersama {innovators[0]} "
                                         "untuk mempercepat layanan kepada warga."},
            {"key": "latar_belakang", "text": f"Sebelum inovasi, warga menunggu lama. {instansi} mencatat "
                                              "antrean rata-rata 3 jam pada 2023."},
        ],
    }


@dataclass
class Panel:
    """An event with two judges (Ani: P-1, P-2, P-3; Budi: P-4), built through the services."""

    db: Database
    event_id: str
    numbers: dict[str, uuid.UUID] = field(default_factory=dict)

    def sign_in(self, name: str = "Ani Lestari") -> SignedIn:
        with self.db.write() as s:
            return auth.sign_in(s, self.event_id, name, PINS[name])

    def session(self, name: str = "Ani Lestari", db: Database | None = None) -> JudgeSession:
        return JudgeSession(db or self.db, self.sign_in(name))

    def declare(self, name: str = "Ani Lestari") -> None:
        jb.declare(self.db, self.event_id, name)

    def sheet(self, name: str, number: str) -> judging.SheetState:
        with self.db.read() as s:
            event, judge = jb.who(s, self.event_id, name)
            return judging.sheet_state(s, event, judge, number)

    def values(self, name: str, number: str) -> dict[str, Decimal]:
        return self.sheet(name, number).values


def build_panel(db: Database, *, blind: bool = False) -> Panel:
    eid = jb.event(db, name="KIPP Kota Medan 2026 \u2014 Penilaian Proposal", blind=blind,
                   recusal=RecusalLevel.INSTANSI)
    jb.judge(db, eid, "Ani Lestari", instansi="Kementerian PANRB", secret=PINS["Ani Lestari"])
    jb.judge(db, eid, "Budi Santoso", instansi="Pemerintah Kota Medan", secret=PINS["Budi Santoso"])
    rows = [
        ("P-1", "SIPANDU Medan: Layanan Kesehatan Keliling", "Pemerintah Kota Medan", "Pelayanan Kesehatan",
         ["dr. Rina Marpaung, M.Kes.", "Andi Siregar"]),
        ("P-2", "Sekolah Sungai Barito Kuala", "Pemerintah Kabupaten Barito Kuala", "Pendidikan",
         ["Siti Rahmah"]),
        ("P-3", "Izin Satu Hari Sumatera Utara", "Pemerintah Provinsi Sumatera Utara", "Perizinan",
         ["Hendra Ginting"]),
        ("P-4", "Ambulans Desa Karo", "Pemerintah Kabupaten Karo", "Pelayanan Kesehatan", ["Maria Tarigan"]),
    ]
    panel = Panel(db, eid)
    for number, title, instansi, kategori, people in rows:
        panel.numbers[number] = uuid.UUID(jb.dossier(db, eid, number, title=title, instansi=instansi,
                                                     kategori=kategori,
                                                     content=content(number, title, instansi, people)))
    for number in ("P-1", "P-2", "P-3"):
        jb.assign(db, eid, "Ani Lestari", number)
    jb.assign(db, eid, "Budi Santoso", "P-4")
    return panel
