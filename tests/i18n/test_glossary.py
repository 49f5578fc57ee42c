"""One vocabulary (issue 14): docs/glossary.md is the single source; every Indonesian text of the
message catalogue and of the Qt translations is scanned for the glossary's banned variants."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from oaoi_desktop import i18n

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "docs" / "glossary.md"
TRANSLATIONS = ROOT / "resources" / "translations"


@dataclass(frozen=True)
class Banned:
    phrase: str
    scope: str = ""
    """A Qt context (class name) or a catalogue id prefix; empty: everywhere."""
    exact: bool = False
    """True: only a text that is exactly the phrase (a label)."""
    term: str = ""
    """The glossary's Indonesian term (for the failure message)."""


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def read_glossary(path: Path = GLOSSARY) -> tuple[list[Banned], list[str]]:
    """(banned variants, allowed phrases) of the glossary's table."""
    banned: list[Banned] = []
    allowed: list[str] = []
    header: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            continue
        cells = _cells(line)
        if header is None:
            header = [c.lower() for c in cells]
            continue
        if set(line) <= set("|-: "):
            continue
        row = dict(zip(header, cells))
        term = row.get("indonesian", "")
        for item in re.findall(r"`([^`]+)`", row.get("banned variants", "")):
            exact = item.startswith("=")
            phrase, _, scope = item.lstrip("=").partition("@")
            banned.append(Banned(phrase.strip(), scope.strip(), exact, term))
        allowed += re.findall(r"`([^`]+)`", row.get("allowed uses", ""))
    return banned, allowed


def _plain(text: str) -> str:
    """What a person reads: accelerator ampersands gone ("Mode &buta" -> "Mode buta")."""
    return re.sub(r"&(?=\w)", "", text.replace("&&", "\0")).replace("\0", "&")


def indonesian_texts() -> list[tuple[str, str, str]]:
    """(where, scope key, text): every catalogue entry's Indonesian and every *_id.ts translation."""
    out = []
    for message_id, texts in sorted(i18n.all_messages().items()):
        if texts.get("id"):
            out.append((f"catalogue {message_id}", message_id, texts["id"]))
    for ts in sorted(TRANSLATIONS.glob("*_id.ts")):
        root = ET.parse(ts).getroot()
        for context in root.iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                node = message.find("translation")
                if node is None:
                    continue
                forms = [n.text or "" for n in node.iter("numerusform")] or [node.text or ""]
                for text in forms:
                    if text:
                        out.append((f"{ts.name} {name}: {message.findtext('source', '')!r}", name, text))
    return out


def violations(texts: list[tuple[str, str, str]], banned: list[Banned], allowed: list[str]) -> list[str]:
    found = []
    for where, key, text in texts:
        plain = _plain(text)
        for phrase in allowed:
            plain = re.sub(re.escape(phrase), " ", plain, flags=re.IGNORECASE)
        for b in banned:
            if b.scope and not (key == b.scope or key.startswith(b.scope)):
                continue
            if b.exact:
                hit = plain.strip().casefold() == b.phrase.casefold()
            else:
                hit = re.search(rf"(?<!\w){re.escape(b.phrase)}(?!\w)", plain, re.IGNORECASE) is not None
            if hit:
                found.append(f"{where}: {text!r} uses {b.phrase!r} (glossary: {b.term})")
    return found


def test_the_glossary_lists_banned_variants_the_test_can_read() -> None:
    banned, allowed = read_glossary()
    phrases = {b.phrase.casefold() for b in banned}
    # the variants issue 14 named
    assert {"mode buta", "diserahkan", "utc"} <= phrases
    assert any(b.phrase == "Draf" and b.exact and b.scope == "EventsTableModel" for b in banned)
    assert "diserahkan kepada ketua" in {a.casefold() for a in allowed}


def test_no_catalogue_entry_or_translation_uses_a_banned_variant() -> None:
    banned, allowed = read_glossary()
    texts = indonesian_texts()
    assert len(texts) > 1000  # the scan sees the whole app
    assert violations(texts, banned, allowed) == []


@pytest.mark.parametrize("text, hit", [
    ("Mode &buta: %1", True),
    ("Lembar penilaian yang diserahkan", True),
    ("2 seri diserahkan kepada ketua", False),
    ("Serahkan slip kepada juri", False),
    ("Draf", True),
    ("Draf lembar", False),
    ("Dibuat 2026-11-28 10:05 UTC", True),
])
def test_the_scan_finds_what_it_should(text: str, hit: bool) -> None:
    banned, allowed = read_glossary()
    found = violations([("t", "EventsTableModel", text)], banned, allowed)
    assert bool(found) is hit, found
