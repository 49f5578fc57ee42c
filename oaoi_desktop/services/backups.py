"""Backup archives, restore, and automatic rotating backups.

**Archive** (``oaoi backup --out FILE``): one ZIP file holding

* ``manifest.json`` — format, app version, kind (``sqlite`` or
  ``postgresql``), the schema revision, when and where it was made, and for
  every other member its size and SHA-256;
* ``database.sqlite`` — a consistent copy made with SQLite's online backup
  API (:func:`oaoi_desktop.store.backup.sqlite_backup`), or
  ``database.pgdump`` — ``pg_dump --format=custom`` of a PostgreSQL store
  (where ``pg_dump`` is installed; otherwise a clear message);
* ``attachments/ab/<sha256>`` — the attachment store beside a SQLite file
  (on PostgreSQL the attachments are inside the dump).

The archive is written under a temporary name and renamed when complete.

**Restore** (``oaoi restore FILE``) checks the whole archive first (every
member's SHA-256 against the manifest, the database's ``PRAGMA
integrity_check`` and schema revision) and refuses a damaged or foreign
archive with a message naming the file and the member; nothing is changed
then.  The database is written to a temporary file beside the target and
renamed over it, so a crash leaves either the old or the new database, never
half of one; the previous database is kept as a ``pre-restore`` backup.
Attachments are content-addressed and immutable: only missing ones are added
(each through a temporary name), none is overwritten.

**Rotating backups** (:func:`rotating_backup`): copies of the database alone
into the data folder's ``backups/``, keeping the newest ``keep`` per reason
(``pre-migrate``, ``pre-import``, ``auto``); attachments are never copied
again.  :class:`AutoBackup` makes an ``auto`` one only when the database
changed since the last one (the audit heads changed: every change that
affects results is in the audit log).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import sqlite3
import subprocess
import tempfile
import threading
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import make_url

from oaoi_desktop import __version__, config, files
from oaoi_desktop.domain import canonical
from oaoi_desktop.errors import NotFoundError, OaoiError, ValidationError
from oaoi_desktop.store import backup as store_backup
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.staging import fsync_dir

log = logging.getLogger(__name__)

ARCHIVE_FORMAT = "oaoi-backup"
ARCHIVE_VERSION = 1
MANIFEST = "manifest.json"
DB_SQLITE = "database.sqlite"
DB_PGDUMP = "database.pgdump"
ATTACHMENTS = "attachments"
CHUNK = 1024 * 1024
DEFAULT_KEEP = 10
MAX_MANIFEST_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class BackupResult:
    path: Path
    kind: str
    members: int
    attachments: int
    bytes: int
    sha256: str


@dataclass(frozen=True)
class RestoreResult:
    target: str
    kind: str
    attachments_added: int
    previous_backup: Path | None
    schema_revision: str | None
    lan_objects_left_out: int = 0
    """PostgreSQL: LAN-seat objects of the dump (``oaoi lan setup``'s functions, policies, seats
    table, grants) that were not restored: run ``oaoi lan setup`` again on the restored database."""


def _sha256_file(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def _schema_revision_of(sqlite_file: Path) -> str | None:
    conn = sqlite3.connect(Path(sqlite_file).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except sqlite3.Error:
        return None
    finally:
        conn.close()


# -- making an archive -----------------------------------------------------------------
def create_backup(db: Database, out: Path, *, include_attachments: bool = True,
                  progress: Callable[[int, int], None] | None = None,
                  cancel: threading.Event | None = None, actor: Any) -> BackupResult:
    """Write one archive of ``db`` (and its attachment store) to ``out``.

    ``progress(done, total)`` is called per member; setting ``cancel`` stops
    the backup (``trust.backup.cancelled``) and leaves nothing under ``out``.
    Only the secretariat makes a backup (``backup.create``): it holds every score.
    """
    from oaoi_desktop.services.policy import Action, authorize_db

    if make_url(db.url).get_backend_name() != "sqlite":
        _pg_tool("pg_dump")  # a missing tool is said first (it reveals nothing); then who asks
    authorize_db(db, actor, Action.BACKUP_CREATE)
    out = Path(out)
    if out.exists() and out.is_dir():
        raise ValidationError("trust.backup.out_is_folder", path=str(out))
    files.prepare_out_folder(out.parent)  # an unmounted stick is refused, not created on the internal disk
    files.sweep_stale_parts(out.parent)  # what a killed backup left here
    try:
        result = _create_backup(db, out, include_attachments=include_attachments, progress=progress, cancel=cancel)
    except OSError as exc:  # a read-only or full disk, a folder we may not write
        raise OaoiError("trust.cannot_write", path=str(out), reason=exc.strerror or str(exc)) from exc
    _remember_archive(result)
    return result


def _remember_archive(result: BackupResult) -> None:
    """One line in the data folder's ``backups/archives.jsonl``: a later purge (``services/purge.py``)
    lists the archives made before it, wherever they were written, so they can be destroyed too."""
    line = {"path": str(Path(result.path).resolve()), "created_at": dt.datetime.now(dt.timezone.utc).isoformat(),
            "size": result.bytes, "sha256": result.sha256}
    try:
        with open(config.backup_dir() / "archives.jsonl", "a", encoding="utf-8") as fh:
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    except OSError as exc:  # the archive is written; the register is a help, not a condition
        log.warning("could not note the archive in the backup register: %s", exc)


def _create_backup(db: Database, out: Path, *, include_attachments: bool,
                   progress: Callable[[int, int], None] | None,
                   cancel: threading.Event | None) -> BackupResult:
    tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.part")
    with tempfile.TemporaryDirectory(prefix=files.BACKUP_WORK_PREFIX, dir=out.parent) as work, \
            files.locked_file(Path(work) / files.LOCK_NAME):
        work_dir = Path(work)
        members: list[dict[str, Any]] = []
        if db.is_sqlite:
            source = db.sqlite_path
            if source is None:
                raise OaoiError("store.backup_not_sqlite")
            kind = "sqlite"
            copy = store_backup.sqlite_backup(source, work_dir / DB_SQLITE)
            db_member = DB_SQLITE
            revision = _schema_revision_of(copy)
        else:
            kind = "postgresql"
            copy = work_dir / DB_PGDUMP
            _pg_dump(db, copy)
            db_member = DB_PGDUMP
            revision = None
        blobs: list[tuple[str, Path]] = []
        if include_attachments and db.is_sqlite:
            from oaoi_desktop.store.blobs import FileBlobStore

            store = FileBlobStore.beside(db)
            blobs = [(sha, store.path_for(sha)) for sha in sorted(store.stored_shas())]
        total = 1 + len(blobs)
        try:
            with open(tmp, "wb") as raw, files.holding_lock(raw.fileno()), \
                    zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
                sha, size = _sha256_file(copy)
                zf.write(copy, db_member)
                members.append({"name": db_member, "sha256": sha, "size": size})
                if progress:
                    progress(1, total)
                for i, (blob_sha, path) in enumerate(blobs, 2):
                    if cancel is not None and cancel.is_set():
                        raise OaoiError("trust.backup.cancelled", path=str(out))
                    name = f"{ATTACHMENTS}/{blob_sha[:2]}/{blob_sha}"
                    actual, size = _sha256_file(path)
                    if actual != blob_sha:  # a damaged attachment is not copied as if it were good
                        raise OaoiError("trust.backup.attachment_damaged", path=str(path))
                    zf.write(path, name, compress_type=zipfile.ZIP_STORED)
                    members.append({"name": name, "sha256": actual, "size": size})
                    if progress:
                        progress(i, total)
                manifest = {
                    "format": ARCHIVE_FORMAT, "version": ARCHIVE_VERSION, "app_version": __version__,
                    "kind": kind, "schema_revision": revision, "database": db_member,
                    "created_at": dt.datetime.now(dt.timezone.utc), "device_id": config.device_id(),
                    "source": db.display_name, "members": members,
                }
                zf.writestr(MANIFEST, json.dumps(canonical.normalise(manifest), ensure_ascii=False, indent=1,
                                                 sort_keys=True))
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, out)
            fsync_dir(out.parent)
        except OSError as exc:
            raise OaoiError("trust.cannot_write", path=str(out), reason=exc.strerror or str(exc)) from exc
        finally:
            if tmp.exists():
                try:
                    tmp.unlink()
                except OSError:
                    pass
    sha, size = _sha256_file(out)
    return BackupResult(out, kind, len(members), len(blobs), size, sha)


def _pg_tool(name: str) -> str:
    tool = shutil.which(name)
    if tool is None:
        raise OaoiError("trust.backup.pg_tool_missing", tool=name)
    return tool


def _pg_env(db: Database) -> tuple[list[str], dict[str, str]]:
    url = make_url(db.url)
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    args: list[str] = []
    if url.host:
        args += ["--host", url.host]
    if url.port:
        args += ["--port", str(url.port)]
    if url.username:
        args += ["--username", url.username]
    args += ["--dbname", url.database or ""]
    return args, env


def _pg_dump(db: Database, target: Path) -> None:
    tool = _pg_tool("pg_dump")
    args, env = _pg_env(db)
    # --enable-row-security: the LAN secretariat seat (``oaoi lan setup``) is under row-level
    # security (its policies let it read every row); without it pg_dump refuses such a table
    proc = subprocess.run([tool, "--format=custom", "--no-owner", "--enable-row-security", "--file", str(target),
                           *args], env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise OaoiError("trust.backup.pg_failed", tool="pg_dump", reason=(proc.stderr or "").strip()[:500])


# -- checking an archive ---------------------------------------------------------------
def _safe_member(name: str) -> bool:
    p = PurePosixPath(name)
    return bool(name) and not p.is_absolute() and ".." not in p.parts and "\\" not in name and ":" not in name


def read_manifest(path: Path) -> tuple[zipfile.ZipFile, dict[str, Any]]:
    """Open an archive and return it with its manifest (refusing anything that is not ours)."""
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise NotFoundError("trust.cannot_read", path=str(path), reason="-")
    try:
        zf = zipfile.ZipFile(path)
    except Exception as exc:  # noqa: BLE001 - BadZipFile, OSError, EOFError, NotImplementedError ("zip file version 14.8")...
        raise ValidationError("trust.restore.not_an_archive", file=name,
                              reason=str(exc) or type(exc).__name__) from None
    try:
        info = zf.getinfo(MANIFEST)
        if info.file_size > MAX_MANIFEST_BYTES:
            raise ValidationError("trust.restore.bad_manifest", file=name)
        manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
    except KeyError:
        zf.close()
        raise ValidationError("trust.restore.no_manifest", file=name) from None
    except ValidationError:
        zf.close()
        raise
    except Exception:  # noqa: BLE001 - a damaged member can raise many kinds (zlib, CRC, Unicode, JSON)
        zf.close()
        raise ValidationError("trust.restore.bad_manifest", file=name) from None
    ok = (isinstance(manifest, dict) and manifest.get("format") == ARCHIVE_FORMAT
          and isinstance(manifest.get("members"), list) and manifest.get("kind") in ("sqlite", "postgresql")
          and isinstance(manifest.get("database"), str))
    if not ok:
        zf.close()
        raise ValidationError("trust.restore.bad_manifest", file=name)
    if manifest.get("version") != ARCHIVE_VERSION:
        zf.close()
        raise ValidationError("trust.restore.version", file=name, version=manifest.get("version"))
    return zf, manifest


def check_archive(path: Path) -> dict[str, Any]:
    """Check every member of an archive against its manifest; the manifest, or a clear error."""
    name = Path(path).name
    zf, manifest = read_manifest(path)
    with zf:
        listed: set[str] = set()
        for m in manifest["members"]:
            if not isinstance(m, dict) or not isinstance(m.get("name"), str) or not isinstance(m.get("sha256"), str):
                raise ValidationError("trust.restore.bad_manifest", file=name)
            member = m["name"]
            if not _safe_member(member) or member in listed:
                raise ValidationError("trust.restore.bad_member", file=name, member=member)
            listed.add(member)
            if member.startswith(ATTACHMENTS + "/"):
                parts = member.split("/")
                if len(parts) != 3 or parts[2] != m["sha256"] or parts[1] != parts[2][:2]:
                    raise ValidationError("trust.restore.bad_member", file=name, member=member)
            try:
                h = hashlib.sha256()
                with zf.open(member) as fh:
                    while chunk := fh.read(CHUNK):
                        h.update(chunk)
            except KeyError:
                raise ValidationError("trust.restore.member_missing", file=name, member=member) from None
            except Exception:  # noqa: BLE001 - CRC errors, zlib errors, truncated data
                raise ValidationError("trust.restore.member_damaged", file=name, member=member) from None
            if h.hexdigest() != m["sha256"]:
                raise ValidationError("trust.restore.member_damaged", file=name, member=member)
        if manifest["database"] not in listed:
            raise ValidationError("trust.restore.member_missing", file=name, member=manifest["database"])
    return manifest


# -- restoring -------------------------------------------------------------------------
def _checkpoint(path: Path) -> None:
    """Fold an old database's WAL into it (so no stale WAL applies to the new file)."""
    if not path.exists():
        return
    try:
        conn = sqlite3.connect(path)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.Error:
        pass


def restore_backup(archive: Path, db_url: str | None = None, *, keep_previous: bool = True,
                   actor: Any) -> RestoreResult:
    """Restore an archive into the database at ``db_url`` (all or nothing).

    The database at ``db_url`` must not be open elsewhere in this process
    (close it first; the GUI disposes its engine).

    Who may (``backup.restore``, docs/reliability.md "Restoring: who may"): when the
    target database holds any account, ``actor`` must be an active secretariat account
    *of that database* (checked by the policy before anything is read or written; a
    judge seat refuses).  A new or account-less target replaces nothing and grants
    nobody anything: the restored store is governed by the accounts the backup carries,
    so ``actor`` may then be ``None``.
    """
    archive = Path(archive)
    name = archive.name
    url = config.resolve_db_url(db_url)
    _authorize_restore(url, actor)
    manifest = check_archive(archive)
    parsed = make_url(url)
    is_sqlite = parsed.get_backend_name() == "sqlite"
    if manifest["kind"] == "sqlite" and not is_sqlite:
        raise ValidationError("trust.restore.kind_mismatch", file=name, kind="sqlite", target="PostgreSQL")
    if manifest["kind"] == "postgresql":
        if is_sqlite:
            raise ValidationError("trust.restore.kind_mismatch", file=name, kind="PostgreSQL", target="SQLite")
        return _restore_pg(archive, manifest, url)
    if not parsed.database or parsed.database == ":memory:":
        raise ValidationError("trust.restore.kind_mismatch", file=name, kind="sqlite", target=":memory:")
    target = Path(parsed.database)
    target.parent.mkdir(parents=True, exist_ok=True)
    files.sweep_stale_parts(target.parent)
    tmp = target.with_name(f".{target.name}.restore-{uuid.uuid4().hex[:8]}.part")
    attachments_added = 0
    previous: Path | None = None
    try:
        with zipfile.ZipFile(archive) as zf:
            with zf.open(manifest["database"]) as src, open(tmp, "wb") as dst, files.holding_lock(dst.fileno()):
                shutil.copyfileobj(src, dst, CHUNK)
                dst.flush()
                os.fsync(dst.fileno())
            _check_sqlite_copy(tmp, name)
            revision = _schema_revision_of(tmp)
            # Attachments first: adding content-addressed files never harms the old database.
            root = target.with_name(target.stem + ".attachments")
            for m in manifest["members"]:
                member = m["name"]
                if not member.startswith(ATTACHMENTS + "/"):
                    continue
                sha = m["sha256"]
                final = root / sha[:2] / sha
                if final.is_file() and _sha256_file(final)[0] == sha:
                    continue
                final.parent.mkdir(parents=True, exist_ok=True)
                part = final.with_name(f".{sha}.{uuid.uuid4().hex[:8]}.part")
                with zf.open(member) as src, open(part, "wb") as dst:
                    shutil.copyfileobj(src, dst, CHUNK)
                    dst.flush()
                    os.fsync(dst.fileno())
                os.replace(part, final)
                attachments_added += 1
        if target.exists() and keep_previous:
            _checkpoint(target)
            previous = store_backup.rotating_backup(target, config.backup_dir(), "pre-restore", keep=DEFAULT_KEEP)
        elif target.exists():
            _checkpoint(target)
        for suffix in ("-wal", "-shm", "-journal"):
            side = target.with_name(target.name + suffix)
            if side.exists():
                side.unlink()
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except OSError as exc:
        raise OaoiError("trust.cannot_write", path=str(target), reason=exc.strerror or str(exc)) from exc
    finally:
        if tmp.exists():
            try:
                tmp.unlink()
            except OSError:
                pass
    return RestoreResult(str(target), "sqlite", attachments_added, previous, revision)


def _authorize_restore(url: str, actor: Any) -> None:
    """The policy's ``backup.restore`` against the database being replaced, when it has accounts."""
    from sqlalchemy import create_engine, func, inspect
    from sqlalchemy.exc import OperationalError
    from sqlalchemy.orm import Session

    from oaoi_desktop.services.policy import Action, authorize
    from oaoi_desktop.store.database import with_driver
    from oaoi_desktop.store.models import User

    parsed = make_url(with_driver(url))
    if parsed.get_backend_name() == "sqlite":
        if not parsed.database or parsed.database == ":memory:" or not Path(parsed.database).is_file():
            return  # nothing to replace
        engine = create_engine(f"sqlite:///{Path(parsed.database)}")
    else:
        engine = create_engine(with_driver(url))
    try:
        try:
            has_users = inspect(engine).has_table(User.__tablename__)
        except OperationalError:  # an unreachable server: the restore itself reports it
            return
        if not has_users:
            return
        with Session(engine) as session:
            if not session.scalar(select(func.count()).select_from(User)):
                return
            authorize(session, actor, Action.BACKUP_RESTORE)
    finally:
        engine.dispose()


def _check_sqlite_copy(path: Path, archive_name: str) -> None:
    from oaoi_desktop.store import migrate

    try:
        conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchall()
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise ValidationError("trust.restore.db_damaged", file=archive_name, reason=str(exc)) from None
    if result != [("ok",)]:
        raise ValidationError("trust.restore.db_damaged", file=archive_name,
                              reason="; ".join(str(r[0]) for r in result[:3]))
    if not {"alembic_version", "events", "audit_entries"} <= tables:
        raise ValidationError("trust.restore.not_oaoi", file=archive_name)
    revision = _schema_revision_of(path)
    if revision is not None and revision not in migrate.known_revisions():
        raise ValidationError("trust.restore.newer", file=archive_name, revision=revision)
    _check_schema_objects(path, archive_name, revision)


def _check_schema_objects(path: Path, archive_name: str, revision: str | None) -> None:
    """Only the app's own schema is restored: no trigger, view, index or table the migrations do not create."""
    from oaoi_desktop.store import schema_check

    if revision is None:
        raise ValidationError("identity.restore.no_revision", file=archive_name)
    try:
        differences = schema_check.compare(path, revision)
    except sqlite3.Error as exc:
        raise ValidationError("trust.restore.db_damaged", file=archive_name, reason=str(exc)) from None
    if differences:
        first = differences[0]
        raise ValidationError(f"identity.restore.schema_{first.kind}", file=archive_name, type=first.type,
                              name=schema_check.display_name(first.name), count=len(differences))


def _restore_pg(archive: Path, manifest: dict[str, Any], url: str) -> RestoreResult:
    tool = _pg_tool("pg_restore")
    db = Database(url, __import__("sqlalchemy").create_engine(url))
    try:
        args, env = _pg_env(db)
    finally:
        db.close()
    with tempfile.TemporaryDirectory(prefix="oaoi-restore-") as work:
        dump = Path(work) / DB_PGDUMP
        with zipfile.ZipFile(archive) as zf, zf.open(manifest["database"]) as src, open(dump, "wb") as dst:
            shutil.copyfileobj(src, dst, CHUNK)
        keep, left_out = _check_pg_dump(tool, dump, archive.name)
        toc = Path(work) / "restore.list"
        toc.write_text("\n".join(keep) + "\n", encoding="utf-8")
        proc = subprocess.run([tool, "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
                               "--exit-on-error", "--use-list", str(toc), *args, str(dump)], env=env,
                              capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise OaoiError("trust.backup.pg_failed", tool="pg_restore", reason=(proc.stderr or "").strip()[:500])
    return RestoreResult(make_url(url).render_as_string(hide_password=True), "postgresql", 0, None,
                         manifest.get("schema_revision"), lan_objects_left_out=left_out)


# What a dump of the app's PostgreSQL store may contain (``pg_restore --list`` entry types).  Anything
# else (functions, triggers, views, rules, extensions, ...) is not created by the migrations and is refused.
PG_ALLOWED_TYPES = frozenset({
    "ENCODING", "STDSTRINGS", "SEARCHPATH", "SCHEMA", "COMMENT", "TABLE", "TABLE DATA", "SEQUENCE",
    "SEQUENCE OWNED BY", "SEQUENCE SET", "DEFAULT", "INDEX", "CONSTRAINT", "FK CONSTRAINT", "ACL",
    "POLICY", "ROW SECURITY",
})
_PG_TYPES_BY_LENGTH = sorted(PG_ALLOWED_TYPES | {
    "FUNCTION", "PROCEDURE", "AGGREGATE", "TRIGGER", "EVENT TRIGGER", "VIEW", "MATERIALIZED VIEW", "RULE",
    "EXTENSION", "CAST", "OPERATOR", "OPERATOR CLASS", "OPERATOR FAMILY", "TYPE", "DOMAIN", "LARGE OBJECT",
    "BLOBS", "FOREIGN TABLE", "SERVER", "USER MAPPING", "PUBLICATION", "SUBSCRIPTION", "DEFAULT ACL",
    "COLLATION", "CONVERSION", "LANGUAGE", "TEXT SEARCH CONFIGURATION", "TEXT SEARCH DICTIONARY",
    "TEXT SEARCH PARSER", "TEXT SEARCH TEMPLATE", "STATISTICS", "ACCESS METHOD", "TRANSFORM",
}, key=len, reverse=True)


def _pg_toc_entries(listing: str) -> list[tuple[str, str, str]]:
    """(type, "schema name", the line itself) of each entry of ``pg_restore --list`` output."""
    out = []
    for line in listing.splitlines():
        line = line.strip()
        if not line or line.startswith(";") or ";" not in line:
            continue
        rest = line.split(";", 1)[1].split(None, 2)  # OID OID TYPE...
        tail = rest[2] if len(rest) == 3 else ""
        kind = next((k for k in _PG_TYPES_BY_LENGTH if tail == k or tail.startswith(k + " ")), None)
        if kind is None:
            kind = tail.split(" ", 1)[0] if tail else "?"
        out.append((kind, tail[len(kind):].strip(), line))
    return out


LAN_OBJECT_PREFIX = "oaoi_lan_"
"""Names of what ``oaoi lan setup`` creates on a LAN server (functions, the seats table)."""
LEFT_OUT_TYPES = frozenset({"POLICY", "ROW SECURITY", "ACL", "DEFAULT ACL"})
"""Never restored: row-level security and grants belong to the seats of the server they were made
on (roles do not travel in a dump); ``oaoi lan setup`` makes them again on the restored database."""


def _check_pg_dump(tool: str, dump: Path, archive_name: str) -> tuple[list[str], int]:
    """Refuse a dump holding objects the migrations do not create (before ``pg_restore`` runs).

    Checked per table-of-contents entry: its type must be one the app's schema has, and a TABLE
    must be one of the app's tables.  Column definitions inside a table are not compared (a limit,
    see docs/reliability.md): the SQLite restore compares every object's SQL.  The LAN seat
    objects of ``oaoi lan setup`` (``oaoi_lan_*`` functions and table, policies, grants) are
    left out, never restored or run.  Returns the entries to restore (``pg_restore --use-list``)
    and how many were left out.
    """
    from oaoi_desktop.store import models, schema_check

    proc = subprocess.run([tool, "--list", str(dump)], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise ValidationError("trust.restore.db_damaged", file=archive_name, reason=(proc.stderr or "").strip()[:300])
    tables = set(models.Base.metadata.tables) | {"alembic_version"}
    entries = _pg_toc_entries(proc.stdout)
    keep: list[str] = []
    left_out = 0
    for kind, name, line in entries:
        words = name.split()
        table_name = words[1] if len(words) > 1 else ""
        lan_object = table_name.startswith(LAN_OBJECT_PREFIX) and kind in ("FUNCTION", "TABLE", "TABLE DATA",
                                                                             "CONSTRAINT", "INDEX", "FK CONSTRAINT")
        if lan_object or kind in LEFT_OUT_TYPES:
            left_out += 1
            continue
        keep.append(line)
        if kind not in PG_ALLOWED_TYPES:
            raise ValidationError("identity.restore.schema_unexpected", file=archive_name, type=kind.lower(),
                                  name=schema_check.display_name(" ".join(words[:2])), count=1)
        if kind in ("TABLE", "TABLE DATA") and table_name not in tables:
            raise ValidationError("identity.restore.schema_unexpected", file=archive_name, type=kind.lower(),
                                  name=schema_check.display_name(table_name), count=1)
    return keep, left_out


# -- rotating backups ------------------------------------------------------------------
def rotating_backup(db: Database, reason: str, *, keep: int = DEFAULT_KEEP) -> Path | None:
    """A copy of the database alone into ``backups/`` (SQLite only; ``None`` elsewhere)."""
    path = db.sqlite_path
    if path is None or not path.exists():
        return None
    return store_backup.rotating_backup(path, config.backup_dir(), reason, keep=keep)


def backup_before_import(db: Database, *, keep: int = DEFAULT_KEEP) -> Path | None:
    """The automatic ``pre-import`` backup; a failure is logged, never blocks the import."""
    try:
        return rotating_backup(db, "pre-import", keep=keep)
    except OaoiError as exc:
        log.warning("backup before import failed: %s", exc.render("en"))
        return None


def change_marker(db: Database) -> str:
    """A fingerprint that changes whenever anything is written to the audit log."""
    from oaoi_desktop.store.models import AuditHead

    with db.read() as s:
        heads = sorted((c, q, h) for c, q, h in s.execute(select(AuditHead.chain, AuditHead.seq, AuditHead.hash)))
    return canonical.sha256_hex([list(h) for h in heads])


class AutoBackup:
    """Every-N-minutes backups that happen only when the database changed.

    :meth:`tick` is what the GUI's timer calls (from a worker thread); it
    returns the new backup's path, or ``None`` when nothing changed.
    """

    REASON = "auto"

    def __init__(self, db: Database, *, keep: int = DEFAULT_KEEP) -> None:
        self.db = db
        self.keep = keep
        self._last: str | None = None
        self._lock = threading.Lock()

    def prime(self) -> None:
        """Remember the current state (the app just opened: no backup needed yet)."""
        self._last = change_marker(self.db)

    def tick(self) -> Path | None:
        if not self._lock.acquire(blocking=False):
            return None
        try:
            marker = change_marker(self.db)
            if marker == self._last:
                return None
            path = rotating_backup(self.db, self.REASON, keep=self.keep)
            self._last = marker
            return path
        finally:
            self._lock.release()


def list_backups(folder: Path | None = None) -> list[Path]:
    folder = Path(folder) if folder else config.backup_dir()
    return sorted(folder.glob("*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)


__all__ = [
    "BackupResult", "RestoreResult", "create_backup", "check_archive", "read_manifest", "restore_backup",
    "rotating_backup", "backup_before_import", "change_marker", "AutoBackup", "list_backups",
]
