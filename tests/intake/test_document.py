"""dossier.json: parsing and validation against format 1, and the JSON Schema."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from oaoi_desktop.i18n import all_messages, render
from oaoi_desktop.intake import document
from oaoi_desktop.intake.document import KELOMPOK, KINDS, KLASTER, json_schema, parse, validate
from oaoi_desktop.intake.findings import Severity
from oaoi_desktop.intake.words import count_words
from oaoi_desktop.services import dossiers as dossier_service
from support.packages import valid_document

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "resources" / "samples").glob("*/dossier.json"))
TODAY = dt.date(2026, 12, 1)


def _check(doc: Any):
    return validate(doc, "usulan/dossier.json", today=TODAY)


def _errors(doc: Any) -> list[tuple[str, str]]:
    _doc, findings = _check(doc)
    return [(f.field, f.message_id) for f in findings if f.is_error]


def test_a_valid_document_has_no_findings_and_is_cleaned() -> None:
    raw = valid_document("KIPP-7", title="  Inovasi   Layanan  ", attachments=[
        {"path": "lampiran\\sk.pdf", "kind": "sk", "title": "SK"},
        {"path": "./lampiran/surat.pdf", "kind": "surat_pernyataan"},
        {"path": "foto/layanan.jpg", "kind": "foto"},
    ])
    doc, findings = _check(raw)
    assert findings == []
    assert doc is not None and doc.number == "KIPP-7"
    assert doc.data["title"] == "Inovasi Layanan"
    assert [a.path for a in doc.attachments] == ["lampiran/sk.pdf", "lampiran/surat.pdf", "foto/layanan.jpg"]
    assert doc.data["sections"][3]["attachments"] == ["lampiran/sk.pdf"]


@pytest.mark.parametrize("raw, message_id, line", [
    (b"\xef\xbb\xbf{\"a\": 1,}", "intake.json_invalid", 1),
    (b"{\n  \"id\": \"x\",\n  \"title\": \"\xff\xfe\"\n}", "intake.json_not_utf8", 3),
    (b"{\"id\": 1, \"id\": 2}", "intake.json_duplicate_key", None),
    (b"{\"x\": NaN}", "intake.json_invalid", None),
    (b"[" * 100_000, "intake.json_too_deep", None),
    (b"", "intake.json_invalid", 1),
])
def test_parse_reports_bad_bytes_with_the_line(raw: bytes, message_id: str, line: int | None) -> None:
    value, findings = parse(raw, "a/dossier.json")
    assert value is None
    assert [f.message_id for f in findings] == [message_id]
    if line is not None:
        assert findings[0].line == line
    assert findings[0].file == "a/dossier.json"


def test_parse_accepts_a_byte_order_mark() -> None:
    value, findings = parse(b"\xef\xbb\xbf{\"a\": 1}", "x")
    assert value == {"a": 1} and findings == []


def test_a_newer_format_version_is_refused_with_one_clear_message() -> None:
    doc, findings = _check(valid_document(format_version=2, klaster="???"))
    assert doc is None
    assert [(f.field, f.message_id) for f in findings] == [("format_version", "intake.format_version_newer")]
    assert "versi 2" in findings[0].render("id") and "perbarui oaoi-desktop" in findings[0].render("id")
    assert "newer than this app knows" in findings[0].render("en")


@pytest.mark.parametrize("value", ["1", 1.0, True, 0, -3, None])
def test_a_bad_format_version_is_refused(value: Any) -> None:
    doc = valid_document()
    doc["format_version"] = value
    assert _errors(doc) == [("format_version", "intake.format_version_invalid")]


def test_missing_format_version() -> None:
    doc = valid_document()
    del doc["format_version"]
    assert _errors(doc) == [("format_version", "intake.format_version_missing")]


def test_every_problem_is_reported_with_its_key_path() -> None:
    doc = valid_document()
    del doc["title"]
    doc["klaster"] = "kotamadya"
    doc["kelompok"] = "Umum"
    doc["started_on"] = "14/03/2022"
    doc["sdgs"] = [3, 18, 3]
    doc["video_url"] = "youtube"
    doc["is_digital"] = "ya"
    doc["sections"][1]["word_limit"] = 0
    doc["sections"][2]["key"] = "Kebaruan Inovasi"
    doc["sections"].append({"key": "ringkasan", "text": "lagi"})
    doc["attachments"].append({"path": "../rahasia.pdf", "kind": "sk"})
    doc["attachments"].append({"path": "lampiran/data.docx", "kind": "lainnya"})
    doc["attachments"].append({"path": "lampiran/SK.pdf", "kind": "sk"})
    doc["attachments"].append({"path": "lampiran/x.pdf", "kind": "piagam"})
    doc["sections"][0]["attachments"] = ["lampiran/tidak-ada.pdf"]
    errors = _errors(doc)
    assert ("title", "intake.field_required") in errors
    assert ("klaster", "intake.bad_klaster") in errors
    assert ("kelompok", "intake.bad_kelompok") in errors
    assert ("started_on", "intake.bad_date") in errors
    assert ("sdgs[1]", "intake.bad_sdg") in errors
    assert ("sdgs[2]", "intake.duplicate_sdg") in errors
    assert ("video_url", "intake.bad_url") in errors
    assert ("is_digital", "intake.expected_boolean") in errors
    assert ("sections[1].word_limit", "intake.bad_word_limit") in errors
    assert ("sections[2].key", "intake.bad_section_key") in errors
    assert ("sections[8].key", "intake.duplicate_section") in errors
    assert ("attachments[3].path", "intake.path_traversal") in errors
    assert ("attachments[4].path", "intake.bad_extension") in errors
    assert ("attachments[5].path", "intake.duplicate_attachment") in errors
    assert ("attachments[6].kind", "intake.bad_kind") in errors
    assert ("sections[0].attachments[0]", "intake.section_attachment_undeclared") in errors
    assert len(errors) == 16


@pytest.mark.parametrize("path, message_id", [
    ("/etc/passwd.pdf", "intake.path_absolute"),
    ("\\\\server\\share\\a.pdf", "intake.path_absolute"),
    ("C:\\Users\\a.pdf", "intake.path_drive"),
    ("c:a.pdf", "intake.path_drive"),
    ("lampiran/../../a.pdf", "intake.path_traversal"),
    ("a\x00.pdf", "intake.path_bad_chars"),
    ("  ", "intake.expected_path"),
])
def test_unsafe_attachment_paths_are_refused(path: str, message_id: str) -> None:
    doc = valid_document(attachments=[{"path": path, "kind": "sk"}])
    for s in doc["sections"]:
        s.pop("attachments", None)
    assert _errors(doc) == [("attachments[0].path", message_id)]


def test_word_limit_exceeded_is_a_warning_with_the_counts() -> None:
    doc = valid_document()
    doc["sections"][0]["text"] = "kata " * 201  # ringkasan: SiNovik default 200
    doc["sections"][4]["word_limit"] = 5
    out, findings = _check(doc)
    assert out is not None and not any(f.is_error for f in findings)
    warnings = [(f.field, f.message_id, f.params) for f in findings]
    assert ("sections[0].text", "intake.word_limit_exceeded", {"key": "ringkasan", "words": 201, "limit": 200}) in warnings
    assert warnings[1][1] == "intake.word_limit_exceeded" and warnings[1][2]["limit"] == 5
    assert findings[0].severity is Severity.WARNING
    assert "201 kata, melebihi batas 200 kata" in findings[0].render("id")
    assert "201 words, over its limit of 200" in findings[0].render("en")


def test_unknown_fields_and_a_future_date_only_warn() -> None:
    out, findings = _check(valid_document(nomor_lama="X", started_on="2027-01-01"))
    assert out is not None
    assert {(f.field, f.message_id, f.severity) for f in findings} == {
        ("nomor_lama", "intake.unknown_field", Severity.WARNING),
        ("started_on", "intake.date_in_future", Severity.WARNING),
    }
    assert "nomor_lama" not in out.data


@pytest.mark.parametrize("value", [None, [], 3, "teks", True])
def test_anything_but_an_object_is_refused(value: Any) -> None:
    out, findings = _check(value)
    assert out is None and [f.message_id for f in findings] == ["intake.json_not_object"]


def test_contact_as_text_and_other_fields_optional() -> None:
    doc = valid_document(contact="Budi, 0812")
    for key in ("unit_kerja", "kategori", "innovators", "started_on", "sdgs", "is_digital", "video_url",
                "previous_finalist", "attachments"):
        doc.pop(key)
    for s in doc["sections"]:
        s.pop("attachments", None)
    out, findings = _check(doc)
    assert findings == [] and out is not None
    assert out.data["contact"] == {"name": "Budi, 0812"}


def test_word_counting() -> None:
    assert count_words("Pelayanan publik — 24/7, tanpa antre.") == 5
    assert count_words("  ") == 0
    assert count_words("satu\ndua\tti-ga") == 3


def test_the_enumerations_agree_with_the_services_and_the_schema() -> None:
    schema = json_schema()
    assert tuple(schema["properties"]["klaster"]["enum"]) == KLASTER == dossier_service.KLASTER
    assert tuple(schema["properties"]["kelompok"]["enum"]) == KELOMPOK == dossier_service.KELOMPOK
    assert tuple(k for k in schema["$defs"]["attachment"]["properties"]["kind"]["enum"] if k) == KINDS
    assert set(schema["properties"]) == set(document.TOP_LEVEL)


def test_the_schema_is_valid_draft_2020_12() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.parent.name)
def test_every_sample_validates_against_the_schema_and_the_validator(path: Path) -> None:
    value = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(json_schema(), format_checker=jsonschema.FormatChecker()).validate(value)
    _doc, findings = _check(value)
    assert not [f for f in findings if f.is_error]


def test_there_are_twelve_samples() -> None:
    assert len(SAMPLES) == 12


MUTATIONS = [
    ("format_version", 2), ("id", ""), ("id", "   "), ("title", None), ("instansi", 5), ("klaster", "Kota"),
    ("kelompok", "biasa"), ("started_on", "2022-3-1"), ("sdgs", [0]), ("sdgs", [1, 1]), ("sdgs", ["1"]),
    ("is_digital", "true"), ("previous_finalist", 1), ("video_url", "ftp://x"), ("sections", []),
    ("sections", {}), ("innovators", "Budi"), ("innovators", [""]), ("contact", 5), ("attachments", {}),
    ("id", "x" * 101), ("title", "a\x01b"),
]


@pytest.mark.parametrize("key, value", MUTATIONS, ids=[f"{k}={v!r}"[:40] for k, v in MUTATIONS])
def test_schema_and_validator_agree_on_invalid_documents(key: str, value: Any) -> None:
    doc = copy.deepcopy(valid_document())
    doc[key] = value
    schema_ok = jsonschema.Draft202012Validator(json_schema()).is_valid(doc)
    assert not schema_ok
    assert _errors(doc), "the validator accepted what the schema refuses"


def test_every_message_used_by_the_intake_exists_in_both_languages() -> None:
    messages = all_messages()
    intake = {k: v for k, v in messages.items() if k.startswith(("intake.", "import.", "demo."))}
    assert len(intake) > 60
    for key, texts in intake.items():
        assert set(texts) == {"id", "en"}, key
        assert texts["id"] != texts["en"] or key.startswith("import.outcome") is False, key
    assert render("intake.field_required", "id") == "Wajib diisi."
    assert render("intake.field_required", "en") == "Required."
