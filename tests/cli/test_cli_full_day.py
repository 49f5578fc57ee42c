"""A whole day of the secretariat through ``oaoi``, across every area: set-up, import, a calibration
round (issue 17) and a shadow (trainee) judge who never counts, assignment, paper scores, the event CA and the judges' certificates, the Berita Acara signed by the panel,
verification, finalising, the audit replay, backup and restore.  Each step's output is what the
next one uses, so a seam between areas that does not fit fails here."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

import pytest

from oaoi_desktop.cli import main
from support.cli_signin import secret_file

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
CRITERIA = ["latar_belakang", "kebaruan", "implementasi", "signifikansi", "adaptabilitas", "sumber_daya",
            "keberlanjutan"]
JUDGES = {"Ani": "chair", "Budi": "member", "Citra": "member"}
SHADOW = "Dewi"
CALIBRATION = {"Ani": 8, "Budi": 6, "Citra": 7, "Dewi": 9}


@pytest.fixture
def oaoi(db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, secretariat):
    """``oaoi`` as the secretariat runs it: its account made with ``oaoi user add`` on the empty
    database, then every command signed in with OAOI_OPERATOR / OAOI_PIN."""
    def _run(*args: str, db: str | None = None, passphrase: str | None = None) -> tuple[int, str, str]:
        if passphrase is None:
            monkeypatch.delenv("OAOI_PASSPHRASE", raising=False)
        else:
            monkeypatch.setenv("OAOI_PASSPHRASE", passphrase)
        code = main([*args, "--db", db or db_url, "--lang", "en"])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    return _run


@pytest.mark.sqlite_only
def test_a_whole_day_through_the_command_line(oaoi, tmp_path: Path) -> None:
    code, out, err = oaoi("event", "create", "--name", "KIPP Sehari 2026", "--rubric", "kipp-proposal",
                          "--organiser", "Pemerintah Kota Medan", "--venue", "Hotel Santika Medan")
    assert code == 0, err
    event = out.strip()
    for name, role in JUDGES.items():
        assert oaoi("judge", "add", "--event", event, "--name", name, "--instansi", "Universitas X",
                    "--role", role)[0] == 0
    # a shadow (trainee) judge, through the ``user add`` door
    code, _, err = oaoi("user", "add", "--role", "shadow", "--event", event, "--name", SHADOW,
                        "--instansi", "Universitas Y")
    assert code == 0, err
    code, _, err = oaoi("import", str(SAMPLES), "--event", event, "--quiet")
    assert code == 0, err
    # two calibration proposals, flagged at import by the list's ``kalibrasi`` column
    calib_list = tmp_path / "kalibrasi" / "dossiers.csv"
    calib_list.parent.mkdir()
    calib_list.write_text(
        "id;title;instansi;klaster;kelompok;ringkasan;kalibrasi\n"
        "KAL-1;Contoh kalibrasi satu;Pemerintah Kota Binjai;kota;umum;Ringkasan;ya\n"
        "KAL-2;Contoh kalibrasi dua;Pemerintah Kota Binjai;kota;umum;Ringkasan;ya\n", encoding="utf-8")
    code, _, err = oaoi("import", str(calib_list.parent), "--event", event, "--quiet")
    assert code == 0, err

    # the calibration round, before real scoring: every judge (the shadow too) scores KAL-1 and KAL-2
    code, out, err = oaoi("calibration", "start", "--event", event, "--format", "json")
    assert code == 0, err
    started = json.loads(out)
    assert started["dossiers"] == ["KAL-1", "KAL-2"] and started["judges"] == 4 and started["added"] == 8
    calib_sheet = tmp_path / "kalibrasi.csv"
    with calib_sheet.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["judge", "dossier", "criterion", "score", "comment"])
        for judge, value in CALIBRATION.items():
            for number in ("KAL-1", "KAL-2"):
                for c in CRITERIA:
                    w.writerow([judge, number, c, value, "Kalibrasi"])
    code, _, err = oaoi("scores", "import", str(calib_sheet), "--event", event)
    assert code == 0, err
    code, out, err = oaoi("calibration", "report", "--event", event, "--format", "json",
                          "--pdf", str(tmp_path / "kalibrasi.pdf"))
    assert code == 0, err
    report = json.loads(out)
    first = report["dossiers"][0]["criteria"][0]
    assert first["median"] == "7"  # the panel's 8, 6, 7; the trainee's 9 is shown beside it
    assert {s["judge"]: s["deviation"] for s in first["scores"]} == {"Ani": "1", "Budi": "-1", "Citra": "0",
                                                                      "Dewi": "2"}
    assert first["levels"] and first["levels"][0]["descriptor"]
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(str(tmp_path / "kalibrasi.pdf")).pages)
    assert "CALIBRATION ROUND REPORT" in text.upper() and "KAL-1" in text and "Dewi" in text
    code, _, err = oaoi("calibration", "reset", "--event", event, "--dossier", "KAL-1", "--judge", SHADOW,
                        "--reason", "Dibahas: baca ulang deskriptor Sangat Baik")
    assert code == 0, err
    code, out, err = oaoi("calibration", "close", "--event", event, "--format", "json")
    assert code == 0, err
    assert json.loads(out)["sheets_submitted"] == 7  # the trainee's KAL-1 went back to draft

    code, _, err = oaoi("assign", "--event", event, "--per-dossier", "3", "--seed", "1")
    assert code == 0, err
    code, out, err = oaoi("shadow", "assign", "--event", event, "--judge", SHADOW, "--follow", "Budi",
                          "--format", "json")
    assert code == 0, err
    assert len(json.loads(out)["added"]) == 12

    # paper scores for every judge and dossier
    rnd = random.Random(5)
    sheet = tmp_path / "nilai.csv"
    with sheet.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["judge", "dossier", "criterion", "score", "comment"])
        for judge in [*JUDGES, SHADOW]:  # the trainee scores too, wildly: it must change nothing
            for number in [f"KIPP-2026-{i:03d}" for i in range(1, 13)]:
                for c in CRITERIA:
                    value = rnd.randint(6, 10) if judge != SHADOW else 16 - rnd.randint(6, 10)
                    w.writerow([judge, number, c, value, "Bukti dukung lengkap"])
    code, _, err = oaoi("scores", "import", str(sheet), "--event", event)
    assert code == 0, err
    code, out, _ = oaoi("rank", "--event", event, "--format", "json")
    ranked = json.loads(out)
    assert len(ranked) == 12 and all(r["judges"] == 3 for r in ranked)  # no calibration, no shadow
    code, out, err = oaoi("shadow", "report", "--event", event, "--format", "json",
                          "--pdf", str(tmp_path / "magang.pdf"))
    assert code == 0, err
    (trainee,) = json.loads(out)["shadow_judges"]
    assert trainee["judge"] == SHADOW and trainee["compared"] == 12
    assert float(trainee["mean_absolute_deviation"]) > 0 and trainee["spearman"] is not None
    text = "".join(p.extract_text() for p in PdfReader(str(tmp_path / "magang.pdf")).pages)
    assert "TRAINEE JUDGE REPORT" in text.upper() and SHADOW in text

    # the event's certificate authority and each judge's certificate
    ca_pass = "sandi-sekretariat-2026"
    code, _, err = oaoi("ca", "create", "--event", event, passphrase=ca_pass)
    assert code == 0, err
    ca_file = secret_file(tmp_path, "ca.pass", ca_pass)
    for name in JUDGES:
        code, _, err = oaoi("cert", "issue", "--event", event, "--judge", name, "--ca-passphrase-file", ca_file,
                            "--passphrase-file", secret_file(tmp_path, f"{name}.pass", f"sandi-{name}-2026"))
        assert code == 0, err

    # the Berita Acara, signed by the members and then the chair
    out_dir = tmp_path / "hasil"
    code, _, err = oaoi("export", "minutes", "--event", event, "--out", str(out_dir))
    assert code == 0, err
    (minutes,) = sorted(out_dir.glob("*.pdf"))
    assert not list(out_dir.glob("*.tmp*"))
    minutes_text = "".join(p.extract_text() for p in PdfReader(str(minutes)).pages)
    assert "Calibration was held on" in minutes_text and "2 calibration proposals" in minutes_text
    assert SHADOW not in minutes_text and "KAL-1" not in minutes_text  # the trainee and calibration stay out
    for name in ("Budi", "Citra"):
        code, _, err = oaoi("sign", str(minutes), "--judge", name, "--passphrase-file", str(tmp_path / f"{name}.pass"))
        assert code == 0, err
    # the chair has not signed yet: not finalised
    code, _, err = oaoi("event", "finalise", "--event", event, "--signed-pdf", str(minutes))
    assert code == 1 and "empty" in err
    code, _, err = oaoi("sign", str(minutes), "--judge", "Ani", "--passphrase-file", str(tmp_path / "Ani.pass"))
    assert code == 0, err
    code, out, err = oaoi("verify", str(minutes), "--format", "json")
    assert code == 0, out + err
    code, out, err = oaoi("event", "finalise", "--event", event, "--signed-pdf", str(minutes))
    assert code == 0, err

    # nothing changes results any more; the audit log replays to the stored scores
    code, _, err = oaoi("assign", "--event", event, "--per-dossier", "3")
    assert code == 1 and "finalised" in err
    code, out, err = oaoi("audit", "verify", "--event", event)
    assert code == 0, out + err

    # backup, restore into another database: the same chain, the same verdict on the signed PDF
    archive = tmp_path / "cadangan.zip"
    assert oaoi("backup", "--out", str(archive))[0] == 0
    other = "sqlite:///" + str(tmp_path / "pulih.sqlite")
    code, _, err = oaoi("restore", str(archive), db=other)
    assert code == 0, err
    code, out, err = oaoi("audit", "verify", "--event", event, db=other)
    assert code == 0, out + err
    code, out, err = oaoi("verify", str(minutes), db=other)
    assert code == 0, out + err
    code, out, _ = oaoi("rank", "--event", event, "--format", "json", db=other)
    assert json.loads(out) == ranked

    # months later: the proposal data is purged on the secretariat's reasoned decision (issue 17); the
    # Berita Acara Pemusnahan Data is signed by the chair, the chain and the signed results still verify
    code, out, err = oaoi("event", "purge", "--event", event, "--reason", "Keputusan rapat sekretariat: data OPD "
                          "tidak diperlukan lagi", "--out", str(tmp_path / "pemusnahan"), "--sign-as", "Ani",
                          "--passphrase-file", str(tmp_path / "Ani.pass"), "--format", "json")
    assert code == 0, err
    purged = json.loads(out)
    assert purged["done"] and purged["signed_by"] == "Ani" and purged["counts"]["dossiers"] == 14
    assert purged["counts"]["attachments"] > 0 and purged["counts"]["audit_marked"] > 0
    assert any(Path(b["path"]).name == "cadangan.zip" for b in purged["backups"])  # made before: destroy it too
    code, out, err = oaoi("verify", purged["pdf"], "--format", "json")
    assert code == 0, out + err  # signed by the chair, registered, its fingerprint recomputed from the chain
    code, out, err = oaoi("audit", "verify", "--event", event)
    assert code == 0, out + err
    assert "purged payloads (marked)" in out
    code, out, err = oaoi("verify", str(minutes))
    assert code == 0, out + err
    code, out, _ = oaoi("rank", "--event", event, "--format", "json")
    assert json.loads(out) == ranked
