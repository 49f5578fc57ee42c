"""Who is using a main window: the signed-in person, the lock, the idle timer.

:class:`AccessGate` is the one place a main window asks "who is at the
keyboard?".  Nobody is signed in when the window opens; the secretariat signs
in on the window's sign-in page (:mod:`oaoi_desktop.ui.sign_in_page`) with its
PIN or passphrase (:func:`oaoi_desktop.services.auth.sign_in`: scrypt hashes,
lockout, recovery code), a judge through the judge sign-in dialog.  Every GUI
action that changes data acts as :meth:`AccessGate.actor` (name and user id of
the signed-in account), so the audit log names the person and this device.

The window locks after :data:`~oaoi_desktop.ui.settings.IDLE_LOCK_MINUTES`
without input (a single-shot QTimer, restarted by an application event filter
on keyboard, mouse, wheel and touch input to this window or its dialogs) and
on demand (:meth:`lock`, Ctrl+L).  Unlocking asks the same person's PIN again
(:meth:`unlock`), through the same service, so wrong PINs count towards the
lockout.  Signing out (:meth:`sign_out`) ends the session: the window closes
the person's pages and dialogs and shows the sign-in page again.

Plain rules, enforced here and again in the services:

* a secretariat account never signs in on a judge's laptop
  (:func:`oaoi_desktop.services.seat.is_judge_seat`);
* :meth:`secretariat_actor` raises unless a secretariat member is signed in
  and the window is not locked.

The gate is made before the database is open (the quick start, issue 14): it
takes the database or a function that returns it (waiting for it to open),
and imports the services only when someone signs in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from oaoi_desktop.errors import PermissionDeniedError
from oaoi_desktop.ui import settings as registry
from oaoi_desktop.ui.settings import Settings

if TYPE_CHECKING:  # loaded after the window is shown (issue 14: start fast)
    from oaoi_desktop.services.audit import Actor
    from oaoi_desktop.services.auth import SignedIn
    from oaoi_desktop.store.database import Database
    from oaoi_desktop.ui.sign_in_gate import SignInGate

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate, QEvent.Type.TabletPress, QEvent.Type.TabletMove, QEvent.Type.Shortcut,
})
"""Events that show a person is at the keyboard (they restart the idle timer)."""

LOCK_KEYS = QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_L)
"""Ctrl+L: lock the window now (the main window's action; the same keys in its dialogs)."""


def idle_lock_ms(settings: Settings) -> int:
    """The idle interval of :data:`~oaoi_desktop.ui.settings.IDLE_LOCK_MINUTES` in milliseconds."""
    minutes = settings.value(registry.IDLE_LOCK_MINUTES)
    if not minutes or minutes <= 0:
        minutes = registry.IDLE_LOCK_MINUTES.default
    return max(50, int(minutes * 60_000))


class AccessGate(QObject):
    """The signed-in person of one main window, the lock and the idle timer.

    Signals:
        signing_out(object): the :class:`SignedIn` person is about to leave (sign-out, or another
            person signs in): close their pages and dialogs now.
        about_to_lock(): the window is about to lock: save what is still being typed.
        person_changed(object): the signed-in person changed (a :class:`SignedIn`, or None).
        locked_changed(bool): the window was locked (True) or unlocked (False).
    """

    signing_out = Signal(object)
    about_to_lock = Signal()
    person_changed = Signal(object)
    locked_changed = Signal(bool)

    def __init__(self, db: Database | Callable[[], Database], settings: Settings, window: QWidget) -> None:
        super().__init__(window)
        self._db = db
        self._settings = settings
        self._window = window
        self._person: SignedIn | None = None
        self._locked = False
        self.idle_timer = QTimer(self)
        self.idle_timer.setObjectName("idle_lock_timer")
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.lock)
        self._watching = False

    # -- state -------------------------------------------------------------------------
    def _gate(self) -> SignInGate:
        """The services, through the sign-in gate (over the database, or the function given
        instead, called when needed: it waits until the database is open)."""
        from oaoi_desktop.ui.sign_in_gate import SignInGate

        return SignInGate(self._db)

    @property
    def person(self) -> SignedIn | None:
        """Who is signed in (also while the window is locked), or None."""
        return self._person

    @property
    def locked(self) -> bool:
        return self._locked

    @property
    def secretariat(self) -> SignedIn | None:
        """The signed-in secretariat member while the window is unlocked, else None."""
        p = self._person
        return p if p is not None and p.is_secretariat and not self._locked else None

    @property
    def judge(self) -> SignedIn | None:
        """The signed-in judge while the window is unlocked, else None."""
        p = self._person
        return p if p is not None and p.is_judge and not self._locked else None

    def actor(self) -> Actor:
        """The signed-in person as the services' actor (name and user id)."""
        if self._person is None or self._locked:
            raise PermissionDeniedError("gui.nobody_signed_in")
        return self._person.actor

    def secretariat_actor(self) -> Actor:
        """The signed-in secretariat member as the services' actor; refused otherwise."""
        signed = self.secretariat
        if signed is None:
            raise PermissionDeniedError("gui.secretariat_required")
        return signed.actor

    def is_judge_seat(self) -> bool:
        """True on a judge's laptop (a panel package was imported into this database)."""
        return self._gate().is_judge_seat()

    # -- signing in and out -------------------------------------------------------------
    def sign_in_secretariat(self, user_id: str, secret: str) -> SignedIn:
        """Check a secretariat member's PIN or passphrase and sign them in (raises OaoiError)."""
        if self.is_judge_seat():
            raise PermissionDeniedError("gui.judge_seat_no_secretariat")
        signed = self._gate().sign_in(None, user_id, secret)
        if not signed.is_secretariat:
            raise PermissionDeniedError("gui.secretariat_required")
        self.sign_in(signed)
        return signed

    def sign_in(self, signed: SignedIn) -> None:
        """``signed`` (checked by :func:`auth.sign_in`) now uses the window; whoever was signed in leaves."""
        if signed.is_secretariat and self.is_judge_seat():
            raise PermissionDeniedError("gui.judge_seat_no_secretariat")
        if self._person is not None:
            self._leave()
        self._person = signed
        was_locked, self._locked = self._locked, False
        self._watch(True)
        self._arm()
        if was_locked:
            self.locked_changed.emit(False)
        self.person_changed.emit(signed)

    def sign_out(self) -> None:
        """End the session: the window shows the sign-in page again."""
        if self._person is None:
            return
        self._leave()
        was_locked, self._locked = self._locked, False
        self.idle_timer.stop()
        self._watch(False)
        if was_locked:
            self.locked_changed.emit(False)
        self.person_changed.emit(None)

    def _leave(self) -> None:
        leaving = self._person
        self.about_to_lock.emit()  # save what is still being typed
        self.signing_out.emit(leaving)
        self._person = None

    # -- the lock ------------------------------------------------------------------------
    def lock(self) -> bool:
        """Hide the window's content until the same person types their PIN again."""
        if self._person is None or self._locked:
            return False
        self.about_to_lock.emit()
        self._locked = True
        self.idle_timer.stop()
        self.locked_changed.emit(True)
        return True

    def unlock(self, secret: str) -> SignedIn:
        """Check the signed-in person's PIN again and unlock (raises OaoiError, e.g. SignInError)."""
        person = self._person
        if person is None:
            raise PermissionDeniedError("gui.nobody_signed_in")
        signed = self._gate().sign_in(person.event_id, str(person.user_id), secret)
        if signed.user_id != person.user_id:  # pragma: no cover - sign_in looks the id up
            raise PermissionDeniedError("gui.nobody_signed_in")
        if self._locked:
            self._locked = False
            self._arm()
            self.locked_changed.emit(False)
        return person

    # -- the idle timer ------------------------------------------------------------------
    def _watch(self, on: bool) -> None:
        """Watch the application's input events (the idle timer, Ctrl+L in dialogs) while someone is
        signed in.  Not before: every event of the window's construction and of the sign-in page
        would pass through Python for nothing (issue 14: start fast)."""
        app = QApplication.instance()
        if app is None or on == self._watching:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._watching = on

    def _arm(self) -> None:
        self.idle_timer.setInterval(idle_lock_ms(self._settings))
        self.idle_timer.start()

    def _belongs_to_window(self, watched: QObject) -> bool:
        if not isinstance(watched, QWidget):
            return False
        widget: QWidget | None = watched.window()
        while widget is not None:
            if widget is self._window:
                return True
            widget = widget.parentWidget()
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if (event.type() in INPUT_EVENTS and self._person is not None and not self._locked
                and self._belongs_to_window(watched)):
            # Ctrl+L in one of the window's dialogs (a modal dialog keeps the window's own
            # shortcut from firing) locks as well.
            if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                    and isinstance(watched, QWidget) and watched.window() is not self._window
                    and event.keyCombination() == LOCK_KEYS):
                self.lock()
                return True
            self.idle_timer.start()
        return False

    def shutdown(self) -> None:
        """Stop watching input (the window is closing)."""
        self.idle_timer.stop()
        self._watch(False)


__all__ = ["INPUT_EVENTS", "LOCK_KEYS", "AccessGate", "idle_lock_ms"]
