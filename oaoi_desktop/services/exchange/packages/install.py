"""Importing a panel package on the judge's laptop: checking every object, then one transaction.

See :mod:`oaoi_desktop.services.exchange.packages` for what a later package may change.
"""

from __future__ import annotations

import threading
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from oaoi_desktop.domain import canonical
from oaoi_desktop.errors import ConflictError, ValidationError
from oaoi_desktop.i18n import t
from oaoi_desktop.services import events
from oaoi_desktop.services.audit import Actor, append
from oaoi_desktop.services.exchange import crypto, entries, lineage, unlocks
from oaoi_desktop.store.blobs import StagedBlob, blob_store_for
from oaoi_desktop.store.models import (
    Assignment,
    Attachment,
    ConflictDeclaration,
    Dossier,
    DossierRevision,
    Event,
    EventAuthority,
    EventStatus,
    IntegrityDeclaration,
    JudgeCredential,
    PanelPackage,
    RecusalLevel,
    Role,
    RubricVersion,
    ScoreSheet,
    SheetStatus,
    User,
)
from oaoi_desktop.services.exchange.packages.common import (
    OBJECT_NAME,
    Cancelled,
    OpenedPackage,
    PackageImport,
    Progress,
    object_path,
    open_package,
    unb64,
)


# -- import ------------------------------------------------------------------------------------
def _uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _time(value: Any) -> Any:
    import datetime as dt

    if value in (None, ""):
        return None
    parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return parsed.astimezone(dt.timezone.utc).replace(tzinfo=None) if parsed.tzinfo else parsed


def _date(value: Any) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(value) if value else None


def _stage_files(db: Any, opened: OpenedPackage, progress: Progress | None,
                 cancel: threading.Event | None) -> list[tuple[StagedBlob, str]]:
    """Decrypt every attachment the laptop does not hold yet into the blob store's staging."""
    store = blob_store_for(db)
    media = {a["sha256"]: a.get("media_type", "") for d in opened.manifest.get("dossiers", [])
             for a in d.get("attachments", [])}
    files = opened.manifest.get("files") or []
    total = sum(int(f.get("size", 0)) for f in files)
    done = 0
    staged: list[tuple[StagedBlob, str]] = []
    source = str(opened.root)
    try:
        for f in files:
            sha, size, name = str(f.get("sha256")), int(f.get("size", 0)), str(f.get("object"))
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            if store.exists(sha):
                done += size
                if progress is not None:
                    progress(done, total)
                continue
            path = object_path(opened.root, name)
            if not OBJECT_NAME.fullmatch(name) or not path.is_file():
                raise ValidationError("exchange.package_damaged", path=source, detail=f"objects/{name}")

            def on_bytes(n: int) -> None:
                nonlocal done
                done += n
                if progress is not None:
                    progress(done, total)

            try:
                with crypto.open_object(opened.keys, name, path) as reader:
                    item = store.stage(reader, on_bytes=on_bytes, cancel=cancel)
            except crypto.DecryptionFailed:
                raise ValidationError("exchange.package_damaged", path=source,
                                      detail=f"objects/{name}") from None
            staged.append((item, media.get(sha, "")))
            if item.sha256 != sha or item.size != size:
                raise ValidationError("exchange.package_damaged", path=source, detail=f"sha256 {sha[:12]}…")
    except BaseException:
        for item, _m in staged:
            store.discard(item)
        raise
    return staged


def import_package(db: Any, path: Path | str, passphrase: str, *, actor: Actor | None = None,
                   progress: Progress | None = None, cancel: threading.Event | None = None) -> PackageImport:
    """Set up (or update) the judge's laptop from a panel package (see the module docstring)."""
    opened = open_package(path, passphrase)
    m = opened.manifest
    source = str(opened.root)
    try:
        event_doc, judge_doc = m["event"], m["judge"]
        event_id, judge_id = _uuid(event_doc["id"]), _uuid(judge_doc["id"])
        package_id, generation = _uuid(m["package_id"]), int(m["generation"])
    except (KeyError, TypeError, ValueError):
        raise ValidationError("exchange.package_damaged", path=source, detail="manifest") from None
    with db.read() as s:
        _refuse_secretariat_event(s, event_id, event_doc.get("name", ""), source)
        last = s.scalar(select(func.max(PanelPackage.generation)).where(
            PanelPackage.event_id == event_id, PanelPackage.judge_id == judge_id,
            PanelPackage.direction == "imported"))
        other = s.scalar(select(PanelPackage).where(PanelPackage.event_id == event_id,
                                                    PanelPackage.direction == "imported",
                                                    PanelPackage.judge_id != judge_id).limit(1))
    if other is not None:
        raise ConflictError("exchange.other_judge_laptop", path=source, event=event_doc.get("name", ""))
    if last is not None and generation < last:
        raise ConflictError("exchange.package_older", path=source, generation=generation, applied=last)
    staged = _stage_files(db, opened, progress, cancel)
    store = blob_store_for(db)
    placed: list[str] = []
    report = PackageImport(source=opened.root, package_id=package_id, generation=generation, event_id=event_id,
                           event_name=str(event_doc.get("name", "")), judge_id=judge_id,
                           judge_name=str(judge_doc.get("name", "")), first_time=last is None)
    actor = actor or Actor(f"package:{judge_doc.get('name', '')}", judge_id)
    try:
        with db.write() as s:
            try:
                _apply(s, m, report)
            except (KeyError, TypeError, ValueError, entries.BadEntry) as exc:
                raise ValidationError("exchange.package_damaged", path=source, detail=str(exc)[:80]) from None
            placed = store.store_all(s, staged)
            report.files_added = len(staged)
            s.add(PanelPackage(id=uuid.uuid4(), package_id=package_id, event_id=event_id, judge_id=judge_id,
                               direction="imported", generation=generation, by=actor.name,
                               details={"dossiers_added": report.dossiers_added,
                                        "dossiers_updated": report.dossiers_updated,
                                        "files_added": report.files_added, "sheets_added": report.sheets_added,
                                        "sheets_updated": report.sheets_updated, "sheets_kept": report.sheets_kept}))
            append(s, actor=actor, action="package.imported", event_id=event_id, entity_type="user",
                   entity_id=judge_id,
                   after={"package_id": package_id, "generation": generation,
                          "exported_on_device": m.get("created_on_device"),
                          "dossiers_added": report.dossiers_added, "dossiers_updated": report.dossiers_updated,
                          "assignments_added": report.assignments_added,
                          "assignments_removed": report.assignments_removed,
                          "files_added": report.files_added, "sheets_added": report.sheets_added,
                          "sheets_updated": report.sheets_updated, "sheets_kept": report.sheets_kept,
                          "sheets_reopened": report.sheets_reopened})
    except BaseException:
        store.forget(placed or store.last_placed)
        for item, _m in staged:
            store.discard(item)
        raise
    store.flush()
    return report


def _refuse_secretariat_event(session: Session, event_id: uuid.UUID, name: str, source: str) -> None:
    """A package is for a judge's laptop: never apply it over the secretariat's own event."""
    if session.get(Event, event_id) is None:
        return
    imported = session.scalar(select(PanelPackage.id).where(PanelPackage.event_id == event_id,
                                                            PanelPackage.direction == "imported").limit(1))
    if imported is None:
        raise ConflictError("exchange.package_on_secretariat", path=source, event=name)


def _apply(s: Session, m: dict[str, Any], report: PackageImport) -> None:
    rubric = m["rubric"]
    version = s.scalar(select(RubricVersion).where(RubricVersion.sha256 == rubric["sha256"]))
    if version is None:
        if canonical.sha256_bytes_hex(str(rubric["document"]).encode("utf-8")) != rubric["sha256"]:
            raise ValueError("rubric.sha256")
        version = RubricVersion(id=_uuid(rubric["id"]), rubric_key=rubric["rubric_key"], version=rubric["version"],
                                title=rubric["title"], document=rubric["document"], sha256=rubric["sha256"],
                                source_name=rubric.get("source_name", ""))
        s.add(version)
        s.flush()
    e = m["event"]
    event_id = _uuid(e["id"])
    event = s.get(Event, event_id)
    if event is None:
        event = Event(id=event_id, rubric_version_id=version.id, created_at=_time(e.get("created_at")),
                      created_on_device=_uuid(e["created_on_device"]) if e.get("created_on_device") else None)
        s.add(event)
    elif event.rubric_version_id != version.id and events.has_scores(s, event):
        raise ConflictError("event.rubric_frozen", event=event.name)
    event.rubric_version_id = version.id
    event.name = e["name"]
    event.organiser = e.get("organiser", "")
    event.venue = e.get("venue", "")
    event.starts_on = _date(e.get("starts_on"))
    event.ends_on = _date(e.get("ends_on"))
    event.status = EventStatus(e.get("status", "active"))
    event.blind_mode = bool(e.get("blind_mode"))
    event.recusal_level = RecusalLevel(e.get("recusal_level", "instansi"))
    event.settings = dict(e.get("settings") or {})
    s.flush()

    j = m["judge"]
    judge_id = _uuid(j["id"])
    if not Role(j["role"]).is_judge:
        # [issue 12] a package sets up a judge's laptop: it never brings a secretariat account
        raise ConflictError("exchange.package_not_a_judge", path=str(report.source), name=str(j.get("name", "")))
    judge = s.get(User, judge_id)
    if judge is None:
        judge = User(id=judge_id, event_id=event_id, state={})
        s.add(judge)
    elif judge.credential_hash != j.get("credential_hash", ""):
        judge.failed_attempts = 0
        judge.locked = False
    judge.name = j["name"]
    judge.nip = j.get("nip", "")
    judge.instansi = j.get("instansi", "")
    judge.unit_kerja = j.get("unit_kerja", "")
    judge.role = Role(j["role"])
    judge.credential_hash = j.get("credential_hash", "")
    judge.recovery_hash = j.get("recovery_hash", "")
    judge.active = bool(j.get("active", True))
    s.flush()

    for d in m["dossiers"]:
        did = _uuid(d["id"])
        row = s.get(Dossier, did)
        if row is None:
            row = Dossier(id=did, event_id=event_id, created_at=_time(d.get("created_at")))
            s.add(row)
            report.dossiers_added += 1
        elif row.current_revision != int(d["current_revision"]) or row.title != d["title"]:
            report.dossiers_updated += 1
        for name in ("number", "title", "instansi", "unit_kerja", "klaster", "kelompok", "kategori"):
            setattr(row, name, d.get(name, ""))
        row.current_revision = int(d["current_revision"])
        row.calibration = bool(d.get("calibration", False))  # older packages: not a calibration proposal
        s.flush()
        have = set(s.scalars(select(DossierRevision.revision).where(DossierRevision.dossier_id == did)))
        for r in d.get("revisions", []):
            if int(r["revision"]) not in have:
                s.add(DossierRevision(id=_uuid(r["id"]), dossier_id=did, revision=int(r["revision"]),
                                      content=r.get("content") or {}, sha256=r["sha256"], source=r.get("source", ""),
                                      imported_at=_time(r.get("imported_at"))))
        have_att = set(s.scalars(select(Attachment.id).where(Attachment.dossier_id == did)))
        for a in d.get("attachments", []):
            if _uuid(a["id"]) not in have_att:
                s.add(Attachment(id=_uuid(a["id"]), dossier_id=did, revision=int(a["revision"]), path=a["path"],
                                 kind=a.get("kind", "lainnya"), title=a.get("title", ""),
                                 media_type=a.get("media_type", ""), size=int(a["size"]), sha256=a["sha256"]))
    s.flush()

    wanted = {(_uuid(a["dossier_id"]), a["stage_id"]): a for a in m["assignments"]}
    current = {(a.dossier_id, a.stage_id): a for a in s.scalars(
        select(Assignment).where(Assignment.event_id == event_id, Assignment.judge_id == judge_id))}
    for key, a in wanted.items():
        if key not in current:
            s.add(Assignment(id=_uuid(a["id"]), event_id=event_id, dossier_id=key[0], judge_id=judge_id,
                             stage_id=key[1], created_at=_time(a.get("created_at"))))
            report.assignments_added += 1
    for key, a in current.items():
        if key not in wanted:
            s.delete(a)
            report.assignments_removed += 1
    s.flush()

    if m.get("integrity_declarations") and s.scalar(select(IntegrityDeclaration.id).where(
            IntegrityDeclaration.event_id == event_id, IntegrityDeclaration.judge_id == judge_id)) is None:
        i = m["integrity_declarations"][0]
        s.add(IntegrityDeclaration(id=_uuid(i["id"]), event_id=event_id, judge_id=judge_id,
                                   statement_sha256=i["statement_sha256"], declared_at=_time(i.get("declared_at"))))
    declared = set(s.scalars(select(ConflictDeclaration.dossier_id).where(
        ConflictDeclaration.event_id == event_id, ConflictDeclaration.judge_id == judge_id)))
    for c in m.get("conflict_declarations", []):
        if _uuid(c["dossier_id"]) not in declared:
            s.add(ConflictDeclaration(id=_uuid(c["id"]), event_id=event_id, dossier_id=_uuid(c["dossier_id"]),
                                      judge_id=judge_id, reason=c["reason"], declared_at=_time(c.get("declared_at"))))

    auth_doc = m.get("authority")
    pinned = s.scalar(select(EventAuthority).where(EventAuthority.event_id == event_id))
    if auth_doc:
        if pinned is None:  # the first package that names the authority: the laptop trusts it from now on
            pinned = EventAuthority(id=_uuid(auth_doc["id"]), event_id=event_id, subject=auth_doc["subject"],
                                    certificate_pem=auth_doc["certificate_pem"], key_pem="",
                                    fingerprint=auth_doc["fingerprint"], created_at=_time(auth_doc.get("created_at")))
            s.add(pinned)
        elif pinned.fingerprint != auth_doc["fingerprint"] or pinned.certificate_pem != auth_doc["certificate_pem"]:
            # [issue 12] an event has one authority for life: another one is a forged package
            raise ConflictError("exchange.package_authority_changed", path=str(report.source), event=event.name)
    grants = unlocks.verify_grants(m.get("unlocks"), pinned.certificate_pem if pinned is not None else None,
                                   event_id=event_id, judge_id=judge_id, package_id=report.package_id,
                                   generation=report.generation, source=str(report.source))
    cred = m.get("credential")
    if cred:
        cid = _uuid(cred["id"])
        if s.get(JudgeCredential, cid) is None:
            for old in s.scalars(select(JudgeCredential).where(JudgeCredential.event_id == event_id,
                                                               JudgeCredential.user_id == judge_id,
                                                               JudgeCredential.active.is_(True))):
                old.active = False
            s.add(JudgeCredential(
                id=cid, event_id=event_id, user_id=judge_id, source=cred.get("source", "issued"),
                subject=cred["subject"], issuer=cred["issuer"], serial=cred["serial"],
                certificate_pem=cred["certificate_pem"], chain_pem=cred.get("chain_pem", ""),
                pkcs12=unb64(cred["pkcs12"], "credential", str(report.source)), fingerprint=cred["fingerprint"],
                not_after=_time(cred["not_after"]), active=True, created_at=_time(cred.get("created_at"))))
    s.flush()
    _apply_sheets(s, event_id, judge_id, m.get("sheets") or [], report, grants)


def _apply_sheets(s: Session, event_id: uuid.UUID, judge_id: uuid.UUID, docs: list[Any],
                  report: PackageImport, grants: dict[lineage.Key, unlocks.Grant] | None = None) -> None:
    """The secretariat's copies of the judge's sheets: taken only where they descend from the laptop's.

    A submitted or locked sheet on the laptop becomes a draft again only with a grant the event's
    authority signed (``unlocks.py``); without one the laptop's sheet stays as it is."""
    rows = lineage.lineages(s, event_id, judge_id)
    have = {lineage.key_of(sh): sh for sh in s.scalars(
        select(ScoreSheet).where(ScoreSheet.event_id == event_id, ScoreSheet.judge_id == judge_id))}
    for doc in docs:
        entry = entries.parse_entry(doc)
        if entry.judge_id != judge_id:
            raise ValueError("sheets.judge_id")
        sheet = have.get(entry.key)
        if sheet is None:
            entries.write_entry(s, entry, None, event_id=event_id)
            lineage.record(s, rows, entry.key, event_id, entry.version_hash, entry.ancestors,
                           base_revision=entry.revision)
            report.sheets_added += 1
            continue
        mine = lineage.sheet_hash(sheet)
        mine_anc = lineage.effective_ancestors(mine, rows.get(entry.key))
        rel = lineage.relation(entry.version_hash, entry.ancestors, mine, mine_anc)
        if rel == "newer" and sheet.status != SheetStatus.DRAFT and entry.status == SheetStatus.DRAFT \
                and not unlocks.may_reopen(grants or {}, entry.key, entry.version_hash, mine):
            report.sheets_kept += 1
            report.notes.append(t("exchange.package_unlock_unsigned", dossier=entry.dossier_number))
            continue
        if rel == "newer":
            if sheet.status != SheetStatus.DRAFT and entry.status == SheetStatus.DRAFT:
                report.sheets_reopened += 1
            entries.write_entry(s, entry, sheet, event_id=event_id)
            lineage.record(s, rows, entry.key, event_id, entry.version_hash, set(entry.ancestors) | set(mine_anc),
                           base_revision=entry.revision)
            report.sheets_updated += 1
        elif rel == "same":
            lineage.record(s, rows, entry.key, event_id, mine, set(entry.ancestors) | set(mine_anc))
        else:
            report.sheets_kept += 1
    s.flush()
