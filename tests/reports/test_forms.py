"""Blank paper score forms: one PDF per judge, one page per assigned dossier, fonts embedded."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from pypdf import PdfReader

from oaoi_desktop.errors import ValidationError
from oaoi_desktop.reports.forms import parse_qr_payload, qr_payload
from oaoi_desktop.services import events, judging, paper
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import RecusalLevel
from support import judging_builders as jb
from support.builders import ACTOR, KIPP_CRITERIA


def fonts_of(reader: PdfReader) -> dict[str, bool]:
    """Every font the pages use → whether its TrueType program is embedded."""
    out = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            out[str(font["/BaseFont"])] = descriptor is not None and "/FontFile2" in descriptor.get_object()
    return out


@pytest.fixture
def ev(db: Database) -> str:
    eid = jb.event(db, name="KIPP Kota Medan 2026 — Penilaian Proposal", recusal=RecusalLevel.INSTANSI)
    jb.judge(db, eid, "Ani Lestari", instansi="Dinas Kesehatan Kota Medan")
    jb.judge(db, eid, "Budi Santoso")
    jb.judge(db, eid, "Citra")  # nothing assigned
    for n in ("P-1", "P-2", "P-3", "P-4"):
        jb.dossier(db, eid, n, title=f"Layanan “Cepat” {n}", instansi="Pemerintah Kota Medan",
                   unit_kerja="Dinas Perhubungan")
    jb.dossier(db, eid, "P-5", instansi="Dinkes Medan")
    for n in ("P-1", "P-2", "P-3", "P-5"):
        jb.assign(db, eid, "Ani Lestari", n)
    jb.assign(db, eid, "Budi Santoso", "P-4")
    # P-5 turns out to be Ani's own agency; P-3 she declares a conflict on
    with db.write() as s:
        event = events.get_event(s, eid)
        event.settings = {"aliases": {"Dinas Kesehatan Kota Medan": ["Dinkes Medan"]}}
    jb.declare(db, eid, "Ani Lestari")
    with db.write() as s:
        event, ani = jb.who(s, eid, "Ani Lestari")
        judging.declare_conflict(s, event, ani, "P-3", "Suami saya anggota tim inovasi")
    return eid


def test_one_pdf_per_judge_one_page_per_assigned_dossier(db: Database, ev: str, tmp_path: Path) -> None:
    with db.read() as s:
        paths = paper.write_blank_forms(s, events.get_event(s, ev), tmp_path / "forms", actor=ACTOR)
    assert sorted(p.parent for p in paths) == [tmp_path / "forms"] * 2
    assert not list((tmp_path / "forms").glob("*.tmp"))
    by_judge = {p.name.split("-")[1]: PdfReader(str(p)) for p in paths}
    assert set(by_judge) == {"ani", "budi"}
    ani = by_judge["ani"]
    assert len(ani.pages) == 2  # P-1, P-2: not the recused P-5, not the conflicted P-3
    texts = [page.extract_text() for page in ani.pages]
    assert "P-1" in texts[0] and "P-2" in texts[1]
    assert "P-3" not in " ".join(texts) and "P-5" not in " ".join(texts)
    for text in texts:
        for name in ("Latar Belakang dan", "Signifikansi / Dampak", "Strategi Keberlanjutan", "Sangat Kurang"):
            assert name in text
        for cid in KIPP_CRITERIA:
            assert cid in text
        assert "Ani Lestari" in text and "“Cepat”" in text and "Pemerintah Kota Medan" in text
        assert "Tanda tangan penilai" in text
    assert len(by_judge["budi"].pages) == 1
    fonts = fonts_of(ani)
    assert fonts and all(fonts.values()), fonts
    assert {name.split("+")[-1] for name in fonts} == {"DejaVuSans", "DejaVuSans-Bold"}


def test_forms_in_english_and_in_blind_mode(db: Database, tmp_path: Path) -> None:
    eid = jb.event(db, blind=True)
    jb.judge(db, eid, "Dedi")
    jb.dossier(db, eid, "B-1", title="Aplikasi Dinas Sosial Kabupaten Deli", instansi="Kabupaten Deli",
               unit_kerja="Dinas Sosial")
    jb.assign(db, eid, "Dedi", "B-1")
    with db.read() as s:
        (path,) = paper.write_blank_forms(s, events.get_event(s, eid), tmp_path, judge="Dedi", lang="en", actor=ACTOR)
    text = PdfReader(str(path)).pages[0].extract_text()
    assert "SCORE SHEET" in text and "Problem and objectives" in text and "Very good" in text
    assert "Kabupaten Deli" not in text and "Dinas Sosial" not in text and "[redacted]" in text
    assert "Blind evaluation" in text


def test_nothing_to_print_is_a_clear_error(db: Database, ev: str, tmp_path: Path) -> None:
    with db.read() as s, pytest.raises(ValidationError) as info:
        paper.write_blank_forms(s, events.get_event(s, ev), tmp_path / "out", judge="Citra", actor=ACTOR)
    assert info.value.message_id == "forms.nothing_to_print"
    assert not (tmp_path / "out").exists()


def test_two_stage_rubric_prints_a_page_per_stage(db: Database, tmp_path: Path) -> None:
    eid = jb.event(db, rubric="kipp-two-stage")
    jb.judge(db, eid, "Eka")
    jb.dossier(db, eid, "T-1")
    with db.read() as s:
        stages = [st.id for st in events.event_rubric(s, events.get_event(s, eid)).stages]
    for st in stages:
        jb.assign(db, eid, "Eka", "T-1", stage_id=st)
    with db.read() as s:
        (path,) = paper.write_blank_forms(s, events.get_event(s, eid), tmp_path, actor=ACTOR)
    reader = PdfReader(str(path))
    assert len(reader.pages) == len(stages) == 2
    for page, st in zip(reader.pages, stages):
        assert f"({st})" in page.extract_text()


def test_qr_payload_names_event_judge_dossier_and_stage() -> None:
    e, j = uuid.uuid4(), uuid.uuid4()
    text = qr_payload(e, j, "KIPP/2026;07 & 8", "proposal")
    assert text.startswith("oaoi-form:")
    assert parse_qr_payload(text) == {"v": "1", "event": str(e), "judge": str(j), "dossier": "KIPP/2026;07 & 8",
                                      "stage": "proposal"}
    with pytest.raises(ValueError):
        parse_qr_payload("https://example.org/?event=1")
