"""LAN seats on PostgreSQL: one database role per seat, enforced by the server.

``oaoi lan setup`` (``services/lan.py``) runs :func:`apply` as the database's
owner (the admin role that ran the migrations).  It creates

* ``oaoi_lan_seats(role_name, kind, user_id, event_id)``: which login role is
  which person (a judge) or the secretariat.  Only the owner reads it; the
  policies reach it through :func:`oaoi_lan_user_id` (``session_user`` → user id);
* a NOLOGIN group role ``<db>_judges`` holding the judges' privileges, one LOGIN
  role per judge seat (member of the group) and one ``<db>_secretariat``
  LOGIN role.  Role names are cluster-wide, so each starts with the database's
  name.  None is a superuser, owner, or has BYPASSRLS/CREATEROLE/CREATEDB;
* GRANTs (a judge gets no privilege at all on the audit log, plenary,
  documents, signing authority, exchange and lineage tables) and ROW LEVEL
  SECURITY on every table a judge may read.  Tables are ENABLEd, not FORCEd:
  the owner (admin) keeps running migrations and owns the SECURITY DEFINER
  functions; no seat role owns anything;
* SECURITY DEFINER functions (owned by the admin, ``search_path`` pinned to
  ``pg_catalog, public, pg_temp``, EXECUTE revoked from PUBLIC) for the
  policies' questions (which dossiers a judge may read / score, recusal at the
  event's level with its aliases) and for appending to the audit chain.

The audit chain on a judge seat: a judge role cannot INSERT into
``audit_entries`` nor touch ``audit_heads``.  ``services/audit.append`` asks
:func:`oaoi_lan_audit_head` (locks the chain's head ``FOR UPDATE`` for the rest
of the transaction and returns seq and hash), builds the entry exactly as for
any seat, computes its hash with the app's canonical JSON, and hands the
canonical text and the hash to :func:`oaoi_lan_audit_append`.  Under the same
lock that function checks that SHA-256(text) is the hash, that seq and
prev_hash continue the locked head, that the entry is the judge's own (actor
id and name of the seat's account, an action from the judge's short list, a
sheet entity that is the judge's own sheet, the seat's own event, not
finalised), then inserts the row from that very text and moves the head.
Why not compute the canonical JSON in SQL: PostgreSQL's JSON text output is
not the app's canonical form (spaces, number forms), and a second
implementation of it could drift from the Python one; checking the digest of
the exact bytes the client hashed keeps one definition of the hash.  What a
hostile seat could still do is send non-canonical text whose digest matches:
the row then fails ``oaoi audit verify`` (``edited_entry``) — found, not hidden.

The recusal rule is recomputed in SQL (:data:`_NORM_SQL`): NFKC, lower case,
ASCII punctuation (and the usual typographic dashes/quotes) to spaces, spaces
collapsed, the event's aliases.  The app's rule (``domain/conflicts.py``)
applies in every service as well; ``assign`` never makes a recused pair, so the
database's check is the second wall for pairs that became recused later.
"""

from __future__ import annotations

import dataclasses
import re
import secrets
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

SEATS_TABLE = "oaoi_lan_seats"

JUDGE_AUDIT_ACTIONS = (
    "score.recorded", "score.cleared", "score.comment_changed", "sheet.saved", "sheet.submitted",
    "integrity.declared", "conflict.declared",
)
"""What a judge seat may append to its event's chain (its own sheets, declarations); plus ``user.locked``
of its own account, written by the sign-in's system actor after too many wrong PINs."""

JUDGE_READ_TABLES = (
    "events", "rubric_versions", "dossiers", "dossier_revisions", "attachments", "blobs", "blob_chunks",
    "users", "assignments", "score_sheets", "scores", "integrity_declarations", "conflict_declarations",
    "panel_packages", "judge_credentials",
)
"""Tables under row-level security (a judge reads some of their rows)."""

JUDGE_PLAIN_READ = ("alembic_version", "app_meta")
"""Read by every seat at start-up (schema revision); nothing personal in them."""


@dataclasses.dataclass(frozen=True)
class Seat:
    role_name: str
    kind: str  # judge | secretariat
    user_id: uuid.UUID | None
    name: str
    password: str | None = None
    """Set only when the role was created or its password rotated in this run."""


def prefix_for(database: str) -> str:
    """Role-name prefix: the database's name, folded to ``[a-z0-9_]`` (roles are cluster-wide)."""
    folded = re.sub(r"[^a-z0-9_]", "_", database.lower()).strip("_") or "oaoi"
    return folded[:32]


def judges_group(prefix: str) -> str:
    return f"{prefix}_judges"


def secretariat_role(prefix: str) -> str:
    return f"{prefix}_secretariat"


def judge_role(prefix: str, user_id: uuid.UUID, name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")[:12] or "juri"
    return f"{prefix}_j_{slug}_{user_id.hex[:6]}"


def new_password() -> str:
    """A random password (192 bits, URL-safe: it goes into a connection URL as it is)."""
    return secrets.token_urlsafe(24)


def _ident(name: str) -> str:
    if not re.fullmatch(r"[a-z0-9_]{1,63}", name):
        raise ValueError(f"not a seat role name: {name!r}")
    return f'"{name}"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


# -- SQL: functions ---------------------------------------------------------------------
_DEFINER = "SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp"

def _punctuation_class() -> str:
    """A regex bracket expression of ASCII punctuation (Python's ``[^\\w\\s]`` on ASCII) and typographic marks."""
    import string

    chars = [c for c in string.punctuation if c not in "_-"]
    body = "".join("\\" + c if c in "]\\^[" else c for c in chars)
    return "[" + body + "\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u00b7\u2022-]"


_NORM_SQL = f"""
CREATE OR REPLACE FUNCTION oaoi_lan_norm(p text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $f$
  SELECT btrim(regexp_replace(
           regexp_replace(lower(normalize(coalesce(p, ''), NFKC)), {{punct}}, ' ', 'g'),
           '\\s+', ' ', 'g'))
$f$;
"""

_FUNCTIONS_SQL = [
    _NORM_SQL.replace("{punct}", "'" + _punctuation_class().replace("'", "''") + "'"),
    f"""
CREATE OR REPLACE FUNCTION oaoi_lan_canon(p text, aliases jsonb) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public, pg_temp AS $f$
  SELECT coalesce(
    (SELECT oaoi_lan_norm(k.key)
       FROM jsonb_each(CASE WHEN jsonb_typeof(aliases) = 'object' THEN aliases ELSE '{{}}'::jsonb END) k
      WHERE (oaoi_lan_norm(k.key) = oaoi_lan_norm(p)
             OR (jsonb_typeof(k.value) = 'array' AND EXISTS (
                   SELECT 1 FROM jsonb_array_elements_text(k.value) a WHERE oaoi_lan_norm(a) = oaoi_lan_norm(p))))
      ORDER BY k.key LIMIT 1),
    oaoi_lan_norm(p))
$f$;
""",
    """
CREATE OR REPLACE FUNCTION oaoi_lan_same(a text, b text, aliases jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public, pg_temp AS $f$
  SELECT oaoi_lan_norm(a) <> '' AND oaoi_lan_norm(b) <> ''
         AND oaoi_lan_canon(a, aliases) = oaoi_lan_canon(b, aliases)
$f$;
""",
    f"""
CREATE OR REPLACE FUNCTION oaoi_lan_user_id() RETURNS uuid
LANGUAGE sql STABLE {_DEFINER} AS $f$
  SELECT s.user_id FROM public.{SEATS_TABLE} s JOIN public.users u ON u.id = s.user_id AND u.active
   WHERE s.role_name = session_user AND s.kind = 'judge'
$f$;
""",
    f"""
CREATE OR REPLACE FUNCTION oaoi_lan_event_id() RETURNS uuid
LANGUAGE sql STABLE {_DEFINER} AS $f$
  SELECT s.event_id FROM public.{SEATS_TABLE} s JOIN public.users u ON u.id = s.user_id AND u.active
   WHERE s.role_name = session_user AND s.kind = 'judge'
$f$;
""",
    f"""
CREATE OR REPLACE FUNCTION oaoi_lan_recused(p_judge uuid, p_dossier uuid) RETURNS boolean
LANGUAGE sql STABLE {_DEFINER} AS $f$
  SELECT CASE e.recusal_level
           WHEN 'instansi' THEN oaoi_lan_same(u.instansi, d.instansi, e.settings::jsonb -> 'aliases')
           WHEN 'unit_kerja' THEN
             oaoi_lan_same(u.unit_kerja, d.unit_kerja, e.settings::jsonb -> 'aliases')
             AND (u.instansi = '' OR d.instansi = ''
                  OR oaoi_lan_same(u.instansi, d.instansi, e.settings::jsonb -> 'aliases'))
           ELSE true END
  FROM public.users u JOIN public.dossiers d ON d.id = p_dossier JOIN public.events e ON e.id = d.event_id
  WHERE u.id = p_judge
$f$;
""",
    f"""
CREATE OR REPLACE FUNCTION oaoi_lan_may_read(p_dossier uuid) RETURNS boolean
LANGUAGE sql STABLE {_DEFINER} AS $f$
  SELECT EXISTS (
    SELECT 1 FROM public.assignments a
     WHERE a.dossier_id = p_dossier AND a.judge_id = oaoi_lan_user_id()
       AND a.event_id = oaoi_lan_event_id())
     AND NOT coalesce(oaoi_lan_recused(oaoi_lan_user_id(), p_dossier), true)
$f$;
""",
    f"""
CREATE OR REPLACE FUNCTION oaoi_lan_may_write(p_event uuid, p_dossier uuid, p_stage text) RETURNS boolean
LANGUAGE sql STABLE {_DEFINER} AS $f$
  SELECT p_event = oaoi_lan_event_id()
     AND oaoi_lan_may_read(p_dossier)
     AND EXISTS (SELECT 1 FROM public.assignments a
                  WHERE a.dossier_id = p_dossier AND a.judge_id = oaoi_lan_user_id() AND a.stage_id = p_stage)
     AND NOT EXISTS (SELECT 1 FROM public.conflict_declarations c
                      WHERE c.dossier_id = p_dossier AND c.judge_id = oaoi_lan_user_id())
     AND EXISTS (SELECT 1 FROM public.events e
                  WHERE e.id = p_event AND e.status <> 'finalised'
                    AND coalesce(jsonb_typeof(e.settings::jsonb -> 'stages' -> p_stage), 'null') = 'null')
$f$;
""",
    f"""
CREATE OR REPLACE FUNCTION oaoi_lan_draft_sheet(p_sheet uuid) RETURNS boolean
LANGUAGE sql STABLE {_DEFINER} AS $f$
  SELECT EXISTS (SELECT 1 FROM public.score_sheets s
                  WHERE s.id = p_sheet AND s.judge_id = oaoi_lan_user_id() AND s.status = 'draft'
                    AND oaoi_lan_may_write(s.event_id, s.dossier_id, s.stage_id))
$f$;
""",
    f"""
CREATE OR REPLACE FUNCTION oaoi_lan_sheet_complete(p_sheet uuid, p_event uuid, p_stage text) RETURNS boolean
LANGUAGE sql STABLE {_DEFINER} AS $f$
  SELECT NOT EXISTS (
    SELECT 1
      FROM public.events e
      JOIN public.rubric_versions r ON r.id = e.rubric_version_id
      CROSS JOIN LATERAL jsonb_array_elements(
        CASE WHEN jsonb_typeof(r.document::jsonb -> 'stages') = 'array' THEN r.document::jsonb -> 'stages'
             ELSE '[]'::jsonb END) st
      CROSS JOIN LATERAL jsonb_array_elements(
        CASE WHEN jsonb_typeof(st -> 'criteria') = 'array' THEN st -> 'criteria' ELSE '[]'::jsonb END) c
     WHERE e.id = p_event AND st ->> 'id' = p_stage
       AND NOT EXISTS (SELECT 1 FROM public.scores s WHERE s.sheet_id = p_sheet AND s.criterion_id = c ->> 'id'))
$f$;
""",
    f"""
CREATE OR REPLACE FUNCTION oaoi_lan_audit_head(p_chain text, OUT head_seq integer, OUT head_hash text)
LANGUAGE plpgsql {_DEFINER} AS $f$
BEGIN
  IF oaoi_lan_user_id() IS NULL THEN
    RAISE EXCEPTION 'oaoi: % is not a LAN judge seat', session_user USING ERRCODE = '42501';
  END IF;
  IF p_chain IS DISTINCT FROM oaoi_lan_event_id()::text THEN
    RAISE EXCEPTION 'oaoi: a judge seat writes only to its event''s audit chain' USING ERRCODE = '42501';
  END IF;
  INSERT INTO public.audit_heads (chain, seq, hash) VALUES (p_chain, 0, repeat('0', 64))
    ON CONFLICT (chain) DO NOTHING;
  SELECT h.seq, h.hash INTO head_seq, head_hash FROM public.audit_heads h WHERE h.chain = p_chain FOR UPDATE;
END
$f$;
""",
    f"""
CREATE OR REPLACE FUNCTION oaoi_lan_audit_append(p_id uuid, p_content text, p_hash text) RETURNS void
LANGUAGE plpgsql {_DEFINER} AS $f$
DECLARE
  me uuid := oaoi_lan_user_id();
  ev uuid := oaoi_lan_event_id();
  c jsonb;
  h record;
  my_name text;
BEGIN
  IF me IS NULL THEN
    RAISE EXCEPTION 'oaoi: % is not a LAN judge seat', session_user USING ERRCODE = '42501';
  END IF;
  IF p_hash IS DISTINCT FROM encode(sha256(convert_to(p_content, 'UTF8')), 'hex') THEN
    RAISE EXCEPTION 'oaoi: the audit entry''s hash does not match its content' USING ERRCODE = '22000';
  END IF;
  c := p_content::jsonb;
  IF c ->> 'chain' IS DISTINCT FROM ev::text OR c ->> 'event_id' IS DISTINCT FROM ev::text THEN
    RAISE EXCEPTION 'oaoi: a judge seat writes only to its event''s audit chain' USING ERRCODE = '42501';
  END IF;
  SELECT seq, hash INTO h FROM public.audit_heads WHERE chain = ev::text FOR UPDATE;
  IF NOT FOUND OR (c ->> 'seq')::integer IS DISTINCT FROM h.seq + 1
     OR c ->> 'prev_hash' IS DISTINCT FROM h.hash THEN
    RAISE EXCEPTION 'oaoi: the audit chain moved on; try again' USING ERRCODE = '40001';
  END IF;
  SELECT name INTO my_name FROM public.users WHERE id = me;
  IF c ->> 'action' = ANY (ARRAY[{", ".join(_literal(a) for a in JUDGE_AUDIT_ACTIONS)}]) THEN
    IF c ->> 'actor_id' IS DISTINCT FROM me::text OR c ->> 'actor' IS DISTINCT FROM my_name THEN
      RAISE EXCEPTION 'oaoi: a judge seat writes audit entries only in its own name' USING ERRCODE = '42501';
    END IF;
    IF c ->> 'entity_type' = 'score_sheet' AND NOT EXISTS (
         SELECT 1 FROM public.score_sheets s WHERE s.id::text = c ->> 'entity_id' AND s.judge_id = me) THEN
      RAISE EXCEPTION 'oaoi: not this judge''s score sheet' USING ERRCODE = '42501';
    END IF;
  ELSIF c ->> 'action' = 'user.locked' THEN
    IF c ->> 'actor_id' IS NOT NULL OR c ->> 'entity_type' IS DISTINCT FROM 'user'
       OR c ->> 'entity_id' IS DISTINCT FROM me::text THEN
      RAISE EXCEPTION 'oaoi: a judge seat locks only its own account' USING ERRCODE = '42501';
    END IF;
  ELSE
    RAISE EXCEPTION 'oaoi: a judge seat may not record %', c ->> 'action' USING ERRCODE = '42501';
  END IF;
  IF EXISTS (SELECT 1 FROM public.events e WHERE e.id = ev AND e.status = 'finalised') THEN
    RAISE EXCEPTION 'oaoi: the event is finalised' USING ERRCODE = '42501';
  END IF;
  INSERT INTO public.audit_entries (id, chain, seq, event_id, actor, actor_id, action, entity_type, entity_id,
                                    before, after, at, device_id, prev_hash, hash)
  VALUES (p_id, c ->> 'chain', (c ->> 'seq')::integer, (c ->> 'event_id')::uuid, c ->> 'actor',
          (c ->> 'actor_id')::uuid, c ->> 'action', c ->> 'entity_type', c ->> 'entity_id',
          CASE WHEN jsonb_typeof(c -> 'before') = 'null' THEN NULL ELSE (c -> 'before')::json END,
          CASE WHEN jsonb_typeof(c -> 'after') = 'null' THEN NULL ELSE (c -> 'after')::json END,
          (c ->> 'at')::timestamp, (c ->> 'device_id')::uuid, c ->> 'prev_hash', p_hash);
  UPDATE public.audit_heads SET seq = (c ->> 'seq')::integer, hash = p_hash WHERE chain = ev::text;
END
$f$;
""",
]

_FUNCTION_SIGNATURES = (
    "oaoi_lan_norm(text)", "oaoi_lan_canon(text, jsonb)", "oaoi_lan_same(text, text, jsonb)",
    "oaoi_lan_user_id()", "oaoi_lan_event_id()", "oaoi_lan_recused(uuid, uuid)", "oaoi_lan_may_read(uuid)",
    "oaoi_lan_may_write(uuid, uuid, text)", "oaoi_lan_draft_sheet(uuid)",
    "oaoi_lan_sheet_complete(uuid, uuid, text)", "oaoi_lan_audit_head(text)",
    "oaoi_lan_audit_append(uuid, text, text)",
)

_SEAT_FUNCTIONS = (
    "oaoi_lan_user_id()", "oaoi_lan_event_id()", "oaoi_lan_may_read(uuid)", "oaoi_lan_may_write(uuid, uuid, text)",
    "oaoi_lan_draft_sheet(uuid)", "oaoi_lan_sheet_complete(uuid, uuid, text)", "oaoi_lan_audit_head(text)",
    "oaoi_lan_audit_append(uuid, text, text)",
)
"""What a judge seat may execute: the functions its policies call, and the audit chain's two."""

# -- SQL: policies ----------------------------------------------------------------------------
_ME = "oaoi_lan_user_id()"
_JUDGE_POLICIES: dict[str, list[tuple[str, str, str | None]]] = {
    # table: [(command, USING, WITH CHECK)]
    "events": [("SELECT", "id = oaoi_lan_event_id()", None)],
    "rubric_versions": [("SELECT", "id IN (SELECT e.rubric_version_id FROM public.events e)", None)],
    "dossiers": [("SELECT", "oaoi_lan_may_read(id)", None)],
    "dossier_revisions": [("SELECT", "oaoi_lan_may_read(dossier_id)", None)],
    "attachments": [("SELECT", "oaoi_lan_may_read(dossier_id)", None)],
    "blobs": [("SELECT", "EXISTS (SELECT 1 FROM public.attachments a WHERE a.sha256 = blobs.sha256)", None)],
    "blob_chunks": [("SELECT", "EXISTS (SELECT 1 FROM public.attachments a WHERE a.sha256 = blob_chunks.sha256)",
                     None)],
    "users": [("SELECT", f"id = {_ME}", None), ("UPDATE", f"id = {_ME}", f"id = {_ME}")],
    "assignments": [("SELECT", f"judge_id = {_ME}", None)],
    "score_sheets": [
        ("SELECT", f"judge_id = {_ME}", None),
        ("INSERT", None,  # type: ignore[list-item]
         f"judge_id = {_ME} AND status = 'draft' AND oaoi_lan_may_write(event_id, dossier_id, stage_id)"),
        # the row as it stands must be the judge's own draft; the new row may be the submitted one
        ("UPDATE", f"judge_id = {_ME} AND status = 'draft'",
         f"judge_id = {_ME} AND oaoi_lan_may_write(event_id, dossier_id, stage_id) "
         "AND (status = 'draft' OR (status IN ('submitted', 'locked') "
         "AND oaoi_lan_sheet_complete(id, event_id, stage_id)))"),
    ],
    "scores": [
        ("SELECT", "EXISTS (SELECT 1 FROM public.score_sheets s WHERE s.id = scores.sheet_id)", None),
        ("INSERT", None, "oaoi_lan_draft_sheet(sheet_id)"),  # type: ignore[list-item]
        ("UPDATE", "oaoi_lan_draft_sheet(sheet_id)", "oaoi_lan_draft_sheet(sheet_id)"),
        ("DELETE", "oaoi_lan_draft_sheet(sheet_id)", None),
    ],
    "integrity_declarations": [
        ("SELECT", f"judge_id = {_ME}", None),
        ("INSERT", None, f"judge_id = {_ME} AND event_id = oaoi_lan_event_id()"),  # type: ignore[list-item]
    ],
    "conflict_declarations": [
        ("SELECT", f"judge_id = {_ME}", None),
        ("INSERT", None,  # type: ignore[list-item]
         f"judge_id = {_ME} AND event_id = oaoi_lan_event_id() AND oaoi_lan_may_read(dossier_id)"),
    ],
    # is_judge_seat() reads it; a LAN seat is not a USB judge laptop: no row
    "panel_packages": [("SELECT", "false", None)],
    "judge_credentials": [("SELECT", f"user_id = {_ME}", None)],
}

_JUDGE_GRANTS: dict[str, str] = {
    "events": "SELECT", "rubric_versions": "SELECT", "dossiers": "SELECT", "dossier_revisions": "SELECT",
    "attachments": "SELECT", "blobs": "SELECT", "blob_chunks": "SELECT",
    "users": "SELECT, UPDATE (state, failed_attempts, locked)",
    "assignments": "SELECT",
    "score_sheets": "SELECT, INSERT, UPDATE (status, revision, version, updated_at, submitted_at, device_id, "
                    "dossier_revision, source)",
    "scores": "SELECT, INSERT, UPDATE (value_milli, comment), DELETE",
    "integrity_declarations": "SELECT, INSERT", "conflict_declarations": "SELECT, INSERT",
    "panel_packages": "SELECT", "judge_credentials": "SELECT",
    "alembic_version": "SELECT", "app_meta": "SELECT",
}


def _ddl(conn: Connection, sql: str) -> None:
    """A statement without parameters (the driver would read ``%`` as a placeholder)."""
    conn.exec_driver_sql(sql.replace("%", "%%"))


def _tables(conn: Connection) -> list[str]:
    return list(conn.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")).scalars())


def _role_exists(conn: Connection, role: str) -> bool:
    return conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first() is not None


def _ensure_login_role(conn: Connection, role: str, *, rotate: bool) -> str | None:
    """Create ``role`` (returns its new password) or, with ``rotate``, give it a new one."""
    attrs = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT"
    if not _role_exists(conn, role):
        password = new_password()
        _ddl(conn, f"CREATE ROLE {_ident(role)} {attrs} PASSWORD {_literal(password)}")
        return password
    _ddl(conn, f"ALTER ROLE {_ident(role)} {attrs}")  # re-assert: nobody widened it meanwhile
    if rotate:
        password = new_password()
        _ddl(conn, f"ALTER ROLE {_ident(role)} PASSWORD {_literal(password)}")
        return password
    return None


def apply(
    conn: Connection,
    *,
    judges: Sequence[tuple[uuid.UUID, str, uuid.UUID]],
    event_id: uuid.UUID | None = None,
    rotate: Iterable[uuid.UUID] = (),
    rotate_secretariat: bool = False,
) -> list[Seat]:
    """Create or re-apply the seats of ``judges`` (user id, name, event id) and the secretariat's.

    Runs in the caller's transaction, as the database's owner.  Idempotent:
    roles that exist keep their password unless named in ``rotate``;
    grants, policies and functions are dropped and made again.
    """
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    prefix = prefix_for(database)
    group, sec = judges_group(prefix), secretariat_role(prefix)
    rotate = set(rotate)
    db_ident = '"' + database.replace('"', '""') + '"'

    _ddl(conn, f"""
        CREATE TABLE IF NOT EXISTS public.{SEATS_TABLE} (
            role_name varchar(63) PRIMARY KEY,
            kind varchar(20) NOT NULL CHECK (kind IN ('judge', 'secretariat')),
            user_id uuid NULL REFERENCES public.users (id),
            event_id uuid NULL REFERENCES public.events (id),
            created_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
            rotated_at timestamp NULL
        )""")
    _ddl(conn, f"REVOKE ALL ON public.{SEATS_TABLE} FROM PUBLIC")
    # nobody but the owner creates objects in the schema (a seat could otherwise shadow a function)
    _ddl(conn, "REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    _ddl(conn, f"REVOKE TEMPORARY ON DATABASE {db_ident} FROM PUBLIC")
    for sql in _FUNCTIONS_SQL:
        _ddl(conn, sql)
    for signature in _FUNCTION_SIGNATURES:
        _ddl(conn, f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")

    if not _role_exists(conn, group):
        _ddl(conn, f"CREATE ROLE {_ident(group)} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS")
    seats: list[Seat] = []
    sec_password = _ensure_login_role(conn, sec, rotate=rotate_secretariat)
    seats.append(Seat(sec, "secretariat", None, "secretariat", sec_password))
    for user_id, name, event_id in judges:
        role = judge_role(prefix, user_id, name)
        password = _ensure_login_role(conn, role, rotate=user_id in rotate)
        _ddl(conn, f"GRANT {_ident(group)} TO {_ident(role)}")
        seats.append(Seat(role, "judge", user_id, name, password))

    for seat in seats:
        conn.execute(text(
            f"INSERT INTO public.{SEATS_TABLE} (role_name, kind, user_id, event_id) "
            "VALUES (:r, :k, :u, :e) ON CONFLICT (role_name) DO UPDATE SET kind = EXCLUDED.kind, "
            "user_id = EXCLUDED.user_id, event_id = EXCLUDED.event_id, "
            "rotated_at = CASE WHEN :rotated THEN now() AT TIME ZONE 'UTC' ELSE "
            f"public.{SEATS_TABLE}.rotated_at END"),
            {"r": seat.role_name, "k": seat.kind, "u": seat.user_id,
             "e": next((e for u, _n, e in judges if u == seat.user_id), None),
             "rotated": seat.password is not None})
        _ddl(conn, f"GRANT CONNECT ON DATABASE {db_ident} TO {_ident(seat.role_name)}")
    # a judge no longer on the event's active roster: the seat cannot log in any more
    active = [u for u, _n, _e in judges]
    for role in conn.execute(text(
            f"SELECT role_name FROM public.{SEATS_TABLE} WHERE kind = 'judge' AND event_id = :e "
            "AND NOT (user_id = ANY(:active))"), {"e": event_id, "active": active}).scalars():
        if _role_exists(conn, role):
            _ddl(conn, f"ALTER ROLE {_ident(role)} NOLOGIN")
    _ddl(conn, f"GRANT USAGE ON SCHEMA public TO {_ident(group)}, {_ident(sec)}")

    tables = _tables(conn)
    # grants: start from nothing each time
    for table in tables:
        _ddl(conn, f"REVOKE ALL ON public.{table} FROM {_ident(group)}, {_ident(sec)}")
    for table, privileges in _JUDGE_GRANTS.items():
        if table in tables:
            _ddl(conn, f"GRANT {privileges} ON public.{table} TO {_ident(group)}")
    for table in tables:
        if table == SEATS_TABLE:  # role names and user ids: the secretariat's pg_dump backup reads it
            _ddl(conn, f"GRANT SELECT ON public.{table} TO {_ident(sec)}")
            continue
        if table == "audit_entries":  # the secretariat appends; nobody edits or deletes an entry
            _ddl(conn, f"GRANT SELECT, INSERT ON public.{table} TO {_ident(sec)}")
        else:
            _ddl(conn, f"GRANT SELECT, INSERT, UPDATE, DELETE ON public.{table} TO {_ident(sec)}")
    # only what the policies and the audit path call; recusal helpers stay the owner's (called inside)
    _ddl(conn, f"GRANT EXECUTE ON FUNCTION {', '.join(_SEAT_FUNCTIONS)} TO {_ident(group)}")

    # row-level security: every policy made again
    for table in JUDGE_READ_TABLES:
        if table not in tables:
            continue
        for name in conn.execute(text(
                "SELECT policyname FROM pg_policies WHERE schemaname = 'public' AND tablename = :t "
                "AND policyname LIKE 'oaoi_lan_%'"), {"t": table}).scalars():
            _ddl(conn, f'DROP POLICY "{name}" ON public.{table}')
        _ddl(conn, f"ALTER TABLE public.{table} ENABLE ROW LEVEL SECURITY")
        _ddl(conn, f"CREATE POLICY oaoi_lan_secretariat ON public.{table} FOR ALL TO {_ident(sec)} "
                             "USING (true) WITH CHECK (true)")
        for i, (command, using, check) in enumerate(_JUDGE_POLICIES.get(table, [])):
            sql = f"CREATE POLICY oaoi_lan_judge_{command.lower()}_{i} ON public.{table} FOR {command} " \
                  f"TO {_ident(group)}"
            if using is not None:
                sql += f" USING ({using})"
            if check is not None:
                sql += f" WITH CHECK ({check})"
            _ddl(conn, sql)
    return seats


def drop(conn: Connection) -> list[str]:
    """Remove every seat role of this database, its policies, functions and seats table (as the owner).

    For the end of an event (and the tests).  Returns the roles dropped.
    """
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    prefix = prefix_for(database)
    roles: list[str] = []
    if conn.execute(text("SELECT to_regclass(:t)"), {"t": f"public.{SEATS_TABLE}"}).scalar() is not None:
        roles = list(conn.execute(text(f"SELECT role_name FROM public.{SEATS_TABLE}")).scalars())
    roles += [r for r in (judges_group(prefix),) if _role_exists(conn, r)]
    roles = [r for r in dict.fromkeys(roles) if _role_exists(conn, r)]
    for table in JUDGE_READ_TABLES:
        for name in conn.execute(text(
                "SELECT policyname FROM pg_policies WHERE schemaname = 'public' AND tablename = :t "
                "AND policyname LIKE 'oaoi_lan_%'"), {"t": table}).scalars():
            _ddl(conn, f'DROP POLICY "{name}" ON public.{table}')
        if table in _tables(conn):
            _ddl(conn, f"ALTER TABLE public.{table} DISABLE ROW LEVEL SECURITY")
    if roles:
        _ddl(conn, "DROP OWNED BY " + ", ".join(_ident(r) for r in roles))
    for signature in _FUNCTION_SIGNATURES:
        _ddl(conn, f"DROP FUNCTION IF EXISTS {signature}")
    _ddl(conn, f"DROP TABLE IF EXISTS public.{SEATS_TABLE}")
    return roles


def drop_roles(conn: Connection, roles: Iterable[str]) -> None:
    """DROP ROLE (after :func:`drop` in each database they had privileges in, and outside a transaction)."""
    for role in roles:
        _ddl(conn, f"DROP ROLE IF EXISTS {_ident(role)}")


# -- the seat side: is this connection a judge seat, and the audit chain through the functions -------
_SEAT_FLAG = "oaoi_lan_judge_seat"


def is_judge_seat_connection(session: Session) -> bool:
    """True on PostgreSQL when this login is a judge seat (no direct INSERT on the audit log).

    Asked once per server connection and remembered on it.
    """
    if session.get_bind().dialect.name != "postgresql":
        return False
    conn = session.connection()
    info = conn.info
    if _SEAT_FLAG not in info:
        info[_SEAT_FLAG] = bool(conn.execute(text(
            "SELECT to_regprocedure('oaoi_lan_audit_append(uuid,text,text)') IS NOT NULL "
            "AND NOT has_table_privilege('public.audit_entries', 'INSERT')")).scalar())
    return bool(info[_SEAT_FLAG])


def seat_user_id(session: Session) -> uuid.UUID | None:
    """The judge a LAN judge seat's login belongs to (None when deactivated)."""
    value = session.execute(text("SELECT oaoi_lan_user_id()")).scalar()
    return value if value is None or isinstance(value, uuid.UUID) else uuid.UUID(str(value))


@dataclasses.dataclass
class SeatHead:
    seq: int
    hash: str


def lock_head(session: Session, chain: str) -> SeatHead:
    """The chain's head, locked for the rest of the transaction (through the SECURITY DEFINER function)."""
    row = session.execute(text("SELECT head_seq, head_hash FROM oaoi_lan_audit_head(:c)"), {"c": chain}).one()
    return SeatHead(int(row.head_seq), str(row.head_hash))


def append_entry(session: Session, entry_id: uuid.UUID, content: dict[str, Any], entry_hash: str) -> None:
    """Hand the entry (its canonical JSON, exactly as hashed) to the function that appends it."""
    from oaoi_desktop.domain import canonical

    session.execute(text("SELECT oaoi_lan_audit_append(:i, :c, :h)"),
                    {"i": entry_id, "c": canonical.dumps_str(content), "h": entry_hash})


# -- seat files ---------------------------------------------------------------------------------
def seat_url(admin_url: str, role: str, password: str, *, host: str | None = None, port: int | None = None) -> str:
    url = make_url(admin_url).set(username=role, password=password)
    if host:
        url = url.set(host=host)
    if port:
        url = url.set(port=port)
    return url.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)



__all__ = ["Seat", "apply", "drop", "drop_roles", "is_judge_seat_connection", "lock_head", "append_entry",
           "seat_url", "prefix_for", "judge_role", "secretariat_role",
           "judges_group", "SEATS_TABLE"]
