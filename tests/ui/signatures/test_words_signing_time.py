"""The verification report shows each signing time as the event's local time with its zone (issue 14)."""

from __future__ import annotations

import re
from pathlib import Path

from oaoi_desktop.i18n import formats
from oaoi_desktop.services import events, signatures
from oaoi_desktop.ui.signatures.report_model import SignatureReportModel
from support.builders import ACTOR

from support import signing_keys


def test_signing_time_in_the_events_zone(keys_panel, tmp_path: Path) -> None:
    panel = keys_panel
    path = tmp_path / "a.pdf"
    signing_keys.make_pdf(path, [panel.chair], event_id=panel.event_id)
    out = signatures.sign_files(panel.db, [path], judge=panel.chair, passphrase=panel.passphrase(panel.chair),
                                actor=ACTOR)
    assert out[0].ok, out[0].message
    with panel.db.write() as s:
        events.set_timezone(s, events.get_event(s, panel.event_id), "WITA", actor=ACTOR)
    with panel.db.read() as s:
        report = signatures.verify_file(s, path)
    assert report.timezone == "WITA" and "timezone" not in report.to_json()
    model = SignatureReportModel()
    model.set_report(report)
    row = next(r for r in range(model.rowCount()) if model.item(r, 0).text().startswith("Tanda"))
    details = model.item(row, 2).text()
    [sig] = report.signatures
    expected = formats.local_time(sig.signing_time, "WITA", seconds=True)
    assert expected in details and re.search(r"\d\d:\d\d:\d\d WITA", details), details
    assert "UTC" not in details
