"""Judge bundles: a judge's score sheets, signed on their laptop, merged on the secretariat's.

A bundle is one file (``*.oaoi-bundle``), the canonical JSON of::

    {"format": "oaoi-judge-bundle", "format_version": 1,
     "payload": {...}, "signature": "<base64 of a detached CMS signature>"}

The signature (:func:`oaoi_desktop.signing.cms.sign_detached`, the judge's key)
covers the canonical JSON bytes of ``payload``::

    {"format", "format_version", "bundle_id", "exported_at", "device_id",
     "event": {"id", "name"}, "rubric_sha256", "judge": {"id", "name"},
     "signer_fingerprint", "audit_head": {"seq", "hash"},
     "sheets": [sheet entries (entries.py)],
     "conflict_declarations": [{"id", "dossier_id", "reason", "declared_at"}],
     "integrity_declarations": [{"id", "statement_sha256", "declared_at"}]}

The whole file must be exactly that canonical form, so every byte counts: a
changed byte anywhere is refused (damaged file or bad signature).

Merging (:func:`import_bundles`) checks, for each file and before changing
anything: that it is a complete bundle, the event, the rubric's SHA-256, that
the judge is on the event's roster, the signature, and that the signer is that
judge (the certificate chains to the event's authority, or is the judge's
imported certificate, and is the judge's active credential).  A file failing
any check is rejected with a message naming it, and nothing changes.  Each
sheet is then merged by its lineage (``lineage.py``): the same version again
changes nothing; a later version of the sheet replaces the earlier one —
only while the secretariat's sheet is a draft (an unlocked sheet is one): a
submitted, locked or paper-entered sheet is never changed by a bundle,
whatever ancestry the bundle claims (the judge signs it, so it proves nothing
about the secretariat's records); two versions edited from a common base, or
a bundle changing a sheet that is final here, become a :class:`SheetConflict`,
both kept, for the secretariat to resolve with a reason (:func:`resolve_conflict`).
A sheet claiming a proposal revision beyond the secretariat's is not merged.
Every change is written to the audit log in the same transaction.

The parts: :mod:`.files` (the format, export, reading and verifying),
:mod:`.merge` (merging) and :mod:`.conflicts` (listing and resolving).
"""

from oaoi_desktop.services.exchange.bundles.conflicts import (
    ConflictSide,
    ConflictView,
    event_with_most_open_conflicts,
    list_conflicts,
    open_conflict_count,
    resolve_conflict,
)
from oaoi_desktop.services.exchange.bundles.files import (
    FORMAT,
    FORMAT_VERSION,
    SUFFIX,
    BundleExport,
    VerifiedBundle,
    build_payload,
    bundle_files,
    encode_bundle,
    export_bundle,
    parse_bundle,
    verify_bundle,
)
from oaoi_desktop.services.exchange.bundles.merge import (
    FileReport,
    MergeReport,
    SheetOutcome,
    import_bundles,
    merge_verified,
)

__all__ = [
    "FORMAT", "FORMAT_VERSION", "SUFFIX", "BundleExport", "VerifiedBundle", "SheetOutcome", "FileReport",
    "MergeReport", "ConflictSide", "ConflictView", "export_bundle", "build_payload", "encode_bundle",
    "parse_bundle", "verify_bundle", "merge_verified", "import_bundles", "list_conflicts", "open_conflict_count",
    "event_with_most_open_conflicts", "resolve_conflict", "bundle_files",
]
