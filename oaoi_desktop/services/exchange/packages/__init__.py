"""Panel packages: everything one judge needs on their own laptop, encrypted on a USB stick.

Export (:func:`export_package`, the secretariat's laptop) writes into a folder::

    DIR/oaoi-package.json        plain header: format, format_version, the scrypt
                                 salt and parameters, the manifest's object name
    DIR/objects/<name>           encrypted objects (see crypto.py): the manifest
                                 and every attachment, named by an HMAC

The *manifest* (canonical JSON, encrypted) holds the event, its frozen rubric,
the judge's account (with the hash of their PIN, so they sign in as usual),
the dossiers assigned to them with every revision's content and the current
revision's attachment list, the assignments, the judge's declarations and
score sheets, their encrypted PKCS#12 and certificate and the event
authority's certificate (when they exist), ``format_version``, a
``generation`` number and ``files``: the SHA-256, size and object of every
attachment.  Nothing on the stick is readable without the judge's passphrase:
no title, name or agency appears in any file.

Every object is written to a temporary name and renamed; all of them are
fsynced (side by side) before the manifest and the header, which is replaced last, so a stick pulled out mid-export holds the previous package
(or none), never half of one.  Re-exporting into the same folder with the
same passphrase keeps the salt, so unchanged attachments are not written
again; objects no longer named are removed after the header is in place.

Import (:func:`import_package`, the judge's laptop) decrypts and checks every
object against the manifest, then sets up the laptop's database in one
transaction: the judge then signs in and works in the judge workspace as on
the secretariat's laptop.  Applying a later package (new dossiers,
re-assignment) updates what changed and never loses the judge's scores: a
sheet from the package replaces the laptop's only when it descends from it
(``lineage.py``), e.g. a sheet the secretariat unlocked — and a submitted or
locked sheet becomes a draft again only with the unlock signed by the event's
authority (``unlocks.py``; the laptop pins the authority's certificate from
its first package).  The header may only name the scrypt parameters in
:data:`ACCEPTED_KDF`; others are refused before any key is derived.

The parts: :mod:`.common` (names, values, opening a package), :mod:`.export`
and :mod:`.install` (importing one on the judge's laptop).
"""

from oaoi_desktop.services.exchange.packages.common import (
    ACCEPTED_KDF,
    FORMAT,
    FORMAT_VERSION,
    HEADER,
    MIN_PASSPHRASE,
    OBJECTS,
    Cancelled,
    OpenedPackage,
    PackageExport,
    PackageImport,
    check_passphrase,
    find_header,
    is_panel_package,
    open_package,
    sealed_size,
)
from oaoi_desktop.services.exchange.packages.export import build_manifest, export_package
from oaoi_desktop.services.exchange.packages.install import import_package

__all__ = [
    "FORMAT", "FORMAT_VERSION", "HEADER", "PackageExport", "PackageImport", "OpenedPackage", "Cancelled",
    "check_passphrase", "export_package", "import_package", "open_package", "find_header", "is_panel_package",
    "build_manifest", "sealed_size", "ACCEPTED_KDF", "MIN_PASSPHRASE", "OBJECTS",
]
