"""The tree of a verification report: the document's checks, then each signature with its checks."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QStyle

from oaoi_desktop.i18n import formats
from oaoi_desktop.services.signatures import FAIL, NOT_CHECKABLE, OK, Check, SignatureReport, VerifyReport

STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
"""``ok`` / ``fail`` / ``not_checkable`` on the status cell (for tests and delegates)."""

COLOURS = {OK: QColor("#1b7f2a"), FAIL: QColor("#b3261e"), NOT_CHECKABLE: QColor("#8a6d00")}
ICONS = {OK: QStyle.StandardPixmap.SP_DialogApplyButton, FAIL: QStyle.StandardPixmap.SP_MessageBoxCritical,
         NOT_CHECKABLE: QStyle.StandardPixmap.SP_MessageBoxQuestion}


def status_text(status: str) -> str:
    return {
        OK: QCoreApplication.translate("SignatureReportModel", "OK"),
        FAIL: QCoreApplication.translate("SignatureReportModel", "FAILED"),
        NOT_CHECKABLE: QCoreApplication.translate("SignatureReportModel", "Not checkable"),
    }[status]


def check_title(name: str) -> str:
    titles = {
        "intact": QCoreApplication.translate("SignatureReportModel", "Content intact"),
        "unchanged_after": QCoreApplication.translate("SignatureReportModel", "Nothing changed afterwards"),
        "authority": QCoreApplication.translate("SignatureReportModel", "Certificate authority"),
        "registered": QCoreApplication.translate("SignatureReportModel", "Registered credential"),
        "field_owner": QCoreApplication.translate("SignatureReportModel", "Own signature field"),
        "fingerprint": QCoreApplication.translate("SignatureReportModel", "Fingerprint matches the database"),
        "signed": QCoreApplication.translate("SignatureReportModel", "Signed"),
        "readable": QCoreApplication.translate("SignatureReportModel", "Readable PDF"),
    }
    return titles.get(name, name)


class SignatureReportModel(QStandardItemModel):
    """Three columns (what, status, details); one branch per signature.

    Rows are rebuilt by :meth:`set_report`; a status cell carries its raw
    status in :data:`STATUS_ROLE`, a colour and an icon, so ok and fail are
    told apart by more than colour.
    """

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(0, 3, parent)
        self.report: VerifyReport | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([
            QCoreApplication.translate("SignatureReportModel", "Check"),
            QCoreApplication.translate("SignatureReportModel", "Result"),
            QCoreApplication.translate("SignatureReportModel", "Details"),
        ])
        if self.report is not None:
            self.set_report(self.report)

    @staticmethod
    def _status_item(status: str) -> QStandardItem:
        item = QStandardItem(status_text(status))
        item.setData(status, STATUS_ROLE)
        item.setForeground(QBrush(COLOURS[status]))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            item.setIcon(app.style().standardIcon(ICONS[status]))
        font = item.font()
        font.setBold(status == FAIL)
        item.setFont(font)
        return item

    def _check_row(self, check: Check) -> list[QStandardItem]:
        details = QStandardItem(check.message)
        details.setToolTip(check.message)
        return [QStandardItem(check_title(check.name)), self._status_item(check.status), details]

    def _signature_row(self, index: int, sig: SignatureReport) -> list[QStandardItem]:
        zone = self.report.timezone if self.report is not None else formats.DEFAULT_ZONE
        when = formats.local_time(sig.signing_time, zone, seconds=True)  # the event's local time and zone
        head = QStandardItem(QCoreApplication.translate("SignatureReportModel", "Signature %1: %2")
                             .replace("%1", str(index)).replace("%2", sig.signer))
        font = head.font()
        font.setBold(True)
        head.setFont(font)
        details = QStandardItem(QCoreApplication.translate("SignatureReportModel", "signed %1 · field %2 · issuer %3")
                                .replace("%1", when).replace("%2", sig.field_name).replace("%3", sig.issuer))
        status = self._status_item(OK if sig.ok else FAIL)
        for check in sig.checks:
            head.appendRow(self._check_row(check))
        return [head, status, details]

    def set_report(self, report: VerifyReport | None) -> None:
        self.report = report
        self.removeRows(0, self.rowCount())
        if report is None:
            return
        for check in report.checks:
            self.appendRow(self._check_row(check))
        for i, sig in enumerate(report.signatures, 1):
            self.appendRow(self._signature_row(i, sig))
        if report.empty_fields:
            text = QCoreApplication.translate("SignatureReportModel", "%n signature field(s) still empty", "",
                                              len(report.empty_fields))
            row = [QStandardItem(text), QStandardItem(""), QStandardItem(", ".join(report.empty_fields))]
            self.appendRow(row)
        for r in range(self.rowCount()):
            for c in range(self.columnCount()):
                item = self.item(r, c)
                if item is not None:
                    item.setEditable(False)
                    for k in range(item.rowCount()):
                        for j in range(3):
                            child = item.child(k, j)
                            if child is not None:
                                child.setEditable(False)

    def statuses(self) -> list[tuple[str, str | None]]:
        """(title, status) of every row, depth first — what a person reads down the tree."""
        out: list[tuple[str, str | None]] = []

        def walk(parent_item: QStandardItem | None) -> None:
            rows = parent_item.rowCount() if parent_item else self.rowCount()
            for r in range(rows):
                first = parent_item.child(r, 0) if parent_item else self.item(r, 0)
                second = parent_item.child(r, 1) if parent_item else self.item(r, 1)
                out.append((first.text(), second.data(STATUS_ROLE) if second else None))
                walk(first)

        walk(None)
        return out


__all__ = ["STATUS_ROLE", "SignatureReportModel", "check_title", "status_text"]
