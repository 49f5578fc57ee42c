"""Every message the signature code raises or prints exists in both languages with the same placeholders."""

from __future__ import annotations

import re
from pathlib import Path

from oaoi_desktop.i18n import all_messages, catalogue_signing

ROOT = Path(__file__).resolve().parents[2] / "oaoi_desktop"
SOURCES = [ROOT / "signing" / "pki.py", ROOT / "signing" / "cms.py", ROOT / "signing" / "pades.py",
           ROOT / "services" / "keys.py", ROOT / "services" / "signatures.py", ROOT / "cli" / "signing.py"]


def test_signing_catalogue_complete() -> None:
    merged = all_messages()
    for key, texts in catalogue_signing.MESSAGES.items():
        assert merged[key] is texts and set(texts) == {"id", "en"}, key
        assert set(re.findall(r"{(\w+)}", texts["id"])) == set(re.findall(r"{(\w+)}", texts["en"])), key
    used: set[str] = set()
    for path in SOURCES:
        used |= set(re.findall(r"[\"']((?:signing|signatures)\.[a-z_.]+)[\"']", path.read_text("utf-8")))
    used = {u for u in used if not u.endswith(".")}
    assert used and not (used - set(merged)), sorted(used - set(merged))
