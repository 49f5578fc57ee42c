"""Results: ranking view, agreement and outliers, audit log, finalising the event.

Installed into the main window by :mod:`oaoi_desktop.ui.extensions`:

* :func:`console_tabs` — the :class:`~oaoi_desktop.ui.results.ranking_view.RankingView`,
  :class:`~oaoi_desktop.ui.results.agreement_view.AgreementView` and
  :class:`~oaoi_desktop.ui.results.audit_view.AuditLogView` of one event, which the
  secretariat console (``ui/secretariat``) shows as tabs; each sets its own
  translated ``windowTitle`` (the tab text) and has ``refresh()``;
* :func:`install` — Kegiatan ▸ Finalisasi kegiatan… / Buka kembali kegiatan… / Penilaian
  tersamar… (secretariat only): :class:`~oaoi_desktop.ui.results.hook.ResultsHook`.

The screens' way into the services is :class:`~oaoi_desktop.ui.results.desk.ResultsDesk`
(no Qt): no results widget opens a database session itself.  Importing this package
imports no Qt.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from oaoi_desktop.services.audit import Actor
    from oaoi_desktop.store.database import Database
    from oaoi_desktop.ui.main_window import MainWindow
    from oaoi_desktop.ui.results.hook import ResultsHook


def console_tabs(db: "Database", event_id: uuid.UUID | str, parent: "QWidget | None" = None, *,
                 actor: "Actor") -> list["QWidget"]:
    """[RankingView, AgreementView, AuditLogView] of one event, read as ``actor`` (the signed-in secretariat)."""
    from oaoi_desktop.ui.results.agreement_view import AgreementView
    from oaoi_desktop.ui.results.audit_view import AuditLogView
    from oaoi_desktop.ui.results.ranking_view import RankingView

    return [RankingView(db, event_id, parent, actor=actor), AgreementView(db, event_id, parent, actor=actor),
            AuditLogView(db, event_id, parent, actor=actor)]


def install(window: "MainWindow") -> "ResultsHook":
    """Add this package's actions to ``window``."""
    from oaoi_desktop.ui.results.hook import ResultsHook

    return ResultsHook(window)


__all__ = ["console_tabs", "install"]
