"""Issue 14 in the PDFs: every results document marks a dossier whose sheets are not all in, and the
Berita Acara counts the sheets and states the secretariat's exceptions with their reasons
(real PDFs, read back with pypdf)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from oaoi_desktop.services import completeness, documents, events
from oaoi_desktop.services.documents import ExportOptions
from support.builders import ACTOR, KIPP_CRITERIA, add_dossier, add_judges, make_event, score, uniform


def text_of(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(str(path)).pages).split())


def export(db, eid, kind, out, **opts):  # type: ignore[no-untyped-def]
    docs = documents.prepare(db, eid, [kind], ExportOptions(**opts), actor=ACTOR)
    documents.write_documents(docs, out, workers=1)
    return docs


@pytest.fixture
def ev(db):  # type: ignore[no-untyped-def]
    """P-001 complete 3/3; P-002 2/3 (Citra's sheet is a draft); P-003 complete 3/3."""
    eid = make_event(db)
    add_judges(db, eid, ["Ani", "Budi", "Citra"])
    for n in ("P-001", "P-002", "P-003"):
        add_dossier(db, eid, n, kategori="Pelayanan Publik")
        for j, name in enumerate(("Ani", "Budi", "Citra")):
            submit = not (n == "P-002" and name == "Citra")
            score(db, eid, name, n, uniform(KIPP_CRITERIA, 8 - j) if submit else {"kebaruan": 5}, submit=submit)
    return eid


def test_ranking_pdf_marks_the_incomplete_dossier_and_counts(db, ev, tmp_path):  # type: ignore[no-untyped-def]
    docs = export(db, ev, "ranking", tmp_path, group_by=())
    text = text_of(tmp_path / docs[0].file_name)
    assert "belum lengkap 2/3" in text
    assert text.count("belum lengkap") == 2  # the row's mark and the summary line's "1 proposal belum lengkap"
    assert "Lembar penilaian dikirim 8 dari 9; 1 proposal belum lengkap." in text


def test_result_sheets_state_completeness(db, ev, tmp_path):  # type: ignore[no-untyped-def]
    docs = export(db, ev, "result", tmp_path)
    by = {d.subtitle.split(" ")[0]: text_of(tmp_path / d.file_name) for d in docs}
    assert "Kelengkapan belum lengkap 2/3" in by["P-002"]
    assert "Kelengkapan lengkap 3/3" in by["P-001"] and "belum lengkap" not in by["P-001"]


def test_berita_acara_counts_sheets_and_prints_the_exception(db, ev, tmp_path):  # type: ignore[no-untyped-def]
    with db.write() as s:
        completeness.record_exception(s, events.get_event(s, ev), actor=ACTOR,
                                      reason="Citra dirawat di rumah sakit")
    docs = export(db, ev, "minutes", tmp_path, lang="id")
    text = text_of(tmp_path / docs[0].file_name)
    assert "Lembar penilaian dikirim 8 dari 9; 1 proposal belum lengkap." in text
    assert "Pengecualian lembar penilaian yang belum dikirim" in text
    assert "Proposal P-002, penilai Citra: Citra dirawat di rumah sakit" in text
    assert "belum lengkap 2/3" in text  # the annex's ranking marks the row too
    docs = export(db, ev, "minutes", tmp_path / "en", lang="en")
    text = text_of(tmp_path / "en" / docs[0].file_name)
    assert "Score sheets submitted: 8 of 9; 1 proposal(s) incomplete." in text
    assert "Proposal P-002, judge Citra: Citra dirawat di rumah sakit" in text


def test_a_complete_event_says_so(db, tmp_path):  # type: ignore[no-untyped-def]
    eid = make_event(db)
    add_judges(db, eid, ["Ani", "Budi"])
    add_dossier(db, eid, "P-001")
    for name in ("Ani", "Budi"):
        score(db, eid, name, "P-001", uniform(KIPP_CRITERIA, 8))
    docs = export(db, eid, "minutes", tmp_path, lang="id")
    text = text_of(tmp_path / docs[0].file_name)
    assert "Lembar penilaian dikirim 2 dari 2; semua proposal lengkap." in text
    assert "belum lengkap" not in text and "Pengecualian" not in text
