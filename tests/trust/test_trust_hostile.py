"""Hostile-input campaign: every parser of outside files, fed generated input.

Each input must end in success or a clear :class:`OaoiError` (or, for the
dossier intake, findings that render in both languages) — never another
exception, never a hang (a watchdog fails an input that runs past
``HANG_SECONDS``), and never a change to the store when it is refused.

Parsers: dossier JSON (``intake.document``), ZIP packages (``oaoi import`` of
a .zip), dossier lists (``dossiers.csv``/``.xlsx`` via ``intake.sources.scan``),
judge rosters (CSV/XLSX, ``accounts.read_roster``), rubric TOML
(``parse_rubric``), paper-score files (``paper.import_paper_scores``), judge
bundles (``exchange.bundles.verify_bundle``) and PDFs handed to verify
(``signatures.verify_bytes``).

Each Hypothesis example draws a base input and a seed; a fast mutator
derives ``VARIANTS`` inputs from it (the base itself, then byte flips,
insertions of tokens that parsers trip on, deletions, duplications, cuts;
for spreadsheets, cells replaced) — every one of them goes through the
parser.  The CI profile tries a bounded number per parser;
``HYPOTHESIS_PROFILE=full`` tries 10,000 per parser (1,000 examples × 10
variants).  Every input tried is counted (trust_campaign.py).
"""

from __future__ import annotations

import base64
import contextlib
import csv
import functools
import io
import json
import random
import signal
import sqlite3
import warnings
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import trust_campaign  # type: ignore[import-not-found]
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oaoi_desktop.domain import canonical
from oaoi_desktop.errors import OaoiError
from oaoi_desktop.services import backups
from oaoi_desktop.store.database import Database
from tests.support.builders import ACTOR, KIPP_CRITERIA, RUBRICS, add_dossier, add_judges, make_event, score, uniform
from tests.support.packages import pdf_bytes, store_state, valid_document

HANG_SECONDS = 30
FULL_INPUTS = 10_000
VARIANTS = 10 if trust_campaign.full_campaign() else 2
FULL_EXAMPLES = FULL_INPUTS // VARIANTS


def campaign(**kw: Any) -> settings:
    """The loaded profile (bounded in CI); 10,000 inputs per parser in the full campaign."""
    checks = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large,
              HealthCheck.filter_too_much, HealthCheck.large_base_example]
    if trust_campaign.full_campaign():
        return settings(max_examples=FULL_EXAMPLES, deadline=None, suppress_health_check=checks, database=None, **kw)
    return settings(deadline=None, suppress_health_check=checks, **kw)


class Hang(Exception):
    """A parser ran past HANG_SECONDS."""


@contextlib.contextmanager
def watchdog(seconds: float = HANG_SECONDS) -> Iterator[None]:
    def fire(_signum: int, _frame: object) -> None:
        raise Hang(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def clear(error: OaoiError, name: str = "") -> None:
    """A clear message: rendered in both languages, not just its id."""
    for lang in ("id", "en"):
        text = error.render(lang)
        assert text and not text.startswith(error.message_id.split(".")[0] + "."), (error.message_id, text)


def attempt(parser: str, work: Callable[[], Any]) -> Any:
    """Run one input: success or a clear OaoiError; anything else fails the example."""
    trust_campaign.record("inputs", parser)
    with watchdog(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return work()
        except OaoiError as exc:
            clear(exc)
            return exc


def fingerprint(db: Database) -> tuple[Any, ...]:
    return store_state(db), backups.change_marker(db)


TOKENS = [b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"{", b"}", b"[", b"]", b'"', b"\\", b"\n", b"\r\n", b",",
          b";", b"=", b"'", b"[[", b"]]", b'"""', b"1e309", b"-0", b"NaN", b"null", b"true", b"9" * 40,
          b"\\u0000", b"\\ud800", b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06", b"%PDF-1.7", b"%%EOF",
          b"/ByteRange [0 1 2 3]", b"obj", b"endobj", b"stream", b"xref", b"trailer", b"../", b"C:\\",
          "é€😀".encode(), b"=HYPERLINK(\"x\")",
          # identity text (issue 13): invisible, bidi and look-alike characters, deep nesting
          "\u200b".encode(), "\u202e".encode(), "\u00ad".encode(), "\u2066".encode(), "\u0435".encode(),
          "\u041c".encode(), "\ufe0f".encode(), b"\\u202e", b"\\udc80", b"[" * 2000, b"{a=" * 500]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One to four random edits of ``data`` (a small, fast mutation fuzzer)."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(7)
        at = rng.randint(0, len(out))
        if op == 0 and out:
            i = rng.randrange(len(out))
            out[i] ^= 1 << rng.randrange(8)
        elif op == 1 and out:
            i = rng.randrange(len(out))
            out[i] = rng.randrange(256)
        elif op == 2:
            out[at:at] = rng.choice(TOKENS)
        elif op == 3 and out:
            del out[at:at + rng.randint(1, 64)]
        elif op == 4 and out:
            chunk = out[at:at + rng.randint(1, 64)]
            out[at:at] = chunk * rng.randint(1, 8)
        elif op == 5:
            del out[at:]
        else:
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
    return bytes(out)


def variants(base: bytes, seed: int) -> list[bytes]:
    """The base input and ``VARIANTS - 1`` mutants of it."""
    rng = random.Random(seed)
    return [base] + [mutate(base, rng) for _ in range(VARIANTS - 1)]


seeds = st.integers(min_value=0, max_value=2**32 - 1)


# -- strategies ------------------------------------------------------------------------
scalars = (st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
           | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=40))
json_values = st.recursive(scalars, lambda c: st.lists(c, max_size=5) | st.dictionaries(st.text(max_size=12), c,
                                                                                         max_size=4), max_leaves=10)
weird_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60) | st.sampled_from([
    "=cmd|' /C calc'!A0", "+1+1", "@SUM(1)", "-2", "\x00", "\ufeff", "../../etc/passwd", "C:\\Windows", "1e309",
    "NaN", "10,5", " 7 ", "٣", "１０", "9.9999999999", "", "\n\r", "a" * 3000,
    "KIPP-2026-001\u200b", "Pemerintah Kota \u041c\u0435dan", "Me\u00addan", "\u202eAni", "\u2067x\u2069",
    "Ani\x07", "P\ufe0f-1",
])


@st.composite
def mutated_document(draw: st.DrawFn) -> bytes:
    doc: dict[str, Any] = valid_document("KIPP-777")
    keys = list(doc)
    for key in draw(st.lists(st.sampled_from(keys), max_size=4)):
        if draw(st.booleans()):
            doc[key] = draw(json_values)
        else:
            doc.pop(key, None)
    for _ in range(draw(st.integers(0, 2))):
        doc[draw(st.text(max_size=10))] = draw(json_values)
    raw = json.dumps(doc, ensure_ascii=draw(st.booleans())).encode()
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(raw)))
        raw = raw[:cut] + draw(st.binary(max_size=8)) + raw[cut:]
    return raw


dossier_json = st.binary(max_size=300) | json_values.map(lambda v: json.dumps(v).encode()) | mutated_document()

member_names = st.sampled_from([
    "dossier.json", "lampiran/proposal.pdf", "../evil.json", "/abs/dossier.json", "C:/x/dossier.json", "a\\b.pdf",
    "a/../../b.json", "dir/", "__MACOSX/._x", "x" * 300, "dossier.json/", "lampiran/", "usulan/dossier.json",
]) | st.text(min_size=1, max_size=30).map(lambda n: n.replace("\x00", "_"))  # zipfile cuts names at NUL


@st.composite
def zip_packages(draw: st.DrawFn) -> bytes:
    buf = io.BytesIO()
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=500))
    with warnings.catch_warnings(), zipfile.ZipFile(
            buf, "w", compression=draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))) as zf:
        warnings.simplefilter("ignore")  # duplicate names are what we want to try
        if draw(st.booleans()):
            zf.writestr("dossier.json", draw(mutated_document()))
        for name, data in draw(st.lists(st.tuples(member_names, st.binary(max_size=400) | st.just(pdf_bytes())),
                                        max_size=5)):
            zf.writestr(name, data)
    raw = buf.getvalue()
    if draw(st.integers(0, 4)) == 0:  # damage the archive itself
        at = draw(st.integers(0, max(0, len(raw) - 1)))
        raw = raw[:at] + draw(st.binary(min_size=1, max_size=6)) + raw[at + 6:]
    return raw


LIST_COLUMNS = ["id", "title", "instansi", "unit_kerja", "klaster", "kelompok", "kategori", "started_on",
                "is_digital", "sdgs", "ringkasan", "name", "nip", "role", "penilai", "x", ""]
cell = weird_text | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.none() | st.booleans()
tables = st.tuples(st.lists(st.sampled_from(LIST_COLUMNS) | st.text(max_size=10), min_size=0, max_size=8),
                   st.lists(st.lists(cell, max_size=9), max_size=8))


def write_table(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    if path.suffix == ".csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(header)
        for r in rows:
            w.writerow(["" if v is None else v for v in r])
        path.write_text(buf.getvalue(), encoding="utf-8", errors="surrogatepass")
        return
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    def ok(v: Any) -> Any:  # what a spreadsheet can hold at all
        if isinstance(v, str):
            v = ILLEGAL_CHARACTERS_RE.sub("", v)[:32000]
            v = v.encode("utf-8", "ignore").decode("utf-8")
        return v

    wb = Workbook()
    ws = wb.active
    ws.append([ok(h) for h in header])
    for r in rows:
        ws.append([ok(v) for v in r])
    wb.save(path)


# -- fixtures --------------------------------------------------------------------------
@pytest.fixture
def event(db: Database) -> str:
    event_id = make_event(db)
    add_judges(db, event_id, ["Ani", "Budi"])
    add_dossier(db, event_id, "P-001")
    score(db, event_id, "Ani", "P-001", uniform(KIPP_CRITERIA, 8))
    return event_id


# -- the parsers ----------------------------------------------------------------------
def _rendered(findings: Any) -> None:
    for f in findings:
        assert f.render("id") and f.render("en")


@campaign()
@given(base=dossier_json, seed=seeds)
def test_trust_hostile_dossier_json(base: bytes, seed: int) -> None:
    from oaoi_desktop.intake import document

    def run(raw: bytes) -> None:
        value, findings = document.parse(raw, "dossier.json")
        if value is not None:
            _doc, findings = document.validate(value, "dossier.json")
        _rendered(findings)

    for raw in variants(base, seed):
        attempt("dossier JSON", lambda: run(raw))


@campaign()
@given(base=zip_packages(), seed=seeds)
def test_trust_hostile_zip_structure(base: bytes, seed: int, tmp_path_factory: pytest.TempPathFactory) -> None:
    from oaoi_desktop.intake.sources import scan

    folder = tmp_path_factory.mktemp("zip")
    path = folder / "usulan.zip"

    def run() -> None:
        for cand in scan([path]):
            _rendered(cand.findings)

    for raw in variants(base, seed):
        path.write_bytes(raw)
        attempt("ZIP structure", run)


IMPORT_EXAMPLES = 500
"""The whole import (reading, checking, the store, the pre-import backup) is slower: 500 ZIPs in the full campaign."""


@settings(parent=campaign(), max_examples=IMPORT_EXAMPLES if trust_campaign.full_campaign() else 30)
@given(raw=zip_packages())
def test_trust_hostile_zip_import(raw: bytes, db: Database, event: str,
                                  tmp_path_factory: pytest.TempPathFactory) -> None:
    from oaoi_desktop.services import imports

    path = tmp_path_factory.mktemp("zip") / "usulan.zip"
    path.write_bytes(raw)
    before = fingerprint(db)
    report = attempt("ZIP package through oaoi import",
                     lambda: imports.import_paths(db, event, [path], actor=ACTOR, processes=False, workers=1))
    if isinstance(report, OaoiError) or all(i.outcome is imports.Outcome.REJECTED for i in report.items):
        assert fingerprint(db) == before
        for item in [] if isinstance(report, OaoiError) else report.items:
            _rendered(item.findings)


def table_variants(header: list[str], rows: list[list[Any]], seed: int) -> list[tuple[list[str], list[list[Any]]]]:
    """The table and ``VARIANTS - 1`` tables with cells replaced, added or dropped."""
    rng = random.Random(seed)
    pool = ["", "=1+1", "@x", "-1", "1e309", "10,5", "\x00", "\ufeff", "P-001", "Ani", "kebaruan", "8", None, 3.5,
            -(2**63), "a" * 1000, "2026-02-30", "ya", "tidak", "umum", "\n"]
    out = [(header, rows)]
    for _ in range(VARIANTS - 1):
        h = list(header)
        rs = [list(r) for r in rows]
        for _ in range(rng.randint(1, 4)):
            op = rng.randrange(4)
            if op == 0 and h:
                h[rng.randrange(len(h))] = rng.choice(LIST_COLUMNS + ["judge", "score", "dossier", "criterion"])
            elif op == 1 and rs:
                r = rng.choice(rs)
                if r:
                    r[rng.randrange(len(r))] = rng.choice(pool)
                else:
                    r.append(rng.choice(pool))
            elif op == 2:
                rs.append([rng.choice(pool) for _ in range(rng.randint(0, 8))])
            elif rs:
                rs.pop(rng.randrange(len(rs)))
        out.append((h, rs))
    return out


@campaign()
@given(table=tables, suffix=st.sampled_from([".csv", ".xlsx"]), seed=seeds)
def test_trust_hostile_dossier_list(table: tuple[list[str], list[list[Any]]], suffix: str, seed: int,
                                    tmp_path_factory: pytest.TempPathFactory) -> None:
    from oaoi_desktop.intake.sources import scan

    folder = tmp_path_factory.mktemp("list")
    path = folder / f"dossiers{suffix}"

    def run() -> None:
        for cand in scan([folder]):
            _rendered(cand.findings)

    for i, (header, rows) in enumerate(table_variants(*table, seed)):
        write_table(path, header, rows)
        if suffix == ".xlsx" and i == VARIANTS - 1:  # and a damaged workbook
            path.write_bytes(mutate(path.read_bytes(), random.Random(seed)))
        attempt("dossier list (CSV/XLSX)", run)


@campaign()
@given(table=tables, suffix=st.sampled_from([".csv", ".xlsx"]), seed=seeds)
def test_trust_hostile_roster(table: tuple[list[str], list[list[Any]]], suffix: str, seed: int,
                              tmp_path_factory: pytest.TempPathFactory) -> None:
    from oaoi_desktop.services import accounts

    path = tmp_path_factory.mktemp("roster") / f"juri{suffix}"
    for i, (header, rows) in enumerate(table_variants(*table, seed)):
        write_table(path, header, rows)
        if suffix == ".xlsx" and i == VARIANTS - 1:
            path.write_bytes(mutate(path.read_bytes(), random.Random(seed)))
        attempt("judge roster (CSV/XLSX)", lambda: accounts.read_roster(path))


KIPP_TOML = (RUBRICS / "kipp-proposal.toml").read_text(encoding="utf-8")
TOML_LINES = KIPP_TOML.splitlines()


@st.composite
def rubric_texts(draw: st.DrawFn) -> str:
    if draw(st.integers(0, 4)) == 0:
        return draw(st.text(max_size=400))
    if draw(st.integers(0, 19)) == 0:  # nested thousands deep (a RecursionError once)
        depth = draw(st.integers(100, 4000))
        return draw(st.sampled_from(["a = " + "[" * depth + "]" * depth, "a = " + "{x=" * depth + "1" + "}" * depth,
                                     "[" * depth]))
    lines = list(TOML_LINES)
    for _ in range(draw(st.integers(1, 5))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.integers(0, 3))
        if action == 0:
            del lines[i]
        elif action == 1:
            key = lines[i].split("=", 1)[0] if "=" in lines[i] else lines[i]
            value = draw(st.sampled_from(['0', '-5', '1e9', '"x"', '[]', '{}', 'true', '10.5', '""', '[1,2]',
                                          '"\\u0000"', '999999999999999999999']) | st.text(max_size=10).map(json.dumps))
            lines[i] = f"{key}= {value}"
        elif action == 2:
            lines.insert(i, draw(st.text(max_size=30)))
        else:
            lines[i] = lines[i] * 2
    return "\n".join(lines)


paper_header = st.lists(st.sampled_from(["judge", "dossier", "criterion", "score", "comment", "stage", "penilai",
                                         "nilai", "x", ""]), max_size=7)
paper_cell = (st.sampled_from(["Ani", "Budi", "P-001", "P-002", "kebaruan", "signifikansi", "proposal", "8", "7,5",
                               "11", "-1", "0", "abc", ""] + list(KIPP_CRITERIA)) | weird_text | st.integers()
              | st.none())


@st.composite
def bundles(draw: st.DrawFn) -> bytes:
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return draw(st.binary(max_size=400))
    payload: dict[str, Any] = {"format": "oaoi-judge-bundle", "format_version": 1}
    for key in draw(st.lists(st.sampled_from(["event", "judge", "sheets", "bundle_id", "device_id", "exported_at",
                                              "audit_head", "signer", "certificate", "conflict_declarations",
                                              "integrity"]), max_size=8)):
        payload[key] = draw(json_values)
    doc = {"format": draw(st.sampled_from(["oaoi-judge-bundle", "other"])),
           "format_version": draw(st.sampled_from([1, 1, 2, "1"])),
           "payload": payload if kind != 3 else draw(json_values),
           "signature": draw(st.sampled_from([base64.b64encode(b"x" * 64).decode(), "!!", ""]))}
    try:
        raw = canonical.dumps(doc)
    except (TypeError, ValueError):
        raw = json.dumps(doc).encode()
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(raw)))
        raw = raw[:cut] + draw(st.binary(max_size=4)) + raw[cut + 2:]
    return raw


PDF = pdf_bytes("Berita Acara", pages=2)


@st.composite
def pdfs(draw: st.DrawFn) -> bytes:
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return draw(st.binary(max_size=600))
    raw = bytearray(PDF)
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(raw) - 1))
        op = draw(st.integers(0, 2))
        if op == 0:
            raw[at] = draw(st.integers(0, 255))
        elif op == 1:
            del raw[at:at + draw(st.integers(1, 200))]
        else:
            raw[at:at] = draw(st.sampled_from([b"/ByteRange [0 1 2 3]", b"/Sig", b"<<", b">>", b"endobj", b"xref",
                                              b"9999999 0 R", b"(\\", b"/Length 99999999"]))
    if kind == 3:
        raw = raw[: draw(st.integers(0, len(raw)))]
    return bytes(raw)


@campaign()
@given(text=rubric_texts(), seed=seeds)
def test_trust_hostile_rubric_toml(text: str, seed: int) -> None:
    from oaoi_desktop.domain.rubric_loader import parse_rubric

    for raw in variants(text.encode("utf-8", "surrogatepass"), seed):
        attempt("rubric TOML", lambda: parse_rubric(raw.decode("utf-8", "replace"), "rubrik.toml"))


@campaign()
@given(header=paper_header, rows=st.lists(st.lists(paper_cell, max_size=7), max_size=10),
       suffix=st.sampled_from([".csv", ".xlsx"]), seed=seeds)
def test_trust_hostile_paper_scores(header: list[str], rows: list[list[Any]], suffix: str, seed: int, db: Database,
                                    event: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    from oaoi_desktop.services import events, paper

    path = tmp_path_factory.mktemp("paper") / f"nilai{suffix}"
    before = fingerprint(db)
    imported = 0

    def run() -> Any:
        with db.write() as s:
            return paper.import_paper_scores(s, events.get_event(s, event), path, actor=ACTOR)

    for h, rs in table_variants(header, rows, seed):
        write_table(path, h, rs)
        result = attempt("paper-score file", run)
        if not isinstance(result, OaoiError):
            imported += result.imported
    if not imported:
        assert fingerprint(db) == before


@campaign()
@given(base=bundles(), seed=seeds)
def test_trust_hostile_judge_bundle(base: bytes, seed: int, db: Database, event: str) -> None:
    from oaoi_desktop.services import events
    from oaoi_desktop.services.exchange import bundles as bundle_service

    before = fingerprint(db)
    with db.read() as s:
        ev = events.get_event(s, event)
        for raw in variants(base, seed):
            result = attempt("judge bundle", lambda: bundle_service.verify_bundle(s, ev, raw, "juri.oaoi-bundle"))
            assert isinstance(result, OaoiError), "a generated bundle cannot carry a valid signature"
    assert fingerprint(db) == before


@campaign()
@given(base=pdfs(), with_store=st.booleans(), seed=seeds)
def test_trust_hostile_pdf_verify(base: bytes, with_store: bool, seed: int, db: Database, event: str) -> None:
    from oaoi_desktop.services import signatures

    before = fingerprint(db)
    with db.read() as s:
        for raw in variants(base, seed):
            report = attempt("PDF handed to verify",
                             lambda: signatures.verify_bytes(s if with_store else None, raw, "berita-acara.pdf"))
            if not isinstance(report, OaoiError):
                assert report.problems or report.signatures or report.empty_fields is not None
    assert fingerprint(db) == before


@campaign()
@given(base=st.binary(max_size=600) | json_values.map(lambda v: (json.dumps(v) + "\n").encode()), seed=seeds)
def test_trust_hostile_audit_export(base: bytes, seed: int, tmp_path_factory: pytest.TempPathFactory) -> None:
    from oaoi_desktop.services import audit_verify

    path = tmp_path_factory.mktemp("export") / "log.jsonl"
    header = b'{"format":"oaoi-audit-log","version":1,"head":{"seq":1,"hash":"' + b"0" * 64 + b'"}}\n'
    for raw in variants(header + base, seed):
        path.write_bytes(raw)
        attempt("audit log export", lambda: audit_verify.verify_export_file(path))


@campaign()
@given(base=zip_packages(), seed=seeds)
def test_trust_hostile_backup_archive(base: bytes, seed: int, tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("restore")
    path = folder / "cadangan.zip"
    target = folder / "target.sqlite"
    for raw in variants(base, seed):
        path.write_bytes(raw)
        result = attempt("backup archive", lambda: backups.restore_backup(path, str(target), actor=ACTOR))
        assert isinstance(result, OaoiError)
        assert not target.exists()


# -- identity text (issue 13): names that drive decisions ---------------------------------
identity_texts = st.text(max_size=80) | weird_text | st.text(
    alphabet=st.sampled_from(list("KIPP-2026/001._ aeMedn") + ["\u200b", "\u00ad", "\u202e", "\u2066",
                                                                "\u0435", "\u041c", "\ud800", "\x00", "\x07",
                                                                "\ufeff", "\u2060", "Ｍ", "\u0301"]),
    max_size=40)


@campaign()
@given(base=identity_texts, seed=seeds)
def test_trust_hostile_identity_text(base: str, seed: int) -> None:
    from oaoi_desktop.domain import identity

    def run(text: str) -> None:
        key = identity.recusal_key(text)  # never refuses: stored names predate the rules
        assert key == " ".join(key.split())
        try:
            cleaned = identity.clean(text, "instansi")
        except OaoiError:
            assert any(identity._refused(ch) for ch in text)
            raise
        assert not any(identity._refused(ch) for ch in cleaned)
        assert identity.strip_ignorables(cleaned) == cleaned and cleaned == " ".join(cleaned.split())
        assert identity.recusal_key(cleaned) == key
        try:
            number = identity.dossier_number(text)
        except OaoiError:
            return
        assert identity.DOSSIER_NUMBER_RE.fullmatch(number)

    rng = random.Random(seed)
    texts = [base] + [mutate(base.encode("utf-8", "surrogatepass"), rng).decode("utf-8", "replace")
                      for _ in range(VARIANTS - 1)]
    for text in texts:
        attempt("identity text", lambda: run(text))


_SCHEMA_OBJECTS = st.sampled_from([
    "CREATE TRIGGER {n} AFTER INSERT ON dossiers BEGIN UPDATE dossiers SET instansi = 'x' WHERE id = NEW.id; END",
    "CREATE TRIGGER {n} BEFORE UPDATE ON users BEGIN SELECT 1; END",
    "CREATE TEMP TRIGGER {n} AFTER INSERT ON events BEGIN SELECT 1; END",
    "CREATE VIEW {n} AS SELECT * FROM events",
    "CREATE INDEX {n} ON dossiers (instansi)",
    "CREATE UNIQUE INDEX {n} ON events (name, id)",
    "CREATE TABLE {n} (x)",
    "ALTER TABLE dossiers ADD COLUMN {n} TEXT DEFAULT 'x'",
    "DROP INDEX IF EXISTS {n}",
])
_OBJECT_NAMES = st.sampled_from(["evil", "ix_dossiers_event_id", "audit_entries", "\"x\u202e\"", "\"a b\"",
                                 "\"Меdan\"", "t" * 200]) | st.from_regex(r"[a-z_][a-z0-9_]{0,20}", fullmatch=True)


@functools.lru_cache(maxsize=1)
def _clean_backup_database() -> bytes:
    import tempfile

    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "clean.sqlite"
        with Database.open("sqlite:///" + str(path)) as db:
            event_id = make_event(db)
            add_judges(db, event_id, ["Ani"])
            add_dossier(db, event_id, "P-001")
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.close()
        return path.read_bytes()


def _archive_around(db_bytes: bytes, path: Path) -> None:
    import hashlib

    manifest = {"format": backups.ARCHIVE_FORMAT, "version": backups.ARCHIVE_VERSION, "kind": "sqlite",
                "database": backups.DB_SQLITE,
                "members": [{"name": backups.DB_SQLITE, "sha256": hashlib.sha256(db_bytes).hexdigest(),
                             "size": len(db_bytes)}]}
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(backups.DB_SQLITE, db_bytes)
        zf.writestr(backups.MANIFEST, json.dumps(manifest))


@campaign()
@given(statements=st.lists(st.tuples(_SCHEMA_OBJECTS, _OBJECT_NAMES), min_size=1, max_size=3), seed=seeds)
def test_trust_hostile_backup_schema(statements: list[tuple[str, str]], seed: int,
                                    tmp_path_factory: pytest.TempPathFactory) -> None:
    """A backup's database with objects the migrations do not make: never restored (issue 13, point 4)."""
    folder = tmp_path_factory.mktemp("schema")
    rng = random.Random(seed)
    for i in range(VARIANTS):
        db_file = folder / f"db{i}.sqlite"
        db_file.write_bytes(_clean_backup_database())
        conn = sqlite3.connect(db_file)
        schema = "SELECT type, name, sql FROM sqlite_master ORDER BY 1, 2"
        clean_schema = conn.execute(schema).fetchall()
        for template, name in statements if i == 0 else rng.sample(statements, rng.randint(1, len(statements))):
            try:
                conn.execute(template.format(n=name))
                conn.commit()
            except sqlite3.Error:
                continue
        # what counts is the schema the backup ends with: an object created and dropped again is no change
        changed = conn.execute(schema).fetchall() != clean_schema
        conn.close()
        archive = folder / f"cadangan{i}.zip"
        _archive_around(db_file.read_bytes(), archive)
        target = folder / f"target{i}.sqlite"
        result = attempt("backup with a foreign schema", lambda: backups.restore_backup(archive, str(target),
                                                                                         keep_previous=False, actor=ACTOR))
        if changed:
            assert isinstance(result, OaoiError) and result.message_id.startswith("identity.restore.schema_")
            assert not target.exists()
