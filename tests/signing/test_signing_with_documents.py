"""End to end with the real documents (services.documents): the panel signs a result sheet and the
Berita Acara in their own fields; a score changed afterwards is caught by the fingerprint check."""

from __future__ import annotations

import shutil
import subprocess

from sqlalchemy import select

from oaoi_desktop.services import documents, signatures
from oaoi_desktop.store.models import Score
from support.signing_keys import PASSES, make_panel
from support.builders import ACTOR, KIPP_CRITERIA, add_dossier, score, uniform



def test_panel_signs_real_documents_then_a_score_change_is_caught(db, tmp_path) -> None:
    panel = make_panel(db)
    d = add_dossier(db, panel.event_id, "P-001")
    for name, v in [("Budi Santoso", 8), ("Siti Aminah", 9), ("Ketua Tim", 7)]:
        score(db, panel.event_id, name, d, uniform(KIPP_CRITERIA, v))
    docs = documents.prepare(db, panel.event_id, ["result", "minutes"], documents.ExportOptions(), actor=ACTOR)
    paths = documents.write_documents(docs, tmp_path / "out")
    assert len(paths) == 2
    for path in paths:
        slots = documents.signature_slots(path)
        assert {str(s.user_id) for s in slots} == set(panel.names)
        for slot in slots:  # in the documents' order: judges, then the chair
            (out,) = signatures.sign_files(db, [path], judge=str(slot.user_id),
                                           passphrase=PASSES[panel.names[str(slot.user_id)]], actor=ACTOR)
            assert out.ok, out.message
        with db.read() as s:
            report = signatures.verify_file(s, path)
        assert report.ok, report.to_json()
        assert report.fingerprint.status == "ok"
        assert len(report.signatures) == 3 and report.empty_fields == ()
        if shutil.which("pdfsig"):
            r = subprocess.run(["pdfsig", "-nocert", str(path)], capture_output=True, text=True, timeout=60)
            assert r.stdout.count("Signature is Valid.") == 3
            assert r.stdout.rstrip().count("Total document signed") == 1
    with db.write() as s:
        s.scalars(select(Score)).first().value_milli = 2000
    with db.read() as s:
        reports = [signatures.verify_file(s, p) for p in paths]
    for report in reports:
        assert report.fingerprint.status == "fail", report.path
        assert all(sig.ok for sig in report.signatures)
        assert not report.ok
