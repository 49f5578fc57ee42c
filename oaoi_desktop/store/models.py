"""SQLAlchemy 2.0 typed ORM models: the store's tables.

Primary keys are UUIDs (made on whichever laptop created the row), so data
from several laptops merges without collisions.  Scores are kept as integer
thousandths (``value_milli``) so that the database can sum them exactly.
Schema changes go through Alembic migrations in ``store/migrations``; never
create tables from these models outside a migration except in the initial
revision's comparison test.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    LargeBinary,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, uuid.UUID: Uuid}


class EventStatus(str, enum.Enum):
    DRAFT = "draft"
    ACTIVE = "active"
    CLOSED = "closed"
    FINALISED = "finalised"
    """The Berita Acara is signed: nothing changes without a recorded reopening."""


class RecusalLevel(str, enum.Enum):
    INSTANSI = "instansi"
    UNIT_KERJA = "unit_kerja"


class Role(str, enum.Enum):
    SECRETARIAT = "secretariat"
    CHAIR = "chair"
    MEMBER = "member"
    SHADOW = "shadow"
    """A trainee judge (penilai magang): scores like a member, never counted (issue 17)."""

    @property
    def is_judge(self) -> bool:
        """Signs in as a judge and scores (chair, member, shadow)."""
        return self in (Role.CHAIR, Role.MEMBER, Role.SHADOW)

    @property
    def is_panel(self) -> bool:
        """A judge whose sheets count toward results (chair, member; never a shadow)."""
        return self in (Role.CHAIR, Role.MEMBER)


class SheetStatus(str, enum.Enum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    LOCKED = "locked"


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    return Enum(
        cls,
        name=name,
        native_enum=False,
        length=20,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


class AppMeta(Base):
    """Key/value facts about the database itself (created_by version, ...)."""

    __tablename__ = "app_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Device(Base):
    """An installation (laptop) that has written to this database."""

    __tablename__ = "devices"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    first_seen: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_seen: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class RubricVersion(Base):
    """A whole rubric document, stored as canonical JSON with its SHA-256."""

    __tablename__ = "rubric_versions"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    rubric_key: Mapped[str] = mapped_column(String(100))
    version: Mapped[str] = mapped_column(String(50))
    title: Mapped[str] = mapped_column(String(300))
    document: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    source_name: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Event(Base):
    """An evaluation round (Kegiatan penilaian)."""

    __tablename__ = "events"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(300))
    organiser: Mapped[str] = mapped_column(String(300), default="")
    venue: Mapped[str] = mapped_column(String(300), default="")
    starts_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    ends_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    status: Mapped[EventStatus] = mapped_column(
        _enum(EventStatus, "event_status"), default=EventStatus.DRAFT
    )
    rubric_version_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("rubric_versions.id"))
    blind_mode: Mapped[bool] = mapped_column(Boolean, default=False)
    recusal_level: Mapped[RecusalLevel] = mapped_column(
        _enum(RecusalLevel, "recusal_level"), default=RecusalLevel.INSTANSI
    )
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_on_device: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    finalised_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    finalised_by: Mapped[str] = mapped_column(String(300), default="")

    rubric_version: Mapped[RubricVersion] = relationship()


class Dossier(Base):
    """One innovation's submission (Proposal inovasi) in an event."""

    __tablename__ = "dossiers"
    __table_args__ = (UniqueConstraint("event_id", "number"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id"), index=True)
    number: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(500))
    instansi: Mapped[str] = mapped_column(String(300), default="")
    unit_kerja: Mapped[str] = mapped_column(String(300), default="")
    klaster: Mapped[str] = mapped_column(String(30), default="")
    kelompok: Mapped[str] = mapped_column(String(30), default="")
    kategori: Mapped[str] = mapped_column(String(200), default="")
    current_revision: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    calibration: Mapped[bool] = mapped_column(Boolean, default=False)
    """A calibration dossier (issue 17): every judge scores it before real scoring;
    its sheets never enter results (``services/counted.py``)."""

    revisions: Mapped[list[DossierRevision]] = relationship(
        back_populates="dossier", order_by="DossierRevision.revision"
    )


class DossierRevision(Base):
    """The full content of a dossier as imported; a re-import adds a revision."""

    __tablename__ = "dossier_revisions"
    __table_args__ = (UniqueConstraint("dossier_id", "revision"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    content: Mapped[dict[str, Any]] = mapped_column(default=dict)
    sha256: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(1000), default="")
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    dossier: Mapped[Dossier] = relationship(back_populates="revisions")


class Attachment(Base):
    """A file of a dossier; its bytes live in the content-addressed store."""

    __tablename__ = "attachments"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    path: Mapped[str] = mapped_column(String(1000))
    kind: Mapped[str] = mapped_column(String(40), default="lainnya")
    title: Mapped[str] = mapped_column(String(500), default="")
    media_type: Mapped[str] = mapped_column(String(100), default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64))


class User(Base):
    """A person who signs in: the secretariat, or a judge (chair/member).

    Judges belong to one event's roster (``event_id``); secretariat accounts
    are global (``event_id`` is NULL).
    """

    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("event_id", "name"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    event_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("events.id"), nullable=True, index=True
    )
    name: Mapped[str] = mapped_column(String(300))
    nip: Mapped[str] = mapped_column(String(30), default="")
    instansi: Mapped[str] = mapped_column(String(300), default="")
    unit_kerja: Mapped[str] = mapped_column(String(300), default="")
    role: Mapped[Role] = mapped_column(_enum(Role, "user_role"))
    credential_hash: Mapped[str] = mapped_column(String(300), default="")
    recovery_hash: Mapped[str] = mapped_column(String(300), default="")
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    state: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """Small per-user state that must survive a crash (e.g. the dossier last open)."""


class Assignment(Base):
    """A judge is to score a dossier in a stage."""

    __tablename__ = "assignments"
    __table_args__ = (UniqueConstraint("dossier_id", "judge_id", "stage_id"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id"), index=True)
    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id"), index=True)
    judge_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), index=True)
    stage_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ScoreSheet(Base):
    """One judge's scores for one dossier in one stage (Lembar penilaian).

    ``version`` is SQLAlchemy's optimistic-lock counter: a stale edit from a
    second window or laptop fails instead of overwriting.  ``revision`` counts
    the judge's saved changes and travels in bundles.
    """

    __tablename__ = "score_sheets"
    __table_args__ = (UniqueConstraint("dossier_id", "judge_id", "stage_id"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id"), index=True)
    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id"), index=True)
    judge_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), index=True)
    stage_id: Mapped[str] = mapped_column(String(64))
    status: Mapped[SheetStatus] = mapped_column(
        _enum(SheetStatus, "sheet_status"), default=SheetStatus.DRAFT
    )
    revision: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    device_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    dossier_revision: Mapped[int] = mapped_column(Integer, default=1)
    """The dossier revision the judge scored; a newer import flags the sheet."""
    source: Mapped[str] = mapped_column(String(20), default="app")
    """Where the scores came from: ``app``, ``paper`` (typed in by an operator), ``bundle``."""

    scores: Mapped[list[Score]] = relationship(
        back_populates="sheet", cascade="all, delete-orphan", order_by="Score.criterion_id"
    )

    __mapper_args__ = {"version_id_col": version}


class Score(Base):
    """One criterion's value on a sheet, in thousandths, with the comment."""

    __tablename__ = "scores"
    __table_args__ = (UniqueConstraint("sheet_id", "criterion_id"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    sheet_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("score_sheets.id"), index=True)
    criterion_id: Mapped[str] = mapped_column(String(64))
    value_milli: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")

    sheet: Mapped[ScoreSheet] = relationship(back_populates="scores")


class Blob(Base):
    """A stored file's content, addressed by its SHA-256 (stored once).

    Beside a SQLite database the bytes live in files next to it; on a shared
    PostgreSQL server they live in :class:`BlobChunk` rows so every seat can
    read them (see ``store/blobs.py``).
    """

    __tablename__ = "blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class BlobChunk(Base):
    """Content of a blob kept inside the database (PostgreSQL home)."""

    __tablename__ = "blob_chunks"
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class IntegrityDeclaration(Base):
    """A judge confirmed the integrity statement (Pakta Integritas) for an event."""

    __tablename__ = "integrity_declarations"
    __table_args__ = (UniqueConstraint("event_id", "judge_id"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id"), index=True)
    judge_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), index=True)
    statement_sha256: Mapped[str] = mapped_column(String(64))
    declared_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ConflictDeclaration(Base):
    """A judge declared a conflict of interest on a dossier, with a reason."""

    __tablename__ = "conflict_declarations"
    __table_args__ = (UniqueConstraint("dossier_id", "judge_id"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id"), index=True)
    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id"), index=True)
    judge_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    declared_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class AuditHead(Base):
    """The newest entry of each audit chain; locking it serialises appends."""

    __tablename__ = "audit_heads"
    chain: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    hash: Mapped[str] = mapped_column(String(64), default="")


class AuditEntry(Base):
    """One thing a user did that changes results, hash-chained per event.

    ``chain`` is the event id (or ``"global"`` for accounts and settings);
    ``prev_hash`` is the hash of the previous entry of the chain and ``hash``
    the SHA-256 of this entry's canonical content including ``prev_hash``.
    """

    __tablename__ = "audit_entries"
    __table_args__ = (
        UniqueConstraint("chain", "seq"),
        Index("ix_audit_entries_entity", "entity_type", "entity_id"),
    )
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    chain: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(Integer)
    event_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    actor: Mapped[str] = mapped_column(String(300))
    actor_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    action: Mapped[str] = mapped_column(String(100))
    entity_type: Mapped[str] = mapped_column(String(50), default="")
    entity_id: Mapped[str] = mapped_column(String(64), default="")
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    device_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class PlenaryAdjustment(Base):
    """A chair's plenary decision, kept beside the judges' sheets (never an edit of them).

    ``kind``: ``tie_resolved`` (``details["order"]`` lists the tied dossiers'
    ids in the decided order; ``dossier_id`` is the first), ``dossier_moved``
    (``position`` is the dossier's new place in its group) or
    ``score_corrected`` (``judge_id``'s ``criterion_id`` reads ``value_milli``
    instead of ``original_milli``, agreed by the judge).  ``stage_id`` is
    ``None`` for the combined ranking.  A decision is withdrawn, not deleted.
    """

    __tablename__ = "plenary_adjustments"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id"), index=True)
    stage_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    kind: Mapped[str] = mapped_column(String(30))
    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id"), index=True)
    judge_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    criterion_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    value_milli: Mapped[int | None] = mapped_column(Integer, nullable=True)
    original_milli: Mapped[int | None] = mapped_column(Integer, nullable=True)
    position: Mapped[int | None] = mapped_column(Integer, nullable=True)
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    reason: Mapped[str] = mapped_column(Text)
    judge_agreed: Mapped[bool] = mapped_column(Boolean, default=False)
    decided_by: Mapped[str] = mapped_column(String(300))
    decided_by_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    withdraw_reason: Mapped[str] = mapped_column(Text, default="")


class EventAuthority(Base):
    """An event's certificate authority: it issues the judges' signing certificates.

    ``key_pem`` is the CA's private key as encrypted PKCS#8 PEM (the
    secretariat's passphrase); the certificate is public.
    """

    __tablename__ = "event_authorities"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id"), unique=True)
    subject: Mapped[str] = mapped_column(String(500))
    certificate_pem: Mapped[str] = mapped_column(Text)
    key_pem: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64))
    """SHA-256 of the certificate's DER bytes (lower-case hex)."""
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(300), default="")


class JudgeCredential(Base):
    """A person's signing key and certificate for one event.

    The private key is stored only inside ``pkcs12`` (encrypted with the
    person's own passphrase).  ``source`` is ``issued`` (by the event's
    authority) or ``imported`` (an existing certificate, e.g. from a government
    CA; ``chain_pem`` then holds its issuers).  Re-issuing keeps the old row with
    ``active`` false.
    """

    __tablename__ = "judge_credentials"
    __table_args__ = (Index("ix_judge_credentials_event_user", "event_id", "user_id"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id"))
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    source: Mapped[str] = mapped_column(String(20), default="issued")
    subject: Mapped[str] = mapped_column(String(500))
    issuer: Mapped[str] = mapped_column(String(500))
    serial: Mapped[str] = mapped_column(String(100))
    certificate_pem: Mapped[str] = mapped_column(Text)
    chain_pem: Mapped[str] = mapped_column(Text, default="")
    pkcs12: Mapped[bytes] = mapped_column(LargeBinary)
    fingerprint: Mapped[str] = mapped_column(String(64))
    not_after: Mapped[dt.datetime] = mapped_column(DateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class IssuedDocument(Base):
    """A PDF document the app produced: its number, kind and fingerprint.

    ``kind``: ``sheet`` (Lembar Penilaian), ``result`` (Lembar Hasil
    Penilaian), ``ranking`` (Rekapitulasi dan Peringkat) or ``minutes``
    (Berita Acara).  ``number`` is the printed document number, unique in
    the event; ``fingerprint`` the SHA-256 printed on it (canonical score
    data plus the rubric hash), so a verifier can compare it with the store.
    """

    __tablename__ = "issued_documents"
    __table_args__ = (UniqueConstraint("event_id", "number"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    number: Mapped[str] = mapped_column(String(100))
    sequence: Mapped[int] = mapped_column(Integer)
    dossier_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("dossiers.id"), nullable=True)
    judge_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    stage_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """What the fingerprint covers and how to recompute it (kind-specific)."""
    file_name: Mapped[str] = mapped_column(String(300), default="")
    language: Mapped[str] = mapped_column(String(5), default="id")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(300), default="")


# -- USB exchange (issue 7) --------------------------------------------------------------
class SheetLineage(Base):
    """Which versions of a score sheet its current state descends from.

    Keyed by the sheet's natural key (dossier, judge, stage), not by its row:
    copies of one sheet on several laptops have different row ids, and a draft
    sheet may be deleted with its assignment.  A *version* is named by its
    SHA-256 over the sheet's content (``services/exchange/lineage.py``).
    ``head_hash`` is the version at the last exchange (received in a package,
    exported in a bundle, merged from one); ``ancestors`` lists every older
    version the state supersedes.  Any local change since descends from
    ``head_hash``.  ``base_revision`` is the revision the laptop received
    (0: the sheet was begun on this laptop).
    """

    __tablename__ = "sheet_lineages"
    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id"), primary_key=True)
    judge_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), primary_key=True)
    stage_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id"), index=True)
    head_hash: Mapped[str] = mapped_column(String(64), default="")
    base_revision: Mapped[int] = mapped_column(Integer, default=0)
    ancestors: Mapped[list[str]] = mapped_column(JSON, default=list)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class MergedBundle(Base):
    """A judge bundle merged on this (the secretariat's) laptop: the register.

    ``sha256`` is of the file's bytes, so the same file twice is recognised;
    ``audit_seq``/``audit_hash`` are the head of the judge laptop's audit
    chain when the bundle was made; ``counts`` what the merge did.
    """

    __tablename__ = "merged_bundles"
    __table_args__ = (UniqueConstraint("event_id", "sha256"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id"), index=True)
    judge_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), index=True)
    bundle_id: Mapped[uuid.UUID] = mapped_column()
    sha256: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(500), default="")
    signer_fingerprint: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    exported_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    audit_seq: Mapped[int] = mapped_column(Integer, default=0)
    audit_hash: Mapped[str] = mapped_column(String(64), default="")
    counts: Mapped[dict[str, Any]] = mapped_column(default=dict)
    merged_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    merged_by: Mapped[str] = mapped_column(String(300), default="")


class SheetConflict(Base):
    """A sheet edited on two laptops from the same base: both versions kept side by side.

    The stored sheet (version ``stored_hash``) is left as it was; ``incoming``
    holds the other version in full (the bundle's sheet entry).  The
    secretariat resolves it with a reason, keeping one (``resolution`` is
    ``stored`` or ``incoming``); nothing is dropped silently.
    """

    __tablename__ = "sheet_conflicts"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id"), index=True)
    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id"))
    judge_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    stage_id: Mapped[str] = mapped_column(String(64))
    stored_hash: Mapped[str] = mapped_column(String(64))
    incoming_hash: Mapped[str] = mapped_column(String(64))
    incoming: Mapped[dict[str, Any]] = mapped_column(default=dict)
    bundle_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("merged_bundles.id"), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    resolution: Mapped[str] = mapped_column(String(20), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    resolved_by: Mapped[str] = mapped_column(String(300), default="")


class PanelPackage(Base):
    """A panel package made for a judge (``direction`` ``exported``, on the
    secretariat's laptop) or applied (``imported``, on the judge's laptop).

    ``generation`` counts the exports for that judge and event, so a laptop
    refuses an older stick than the one it already applied.
    """

    __tablename__ = "panel_packages"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    package_id: Mapped[uuid.UUID] = mapped_column()
    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id"), index=True)
    judge_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    direction: Mapped[str] = mapped_column(String(10))
    generation: Mapped[int] = mapped_column(Integer)
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    by: Mapped[str] = mapped_column(String(300), default="")
