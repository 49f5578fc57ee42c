"""Screenshots of the USB exchange dialogs (panel package import, bundle import, sheet conflict).

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshot_exchange.py [OUT-DIR]

OUT-DIR defaults to docs/screenshots.
"""
import os, sys, tempfile
from pathlib import Path
ROOT = Path(__file__).resolve().parents[1]
WORK = Path(tempfile.mkdtemp(prefix="oaoi-exchange-shots-"))
os.environ["OAOI_HOME"] = str(WORK / "home")
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests/services/exchange")]

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication([])
from oaoi_desktop.ui import language
language.install_language("id")
from exchange_world import make_world, passphrase, SCORES
from support.builders import ACTOR
from oaoi_desktop.ui.exchange.conflicts import ConflictResolutionDialog
from oaoi_desktop.ui.exchange.bundles import BundleImportDialog
from oaoi_desktop.ui.exchange.packages import PackageImportDialog
from oaoi_desktop.store.database import Database
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
OUT.mkdir(parents=True, exist_ok=True)
w = make_world(WORK / "panel")
package = w.export_package("Ani")
one = w.set_up_laptop("Ani", "one", package)
two = w.set_up_laptop("Ani", "two", package)
vals1 = dict(SCORES["Ani"]["KIPP-001"])
vals2 = dict(vals1); vals2["signifikansi"] = 5; vals2["kebaruan"] = 9
from oaoi_desktop.services import events, accounts, judging
def as_laptop(name):
    os.environ["OAOI_HOME"] = str(WORK / f"home-{name}")
as_laptop("one")
w.score_on(one, "Ani", "KIPP-001", vals1)
b1 = w.bundle_from(one, "Ani", WORK / "one")
as_laptop("two")
w.score_on(two, "Ani", "KIPP-001", vals2, submit=False)
with two.write() as s:
    ev = events.get_event(s, w.event_id); j = accounts.find_judge(s, ev, "Ani")
    judging.record_comment(s, ev, j, "KIPP-001", "kebaruan", "Pemesanan lewat WhatsApp belum ada di daerah lain")
with two.write() as s:
    ev = events.get_event(s, w.event_id); j = accounts.find_judge(s, ev, "Ani")
    judging.record_comment(s, ev, j, "KIPP-001", "signifikansi", "Data dampak hanya satu tahun")
with two.write() as s:
    ev = events.get_event(s, w.event_id); j = accounts.find_judge(s, ev, "Ani")
    judging.submit_sheet(s, ev, j, "KIPP-001")
w.score_on(two, "Ani", "KIPP-002", SCORES["Ani"]["KIPP-002"])
b2 = w.bundle_from(two, "Ani", WORK / "two")
as_laptop("sec")
bad = WORK / "usb" / "oaoi-bundle-budi-terpotong.oaoi-bundle"
bad.parent.mkdir(parents=True, exist_ok=True)
bad.write_bytes(b1.read_bytes()[:900])
w.merge(b1)

def shot(widget, name, size=None):
    if size: widget.resize(*size)
    widget.show(); QTest.qWait(600)
    widget.grab().save(str(OUT / name))
    print("saved", name)

d = BundleImportDialog(w.sec, actor=ACTOR, event_id=w.event_id)
d.add_paths([b2, bad])
d.start_merge()
while d.is_running(): QTest.qWait(100)
QTest.qWait(300)
shot(d, "exchange-bundle-import.png", (1100, 560))
d.close()
c = ConflictResolutionDialog(w.sec, w.event_id, actor=ACTOR)
c.keep_b.setChecked(True)
c.reason.setPlainText("Juri memastikan laptop kedua berisi nilai akhirnya")
shot(c, "exchange-conflict.png", (1150, 640))
language.install_language("en"); QTest.qWait(200)
shot(c, "exchange-conflict-en.png", (1150, 640))
language.install_language("id"); c.close()
laptop = Database.open("sqlite:///" + str(WORK / "fresh-laptop.sqlite"))
p = PackageImportDialog(laptop, w.export_package("Budi", WORK / "usb" / "paket-budi"))
p.passphrase.setText(passphrase("Budi"))
p.start_import()
while p.is_running(): QTest.qWait(100)
QTest.qWait(300)
shot(p, "exchange-package-import.png", (640, 300))
