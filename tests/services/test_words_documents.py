"""Documents an Indonesian office expects (issue 14): local time with its zone, one number per
document with revisions, column widths from content, decimal commas.  Real PDFs read back with pypdf."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from oaoi_desktop.domain.scoring import display
from oaoi_desktop.errors import ValidationError
from oaoi_desktop.i18n import formats
from oaoi_desktop.reports.documents import TableBlock, column_widths
from oaoi_desktop.reports.fonts import BOLD, REGULAR, register_fonts
from oaoi_desktop.services import documents, events
from oaoi_desktop.services.documents import ExportOptions
from oaoi_desktop.services.ranking import rank_event
from oaoi_desktop.store.models import AuditEntry, IssuedDocument
from support.builders import ACTOR, KIPP_CRITERIA, add_dossier, add_judges, make_event, score

JUDGES = ["Dr. Ani Lestari", "Budi Santoso", "Citra Dewi"]
LONG_NUMBER = "KIPP-2026-0000123"
LONG_TITLE = ("SiPANDU: Sistem Informasi Pelayanan Administrasi Kependudukan Terpadu untuk Warga "
              "Kelurahan dan Kecamatan se-Kota Medan")
NOW = dt.datetime(2026, 11, 28, 3, 5)  # naive UTC, as stored: 10:05 WIB, 11:05 WITA, 12:05 WIT


def lines_of(path: Path) -> list[str]:
    return [line for page in PdfReader(str(path)).pages for line in page.extract_text().splitlines()]


def flat(path: Path) -> str:
    return " ".join(" ".join(lines_of(path)).split())


@pytest.fixture
def event(db):
    eid = make_event(db)
    with db.write() as s:
        e = events.get_event(s, eid)
        e.venue = "Hotel Santika Medan"
    add_judges(db, eid, JUDGES)
    for i, number in enumerate(["P-001", LONG_NUMBER]):
        add_dossier(db, eid, number, kategori="Pelayanan Publik")
        for j, name in enumerate(JUDGES):
            values = {c: 9 - i - (1 if (j + k) % 3 == 0 else 0) for k, c in enumerate(KIPP_CRITERIA)}
            score(db, eid, name, number, values)
    with db.write() as s:
        from oaoi_desktop.services import dossiers

        dossiers.get_dossier(s, events.get_event(s, eid), LONG_NUMBER).title = LONG_TITLE
    return eid


def export(db, eid, kind, out, now=NOW, **opts):
    docs = documents.prepare(db, eid, [kind], ExportOptions(**opts), actor=ACTOR, now=now)
    return docs, documents.write_documents(docs, out, workers=1)


# -- local time with zone ------------------------------------------------------------------------------
def test_footer_and_minutes_print_local_time_with_the_events_zone(db, event, tmp_path):
    docs, paths = export(db, event, "minutes", tmp_path / "wib")
    text = flat(paths[0])
    assert "Dibuat 2026-11-28 10:05 WIB" in text
    assert "UTC" not in text
    with db.write() as s:
        events.set_timezone(s, events.get_event(s, event), "wit", actor=ACTOR)
    docs, paths = export(db, event, "sheet", tmp_path / "wit")
    text = flat(paths[0])
    assert "2026-11-28 12:05 WIT" in text and "UTC" not in text
    # the sheet's submission time too: local, with the zone
    assert re.search(r"Dikirim \d{4}-\d\d-\d\d \d\d:\d\d WIT", text), text


def test_timezone_setting_is_checked_and_audited(db, event):
    with db.write() as s:
        e = events.get_event(s, event)
        assert formats.zone_of(e) == "WIB"  # the default
        with pytest.raises(ValidationError) as err:
            events.set_timezone(s, e, "UTC", actor=ACTOR)
        assert err.value.message_id == "words.bad_timezone"
        events.set_timezone(s, e, "WITA", actor=ACTOR)
    with db.read() as s:
        e = events.get_event(s, event)
        assert e.settings["timezone"] == "WITA"
        entry = s.query(AuditEntry).filter(AuditEntry.action == "event.timezone_set").one()
        assert entry.after == {"timezone": "WITA"} and entry.before == {"timezone": "WIB"}


def test_create_event_with_a_timezone(db):
    from oaoi_desktop.rubrics import load_rubric
    from support.builders import RUBRICS, ensure_secretariat

    ensure_secretariat(db)
    with db.write() as s:
        e = events.create_event(s, name="Lomba Inovasi Makassar", rubric=load_rubric(RUBRICS / "kipp-proposal.toml"),
                                actor=ACTOR, timezone="wita")
        assert formats.zone_of(e) == "WITA"
        with pytest.raises(ValidationError):
            events.create_event(s, name="X", rubric=load_rubric(RUBRICS / "kipp-proposal.toml"), actor=ACTOR,
                                timezone="GMT+8")


# -- numbering -----------------------------------------------------------------------------------------
def test_minutes_exported_again_keep_their_number_with_a_revision(db, event, tmp_path):
    first, paths1 = export(db, event, "minutes", tmp_path / "1")
    second, paths2 = export(db, event, "minutes", tmp_path / "2")
    third, _ = export(db, event, "minutes", tmp_path / "3", day=dt.date(2026, 11, 29))
    n = first[0].number
    assert re.fullmatch(r"\d{3}/BA/KKM/2026", n)
    assert second[0].number == f"{n}-R1"
    assert third[0].number == f"{n}-R2"
    with db.read() as s:
        rows = s.query(IssuedDocument).filter(IssuedDocument.kind == "minutes").all()
        assert sorted(r.number for r in rows) == [n, f"{n}-R1", f"{n}-R2"]
        assert {r.sequence for r in rows} == {int(n[:3])}
        assert documents.recompute_fingerprint(s, event, f"{n}-R1") == second[0].fingerprint
    # the full number on one line, right under the title
    lines = [ln.strip() for ln in lines_of(paths2[0])]
    i = lines.index("BERITA ACARA HASIL PENILAIAN")
    assert f"Nomor: {n}-R1" in lines[i:i + 4]
    # another document kind keeps its own sequence
    ranking, _ = export(db, event, "ranking", tmp_path / "r")
    assert all(d.number.split("/")[1] == "RP" and not d.number.endswith("-R1") for d in ranking)


def test_unchanged_sheet_keeps_its_number_changed_one_gets_a_revision(db, event, tmp_path):
    before, _ = export(db, event, "sheet", tmp_path / "1")
    again, _ = export(db, event, "sheet", tmp_path / "2")
    assert [d.number for d in again] == [d.number for d in before]  # same data: same number, no revision
    score(db, event, "Budi Santoso", "P-001", {c: 6 for c in KIPP_CRITERIA})
    third, _ = export(db, event, "sheet", tmp_path / "3")
    changed = [(a, b) for a, b in zip(before, third) if a.number != b.number]
    assert len(changed) == 1
    old, new = changed[0]
    assert "Budi" in new.subtitle and new.number == f"{old.number}-R1"
    with db.read() as s:
        # a new document later still takes the next sequence of its kind
        top = max(r.sequence for r in s.query(IssuedDocument).filter(IssuedDocument.kind == "sheet"))
    assert top == len(before)


# -- layout --------------------------------------------------------------------------------------------
def test_lampiran_number_column_fits_the_longest_number_and_headers_keep_their_words(db, event, tmp_path):
    docs, paths = export(db, event, "minutes", tmp_path)
    text_lines = lines_of(paths[0])
    joined = "\n".join(text_lines)
    assert LONG_NUMBER in joined  # never cut nor run together with the title
    assert not re.search(r"Perin\s*\n\s*gkat", joined)
    # the Lampiran table as drawn: the number column is at least as wide as the longest number
    register_fonts()
    annex_table = next(b for b in docs[0].annex if isinstance(b, TableBlock))
    widths = column_widths(annex_table, 180 * 72 / 25.4)
    number_col = list(annex_table.header).index("Nomor")
    assert widths[number_col] >= stringWidth(LONG_NUMBER, REGULAR, annex_table.font_size) + 6
    for c, head in enumerate(annex_table.header):
        for word in head.split():
            assert widths[c] >= stringWidth(word, BOLD, annex_table.font_size) + 6, head
    assert abs(sum(widths) - 180 * 72 / 25.4) < 0.5


def test_column_widths_give_the_rest_to_wrapping_columns():
    register_fonts()
    block = TableBlock(header=("Peringkat", "Nomor", "Judul inovasi"),
                       rows=(("1", "KIPP-2026-000000001", "Judul " * 40),), widths=(0.05, 0.05, 0.9),
                       wrap=(2,))
    widths = column_widths(block, 500)
    assert widths[0] >= stringWidth("Peringkat", BOLD, 7.5) + 6
    assert widths[1] >= stringWidth("KIPP-2026-000000001", REGULAR, 7.5) + 6
    assert widths[2] == pytest.approx(500 - widths[0] - widths[1])


# -- numbers -------------------------------------------------------------------------------------------
def test_ranking_pdf_writes_decimal_commas_in_indonesian_and_points_in_english(db, event, tmp_path):
    with db.read() as s:
        ranking = rank_event(s, events.get_event(s, event), actor=ACTOR)
        values = [display(r.value) for r in ranking if r.value is not None]
    assert any(not v.endswith(".00") for v in values)  # a score with decimals to look for
    docs, paths = export(db, event, "ranking", tmp_path / "id")
    text = flat(tmp_path / "id" / docs[-1].file_name)
    for v in values:
        assert v.replace(".", ",") in text
        if not v.endswith(".00"):
            assert v not in text
    docs, paths = export(db, event, "ranking", tmp_path / "en", lang="en")
    text = flat(tmp_path / "en" / docs[-1].file_name)
    for v in values:
        assert v in text


def test_xlsx_scores_stay_numeric_with_an_indonesian_display_format(db, event, tmp_path):
    import openpyxl

    from oaoi_desktop.services import exports

    for lang, fmt in (("id", "[$-421]#,##0.00"), ("en", "#,##0.00")):
        out = tmp_path / f"hasil-{lang}.xlsx"
        with db.read() as s:
            exports.write_xlsx(s, events.get_event(s, event), out, lang=lang, actor=ACTOR)
        wb = openpyxl.load_workbook(out)
        ws = wb[wb.sheetnames[0]]
        header = [c.value for c in ws[1]]
        col = header.index("score") + 1
        cells = [ws.cell(row=r, column=col) for r in range(2, ws.max_row + 1)]
        decimals = [c for c in cells if isinstance(c.value, float)]
        assert decimals, [c.value for c in cells]
        for c in decimals:
            assert c.number_format == fmt
            # what a spreadsheet shows with that format, through the same helper the app uses
            shown = formats.decimal(c.value, lang)
            assert ("," in shown) == (lang == "id")
    # CSV stays machine-readable exactly as before: a point, no grouping
    csv_out = tmp_path / "ranking.csv"
    with db.read() as s:
        exports.export_csv(s, events.get_event(s, event), csv_out, what="ranking", actor=ACTOR)
    import csv

    rows = list(csv.DictReader(csv_out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows and all(re.fullmatch(r"\d+(\.\d+)?", r["score"]) for r in rows), rows
    assert any("." in r["score"] for r in rows)


# -- one vocabulary: the chair's integrity statement ----------------------------------------------------
def test_integrity_statement_calls_the_chair_ketua_and_a_member_anggota(db, event):
    from oaoi_desktop.services import accounts, judging

    with db.read() as s:
        e = events.get_event(s, event)
        chair = accounts.find_judge(s, e, JUDGES[0])  # the first judge added chairs the panel
        member = accounts.find_judge(s, e, JUDGES[1])
        chair_text = judging.integrity_statement(e, chair, "id").text
        member_text = judging.integrity_statement(e, member, "id").text
        assert f"{JUDGES[0]}, selaku Ketua Tim Penilai" in chair_text and "anggota" not in chair_text
        assert f"{JUDGES[1]}, selaku anggota Tim Penilai" in member_text
        assert "the Chair of the Panel" in judging.integrity_statement(e, chair, "en").text
