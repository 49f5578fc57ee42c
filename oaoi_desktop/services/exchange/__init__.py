"""USB exchange between the secretariat's laptop and each judge's laptop.

* :mod:`.crypto` — passphrase keys (scrypt) and streamed AES-GCM files;
* :mod:`.lineage` — naming versions of a score sheet and what they descend from;
* :mod:`.packages` — the encrypted panel package for one judge (export, import);
* :mod:`.bundles` — the judge's signed bundle of score sheets (export, verify,
  merge) and the conflicts the secretariat resolves;
* :mod:`.unlocks` — the secretariat's unlocks, signed by the event's authority,
  the only way a package reopens a submitted sheet on a judge's laptop.

The file formats are described in ``docs/usb-exchange.md``.
"""
