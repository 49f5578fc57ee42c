"""The import's writes as Core statements, run on SQLite on the DB-API cursor (:class:`Statements`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, insert, select, update

from oaoi_desktop.store.models import Attachment, Dossier, DossierRevision


CURRENT = (
    select(Dossier.id, Dossier.title, Dossier.instansi, Dossier.unit_kerja, Dossier.klaster, Dossier.kelompok,
           Dossier.kategori, Dossier.current_revision, DossierRevision.sha256, DossierRevision.source,
           Dossier.calibration)
    .join(DossierRevision, (DossierRevision.dossier_id == Dossier.id)
          & (DossierRevision.revision == Dossier.current_revision))
    .where(Dossier.event_id == bindparam("event_id"), Dossier.number == bindparam("number"))
)
def _insert(model: Any, columns: tuple[str, ...]) -> Any:
    table = model.__table__
    return insert(table).values({c: bindparam(c, type_=table.c[c].type) for c in columns})


_DOSSIER_COLUMNS = ("id", "event_id", "number", "title", "instansi", "unit_kerja", "klaster", "kelompok", "kategori",
                    "current_revision", "created_at", "calibration")
INSERT_DOSSIER = _insert(Dossier, _DOSSIER_COLUMNS)
UPDATE_DOSSIER = (
    update(Dossier.__table__).where(Dossier.__table__.c.id == bindparam("b_id", type_=Dossier.__table__.c.id.type))
    .values({c: bindparam(f"b_{c}", type_=Dossier.__table__.c[c].type)
             for c in ("current_revision", "title", "instansi", "unit_kerja", "klaster", "kelompok", "kategori")})
)
INSERT_REVISION = _insert(DossierRevision, ("id", "dossier_id", "revision", "content", "sha256", "source",
                                             "imported_at"))
INSERT_ATTACHMENT = _insert(Attachment, ("id", "dossier_id", "revision", "path", "kind", "title", "media_type",
                                          "size", "sha256"))


class Statements:
    """Runs the import's writes: Core statements, or on SQLite the same SQL on the DB-API cursor.

    The per-dossier transaction is a handful of small statements, and on
    SQLite SQLAlchemy's execution machinery costs several times more than
    SQLite itself.  So on SQLite each statement is compiled once by
    SQLAlchemy (the same SQL Core would send), its parameters are put
    through the columns' own bind processors (the same conversions Core
    applies: UUIDs, datetimes, JSON) and it runs on the connection's DB-API
    cursor, inside the same transaction.  Other databases get the Core
    statements.  Tests check that both write the same rows.
    """

    def __init__(self, raw: bool) -> None:
        self.raw = raw
        self._compiled: dict[int, tuple[str, list[tuple[str, Any]]]] = {}

    def _sql(self, stmt: Any, dialect: Any) -> tuple[str, list[tuple[str, Any]]]:
        found = self._compiled.get(id(stmt))
        if found is None:
            compiled = stmt.compile(dialect=dialect)
            order = [(name, compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect))
                     for name in compiled.positiontup]
            found = self._compiled[id(stmt)] = (compiled.string, order)
        return found

    def _args(self, order: list[tuple[str, Any]], params: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(process(params[name]) if process is not None else params[name] for name, process in order)

    def execute(self, conn: Any, stmt: Any, params: dict[str, Any]) -> None:
        if not self.raw:
            conn.execute(stmt, params)
            return
        sql, order = self._sql(stmt, conn.dialect)
        conn.connection.driver_connection.execute(sql, self._args(order, params))

    def executemany(self, conn: Any, stmt: Any, rows: list[dict[str, Any]]) -> None:
        if not self.raw:
            conn.execute(stmt, rows)
            return
        sql, order = self._sql(stmt, conn.dialect)
        conn.connection.driver_connection.executemany(sql, [self._args(order, row) for row in rows])

    def first(self, conn: Any, stmt: Any, params: dict[str, Any]) -> tuple[Any, ...] | None:
        """The first row of a query whose columns need no conversion (integers, strings)."""
        if not self.raw:
            row = conn.execute(stmt, params).first()
            return tuple(row) if row is not None else None
        sql, order = self._sql(stmt, conn.dialect)
        return conn.connection.driver_connection.execute(sql, self._args(order, params)).fetchone()


def current_snapshot(row: Any, number: str) -> dict[str, Any]:
    """What :func:`dossiers.dossier_snapshot` records, from a :data:`CURRENT` row."""
    return {"id": row.id, "number": number, "title": row.title, "instansi": row.instansi,
            "unit_kerja": row.unit_kerja, "klaster": row.klaster, "kelompok": row.kelompok,
            "kategori": row.kategori, "revision": row.current_revision,
            "calibration": bool(getattr(row, "calibration", False))}


def attachment_digest(content: dict[str, Any]) -> list[dict[str, str]]:
    return [{"path": a["path"], "sha256": a["sha256"]} for a in content.get("attachments", [])]
