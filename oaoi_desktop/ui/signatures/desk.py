"""The signature screens' way into the services (no Qt).

:class:`SignatureDesk` does every unit of work of the sign and verify
dialogs: each method opens its own unit of work, or calls a service that
opens its own, and returns plain values or the services' result records.
Signing runs in a job; the job calls :meth:`SignatureDesk.sign_files` from its
thread, as it called the service before.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from oaoi_desktop.services import accounts, events, signatures
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.signing import pki
from oaoi_desktop.store.database import Database


@dataclass(frozen=True)
class CertificateFacts:
    """What the sign dialog says of a person's active signing certificate (the names, not the raw DN)."""

    subject: str
    issuer: str
    valid_until: str
    """The last day it is valid (ISO date)."""


@dataclass(frozen=True)
class Signer:
    """A person who may sign in an event, and their active certificate (None: none yet)."""

    id: str
    name: str
    certificate: CertificateFacts | None


def certificate_facts(cred) -> CertificateFacts:  # type: ignore[no-untyped-def]
    """The names and validity of a stored credential's certificate."""
    from cryptography import x509

    cert = x509.load_pem_x509_certificate(cred.certificate_pem.encode("ascii"))
    return CertificateFacts(pki.common_name(cert.subject), pki.common_name(cert.issuer),
                            cred.not_after.date().isoformat())


class SignatureDesk:
    """The signature units of work on ``db`` (None: verify without a database)."""

    def __init__(self, db: Database | None) -> None:
        self.db = db

    def events(self) -> list[tuple[str, str]]:
        """Every event as (name, id text), oldest first."""
        assert self.db is not None
        with self.db.read() as s:
            return [(ev.name, str(ev.id)) for ev in events.list_events(s)]

    def signers(self, event_id: str | uuid.UUID) -> list[Signer]:
        """The event's judges with their active signing certificates."""
        assert self.db is not None
        with self.db.read() as s:
            ev = events.get_event(s, event_id)
            found = []
            for person in accounts.judges(s, ev):
                cred = pki.active_credential(s, ev.id, person.id)
                found.append(Signer(str(person.id), person.name,
                                    certificate_facts(cred) if cred is not None else None))
            return found

    def sign_files(self, paths: Sequence[Path], *, judge: str, passphrase: str, actor: Actor, event: str,
                   progress: Callable[[int, int, Path], object] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> list[signatures.SignOutcome]:
        """Sign every file as ``judge`` (the service opens its own units of work)."""
        assert self.db is not None
        return signatures.sign_files(self.db, list(paths), judge=judge, passphrase=passphrase, actor=actor,
                                     event=event, progress=progress, cancelled=cancelled)

    def verify_file(self, path: Path) -> signatures.VerifyReport:
        """Check a signed PDF (against the database's records when there is one)."""
        if self.db is not None:
            with self.db.read() as s:
                return signatures.verify_file(s, path)
        return signatures.verify_file(None, path)


__all__ = ["CertificateFacts", "SignatureDesk", "Signer", "certificate_facts"]
