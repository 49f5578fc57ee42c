"""A whole day of the secretariat through ``oaoi``, across every area: set-up, import, assignment,
paper scores, the event CA and the judges' certificates, the Berita Acara signed by the panel,
verification, finalising, the audit replay, backup and restore.  Each step's output is what the
next one uses, so a seam between areas that does not fit fails here."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

import pytest

from oaoi_desktop.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
CRITERIA = ["latar_belakang", "kebaruan", "implementasi", "signifikansi", "adaptabilitas", "sumber_daya",
            "keberlanjutan"]
JUDGES = {"Ani": "chair", "Budi": "member", "Citra": "member"}


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


def _secret(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


@pytest.mark.sqlite_only
def test_a_whole_day_through_the_command_line(oaoi, tmp_path: Path) -> None:
    code, out, err = oaoi("event", "create", "--name", "KIPP Sehari 2026", "--rubric", "kipp-proposal",
                          "--organiser", "Pemerintah Kota Medan", "--venue", "Hotel Santika Medan")
    assert code == 0, err
    event = out.strip()
    for name, role in JUDGES.items():
        assert oaoi("judge", "add", "--event", event, "--name", name, "--instansi", "Universitas X",
                    "--role", role)[0] == 0
    code, _, err = oaoi("import", str(SAMPLES), "--event", event, "--quiet")
    assert code == 0, err
    code, _, err = oaoi("assign", "--event", event, "--per-dossier", "3", "--seed", "1")
    assert code == 0, err

    # paper scores for every judge and dossier
    rnd = random.Random(5)
    sheet = tmp_path / "nilai.csv"
    with sheet.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["judge", "dossier", "criterion", "score", "comment"])
        for judge in JUDGES:
            for number in [f"KIPP-2026-{i:03d}" for i in range(1, 13)]:
                for c in CRITERIA:
                    w.writerow([judge, number, c, rnd.randint(6, 10), "Bukti dukung lengkap"])
    code, _, err = oaoi("scores", "import", str(sheet), "--event", event)
    assert code == 0, err
    code, out, _ = oaoi("rank", "--event", event, "--format", "json")
    ranked = json.loads(out)
    assert len(ranked) == 12 and all(r["judges"] == 3 for r in ranked)

    # the event's certificate authority and each judge's certificate
    ca_pass = "sandi-sekretariat-2026"
    code, _, err = oaoi("ca", "create", "--event", event, passphrase=ca_pass)
    assert code == 0, err
    ca_file = _secret(tmp_path, "ca.pass", ca_pass)
    for name in JUDGES:
        code, _, err = oaoi("cert", "issue", "--event", event, "--judge", name, "--ca-passphrase-file", ca_file,
                            "--passphrase-file", _secret(tmp_path, f"{name}.pass", f"sandi-{name}-2026"))
        assert code == 0, err

    # the Berita Acara, signed by the members and then the chair
    out_dir = tmp_path / "hasil"
    code, _, err = oaoi("export", "minutes", "--event", event, "--out", str(out_dir))
    assert code == 0, err
    (minutes,) = sorted(out_dir.glob("*.pdf"))
    assert not list(out_dir.glob("*.tmp*"))
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
