"""The secretariat's unlocks, carried to a judge's laptop signed by the event's authority.

A judge's laptop has no secretariat: nobody there may reopen a submitted or
locked sheet.  When the secretariat unlocks a sheet (``sheets.unlock_sheet``,
with a reason), the next panel package for that judge carries a *grant* per
unlocked sheet, and the whole list is signed with the event authority's key
(a detached CMS signature, :func:`oaoi_desktop.signing.cms.sign_detached`)::

    {"format": "oaoi-unlocks", "format_version": 1, "event_id", "judge_id",
     "package_id", "generation", "authority_fingerprint",
     "unlocks": [{"sheet_id", "dossier_id", "judge_id", "stage_id",
                  "unlock_seq", "version_hash", "supersedes": [version hashes]}]}

``unlock_seq`` is the sequence number of the ``sheet.unlocked`` audit entry;
``version_hash`` names the unlocked (draft) version the package carries, and
``supersedes`` the versions it replaces.  The manifest holds
``{"payload": <those canonical JSON bytes as text>, "signature": <base64>}``.

On the laptop (:func:`verify_grants`) the signature must be the authority's
own (a judge's certificate chains to the same authority, and is refused), made
over this very package (event, judge, package id, generation), checked against
the authority certificate the laptop pinned at its first package.  A package
whose list fails any check is refused whole.  A verified grant reopens a
sheet only when the laptop's version is one the unlocked version supersedes,
so an old list replayed later reopens nothing.  The passphrase and the
judge's own key open the package; neither can sign a grant.
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from dataclasses import dataclass
from typing import Any

from cryptography import x509
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from oaoi_desktop.domain import canonical
from oaoi_desktop.errors import OaoiError, ValidationError
from oaoi_desktop.services import audit
from oaoi_desktop.services.exchange import lineage
from oaoi_desktop.store.models import AuditEntry, Event, EventAuthority, ScoreSheet, SheetStatus, User

FORMAT = "oaoi-unlocks"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Grant:
    """One verified unlock: the laptop may turn its version (one of ``supersedes``) into ``version_hash``."""

    key: lineage.Key
    unlock_seq: int
    version_hash: str
    supersedes: frozenset[str]


# -- the secretariat ------------------------------------------------------------------------------------------
def unlocked_sheets(session: Session, event: Event, judge: User) -> list[dict[str, Any]]:
    """The judge's sheets that are drafts here because the secretariat unlocked them (grants to sign)."""
    drafts = session.scalars(
        select(ScoreSheet).options(selectinload(ScoreSheet.scores))
        .where(ScoreSheet.event_id == event.id, ScoreSheet.judge_id == judge.id,
               ScoreSheet.status == SheetStatus.DRAFT)
    ).all()
    if not drafts:
        return []
    ids = [str(d.id) for d in drafts]
    seqs = dict(session.execute(
        select(AuditEntry.entity_id, func.max(AuditEntry.seq))
        .where(AuditEntry.chain == audit.chain_for(event.id), AuditEntry.action == "sheet.unlocked",
               AuditEntry.entity_id.in_(ids))
        .group_by(AuditEntry.entity_id)
    ).all())
    rows = lineage.lineages(session, event.id, judge.id)
    grants = []
    for sheet in drafts:
        seq = seqs.get(str(sheet.id))
        if seq is None:
            continue  # a draft the judge never submitted: nothing to reopen on the laptop
        digest = lineage.sheet_hash(sheet)
        grants.append({"sheet_id": str(sheet.id), "dossier_id": str(sheet.dossier_id),
                       "judge_id": str(sheet.judge_id), "stage_id": sheet.stage_id, "unlock_seq": int(seq),
                       "version_hash": digest,
                       "supersedes": lineage.effective_ancestors(digest, rows.get(lineage.key_of(sheet)))})
    return sorted(grants, key=lambda g: (g["dossier_id"], g["stage_id"]))


def sign_grants(session: Session, event: Event, judge: User, grants: list[dict[str, Any]], *,
                package_id: uuid.UUID, generation: int, ca_passphrase: str | None) -> dict[str, str] | None:
    """The signed list for the manifest (``None`` when nothing is unlocked)."""
    if not grants:
        return None
    from oaoi_desktop.signing import cms
    from oaoi_desktop.signing import pki

    row = session.scalar(select(EventAuthority).where(EventAuthority.event_id == event.id))
    if row is None or not row.key_pem:
        raise ValidationError("exchange.package_unlock_needs_authority", judge=judge.name, event=event.name,
                              sheets=len(grants))
    if not ca_passphrase:
        raise ValidationError("exchange.package_needs_ca_passphrase", judge=judge.name, sheets=len(grants))
    # The authority's key, opened as the signing module opens it to issue certificates.
    key = pki.authority_key(row, ca_passphrase, event)  # the one CA-key loader
    certificate = x509.load_pem_x509_certificate(row.certificate_pem.encode("ascii"))
    doc = {"format": FORMAT, "format_version": FORMAT_VERSION, "event_id": str(event.id), "judge_id": str(judge.id),
           "package_id": str(package_id), "generation": int(generation), "authority_fingerprint": row.fingerprint,
           "unlocks": grants}
    payload = canonical.dumps(doc)
    signature = cms.sign_detached(pki.Signer(private_key=key, certificate=certificate), payload)
    return {"payload": payload.decode("utf-8"), "signature": base64.b64encode(signature).decode("ascii")}


# -- the judge's laptop ------------------------------------------------------------------------------------------
def verify_grants(signed: Any, authority_pem: str | None, *, event_id: uuid.UUID, judge_id: uuid.UUID,
                  package_id: uuid.UUID, generation: int, source: str) -> dict[lineage.Key, Grant]:
    """The grants of a package's signed unlock list; raises ``exchange.package_unlocks_unverified``."""
    if signed is None:
        return {}
    from oaoi_desktop.signing import cms
    from oaoi_desktop.signing import pki

    def refuse(detail: str) -> ValidationError:
        return ValidationError("exchange.package_unlocks_unverified", path=source, detail=detail)

    if not isinstance(signed, dict) or not isinstance(signed.get("payload"), str):
        raise refuse("format")
    try:
        signature = base64.b64decode(str(signed.get("signature") or ""), validate=True)
    except (binascii.Error, ValueError):
        raise refuse("signature") from None
    authorities = pki.certs_from_pem(authority_pem) if authority_pem else []
    if not signature or not authorities:
        raise refuse("signature")
    payload = signed["payload"].encode("utf-8")
    try:
        signer = cms.verify_detached(payload, signature, authorities[:1])
    except OaoiError:
        raise refuse("signature") from None
    if pki.cert_fingerprint(signer) != pki.cert_fingerprint(authorities[0]):
        raise refuse("signer")  # e.g. the judge's own certificate: it chains to the authority, it is not it
    try:
        doc = json.loads(payload)
        if (doc["format"], doc["format_version"]) != (FORMAT, FORMAT_VERSION) \
                or (doc["event_id"], doc["judge_id"], doc["package_id"]) != (str(event_id), str(judge_id),
                                                                            str(package_id)) \
                or doc["generation"] != generation:
            raise refuse("package")
        grants = {}
        for g in doc["unlocks"]:
            key = (uuid.UUID(g["dossier_id"]), uuid.UUID(g["judge_id"]), str(g["stage_id"]))
            if key[1] != judge_id:
                raise refuse("judge")
            grants[key] = Grant(key=key, unlock_seq=int(g["unlock_seq"]), version_hash=str(g["version_hash"]),
                                supersedes=frozenset(str(x) for x in g["supersedes"]))
    except (KeyError, TypeError, ValueError, AttributeError):
        raise refuse("format") from None
    return grants


def may_reopen(grants: dict[lineage.Key, Grant], key: lineage.Key, incoming_hash: str, laptop_hash: str) -> bool:
    """Does a verified grant turn the laptop's submitted/locked version ``laptop_hash`` into ``incoming_hash``?"""
    grant = grants.get(key)
    return grant is not None and grant.version_hash == incoming_hash and laptop_hash in grant.supersedes


__all__ = ["FORMAT", "FORMAT_VERSION", "Grant", "unlocked_sheets", "sign_grants", "verify_grants", "may_reopen"]
