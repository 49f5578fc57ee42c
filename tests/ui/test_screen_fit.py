"""Every window fits the venue's screens (issue 14): a 1280×720 projector laptop, or 1920×1080 at
150 % scaling (the same 1280×720 logical pixels).

Each top-level page, window and dialog is opened over the demo event (twelve sample dossiers, five
judges, progress and drafts) and must ask for no more than 1280×680 (720 less a title bar and a
task bar).  At 1280×720 the actions a secretariat needs at the venue stay on the screen.  When a
test here fails, :func:`too_wide` names the widget rows that ask for the width.
"""

from __future__ import annotations

import shutil

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QHelpEvent
from PySide6.QtWidgets import QApplication, QLayout, QStyleOptionViewItem, QToolButton, QToolTip, QWidget

from oaoi_desktop.services import accounts, auth, demo, events, judging
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import language
from oaoi_desktop.ui.elide import column_fits, elide_end, whole_columns
from oaoi_desktop.ui.main_window import MainWindow
from oaoi_desktop.ui.screen_fit import available_size
from oaoi_desktop.ui.settings import Settings
from support.builders import ACTOR, ensure_secretariat
from support.ui_session import sign_in_secretariat

LIMIT = QSize(1280, 680)
SCREEN = QSize(1280, 720)


# -- the demo event, built once and copied for each test ------------------------------------------
@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    db = Database.open("sqlite:///" + str(path))
    try:
        demo.build_demo(db, allow_any_database=True)
        ensure_secretariat(db)
    finally:
        db.close()
    return path


@pytest.fixture
def db(demo_file: Path, db_path: Path) -> Iterator[Database]:  # overrides tests/ui/conftest.py's empty one
    shutil.copyfile(demo_file, db_path)
    database = Database.open("sqlite:///" + str(db_path))
    yield database
    database.close()


@pytest.fixture
def event_id(db: Database) -> str:
    with db.read() as s:
        return str(next(e.id for e in events.list_events(s) if e.name == demo.EVENT_NAME))


@pytest.fixture(params=["id", "en"])
def lang(request: pytest.FixtureRequest) -> Iterator[str]:
    language.install_language(request.param)
    yield request.param
    language.install_language("id")


# -- what asks for the width -------------------------------------------------------------------------
def _rows(layout: QLayout, depth: int, out: list[str]) -> None:
    for i in range(layout.count()):
        item = layout.itemAt(i)
        size = item.minimumSize()
        widget, inner = item.widget(), item.layout()
        if size.width() > 300 or size.height() > 300:
            name = f"{type(widget).__name__}#{widget.objectName()}" if widget else type(inner).__name__
            out.append("  " * depth + f"{name}: {size.width()}×{size.height()}")
        if inner is not None:
            _rows(inner, depth + 1, out)
        if widget is not None and widget.layout() is not None and (size.width() > LIMIT.width()
                                                                   or size.height() > LIMIT.height()):
            _rows(widget.layout(), depth + 1, out)


def too_wide(widget: QWidget) -> str:
    """The layout rows (and their widgets) under ``widget`` that ask for more than 300 px."""
    out: list[str] = []
    stack = [widget]
    while stack:
        w = stack.pop()
        hint = w.minimumSizeHint()
        if hint.width() > LIMIT.width() or hint.height() > LIMIT.height():
            out.append(f"{type(w).__name__}#{w.objectName()} {hint.width()}×{hint.height()}")
            if w.layout() is not None:
                _rows(w.layout(), 1, out)
            stack.extend(w.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly))
    return "\n".join(out)


def assert_fits(widget: QWidget) -> None:
    hint, minimum = widget.minimumSizeHint(), widget.minimumSize()
    for size in (hint, minimum):
        assert size.width() <= LIMIT.width() and size.height() <= LIMIT.height(), (
            f"{type(widget).__name__} asks for {size.width()}×{size.height()}:\n{too_wide(widget)}")


def reachable(window: QWidget, widget: QWidget) -> bool:
    """``widget`` is shown and lies inside ``window`` at 1280×720."""
    if not widget.isVisible():
        return False
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return QRect(0, 0, SCREEN.width(), SCREEN.height()).contains(QRect(top_left, widget.size()))


@pytest.fixture
def window(qtbot, db: Database, settings: Settings, lang: str) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(db, settings)
    qtbot.addWidget(win)
    win.resize(SCREEN)
    win.show()
    qtbot.waitExposed(win)
    return win


def show_tab(qtbot, console: QWidget, index: int) -> None:  # type: ignore[no-untyped-def]
    console.tabs.setCurrentIndex(index)  # type: ignore[attr-defined]
    qtbot.wait(20)


# -- the main window's pages ------------------------------------------------------------------------
def test_sign_in_and_overview_pages_fit(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.gate_stack.currentWidget() is window.sign_in_page
    assert_fits(window)
    sign_in_secretariat(qtbot, window)
    assert window.stack.currentWidget() is window.events_page
    assert_fits(window)


def test_the_first_run_start_page_fits(qtbot, tmp_path: Path, settings: Settings, lang: str) -> None:  # type: ignore[no-untyped-def]
    empty = Database.open("sqlite:///" + str(tmp_path / "empty.sqlite"))
    try:
        win = MainWindow(empty, settings)
        qtbot.addWidget(win)
        win.resize(SCREEN)
        win.show()
        qtbot.waitExposed(win)
        assert_fits(win)
        win.close()
    finally:
        empty.close()


def test_the_console_fits_with_every_tab_and_keeps_its_actions_on_screen(
        qtbot, window: MainWindow, event_id: str) -> None:  # type: ignore[no-untyped-def]
    sign_in_secretariat(qtbot, window)
    window.extensions["secretariat"].console_action.trigger()
    console = window.stack.currentWidget()
    console.set_event(event_id)
    assert console.tabs.count() >= 5
    for index in range(console.tabs.count()):
        show_tab(qtbot, console, index)
        assert_fits(window)
    window.resize(SCREEN)
    qtbot.wait(20)
    assert window.width() <= SCREEN.width(), "the window grew past the screen"
    # the assignment tab: automatic assignment and the stage chooser
    show_tab(qtbot, console, 0)
    assert reachable(window, console.matrix.auto_button) and reachable(window, console.stage_combo)
    assert reachable(window, console.matrix.findChild(QWidget, "matrix_summary"))
    # the ranking tab: the exports and the summary line
    ranking = next(w for w in console.result_tabs if w.objectName() == "results_ranking_view")
    show_tab(qtbot, console, console.tabs.indexOf(ranking))
    for widget in (ranking.stage_box, ranking.view, ranking.summary, ranking.xlsx_button, ranking.csv_button,
                   ranking.scores_button, ranking.search):
        assert reachable(window, widget), widget.objectName()


def test_the_audit_filters_stay_narrow_with_long_names_and_labels(
        qtbot, window: MainWindow, event_id: str) -> None:  # type: ignore[no-untyped-def]
    """A finalised event's audit lists long action labels and full names with titles; the filter row
    must not widen the console past 1280 px (it did: 1,390 px), while the open list shows them whole."""
    sign_in_secretariat(qtbot, window)
    window.extensions["secretariat"].console_action.trigger()
    console = window.stack.currentWidget()
    console.set_event(event_id)
    audit = next(w for w in console.result_tabs if w.objectName() == "results_audit_view")
    show_tab(qtbot, console, console.tabs.indexOf(audit))
    long_name = "Prof. Dr. Ir. H. Muhammad Abdurrahman Siregar Pohan, M.Sc., Ph.D., IPU (Ketua Tim Penilai)"
    long_label = "Data proposal dimusnahkan dengan Berita Acara Pemusnahan Data (masa retensi berakhir)"
    audit.actor_box.addItem(long_name, long_name)
    audit.action_box.addItem(long_label, long_label)
    audit.entity_box.addItem(long_label, long_label)
    qtbot.wait(20)
    assert_fits(window)
    assert audit.actor_box.view().minimumWidth() > 0  # the list itself is wide enough to read


def test_the_dossier_browser_fits(qtbot, window: MainWindow, event_id: str) -> None:  # type: ignore[no-untyped-def]
    from oaoi_desktop.ui.dossier_browser import DossierBrowserPage

    sign_in_secretariat(qtbot, window)
    page = window.findChild(DossierBrowserPage)
    if page is None:
        page = DossierBrowserPage(window.database, settings=window.settings, actor=window.secretariat_actor)
        qtbot.addWidget(page)
    page.set_event(event_id)
    page.select_dossier(page.model.row_at(0).id)
    page.resize(SCREEN)
    page.show()
    qtbot.wait(20)
    assert_fits(page)


# -- the judge's workspace -----------------------------------------------------------------------------
def test_the_judge_workspace_fits(qtbot, db: Database, settings: Settings, event_id: str,  # type: ignore[no-untyped-def]
                                  lang: str) -> None:
    from oaoi_desktop.ui.judge.session import JudgeSession
    from oaoi_desktop.ui.judge.workspace import JudgeWorkspace

    name, _role, pin = demo.JUDGES[0].name, demo.JUDGES[0].role, demo.JUDGES[0].pin
    with db.write() as s:
        event = events.get_event(s, event_id)
        judging.declare_integrity(s, event, accounts.find_judge(s, event, name))
    with db.write() as s:
        signed = auth.sign_in(s, event_id, name, pin)
    workspace = JudgeWorkspace(JudgeSession(db, signed), settings)
    qtbot.addWidget(workspace)
    workspace.resize(SCREEN)
    workspace.show()
    workspace.start()
    qtbot.wait(50)
    assert_fits(workspace)
    workspace.open_dossier(workspace.model.item_at(4).dossier_id)
    qtbot.wait(50)
    assert_fits(workspace)
    # the empty attachment pane takes no room; the submit button and the form are on the screen
    assert not workspace.reader.viewer.isVisible()
    assert reachable(workspace, workspace.form.submit_button)
    pdf = next(a for a in workspace.current.reader.attachments if a.is_pdf)
    workspace.reader.open_attachment(pdf.id)
    qtbot.waitUntil(workspace.reader.viewer.isVisible)
    assert_fits(workspace)
    assert reachable(workspace, workspace.form.submit_button)
    # three panes share the width, but the score form is never squeezed until its level buttons
    # (1 … 10) are cut off: it has no sideways scroll bar
    form = workspace.form
    assert form.scroll.viewport().width() >= form.body.minimumSizeHint().width()
    font = workspace.font()  # a larger system font (as on a real X server) asks for more
    font.setPointSizeF(font.pointSizeF() * 1.35)
    workspace.setFont(font)
    qtbot.wait(50)
    workspace.resize(workspace.minimumSizeHint().width(), SCREEN.height())  # as narrow as it may be
    qtbot.wait(50)
    assert form.scroll.viewport().width() >= form.body.minimumSizeHint().width()


def test_a_crowded_tool_bar_overflows_into_its_menu(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Actions other areas add to the tool bar never widen the window: the rest go in the » menu."""
    sign_in_secretariat(qtbot, window)
    for i in range(24):
        window.tool_bar.addAction(f"Tindakan panjang nomor {i + 1}")
    qtbot.wait(20)
    assert_fits(window)
    extension = window.tool_bar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is not None and extension.isVisible()


# -- dialogs ----------------------------------------------------------------------------------------------
def _dialogs() -> dict[str, Callable[[Database, str], QWidget]]:
    def importing(db: Database, event_id: str) -> QWidget:
        from oaoi_desktop.ui.importing import ImportDialog
        return ImportDialog(db, event_id=event_id, actor=ACTOR)

    def wizard(db: Database, event_id: str) -> QWidget:
        from oaoi_desktop.ui.secretariat.wizard import EventWizard
        return EventWizard(db, actor=ACTOR)

    def auto_assign(db: Database, event_id: str) -> QWidget:
        from oaoi_desktop.ui.secretariat.matrix import AutoAssignDialog
        return AutoAssignDialog(db, event_id, [("proposal", "Proposal")], "proposal", actor=ACTOR)

    def conflicts(db: Database, event_id: str) -> QWidget:
        from oaoi_desktop.ui.exchange.conflicts import ConflictResolutionDialog
        return ConflictResolutionDialog(db, event_id, actor=ACTOR)

    def bundle_import(db: Database, event_id: str) -> QWidget:
        from oaoi_desktop.ui.exchange.bundles import BundleImportDialog
        return BundleImportDialog(db, event_id=event_id, actor=ACTOR)

    def package_import(db: Database, event_id: str) -> QWidget:
        from oaoi_desktop.ui.exchange.packages import PackageImportDialog
        return PackageImportDialog(db)

    def package_export(db: Database, event_id: str) -> QWidget:
        from oaoi_desktop.ui.exchange.packages import PackageExportDialog
        return PackageExportDialog(db, event_id=event_id, actor=ACTOR)

    def finalise(db: Database, event_id: str) -> QWidget:
        from oaoi_desktop.ui.results.finalise_dialog import FinaliseDialog
        return FinaliseDialog(db, ACTOR, event_id=event_id)

    def verify(db: Database, event_id: str) -> QWidget:
        from oaoi_desktop.ui.signatures.verify_dialog import VerifyDialog
        return VerifyDialog(db)

    def sign(db: Database, event_id: str) -> QWidget:
        from oaoi_desktop.ui.signatures.sign_dialog import SignDialog
        return SignDialog(db, ACTOR, event_id=event_id)

    def documents(db: Database, event_id: str) -> QWidget:
        from oaoi_desktop.ui.documents.export_dialog import ExportDialog
        return ExportDialog(db, event_id=event_id, actor=ACTOR)

    def judge_sign_in(db: Database, event_id: str) -> QWidget:
        from oaoi_desktop.ui.judge.sign_in import SignInDialog
        return SignInDialog(db)

    def first_run(db: Database, event_id: str) -> QWidget:
        from oaoi_desktop.ui.judge.first_run import SecretariatSetupDialog
        return SecretariatSetupDialog(db)

    def _judge_session(db: Database, event_id: str):  # type: ignore[no-untyped-def]
        from oaoi_desktop.ui.judge.session import JudgeSession

        person = demo.JUDGES[1]
        with db.write() as s:
            return JudgeSession(db, auth.sign_in(s, event_id, person.name, person.pin))

    def integrity(db: Database, event_id: str) -> QWidget:
        from oaoi_desktop.ui.judge.integrity import IntegrityDialog
        return IntegrityDialog(_judge_session(db, event_id))

    def judge_conflict(db: Database, event_id: str) -> QWidget:
        from oaoi_desktop.ui.judge.integrity import ConflictDialog
        session = _judge_session(db, event_id)
        with db.read() as s:
            from oaoi_desktop.services import dossiers
            dossier = dossiers.list_dossiers(s, events.get_event(s, event_id), actor=ACTOR)[-1]
            dossier_id, label = dossier.id, f"{dossier.number} \u2014 {dossier.title}"
        return ConflictDialog(session, dossier_id, label)

    return {f.__name__: f for f in (importing, wizard, auto_assign, conflicts, bundle_import, package_import,
                                     package_export, finalise, verify, sign, documents, judge_sign_in,
                                     first_run, integrity, judge_conflict)}


DIALOGS = _dialogs()


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_every_dialog_fits(qtbot, db: Database, event_id: str, lang: str, name: str) -> None:  # type: ignore[no-untyped-def]
    dialog = DIALOGS[name](db, event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert_fits(dialog)
    room = available_size(dialog)  # the test screen's room, less the window frame
    assert dialog.width() <= room.width() and dialog.height() <= room.height(), (
        f"{name} opens at {dialog.width()}×{dialog.height()}, the screen has {room.width()}×{room.height()}")
    if name == "wizard":  # every page of the wizard
        for page_id in dialog.pageIds():
            page = dialog.page(page_id)
            hint = page.minimumSizeHint()
            assert hint.width() <= LIMIT.width() and hint.height() <= LIMIT.height(), (
                f"wizard page {type(page).__name__} asks for {hint.width()}×{hint.height()}:\n{too_wide(page)}")


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform showing a tool tip
def test_tables_never_cut_numbers_and_elide_titles_at_the_end(
        qtbot, window: MainWindow, event_id: str) -> None:  # type: ignore[no-untyped-def]
    """The progress table and the ranking at 1280×720: numbers and states whole, titles elided at
    the end with the whole title on hover."""
    sign_in_secretariat(qtbot, window)
    window.extensions["secretariat"].console_action.trigger()
    console = window.stack.currentWidget()
    console.set_event(event_id)
    show_tab(qtbot, console, console.tabs.indexOf(console.dashboard))
    table = console.dashboard.dossier_table
    model = table.model()
    assert model.rowCount() == 12
    for row in range(model.rowCount()):
        assert model.index(row, 0).data().startswith("KIPP-2026-")
        assert column_fits(table, 0, row), model.index(row, 0).data()  # never "KIPP-2026-…"
        assert column_fits(table, 3, row)
    cut = [row for row in range(model.rowCount()) if not column_fits(table, 1, row)]
    assert cut, "no title is long enough to be cut at 1280 px: the test shows nothing"
    index = model.index(cut[0], 1)
    option = QStyleOptionViewItem()
    table.itemDelegate().initStyleOption(option, index)
    assert option.textElideMode == Qt.TextElideMode.ElideRight
    assert 0 in whole_columns(table) and 1 not in whole_columns(table)
    # the whole title on hover
    centre = table.visualRect(index).center()
    QApplication.sendEvent(table.viewport(), QHelpEvent(QEvent.Type.ToolTip, centre,
                                                        table.viewport().mapToGlobal(centre)))
    assert QToolTip.text() == index.data()
    QToolTip.hideText()
    # the ranking: "belum dinilai" whole, numbers whole
    ranking = next(w for w in console.result_tabs if w.objectName() == "results_ranking_view")
    show_tab(qtbot, console, console.tabs.indexOf(ranking))
    qtbot.waitUntil(lambda: ranking.proxy.rowCount() == 12)
    view = ranking.view
    from oaoi_desktop.ui.results.ranking_view import Col

    texts = {ranking.proxy.index(r, Col.RESULT).data() for r in range(12)}
    assert texts & {"belum dinilai", "no score"}  # dossiers without a submitted sheet yet
    for row in range(12):
        for col in (Col.NUMBER, Col.RESULT, Col.SCORE):
            assert column_fits(view, col, row), ranking.proxy.index(row, col).data()


def test_an_attachment_title_is_elided_at_its_end_and_keeps_its_type_and_size(qapp) -> None:  # type: ignore[no-untyped-def]
    metrics = QFontMetrics(QApplication.font())
    title, suffix = "SK Tim Inovasi Dinas Kesehatan Kota Medan Nomor 12 Tahun 2026", "  (PDF, 1,2 MB)"
    width = metrics.horizontalAdvance("SK Tim Inovasi" + suffix)
    shown = elide_end(metrics, title, width, suffix=suffix)
    assert shown.startswith("SK Tim") and shown.endswith("\u2026" + suffix), shown
    assert metrics.horizontalAdvance(shown) <= width
    assert elide_end(metrics, "SK", 10_000, suffix=suffix) == "SK" + suffix
