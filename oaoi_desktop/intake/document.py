"""``dossier.json``: parsing (strict UTF-8 JSON) and validation (format 1).

:func:`parse` turns bytes into a JSON value or findings (invalid UTF-8 with
its byte offset, invalid JSON with line and column, duplicate keys, NaN).
:func:`validate` checks the value against format version 1 and reports
*every* problem with its key path; a ``format_version`` newer than 1 is
refused with one clear message.  The result, :class:`DossierDocument`, holds
the cleaned document (only the known fields, attachment paths normalised)
that becomes a dossier revision's content.

The same rules are published as a JSON Schema (``dossier.schema.json``,
draft 2020-12) and in ``docs/dossier-format.md``; tests keep them in step.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from oaoi_desktop.domain import identity
from oaoi_desktop.errors import ValidationError
from oaoi_desktop.intake import FORMAT_VERSION, paths, sniff
from oaoi_desktop.intake.findings import Finding, Severity
from oaoi_desktop.intake.limits import Limits
from oaoi_desktop.intake.words import count_words

KLASTER = ("kementerian", "lembaga", "provinsi", "kabupaten", "kota", "bumn", "bumd", "opd")
KELOMPOK = ("umum", "replikasi", "khusus")
KINDS = ("surat_pernyataan", "sk", "foto", "video", "laporan_evaluasi", "lainnya")

SINOVIK_SECTIONS: dict[str, tuple[str, str, int]] = {
    "ringkasan": ("Ringkasan", "Summary", 200),
    "latar_belakang": ("Latar Belakang dan Tujuan", "Problem and objectives", 300),
    "kebaruan": ("Kebaruan / Nilai Tambah", "Novelty / added value", 200),
    "implementasi": ("Implementasi Inovasi", "Implementation", 200),
    "signifikansi": ("Signifikansi / Dampak", "Significance / impact", 600),
    "adaptabilitas": ("Adaptabilitas / Replikasi", "Adaptability / replication", 300),
    "sumber_daya": ("Sumber Daya", "Resources", 200),
    "keberlanjutan": ("Strategi Keberlanjutan", "Sustainability strategy", 500),
}
"""key → (Indonesian title, English title, default word limit).  SiNovik asks
100 + 200 words for the two questions of *adaptabilitas*: one section, 300."""

IDENTITY_TEXT = {"id": 100, "title": 500, "instansi": 300, "unit_kerja": 300, "kategori": 200}
TOP_LEVEL = (
    "format_version", "id", "title", "instansi", "unit_kerja", "klaster", "kelompok", "kategori",
    "innovators", "contact", "started_on", "sdgs", "is_digital", "video_url", "previous_finalist",
    "sections", "attachments", "calibration",
)
CONTACT_KEYS = ("name", "position", "email", "phone")
SECTION_KEYS = ("key", "title", "text", "word_limit", "attachments")
ATTACHMENT_KEYS = ("path", "kind", "title")
SECTION_KEY = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SCHEMA_PATH = Path(__file__).with_name("dossier.schema.json")
"""The JSON Schema (draft 2020-12) of format 1, shipped in the package."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def json_schema() -> dict[str, Any]:
    """The published JSON Schema of ``dossier.json`` (format 1)."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise _DuplicateKey(k)
        out[k] = v
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in JSON")


def parse(raw: bytes, file: str) -> tuple[Any, list[Finding]]:
    """The JSON value of ``raw`` (UTF-8, a BOM is allowed) or findings."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Finding(Severity.ERROR, file, "", "intake.json_not_utf8", {"offset": exc.start}, line)]
    try:
        value = json.loads(text, object_pairs_hook=_pairs, parse_constant=_no_constant)
        # "\ud800" escapes decode to lone surrogates, which no later step can encode: refuse them here.
        json.dumps(value, ensure_ascii=False).encode("utf-8")
        return value, []
    except UnicodeEncodeError as exc:
        return None, [Finding(Severity.ERROR, file, "", "identity.json_surrogate",
                              {"codepoint": f"U+{ord(exc.object[exc.start]):04X}"})]
    except _DuplicateKey as exc:
        return None, [Finding(Severity.ERROR, file, exc.key, "intake.json_duplicate_key", {"key": exc.key})]
    except json.JSONDecodeError as exc:
        return None, [Finding(Severity.ERROR, file, "", "intake.json_invalid",
                              {"reason": exc.msg, "column": exc.colno}, exc.lineno)]
    except RecursionError:
        return None, [Finding(Severity.ERROR, file, "", "intake.json_too_deep", {})]
    except ValueError as exc:
        return None, [Finding(Severity.ERROR, file, "", "intake.json_invalid", {"reason": str(exc), "column": 0})]


@dataclass(frozen=True)
class AttachmentSpec:
    path: str
    """Normalised relative path (``lampiran/sk.pdf``)."""
    kind: str
    title: str
    key_path: str
    """Where it was declared (``attachments[2]``) for messages."""


@dataclass(frozen=True)
class DossierDocument:
    """A valid format-1 document: what a dossier revision stores."""

    data: dict[str, Any]
    """The cleaned document (known fields only, paths normalised)."""
    attachments: tuple[AttachmentSpec, ...]

    @property
    def number(self) -> str:
        return str(self.data.get("id", ""))

    @property
    def title(self) -> str:
        return str(self.data.get("title", ""))


def default_section_title(key: str, lang: str = "id") -> str:
    spec = SINOVIK_SECTIONS.get(key)
    if spec is None:
        return key.replace("_", " ").capitalize()
    return spec[0] if lang == "id" else spec[1]


def default_word_limit(key: str) -> int | None:
    spec = SINOVIK_SECTIONS.get(key)
    return spec[2] if spec else None


def _kp(*parts: str | int) -> str:
    out = ""
    for p in parts:
        if isinstance(p, int):
            out += f"[{p}]"
        else:
            out += ("." if out else "") + p
    return out


class _Checker:
    def __init__(self, file: str, limits: Limits, field_label: Callable[[str], str] | None,
                 today: dt.date) -> None:
        self.file = file
        self.limits = limits
        self.field_label = field_label or (lambda k: k)
        self.today = today
        self.findings: list[Finding] = []

    def add(self, severity: Severity, key_path: str, message_id: str, **params: Any) -> None:
        self.findings.append(Finding(severity, self.file, self.field_label(key_path), message_id, params))

    def err(self, key_path: str, message_id: str, **params: Any) -> None:
        self.add(Severity.ERROR, key_path, message_id, **params)

    def warn(self, key_path: str, message_id: str, **params: Any) -> None:
        self.add(Severity.WARNING, key_path, message_id, **params)

    # -- typed getters ------------------------------------------------------
    def text(self, obj: dict[str, Any], key: str, path: str, *, required: bool, limit: int,
             collapse: bool = True) -> str | None:
        if key not in obj or obj[key] is None:
            if required:
                self.err(path, "intake.field_required")
            return None
        value = obj[key]
        if not isinstance(value, str):
            self.err(path, "intake.expected_string", got=_type_name(value))
            return None
        cleaned = " ".join(value.split()) if collapse else value.strip()
        if required and not cleaned:
            self.err(path, "intake.field_empty")
            return None
        if len(cleaned) > limit:
            self.err(path, "intake.field_too_long", length=len(cleaned), limit=limit)
            return None
        if collapse and _CONTROL.search(cleaned):
            self.err(path, "intake.control_characters")
            return None
        return cleaned

    def boolean(self, obj: dict[str, Any], key: str) -> bool | None:
        if key not in obj or obj[key] is None:
            return None
        value = obj[key]
        if not isinstance(value, bool):
            self.err(key, "intake.expected_boolean", got=_type_name(value))
            return None
        return value

    def enum(self, obj: dict[str, Any], key: str, allowed: tuple[str, ...], message_id: str) -> str | None:
        if key not in obj or obj[key] is None:
            self.err(key, "intake.field_required")
            return None
        value = obj[key]
        if not isinstance(value, str):
            self.err(key, "intake.expected_string", got=_type_name(value))
            return None
        if value not in allowed:
            self.err(key, message_id, value=value[:50], allowed=", ".join(allowed))
            return None
        return value


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def validate(
    value: Any,
    file: str,
    limits: Limits | None = None,
    *,
    field_label: Callable[[str], str] | None = None,
    today: dt.date | None = None,
) -> tuple[DossierDocument | None, list[Finding]]:
    """Check ``value`` against format 1: the cleaned document and every finding.

    The document is None only when ``value`` is not an object or its
    ``format_version`` is missing, newer or invalid; otherwise it holds what
    could be read (so attachments can still be checked) and the document is
    valid exactly when no finding is an ERROR.
    """
    c = _Checker(file, limits or Limits(), field_label, today or dt.date.today())
    if not isinstance(value, dict):
        c.err("", "intake.json_not_object", got=_type_name(value))
        return None, c.findings

    # format_version first: a newer document is not read any further.
    if "format_version" not in value:
        c.err("format_version", "intake.format_version_missing", supported=FORMAT_VERSION)
        return None, c.findings
    version = value["format_version"]
    if isinstance(version, bool) or not isinstance(version, int):
        c.err("format_version", "intake.format_version_invalid", value=str(version)[:40], supported=FORMAT_VERSION)
        return None, c.findings
    if version > FORMAT_VERSION:
        c.err("format_version", "intake.format_version_newer", version=version, supported=FORMAT_VERSION)
        return None, c.findings
    if version < 1:
        c.err("format_version", "intake.format_version_invalid", value=version, supported=FORMAT_VERSION)
        return None, c.findings

    for key in value:
        if key not in TOP_LEVEL:
            c.warn(key, "intake.unknown_field")

    data: dict[str, Any] = {"format_version": version}
    for key, limit in IDENTITY_TEXT.items():
        got = c.text(value, key, key, required=key in ("id", "title", "instansi"), limit=limit)
        if got is not None:
            got = _identity(c, key, got)
        if got is not None:
            data[key] = got
    got = c.enum(value, "klaster", KLASTER, "intake.bad_klaster")
    if got is not None:
        data["klaster"] = got
    got = c.enum(value, "kelompok", KELOMPOK, "intake.bad_kelompok")
    if got is not None:
        data["kelompok"] = got

    _innovators(c, value, data)
    _contact(c, value, data)
    _started_on(c, value, data)
    _sdgs(c, value, data)
    for key in ("is_digital", "previous_finalist", "calibration"):
        got_b = c.boolean(value, key)
        if got_b is not None:
            data[key] = got_b
    url = c.text(value, "video_url", "video_url", required=False, limit=1000)
    if url:
        if not URL.match(url):
            c.err("video_url", "intake.bad_url", value=url[:80])
        else:
            data["video_url"] = url

    attachments = _attachments(c, value, data)
    _sections(c, value, data, {a.path for a in attachments})

    return DossierDocument(data, tuple(attachments)), c.findings


def _identity(c: _Checker, key: str, text: str) -> str | None:
    """Names that drive decisions through :mod:`oaoi_desktop.domain.identity` (a finding when refused)."""
    try:
        return identity.dossier_number(text, key) if key == "id" else identity.clean(text, key)
    except ValidationError as exc:
        c.err(key, exc.message_id, **exc.params)
        return None


def _innovators(c: _Checker, value: dict[str, Any], data: dict[str, Any]) -> None:
    raw = value.get("innovators")
    if raw is None:
        return
    if not isinstance(raw, list):
        c.err("innovators", "intake.expected_list", got=_type_name(raw))
        return
    names = []
    for i, item in enumerate(raw[:200]):
        if not isinstance(item, str) or not item.strip():
            c.err(_kp("innovators", i), "intake.expected_name")
            continue
        name = " ".join(item.split())
        if len(name) > 300:
            c.err(_kp("innovators", i), "intake.field_too_long", length=len(name), limit=300)
            continue
        names.append(name)
    if len(raw) > 200:
        c.err("innovators", "intake.too_many", count=len(raw), limit=200)
    data["innovators"] = names


def _contact(c: _Checker, value: dict[str, Any], data: dict[str, Any]) -> None:
    raw = value.get("contact")
    if raw is None:
        return
    if isinstance(raw, str):
        text = " ".join(raw.split())
        if len(text) > 500:
            c.err("contact", "intake.field_too_long", length=len(text), limit=500)
        elif text:
            data["contact"] = {"name": text}
        return
    if not isinstance(raw, dict):
        c.err("contact", "intake.expected_contact", got=_type_name(raw))
        return
    out = {}
    for key in raw:
        if key not in CONTACT_KEYS:
            c.warn(_kp("contact", key), "intake.unknown_field")
    for key in CONTACT_KEYS:
        got = c.text(raw, key, _kp("contact", key), required=False, limit=300)
        if got:
            out[key] = got
    if out.get("email") and "@" not in out["email"]:
        c.warn("contact.email", "intake.bad_email", value=out["email"])
    data["contact"] = out


def _started_on(c: _Checker, value: dict[str, Any], data: dict[str, Any]) -> None:
    raw = value.get("started_on")
    if raw is None:
        return
    if not isinstance(raw, str) or not DATE.match(raw.strip()):
        c.err("started_on", "intake.bad_date", value=str(raw)[:40])
        return
    try:
        day = dt.date.fromisoformat(raw.strip())
    except ValueError:
        c.err("started_on", "intake.bad_date", value=raw[:40])
        return
    if day > c.today:
        c.warn("started_on", "intake.date_in_future", value=day.isoformat())
    data["started_on"] = day.isoformat()


def _sdgs(c: _Checker, value: dict[str, Any], data: dict[str, Any]) -> None:
    raw = value.get("sdgs")
    if raw is None:
        return
    if not isinstance(raw, list):
        c.err("sdgs", "intake.expected_list", got=_type_name(raw))
        return
    goals: list[int] = []
    for i, item in enumerate(raw[:50]):
        if isinstance(item, bool) or not isinstance(item, int) or not 1 <= item <= 17:
            c.err(_kp("sdgs", i), "intake.bad_sdg", value=str(item)[:20])
        elif item in goals:
            c.err(_kp("sdgs", i), "intake.duplicate_sdg", value=item)
        else:
            goals.append(item)
    if len(raw) > 50:
        c.err("sdgs", "intake.too_many", count=len(raw), limit=17)
    data["sdgs"] = goals


def _attachments(c: _Checker, value: dict[str, Any], data: dict[str, Any]) -> list[AttachmentSpec]:
    raw = value.get("attachments")
    if raw is None:
        data["attachments"] = []
        return []
    if not isinstance(raw, list):
        c.err("attachments", "intake.expected_list", got=_type_name(raw))
        return []
    if len(raw) > c.limits.max_attachments:
        c.err("attachments", "intake.too_many", count=len(raw), limit=c.limits.max_attachments)
        return []
    specs: list[AttachmentSpec] = []
    seen: dict[str, int] = {}
    out = []
    for i, item in enumerate(raw):
        kp = _kp("attachments", i)
        if not isinstance(item, dict):
            c.err(kp, "intake.expected_object", got=_type_name(item))
            continue
        for key in item:
            if key not in ATTACHMENT_KEYS:
                c.warn(_kp("attachments", i, key), "intake.unknown_field")
        path_raw = item.get("path")
        if not isinstance(path_raw, str) or not path_raw.strip():
            c.err(_kp("attachments", i, "path"), "intake.field_required" if path_raw is None else "intake.expected_path")
            continue
        try:
            path = paths.normalise(path_raw.strip())
        except paths.UnsafePath as exc:
            c.err(_kp("attachments", i, "path"), exc.message_id, path=path_raw[:200])
            continue
        if len(path) > 1000:
            c.err(_kp("attachments", i, "path"), "intake.field_too_long", length=len(path), limit=1000)
            continue
        if sniff.claimed_type(path) is None:
            c.err(_kp("attachments", i, "path"), "intake.bad_extension", path=path,
                  allowed=", ".join(sorted(sniff.EXTENSIONS)))
            continue
        folded = path.casefold()
        if folded in seen:
            c.err(_kp("attachments", i, "path"), "intake.duplicate_attachment", path=path, first=seen[folded])
            continue
        seen[folded] = i
        kind = item.get("kind", "lainnya")
        if kind is None:
            kind = "lainnya"
        if not isinstance(kind, str) or kind not in KINDS:
            c.err(_kp("attachments", i, "kind"), "intake.bad_kind", value=str(kind)[:40], allowed=", ".join(KINDS))
            continue
        title = c.text(item, "title", _kp("attachments", i, "title"), required=False, limit=500) or ""
        specs.append(AttachmentSpec(path, kind, title, kp))
        entry: dict[str, Any] = {"path": path, "kind": kind}
        if title:
            entry["title"] = title
        out.append(entry)
    data["attachments"] = out
    return specs


def _sections(c: _Checker, value: dict[str, Any], data: dict[str, Any], declared: set[str]) -> None:
    raw = value.get("sections")
    if raw is None:
        c.err("sections", "intake.field_required")
        return
    if not isinstance(raw, list):
        c.err("sections", "intake.expected_list", got=_type_name(raw))
        return
    if not raw:
        c.err("sections", "intake.no_sections")
        return
    if len(raw) > c.limits.max_sections:
        c.err("sections", "intake.too_many", count=len(raw), limit=c.limits.max_sections)
        return
    declared_folded = {p.casefold(): p for p in declared}
    keys: dict[str, int] = {}
    out = []
    for i, item in enumerate(raw):
        kp = _kp("sections", i)
        if not isinstance(item, dict):
            c.err(kp, "intake.expected_object", got=_type_name(item))
            continue
        for key in item:
            if key not in SECTION_KEYS:
                c.warn(_kp("sections", i, key), "intake.unknown_field")
        key = item.get("key")
        if not isinstance(key, str) or not SECTION_KEY.match(key):
            if key is None:
                c.err(_kp("sections", i, "key"), "intake.field_required")
            else:
                c.err(_kp("sections", i, "key"), "intake.bad_section_key", value=str(key)[:64])
            continue
        if key in keys:
            c.err(_kp("sections", i, "key"), "intake.duplicate_section", key=key, first=keys[key])
            continue
        keys[key] = i
        section: dict[str, Any] = {"key": key}
        title = c.text(item, "title", _kp("sections", i, "title"), required=False, limit=300)
        if title:
            section["title"] = title
        text = item.get("text")
        if text is None:
            c.err(_kp("sections", i, "text"), "intake.field_required")
            continue
        if not isinstance(text, str):
            c.err(_kp("sections", i, "text"), "intake.expected_string", got=_type_name(text))
            continue
        if len(text) > c.limits.max_text_chars:
            c.err(_kp("sections", i, "text"), "intake.field_too_long", length=len(text), limit=c.limits.max_text_chars)
            continue
        if "\x00" in text:
            c.err(_kp("sections", i, "text"), "intake.control_characters")
            continue
        section["text"] = text
        limit = item.get("word_limit")
        if limit is not None:
            if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= 100_000:
                c.err(_kp("sections", i, "word_limit"), "intake.bad_word_limit", value=str(limit)[:20])
                continue
            section["word_limit"] = limit
        effective = limit if isinstance(limit, int) and not isinstance(limit, bool) else default_word_limit(key)
        if not text.strip():
            c.warn(_kp("sections", i, "text"), "intake.section_empty", key=key)
        elif effective is not None:
            words = count_words(text)
            if words > effective:
                c.warn(_kp("sections", i, "text"), "intake.word_limit_exceeded", key=key, words=words, limit=effective)
        refs = item.get("attachments")
        if refs is not None:
            if not isinstance(refs, list):
                c.err(_kp("sections", i, "attachments"), "intake.expected_list", got=_type_name(refs))
                continue
            clean_refs = []
            for j, ref in enumerate(refs):
                rkp = _kp("sections", i, "attachments", j)
                if not isinstance(ref, str):
                    c.err(rkp, "intake.expected_path")
                    continue
                try:
                    norm = paths.normalise(ref.strip())
                except paths.UnsafePath as exc:
                    c.err(rkp, exc.message_id, path=ref[:200])
                    continue
                match = declared_folded.get(norm.casefold())
                if match is None:
                    c.err(rkp, "intake.section_attachment_undeclared", path=norm)
                    continue
                if match not in clean_refs:
                    clean_refs.append(match)
            section["attachments"] = clean_refs
        out.append(section)
    data["sections"] = out
