"""The role x action matrix: every public function of every module in oaoi_desktop.services.

* :func:`test_every_public_service_function_is_classified` walks the package and fails
  when a public function is missing from the tables below: a new function must be
  added here (and, if it reads protected data or changes anything, call the policy).
* For each CHECKED function, :func:`test_the_matrix` calls it as every role —
  the secretariat, the chair, a member, an actor without an account, a deactivated
  secretariat, a judge of another event — and asserts allow/deny from the policy
  table (``services/policy.py``), and that a denied call changed nothing in the store
  (row counts of every table and the audit heads).  "Allowed" means the authority
  check let it through; the call may still fail for its own reasons (bad input).
* docs/reliability.md's "Access rules" table is checked against the policy table.

Speed: the world (two events, five people, three dossiers, sheets in every state) is
built once through the services and copied per test as a SQLite file, so this module
runs on SQLite only (``sqlite_only``): the policy is the same Python on both backends,
and a PostgreSQL copy per function would multiply the time.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable

import pytest
from sqlalchemy import func, select

import oaoi_desktop.services
from oaoi_desktop.rubrics import load_rubric
from oaoi_desktop.errors import PermissionDeniedError
from oaoi_desktop.services import (
    accounts, agreement, assignments, audit, audit_chain, audit_query, audit_state, audit_verify, auth, backups, blind, calibration,
    completeness, documents, dossiers, events, exports, finalisation, imports, judging, paper, plenary, policy,
    keys, projector, purge, ranking, sensitivity, shadow, sheets, signatures, stages, status,
)
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.exchange import bundles, packages
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Attachment, AuditHead, Base, Role
from support.builders import ACTOR, KIPP_CRITERIA, RUBRICS, ensure_secretariat, fill_sheet, uniform

pytestmark = pytest.mark.sqlite_only

ROOT = Path(__file__).resolve().parents[2]

# -- what needs no role ---------------------------------------------------------------------------
PURE = {
    # computations on values passed in, or files the caller already holds: no store data
    "accounts.hash_secret", "accounts.verify_secret", "accounts.check_secret_strength", "accounts.user_snapshot",
    "accounts.read_roster",
    "audit.chain_for", "audit.entry_content", "audit.entry_hash",
    "audit_query.readable_diff",
    "audit_verify.chain.entry_record", "audit_verify.chain.check_chain", "audit_verify.replay.replay", "audit_verify.replay.compare",
    "audit_verify.export.read_export", "audit_verify.export.verify_export_file", "audit_verify.chain.vouched_marks",
    "auth.new_pin", "auth.new_recovery_code", "auth.normalise_recovery_code",
    "backups.read_manifest", "backups.check_archive", "backups.list_backups",
    "demo.demo_db_path", "demo.demo_db_url", "demo.samples_dir",
    "completeness.missing_text", "facts.when_text",
    "documents.slots.field_name", "documents.slots.signature_slots", "documents.register.document_code", "documents.register.document_year",
    "documents.export.i18n_title", "documents.export.check_folder", "documents.export.write_documents",
    "dossiers.dossier_snapshot", "dossiers.months_between",
    "events.event_snapshot", "events.check_timezone",
    "exports.is_dangerous", "exports.csv_safe", "exports.write_csv",
    "import_reader.normalised", "import_reader.content_digest", "import_reader.prepare",
    "import_reader.discard_files", "import_reader.worker_main",
    "imports.readers.auto_workers", "imports.readers.needs_reading", "imports.readers.process_portable",
    "imports.readers.processes_possible", "imports.statements.current_snapshot",
    "imports.statements.attachment_digest",
    "judging.integrity.integrity_statement", "judging.redaction.redaction_terms", "judging.redaction.make_redactor", "judging.redaction.mask_text",
    "paper.form_file_name", "paper.read_score_file",
    "plenary.snapshot",
    "scores.total_expression", "scores.aggregates_from_sums", "scores.ranking_criteria", "ranking.entry_dossiers",
    "sheets.to_milli", "sheets.from_milli", "sheets.sheet_values", "sheets.refuse_closed_stage",
    "sheets.check_version",
    "signatures.stamp_text",
    "purged.retention_days", "purged.purge_state", "purged.purged_when", "purged.purged_when_text", "purge.older_backups",
    "stages.stage_closing",
    "exchange.bundles.files.encode_bundle", "exchange.bundles.files.parse_bundle", "exchange.bundles.files.bundle_files",
    "exchange.bundles.files.reject", "exchange.bundles.merge.score_values", "exchange.bundles.merge.sheet_scores",
    "exchange.crypto.derive_keys", "exchange.crypto.object_name", "exchange.crypto.encrypt_stream",
    "exchange.crypto.encrypt_bytes", "exchange.crypto.open_object", "exchange.crypto.decrypt_file",
    "exchange.entries.entry_of", "exchange.entries.parse_entry", "exchange.entries.parse_time",
    "exchange.lineage.version_hash", "exchange.lineage.sheet_hash", "exchange.lineage.key_of",
    "exchange.lineage.effective_ancestors", "exchange.lineage.relation",
    "exchange.packages.common.check_passphrase", "exchange.packages.common.sealed_size",
    "exchange.packages.common.find_header", "exchange.packages.common.is_panel_package",
    "exchange.packages.common.open_package", "exchange.packages.common.b64", "exchange.packages.common.unb64",
    "exchange.packages.common.write_temp", "exchange.packages.common.fsync_all", "exchange.packages.common.object_path",
    "policy.allowed_roles", "policy.markdown_table",
    "audit_state.digest", "audit_state.rubric_content_sha256", "audit_state.replay_state",
    "audit_state.compare_state", "audit_verify.replay.check_state", "audit_verify.verify.parse_digest",
    "exports.csv_safe_text", "exports.printable",
    "exchange.unlocks.verify_grants", "exchange.unlocks.may_reopen",
    "sensitivity.default_top_n",
    # blindstart (issue 14): formatting of values already read, the event the caller holds
    "blind.event_blind_terms",
    "audit_query.local_time", "audit_query.local_time_text", "audit_query.local_zone", "audit_query.action_label",
    "audit_query.entity_text", "audit_query.readable_value", "audit_query.readable_changes",
    "counted.calibration_dossier_ids", "counted.shadow_judge_ids", "counted.counted_sheet",
    "counted.competing_dossier", "counted.panel_judge", "counted.counts",
    "shadow.average_ranks", "shadow.spearman",
    # issue 16: helpers once private, now shared between service modules
    "documents.export.file_slug", "scores.id_key", "scores.raw_id", "purged.parse_time",
    # issue 16: helpers of the judge workspace and audit verify, public only because their modules
    # became packages (sub-modules share them); they compute on values the checked caller holds
    "judging.access.judge_actor", "judging.access.check_judge", "judging.redaction.redact_content",
    "judging.sheets.build_state", "judging.last_open.remember_open", "judging.last_open.forget_open",
    "audit_verify.chain.record_hash", "audit_verify.chain.marked_count", "audit_verify.chain.marked_finding",
}
"""Pure functions: no protected store data in, nothing changed."""

CONTENT = "what a document says (texts in its language), from the Context documents.prepare built after its check"

PUBLIC = {
    "accounts.needs_secretariat_setup": "first run: whether to show the first-run dialog",
    # issue 16: helpers shared by the sub-modules of services/judging and services/audit_verify
    # (private before the split); every caller checks the policy first
    "judging.access.allow": "the judge workspace's policy check itself (policy.authorize after judging.not_a_judge)",
    "judging.access.require_judge": "refuses before the integrity declaration (helper of the checked judging functions)",
    "judging.access.allowed_stages": "refuses a dossier not assigned, recused or declared a conflict (helper of the "
                                     "checked judging functions)",
    "judging.access.resolve_dossier": "helper of the checked judging functions: the dossier of the event by reference",
    "judging.access.judge_context": "helper of the checked judging functions: the checks above, then rubric and stage",
    "audit_verify.verify.event_of": "helper of audit_verify (verify_event, chain_head, export_event: checked there)",
    "audit_verify.verify.chain_records": "helper of audit_verify.verify_event / export_event (checked there)",
    "audit_verify.verify.stored_head": "helper of audit_verify.verify_event / chain_head (checked there)",
    "audit_verify.verify.sheet_snapshot": "helper of audit_verify.verify_event / export_event (checked there)",
    "audit_verify.verify.correction_snapshot": "helper of audit_verify.verify_event / export_event (checked there)",
    "audit_verify.verify.labels_for": "helper of audit_verify.verify_event / export_event (checked there)",
    "auth.setup_secretariat": "first run only (refused once an account exists)",
    "auth.find_account": "sign-in: who is signing in",
    "auth.sign_in_names": "the sign-in screen's list of names",
    "auth.sign_in_choices": "the sign-in screen: its names, the first run, a judge's laptop",
    "auth.sign_in": "signing in itself (lockout bookkeeping as system:sign-in)",
    "auth.current_user": "the signed-in person's own account",
    "auth.recover_with_code": "the one-time recovery code is the proof",
    "accounts.secretariat_count": "first-run / sign-in screen",
    "events.list_events": "event names for the sign-in screen",
    "facts.get_event": "resolving a name the caller already holds",
    "events.register_rubric": "rubric files are public (scoring_rubrics/), called inside event.create",
    "events.event_rubric": "the rubric (public criteria and weights)",
    "events.rubric_fingerprint": "the rubric's hash (printed on every document)",
    "seat.is_judge_seat": "what kind of seat this is (the policy asks it)",
    "seat.seat_judge_id": "what kind of seat this is",
    "signatures.verify_bytes": "anyone may verify a signed PDF they hold",
    "signatures.verify_file": "anyone may verify a signed PDF they hold",
    "exchange.packages.install.import_package": "sets up a judge's laptop: the package passphrase is the proof",
    "keys.load_signer": "opening one's own signing credential: that person's passphrase is the proof (a weak "
                        "stored key is re-wrapped, audited as key.rewrapped)",
    "keys.rewrap_credential": "re-wrapping one's own signing credential: that person's passphrase is the proof",
    "imports.pipeline.resolve_event": "resolving an event the caller already holds (like events.get_event)",
    "demo.build_demo": "builds the demo database only (refuses any other); acts as its own secretariat",
    "demo.open_demo": "opens the demo database only",
    "policy.authorize": "the policy itself", "policy.authorize_db": "the policy itself",
    "policy.resolve": "the policy itself",
    "auth.require_secretariat": "the policy's wrapper",
    "audit.refuse_if_finalised": "the finalisation guard, called by audit.append",
    "audit.append": "the audit writer, called by services after their own check",
    "audit.append_many": "the audit writer (a batch), called by services after their own check",
    "backups.rotating_backup": "automatic backup inside an already-authorised action (system)",
    "backups.backup_before_import": "automatic backup inside an already-authorised import (system)",
    "backups.change_marker": "whether the database changed (automatic backups)",
    "sheets.flush_sheet": "store helper inside an authorised write",
    "exchange.entries.write_entry": "store helper of an authorised bundle merge",
    "exchange.lineage.record": "store helper of an authorised bundle merge",
    "exchange.lineage.lineages": "store helper of authorised exchange operations",
    "exchange.bundles.files.build_payload": "helper of export_bundle (checked there)",
    "exchange.bundles.files.verify_bundle": "helper of import_bundles (checked there)",
    "exchange.packages.export.build_manifest": "helper of export_package (checked there)",
    "documents.context.data_for": "helper of documents.prepare (checked there), takes its Context",
    "documents.context.fingerprint": "helper of documents.prepare (checked there)",
    "documents.context.adjusted_rows": "helper of documents.prepare (checked there)",
    "documents.context.recusals": "helper of documents.prepare (checked there)",
    "documents.context.recompute_fingerprint": "verification of a printed document's fingerprint",
    "exchange.unlocks.sign_grants": "helper of export_package (checked there)",
    "exchange.unlocks.unlocked_sheets": "helper of export_package (checked there)",
    "lan.setup": "PostgreSQL only: require_secretariat first, refused for judges and anonymous actors "
                 "(tests/services/test_pg_lan_seats.py)",
    "lan.remove": "PostgreSQL only: require_secretariat first (tests/services/test_pg_lan_seats.py)",
    "policy.authorize_dossier_read": "the policy itself",
    "facts.judges": "the roster (names, instansi, role): listed on the sign-in screen and every document",
    "facts.find_judge": "resolving a judge's name or id the caller already holds",
    "signatures.find_person": "resolving --judge NAME to the person who then signs with their own passphrase",
    "dossiers.get_dossier": "resolving a proposal number the caller already holds (like events.get_event); "
                            "its content is read through the checked dossier_view and attachment reads",
    "documents.register.letterhead": "the letterhead printed on every document (organiser, event name, logo)",
    "calibration.minutes_line": "helper of the Berita Acara (documents.prepare, checked there); reads the event "
                                "row it is given",
    # issue 16: the documents' content moved from reports/content.py into the documents service
    "documents.content.method_text": CONTENT,
    "documents.content.tie_rules_text": CONTENT,
    "documents.content.capacity": CONTENT,
    "documents.content.signer": CONTENT,
    "documents.content.group_text": CONTENT,
    "documents.content.agency": CONTENT,
    "documents.content.outcome_text": CONTENT,
    "documents.content.stage_label": CONTENT,
    "documents.content.decision_text": CONTENT,
    "documents.content.sheet_body": CONTENT,
    "documents.content.result_body": CONTENT,
    "documents.content.ranking_block": CONTENT,
    "documents.content.completeness_text": CONTENT,
    "documents.content.ranking_body": CONTENT,
    "documents.content.minutes_body": CONTENT,
    "documents.content.sensitivity_report": "helper of the ranking PDF (documents.prepare, checked there): the "
                                             "leave-one-judge-out report, cached on its Context",
    # issue 16: the unchecked halves of checked functions, for services that checked already
    "accounts.create_secretariat_unchecked": "store helper of add_secretariat (checked there) and the first run",
    "audit_state.store_state_unchecked": "store helper of store_state / the audit verifier (checked there)",
    "completeness.dossier_completeness_unchecked": "store helper of dossier_completeness, documents.prepare and "
                                                   "finalisation (checked there)",
    "dossiers.dossier_view_unchecked": "store helper of dossier_view and the judge's reader (checked there)",
    "plenary.active_adjustments_unchecked": "store helper of active_adjustments and documents.prepare (checked there)",
    "plenary.adjusted_ranking_unchecked": "store helper of adjusted_ranking and documents.prepare (checked there)",
    "ranking.rank_event_unchecked": "store helper of rank_event, documents.prepare, stage closing (checked there)",
    "sensitivity.leave_one_judge_out_unchecked": "store helper of leave_one_judge_out and the ranking PDF's "
                                                 "appendix (checked there)",
    "sheets.get_sheet_unchecked": "store helper of get_sheet and the checked judging / paper services",
    "sheets.save_sheet_unchecked": "store-level sheet writer inside an authorised write",
    "sheets.set_score_unchecked": "store-level sheet writer inside an authorised write",
    "sheets.set_comment_unchecked": "store-level sheet writer inside an authorised write",
}
"""Functions that need no role, with the reason."""

POLICY_FACTS = {
    # Predicates and stamps the policy and the checked services use internally: each returns a
    # boolean, an id set, a count or a hash — never a score, comment, total or dossier text.
    "facts.recused": "the recusal rule (instansi/unit kerja, aliases): a boolean the policy asks",
    "facts.has_declared_conflict": "a boolean the policy asks",
    "assignments.is_assigned": "a boolean (the policy and the matrix ask it)",
    "assignments.eligibility": "judge ids eligible per dossier id (ids only), for assignment planning",
    "stages.dossiers_in_stage": "the dossier ids admitted into a stage (ids only)",
    "judging.access.has_declared_integrity": "a boolean (the judge workspace asks it before opening)",
    "events.has_scores": "a boolean (whether a rubric may still change)",
    "scores.dossier_groups": "dossier id -> its grouping labels (kategori, kelompok): no score, no text",
    "ranking.scores_version": "the event's audit head (seq, hash): a cache key",
    "ranking.dossier_count": "a count of dossiers",
    "status.progress_stamp": "counts and timestamps that tell the dashboard to reload (no score)",
    "audit_verify.verify.chain_head": "the chain head (seq, hash) printed on every Berita Acara",
    "documents.register.audit_head": "the chain head (seq, hash) printed on every document",
    "audit_state.event_digest": "the state digest printed on the Berita Acara (a hash)",
    "dossiers.attachment_counts": "attachments per dossier id (counts)",
    "dossiers.changed_since_scored": "a boolean: a newer revision arrived since the judge scored",
    "dossiers.changed_for_judge": "dossier numbers and revision numbers the judge scored that changed since",
    "purged.purge_document_data": "the purge entry's counts and SHA-256 list (no personal data, no score): the "
                                 "Berita Acara Pemusnahan Data's fingerprint, recomputed by `oaoi verify`",
    "purged.purged_notice": "the sentence the reader shows for a purged dossier (date, document number)",
}
"""Internal facts: no role needed, and nothing protected in what they return (with the reason)."""


# -- the world -------------------------------------------------------------------------------------
ROLES = ("secretariat", "chair", "member", "shadow", "anonymous", "deactivated", "other_event")
"""``shadow``: a trainee judge (issue 17) must get exactly a member's answers."""


def _build(db: Database) -> dict[str, Any]:
    ensure_secretariat(db)
    with db.write() as s:
        rubric = load_rubric(RUBRICS / "kipp-proposal.toml")
        e = events.create_event(s, name="Matriks", rubric=rubric, actor=ACTOR)
        e2 = events.create_event(s, name="Kegiatan Lain", rubric=rubric, actor=ACTOR)
        chair = accounts.add_judge(s, e, name="Ketua", instansi="KemenPAN-RB", role=Role.CHAIR, actor=ACTOR)
        member = accounts.add_judge(s, e, name="Budi", instansi="KemenPAN-RB", role=Role.MEMBER, actor=ACTOR)
        other = accounts.add_judge(s, e2, name="Zed", instansi="KemenPAN-RB", role=Role.MEMBER, actor=ACTOR)
        gone_judge = accounts.add_judge(s, e, name="Nonaktif", instansi="KemenPAN-RB", role=Role.MEMBER,
                                        actor=ACTOR)
        trainee = accounts.add_judge(s, e, name="Magang", instansi="KemenPAN-RB", role=Role.SHADOW, actor=ACTOR)
        gone = accounts.add_secretariat(s, name="Mantan Sekretariat", secret="mantan sekretariat kota medan", actor=ACTOR)
        ds = {n: dossiers.add_dossier(s, e, number=n, title=f"Inovasi {n}", actor=ACTOR, instansi=i, kategori="K")
              for n, i in (("P-1", "Pemerintah Kota Medan"), ("P-2", "Pemerintah Kota Medan"),
                           ("P-R", "KemenPAN-RB"))}
        for j in (chair, member, gone_judge, trainee):
            for n in ("P-1", "P-2"):
                assignments.assign(s, e, ds[n], j, actor=ACTOR)
        fill_sheet(s, e, member, ds["P-1"], uniform(KIPP_CRITERIA, 7))            # LOCKED
        fill_sheet(s, e, chair, ds["P-1"], uniform(KIPP_CRITERIA, 8))             # LOCKED
        fill_sheet(s, e, chair, ds["P-2"], {"kebaruan": 6}, submit=False)         # DRAFT
        judging.declare_integrity(s, e, member)
        attachment = Attachment(id=uuid.uuid4(), dossier_id=ds["P-1"].id, revision=1, path="lampiran/sk.pdf",
                                media_type="application/pdf", size=4, sha256="0" * 64)
        s.add(attachment)
        judging.declare_integrity(s, e, trainee)
        gone.active = False
        gone_judge.active = False
        actors = {
            "secretariat": ACTOR,
            "chair": Actor(chair.name, chair.id),
            "member": Actor(member.name, member.id),
            "shadow": Actor(trainee.name, trainee.id),
            "anonymous": Actor("seseorang"),
            "deactivated": Actor(gone.name, gone.id),
            "other_event": Actor(other.name, other.id),
        }
        return {"event": str(e.id), "actors": actors, "attachment": attachment.id,
                "judge_of": {"chair": chair.id, "member": member.id, "shadow": trainee.id, "other_event": other.id,
                             "deactivated": gone_judge.id}}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    path = tmp_path_factory.mktemp("matrix") / "world.sqlite"
    db = Database.open("sqlite:///" + str(path))
    try:
        info = _build(db)
    finally:
        db.close()
    return path, info


@pytest.fixture
def world(template: tuple[Path, dict[str, Any]], tmp_path: Path):  # noqa: ANN201
    path, info = template
    copy = tmp_path / "world.sqlite"
    shutil.copyfile(path, copy)
    db = Database.open("sqlite:///" + str(copy))
    yield SimpleNamespace(db=db, tmp=tmp_path, **info)
    db.close()


def fingerprint(db: Database) -> tuple[Any, ...]:
    with db.read() as s:
        counts = tuple(s.scalar(select(func.count()).select_from(t)) or 0 for t in Base.metadata.sorted_tables)
        heads = tuple(s.execute(select(AuditHead.chain, AuditHead.seq, AuditHead.hash).order_by(AuditHead.chain)))
    return counts, heads


# -- the checked functions: how to call each as ``actor`` ------------------------------------------------
@dataclass(frozen=True)
class Case:
    action: str
    call: Callable[[Any, Any, str], Any]
    """call(world, actor, role)"""


def _s(w: Any, fn: Callable[..., Any]) -> Any:
    with w.db.write() as s:
        e = events.get_event(s, w.event)
        return fn(s, e)


def _judge(s: Any, e: Any, w: Any, role: str) -> Any:
    """The judge a judge-workspace call is made for: the acting judge, else Budi."""
    from oaoi_desktop.store.models import User

    jid = w.judge_of.get(role, w.judge_of["member"])
    return s.get(User, jid)


def _d(s: Any, e: Any, n: str = "P-2") -> Any:
    return dossiers.get_dossier(s, e, n)


def _csv(w: Any, text: str) -> Path:
    p = w.tmp / "in.csv"
    p.write_text(text, encoding="utf-8")
    return p


CASES: dict[str, Case] = {
    "purge.plan": Case("event.purge", lambda w, a, r: _s(w, lambda s, e: purge.plan(s, e, actor=a))),
    "purge.purge_event": Case("event.purge", lambda w, a, r: purge.purge_event(
        w.db, w.event, actor=a, reason="uji matriks", folder=w.tmp)),
    "purge.set_retention": Case("event.update", lambda w, a, r: _s(w, lambda s, e: purge.set_retention(
        s, e, 30, actor=a))),
    "accounts.add_secretariat": Case("user.add", lambda w, a, r: _s(w, lambda s, e: accounts.add_secretariat(
        s, name="Baru", secret="akun baru untuk uji matriks", actor=a))),
    "accounts.add_judge": Case("judge.add", lambda w, a, r: _s(w, lambda s, e: accounts.add_judge(
        s, e, name="Mallory", instansi="X", role=Role.MEMBER, actor=a))),
    "accounts.import_roster": Case("judge.add", lambda w, a, r: _s(w, lambda s, e: accounts.import_roster(
        s, e, _csv(w, "name,instansi\nMallory,X\n"), actor=a))),
    "assignments.assign": Case("assignment.add", lambda w, a, r: _s(w, lambda s, e: assignments.assign(
        s, e, _d(s, e), _judge(s, e, w, "other"), actor=a))),
    "assignments.unassign": Case("assignment.remove", lambda w, a, r: _s(w, lambda s, e: assignments.unassign(
        s, e, _d(s, e, "P-2"), _judge(s, e, w, "member"), actor=a))),
    "assignments.auto_assign": Case("assignment.auto", lambda w, a, r: _s(w, lambda s, e: assignments.auto_assign(
        s, e, per_dossier=2, actor=a))),
    "auth.reset_credentials": Case("judge.update", lambda w, a, r: _s(w, lambda s, e: auth.reset_credentials(
        s, _judge(s, e, w, "member"), a))),
    "auth.issue_pin_slip": Case("judge.update", lambda w, a, r: _s(w, lambda s, e: auth.issue_pin_slip(
        s, _judge(s, e, w, "member"), a))),
    "documents.register.register": Case("documents.issue", lambda w, a, r: _s(w, lambda s, e: documents.register(
        documents.Context(s, e), "sheet", {}, fp="0" * 64, file_name="x.pdf", lang="id", actor=a))),
    "documents.register.set_letterhead": Case("event.update", lambda w, a, r: documents.set_letterhead(
        w.db, w.event, lines=["Pemerintah Kota Medan"], actor=a)),
    "documents.export.prepare": Case("documents.issue", lambda w, a, r: documents.prepare(
        w.db, w.event, ["ranking"], documents.ExportOptions(), actor=a)),
    "dossiers.add_dossier": Case("dossier.add", lambda w, a, r: _s(w, lambda s, e: dossiers.add_dossier(
        s, e, number="P-9", title="Baru", actor=a))),
    "events.create_event": Case("event.create", lambda w, a, r: _s(w, lambda s, e: events.create_event(
        s, name="Baru", rubric=load_rubric(RUBRICS / "kipp-proposal.toml"), actor=a))),
    "events.set_timezone": Case("event.update", lambda w, a, r: _s(w, lambda s, e: events.set_timezone(
        s, e, "WITA", actor=a))),
    "events.change_rubric": Case("event.update", lambda w, a, r: _s(w, lambda s, e: events.change_rubric(
        s, e, load_rubric(RUBRICS / "kipp-proposal.toml"), actor=a))),
    "completeness.dossier_completeness": Case("results.read", lambda w, a, r: _s(
        w, lambda s, e: completeness.dossier_completeness(s, e, actor=a))),
    "completeness.record_exception": Case("event.finalise", lambda w, a, r: _s(
        w, lambda s, e: completeness.record_exception(s, e, actor=a, reason="berhalangan"))),
    "finalisation.finalise_event": Case("event.finalise", lambda w, a, r: _s(
        w, lambda s, e: finalisation.finalise_event(s, e, a, paper_signed=True))),
    "finalisation.reopen_event": Case("event.reopen", lambda w, a, r: _s(
        w, lambda s, e: finalisation.reopen_event(s, e, a, "koreksi"))),
    "imports.pipeline.import_paths": Case("import.dossiers", lambda w, a, r: imports.import_paths(
        w.db, w.event, [w.tmp / "nothing-here"], actor=a)),
    "imports.pipeline.import_candidates": Case("import.dossiers", lambda w, a, r: imports.import_candidates(
        w.db, w.event, [], actor=a)),
    "judging.integrity.declare_integrity": Case("integrity.declare_own", lambda w, a, r: _s(
        w, lambda s, e: judging.declare_integrity(s, e, _judge(s, e, w, r)))),
    "judging.sheets.sheet_state": Case("sheet.read_own", lambda w, a, r: _s(
        w, lambda s, e: judging.sheet_state(s, e, _judge(s, e, w, r), "P-1"))),
    "judging.sheets.record_score": Case("sheet.write_own_draft", lambda w, a, r: _s(
        w, lambda s, e: judging.record_score(s, e, _judge(s, e, w, r), "P-2", "kebaruan", 7, actor=a))),
    "judging.sheets.record_comment": Case("sheet.write_own_draft", lambda w, a, r: _s(
        w, lambda s, e: judging.record_comment(s, e, _judge(s, e, w, r), "P-2", "kebaruan", "x", actor=a))),
    "judging.sheets.submit_sheet": Case("sheet.submit_own", lambda w, a, r: _s(
        w, lambda s, e: judging.submit_sheet(s, e, _judge(s, e, w, r), "P-2", actor=a))),
    "judging.queue.judge_queue": Case("sheet.read_own", lambda w, a, r: _s(
        w, lambda s, e: judging.judge_queue(s, e, _judge(s, e, w, r)))),
    "judging.queue.queue_progress": Case("sheet.read_own", lambda w, a, r: _s(
        w, lambda s, e: judging.queue_progress(s, e, _judge(s, e, w, r)))),
    "judging.reader.open_dossier_for_judge": Case("dossier.read_assigned", lambda w, a, r: _s(
        w, lambda s, e: judging.open_dossier_for_judge(s, e, _judge(s, e, w, r), "P-1"))),
    "judging.last_open.last_open_dossier": Case("sheet.read_own", lambda w, a, r: _s(
        w, lambda s, e: judging.last_open_dossier(s, e, _judge(s, e, w, r)))),
    "judging.conflicts.declare_conflict": Case("conflict.declare_own", lambda w, a, r: _s(
        w, lambda s, e: judging.declare_conflict(s, e, _judge(s, e, w, r), "P-2", "kerabat", actor=a))),
    "paper.import_paper_scores": Case("sheet.paper_entry", lambda w, a, r: _s(
        w, lambda s, e: paper.import_paper_scores(s, e, _csv(w, "judge,dossier,criterion,score\n"), actor=a))),
    "plenary.correct_score": Case("sheet.correct", lambda w, a, r: _s(w, lambda s, e: plenary.correct_score(
        s, e, _d(s, e, "P-1"), _judge(s, e, w, "member"), "kebaruan", 9, reason="pleno", judge_agreed=True,
        actor=a))),
    "plenary.resolve_tie": Case("plenary.decide", lambda w, a, r: _s(w, lambda s, e: plenary.resolve_tie(
        s, e, [_d(s, e, "P-1"), _d(s, e, "P-2")], reason="pleno", actor=a))),
    "plenary.move_dossier": Case("plenary.decide", lambda w, a, r: _s(w, lambda s, e: plenary.move_dossier(
        s, e, _d(s, e, "P-1"), 1, reason="pleno", actor=a))),
    "plenary.withdraw": Case("plenary.decide", lambda w, a, r: _s(w, lambda s, e: plenary.withdraw(
        s, e, "00000000-0000-0000-0000-000000000000", reason="batal", actor=a))),
    "sheets.unlock_sheet": Case("sheet.unlock", lambda w, a, r: _s(w, lambda s, e: sheets.unlock_sheet(
        s, sheets.get_sheet_unchecked(s, _d(s, e, "P-1"), _judge(s, e, w, "member"), "proposal"), a, "salah ketik"))),
    "signatures.sign_files": Case("sign.own_field", lambda w, a, r: signatures.sign_files(
        w.db, [], judge=str(w.judge_of.get(r, w.judge_of["member"])), passphrase="x", actor=a, event=w.event)),
    "stages.close_stage": Case("stage.close", lambda w, a, r: _s(w, lambda s, e: stages.close_stage(
        s, e, "proposal", actor=a, top_n=1))),
    "projector.projector_table": Case("results.read", lambda w, a, r: _s(
        w, lambda s, e: projector.projector_table(s, e, actor=a))),
    "projector.dossier_comments": Case("results.read", lambda w, a, r: _s(
        w, lambda s, e: projector.dossier_comments(s, e, _d(s, e, "P-1").id.hex, actor=a))),
    "sensitivity.leave_one_judge_out": Case("results.read", lambda w, a, r: _s(
        w, lambda s, e: sensitivity.leave_one_judge_out(s, e, actor=a))),
    "stages.reopen_stage": Case("stage.reopen", lambda w, a, r: _s(w, lambda s, e: stages.reopen_stage(
        s, e, "proposal", reason="koreksi", actor=a))),
    "exchange.bundles.files.export_bundle": Case("bundle.export_own", lambda w, a, r: bundles.export_bundle(
        w.db, w.event, str(w.judge_of.get(r, w.judge_of["member"])), w.tmp / "out", "passphrase-1", actor=a)),
    "exchange.bundles.merge.merge_verified": Case("bundle.import", lambda w, a, r: _s(
        w, lambda s, e: bundles.merge_verified(s, e, None, actor=a))),  # type: ignore[arg-type]
    "exchange.bundles.merge.import_bundles": Case("bundle.import", lambda w, a, r: bundles.import_bundles(
        w.db, w.event, [], actor=a)),
    "exchange.bundles.conflicts.resolve_conflict": Case("bundle.resolve", lambda w, a, r: _s(
        w, lambda s, e: bundles.resolve_conflict(s, "00000000-0000-0000-0000-000000000000", "stored", "x",
                                                 actor=a))),
    "calibration.flag_dossiers": Case("calibration.manage", lambda w, a, r: _s(
        w, lambda s, e: calibration.flag_dossiers(s, e, ["P-R"], actor=a))),
    "calibration.start_round": Case("calibration.manage", lambda w, a, r: _s(
        w, lambda s, e: calibration.start_round(s, e, actor=a, dossiers=["P-R"]))),
    "calibration.close_round": Case("calibration.manage", lambda w, a, r: _s(
        w, lambda s, e: calibration.close_round(s, e, actor=a))),
    "calibration.reset_sheet": Case("calibration.manage", lambda w, a, r: _s(
        w, lambda s, e: calibration.reset_sheet(s, e, "P-R", "Budi", reason="diskusi", actor=a))),
    "calibration.round_state": Case("results.read", lambda w, a, r: _s(
        w, lambda s, e: calibration.round_state(s, e, actor=a))),
    "calibration.report": Case("results.read", lambda w, a, r: _s(
        w, lambda s, e: calibration.report(s, e, actor=a))),
    "shadow.assign_shadow": Case("assignment.add", lambda w, a, r: _s(
        w, lambda s, e: shadow.assign_shadow(s, e, "Magang", follow="Budi", actor=a))),
    "shadow.report": Case("results.read", lambda w, a, r: _s(w, lambda s, e: shadow.report(s, e, actor=a))),
    "exchange.packages.export.export_package": Case("package.export", lambda w, a, r: packages.export_package(
        w.db, w.event, "Budi", w.tmp / "out", "passphrase-123456", actor=a)),
    "keys.create_authority": Case("ca.issue", lambda w, a, r: _s(
        w, lambda s, e: keys.create_authority(s, e.id, "frasa-sandi-otoritas-2026", a))),
    "keys.issue_judge_certificate": Case("ca.issue", lambda w, a, r: _s(
        w, lambda s, e: keys.issue_judge_certificate(
            s, e.id, _judge(s, e, w, "member").id, "frasa-sandi-otoritas-2026", "frasa-sandi-juri-2026", a))),
    "keys.import_judge_certificate": Case("ca.issue", lambda w, a, r: _s(
        w, lambda s, e: keys.import_judge_certificate(s, e.id, _judge(s, e, w, "member").id, b"", "x", a))),
    # blindstart (issue 14)
    "blind.set_blind_terms": Case("event.update", lambda w, a, r: _s(w, lambda s, e: blind.set_blind_terms(
        s, e, ["Medan"], actor=a))),
    "blind.report_leak": Case("dossier.read_assigned", lambda w, a, r: _s(w, lambda s, e: blind.report_leak(
        s, e, _judge(s, e, w, r), "P-1", "Kota Medan", actor=a))),
    "blind.leak_reports": Case("audit.read", lambda w, a, r: _s(w, lambda s, e: blind.leak_reports(s, e, actor=a))),
    "audit_query.entity_names": Case("audit.read", lambda w, a, r: _s(w, lambda s, e: audit_query.entity_names(
        s, e.id, audit_query.page(s, e.id, actor=ACTOR), actor=a))),
    "audit_query.export_rows": Case("audit.export", lambda w, a, r: _s(w, lambda s, e: audit_query.export_rows(
        s, e.id, actor=a))),
    "audit_query.export_audit": Case("audit.export", lambda w, a, r: _s(w, lambda s, e: audit_query.export_audit(
        s, e.id, w.tmp / "audit.csv", actor=a))),
}


# -- the protected reads (issue 12: "anyone at the laptop sees every judge's totals") -----------------
def _r(w: Any, fn: Callable[..., Any]) -> Any:
    with w.db.read() as s:
        e = events.get_event(s, w.event)
        return fn(s, e)


def _rubric(s: Any, e: Any) -> Any:
    return events.event_rubric(s, e)


READS: dict[str, Case] = {
    "agreement.event_agreement": Case("results.read", lambda w, a, r: _r(
        w, lambda s, e: agreement.event_agreement(s, e, actor=a))),
    "agreement.judge_distributions": Case("results.read", lambda w, a, r: _r(
        w, lambda s, e: agreement.judge_distributions(s, e, actor=a))),
    "agreement.dossier_criterion_scores": Case("results.read", lambda w, a, r: _r(
        w, lambda s, e: agreement.dossier_criterion_scores(s, e, str(_d(s, e, "P-1").id), actor=a))),
    "assignments.stage_loads": Case("assignment.read", lambda w, a, r: _r(
        w, lambda s, e: assignments.stage_loads(s, e, actor=a))),
    "assignments.matrix_data": Case("assignment.read", lambda w, a, r: _r(
        w, lambda s, e: assignments.matrix_data(s, e, actor=a))),
    "assignments.cell_state": Case("assignment.read", lambda w, a, r: _r(
        w, lambda s, e: assignments.cell_state(s, e, _d(s, e, "P-1"), _judge(s, e, w, "member"), actor=a))),
    "audit_chain.verify_chain": Case("audit.read", lambda w, a, r: _r(
        w, lambda s, e: audit_chain.verify_chain(s, str(e.id), actor=a))),
    "audit_query.count": Case("audit.read", lambda w, a, r: _r(
        w, lambda s, e: audit_query.count(s, e.id, actor=a))),
    "audit_query.page": Case("audit.read", lambda w, a, r: _r(
        w, lambda s, e: audit_query.page(s, e.id, actor=a))),
    "audit_query.choices": Case("audit.read", lambda w, a, r: _r(
        w, lambda s, e: audit_query.choices(s, e.id, actor=a))),
    "audit_verify.verify.verify_event": Case("audit.read", lambda w, a, r: _r(
        w, lambda s, e: audit_verify.verify_event(s, e, actor=a))),
    "audit_verify.verify.verify_global": Case("audit.read", lambda w, a, r: _r(
        w, lambda s, e: audit_verify.verify_global(s, actor=a))),
    "audit_verify.verify.verify_all": Case("audit.read", lambda w, a, r: _r(
        w, lambda s, e: audit_verify.verify_all(s, actor=a))),
    "audit_verify.export.export_event": Case("audit.export", lambda w, a, r: _r(
        w, lambda s, e: audit_verify.export_event(s, e, w.tmp / f"log-{r}.jsonl", actor=a))),
    "audit_state.store_state": Case("results.read", lambda w, a, r: _r(
        w, lambda s, e: audit_state.store_state(s, e, actor=a))),
    "backups.create_backup": Case("backup.create", lambda w, a, r: backups.create_backup(
        w.db, w.tmp / f"backup-{r}.zip", actor=a)),
    "backups.restore_backup": Case("backup.restore", lambda w, a, r: backups.restore_backup(
        w.tmp / "no-such-backup.zip", w.db.url, actor=a)),
    "documents.register.issued_documents": Case("results.read", lambda w, a, r: _r(
        w, lambda s, e: documents.issued_documents(s, e, actor=a))),
    "dossiers.list_dossiers": Case("dossier.read_any", lambda w, a, r: _r(
        w, lambda s, e: dossiers.list_dossiers(s, e, actor=a))),
    "dossiers.dossier_view": Case("dossier.read_assigned", lambda w, a, r: _r(
        w, lambda s, e: dossiers.dossier_view(s, _d(s, e, "P-1"), actor=a))),
    "dossiers.compare_revisions": Case("dossier.read_assigned", lambda w, a, r: _r(
        w, lambda s, e: dossiers.compare_revisions(s, _d(s, e, "P-1"), 1, actor=a))),
    "dossiers.attachment_local_path": Case("dossier.read_assigned", lambda w, a, r: dossiers.attachment_local_path(
        w.db, w.attachment, actor=a)),
    "dossiers.open_attachment": Case("dossier.read_assigned", lambda w, a, r: dossiers.open_attachment(
        w.db, w.attachment, actor=a).close()),
    "dossiers.export_attachment": Case("dossier.read_assigned", lambda w, a, r: dossiers.export_attachment(
        w.db, w.attachment, w.tmp / "out", actor=a)),
    "exports.score_rows": Case("results.export", lambda w, a, r: _r(
        w, lambda s, e: exports.score_rows(s, e, actor=a))),
    "exports.ranking_rows": Case("results.export", lambda w, a, r: _r(
        w, lambda s, e: exports.ranking_rows(s, e, actor=a))),
    "exports.write_xlsx": Case("results.export", lambda w, a, r: _r(
        w, lambda s, e: exports.write_xlsx(s, e, w.tmp / f"x-{r}.xlsx", actor=a))),
    "exports.export_csv": Case("results.export", lambda w, a, r: _r(
        w, lambda s, e: exports.export_csv(s, e, w.tmp / f"x-{r}.csv", actor=a))),
    "finalisation.latest_minutes": Case("results.read", lambda w, a, r: _r(
        w, lambda s, e: finalisation.latest_minutes(s, e, actor=a))),
    "finalisation.state": Case("results.read", lambda w, a, r: _r(
        w, lambda s, e: finalisation.state(s, e, actor=a))),
    "judging.conflicts.list_conflicts": Case("conflict.read", lambda w, a, r: _r(
        w, lambda s, e: judging.list_conflicts(s, e, actor=a))),
    "paper.blank_forms": Case("paper.forms", lambda w, a, r: _r(
        w, lambda s, e: paper.blank_forms(s, e, actor=a))),
    "paper.write_blank_forms": Case("paper.forms", lambda w, a, r: _r(
        w, lambda s, e: paper.write_blank_forms(s, e, w.tmp / f"forms-{r}", actor=a))),
    "plenary.active_adjustments": Case("results.read", lambda w, a, r: _r(
        w, lambda s, e: plenary.active_adjustments(s, e, actor=a))),
    "plenary.adjusted_ranking": Case("results.read", lambda w, a, r: _r(
        w, lambda s, e: plenary.adjusted_ranking(s, e, actor=a))),
    "ranking.sheet_totals": Case("results.read", lambda w, a, r: _r(
        w, lambda s, e: ranking.sheet_totals(s, e, _rubric(s, e), actor=a))),
    "ranking.rank_event": Case("results.read", lambda w, a, r: _r(
        w, lambda s, e: ranking.rank_event(s, e, actor=a))),
    "ranking.ranking_rows": Case("results.read", lambda w, a, r: _r(
        w, lambda s, e: ranking.ranking_rows(s, e, ranking.rank_event_unchecked(s, e), actor=a))),
    "ranking.compare_methods": Case("results.read", lambda w, a, r: _r(
        w, lambda s, e: ranking.compare_methods(s, e, ranking.AggregationMethod.MEDIAN, actor=a))),
    "ranking.prepare_scores": Case("results.read", lambda w, a, r: _r(
        w, lambda s, e: ranking.prepare_scores(s, e, actor=a))),
    "ranking.ranking_table": Case("results.read", lambda w, a, r: _r(
        w, lambda s, e: ranking.ranking_table(s, e, actor=a))),
    "sheets.get_sheet": Case("sheet.read_own", lambda w, a, r: _r(
        w, lambda s, e: sheets.get_sheet(s, _d(s, e, "P-1"), _judge(s, e, w, r), "proposal", actor=a))),
    "status.summary": Case("results.read", lambda w, a, r: status.summary(w.db, actor=a)),
    "status.event_progress": Case("results.read", lambda w, a, r: _r(
        w, lambda s, e: status.event_progress(s, e.id, "proposal", actor=a))),
    "exchange.bundles.conflicts.list_conflicts": Case("bundle.resolve", lambda w, a, r: _r(
        w, lambda s, e: bundles.list_conflicts(s, e, actor=a))),
    "exchange.bundles.conflicts.open_conflict_count": Case("bundle.resolve", lambda w, a, r: _r(
        w, lambda s, e: bundles.open_conflict_count(s, e.id, actor=a))),
    "exchange.bundles.conflicts.event_with_most_open_conflicts": Case("bundle.resolve", lambda w, a, r: _r(
        w, lambda s, e: bundles.event_with_most_open_conflicts(s, actor=a))),
}
CASES.update(READS)

# Judge-workspace functions without an actor parameter act as the ``judge`` they are given:
# they are tried with the chair, a member, a judge of another event and a deactivated judge.
JUDGE_ARG_ONLY = {"judging.integrity.declare_integrity", "judging.sheets.sheet_state", "judging.queue.judge_queue",
                  "judging.queue.queue_progress", "judging.reader.open_dossier_for_judge", "judging.last_open.last_open_dossier"}


def _public_functions() -> dict[str, Any]:
    found: dict[str, Any] = {}
    pkg = oaoi_desktop.services
    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        module = importlib.import_module(info.name)
        short = info.name.removeprefix(pkg.__name__ + ".")
        for name, obj in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(obj) or obj.__module__ != module.__name__:
                continue
            found[f"{short}.{name}"] = obj
    return found


def test_every_public_service_function_is_classified() -> None:
    found = _public_functions()
    tables = [set(PURE), set(PUBLIC), set(POLICY_FACTS), set(CASES)]
    for i, a in enumerate(tables):
        for b in tables[i + 1:]:
            assert not a & b, sorted(a & b)
    classified = set().union(*tables)
    missing = sorted(set(found) - classified)
    assert not missing, f"classify these in tests/services/test_policy_matrix.py: {missing}"
    assert not sorted(classified - set(found)), sorted(classified - set(found))
    for name in CASES:  # a checked function's source names the policy, or calls a checked function first
        src = inspect.getsource(found[name])
        body = src.split('"""')[-1] if src.count('"""') >= 2 else src
        delegates = [other.rsplit(".", 1)[1] for other in CASES
                     if other != name and other.rsplit(".", 1)[0] == name.rsplit(".", 1)[0]]
        assert ("authorize" in body or "require_secretariat" in body or "_allow(" in body or "\n    allow(" in body
                or any(f"{d}(" in body for d in delegates)), name


def _expected(action: str, role: str) -> bool:
    if role in ("anonymous", "deactivated", "other_event"):
        return False
    return Role(role if role != "secretariat" else "secretariat") in policy.RULES[action].roles


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_matrix(world: Any, name: str) -> None:
    case = CASES[name]
    roles = ROLES if name not in JUDGE_ARG_ONLY else ("chair", "member", "shadow", "deactivated", "other_event")
    # denied roles first (each must change nothing), then the allowed ones
    ordered = sorted(roles, key=lambda r: _expected(case.action, r))
    for role in ordered:
        actor = w_actor = world.actors[role]
        before = fingerprint(world.db)
        try:
            case.call(world, w_actor, role)
        except PermissionDeniedError as exc:
            assert not _expected(case.action, role), f"{name}: {role} refused: {exc.message_id} {exc.params}"
            assert fingerprint(world.db) == before, f"{name}: the refused call by {role} changed the store"
            continue
        except Exception as exc:  # noqa: BLE001 - allowed through the policy, failed on its own terms
            assert _expected(case.action, role), f"{name}: {role} ({actor}) not refused by the policy: {exc!r}"
            continue
        assert _expected(case.action, role), f"{name}: {role} ({actor}) was allowed"


def test_the_docs_table_is_the_policy_table() -> None:
    text = (ROOT / "docs" / "reliability.md").read_text("utf-8")
    assert policy.markdown_table() in text, "regenerate docs/reliability.md's Access rules from policy.markdown_table()"
