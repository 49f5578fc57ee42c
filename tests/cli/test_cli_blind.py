"""``oaoi blind terms`` and ``oaoi blind reports`` (issue 14: blind mode that actually blinds)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from oaoi_desktop.cli import EXIT_FAILED, EXIT_OK
from oaoi_desktop.services import blind, events
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.database import Database
from support import judging_builders as jb



@pytest.fixture
def ev(db: Database) -> str:
    eid = jb.event(db, blind=True)
    jb.judge(db, eid, "Fajar", instansi="KemenPAN-RB")
    jb.dossier(db, eid, "B-1", instansi="Pemerintah Kota Medan")
    jb.assign(db, eid, "Fajar", "B-1")
    return eid


def test_terms_are_set_from_a_file_shown_and_cleared(run, db: Database, ev: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("blind", "terms", "--event", ev)
    assert code == EXIT_OK and "belum memiliki daftar istilah" in out
    f = tmp_path / "istilah.txt"
    f.write_text("# jalan dan kampus\nJalan Perintis Kemerdekaan\n\nUniversitas Gadjah Mada  # mitra\n",
                 encoding="utf-8")
    code, out, _ = run("blind", "terms", "--event", ev, "--file", str(f))
    assert code == EXIT_OK and "2 istilah" in out
    code, out, _ = run("blind", "terms", "--event", ev, "--format", "json")
    assert [r["term"] for r in json.loads(out)] == ["Jalan Perintis Kemerdekaan", "Universitas Gadjah Mada"]
    with db.read() as s:
        assert blind.event_blind_terms(events.get_event(s, ev)) == ["Jalan Perintis Kemerdekaan",
                                                                    "Universitas Gadjah Mada"]
    code, out, _ = run("blind", "terms", "--event", ev, "--clear")
    assert code == EXIT_OK and "0 istilah" in out


def test_a_missing_or_bad_file_is_one_line_naming_it(run, ev: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("blind", "terms", "--event", ev, "--file", str(tmp_path / "tidak-ada.txt"))
    assert code == EXIT_FAILED and "tidak-ada.txt" in err and "Traceback" not in err
    bad = tmp_path / "pendek.txt"
    bad.write_text("PP\n", encoding="utf-8")
    code, _, err = run("blind", "terms", "--event", ev, "--file", str(bad))
    assert code == EXIT_FAILED and "'PP'" in err and len(err.strip().splitlines()) == 1


def test_reports_list_what_judges_reported(run, db: Database, ev: str) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("blind", "reports", "--event", ev)
    assert code == EXIT_OK and "Belum ada laporan" in out
    with db.write() as s:
        event, j = jb.who(s, ev, "Fajar")
        blind.report_leak(s, event, j, "B-1", "kantor di Jalan Perintis Kemerdekaan", where="Ringkasan",
                          actor=Actor(j.name, j.id))
    code, out, _ = run("blind", "reports", "--event", ev)
    assert code == EXIT_OK
    assert "B-1" in out and "Fajar" in out and '"kantor di Jalan Perintis Kemerdekaan" (Ringkasan)' in out
    assert "WIB" in out
    code, out, _ = run("blind", "reports", "--event", ev, "--format", "csv")
    assert out.splitlines()[0].lstrip("\ufeff") == "at,dossier,judge,text,where"
