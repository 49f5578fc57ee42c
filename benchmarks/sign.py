"""One PAdES signature: time to sign a result sheet, against baselines measured in the same run.

    python benchmarks/sign.py [--repeat 30]

Builds a throw-away event (temporary SQLite, temporary OAOI_HOME) with its
CA and one judge's credential, a one-page PDF with the documents' conventions
(``sig_<uuid hex>`` fields for two judges and the chair, ``/Oaoi*`` info keys),
then times, on the same bytes:

* ``crypto``  — a bare ECDSA P-256/SHA-256 signature of the PDF bytes (cryptography);
* ``write``   — writing the PDF unsigned (temporary name + rename, as signing does);
* ``sign``    — ``pades.sign_pdf_bytes`` (approval signature, visible stamp,
  incremental update) plus the atomic write: what one file of ``oaoi sign`` costs
  once the passphrase has opened the key;
* ``verify``  — ``services.signatures.verify_bytes`` of the signed file with the event
  present (pyHanko integrity + modification analysis + chain), for scale;
* ``open``    — ``keys.load_signer`` (PKCS#12 decryption with the passphrase), paid once per batch.

Target: one signature under 150 ms.  Prints medians and ratios.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--repeat", type=int, default=30)
    args = p.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="oaoi-sign-bench-"))
    os.environ["OAOI_HOME"] = str(tmp / "home")
    (tmp / "home").mkdir()

    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field
    from pypdf import PdfReader, PdfWriter
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from oaoi_desktop.rubrics import load_rubric
    from oaoi_desktop.files import write_atomically
    from oaoi_desktop.services import accounts, events, signatures
    from oaoi_desktop.services import keys
    from oaoi_desktop.signing import pades
    from oaoi_desktop.store.database import Database
    from oaoi_desktop.store.models import Role
    from synthetic import ACTOR, ensure_secretariat  # benchmarks/synthetic.py: a real secretariat account

    root = Path(__file__).resolve().parents[1]
    actor = ACTOR
    db = Database.open("sqlite:///" + str(tmp / "bench.sqlite"))
    ensure_secretariat(db)  # the services refuse an actor without an active account
    with db.write() as s:
        event = events.create_event(s, name="Bench 2026", rubric=load_rubric(root / "scoring_rubrics" / "kipp-proposal.toml"),
                                    actor=actor)
        people = [accounts.add_judge(s, event, name=n, instansi="X", role=r, actor=actor)
                  for n, r in (("Ketua", Role.CHAIR), ("Budi", Role.MEMBER), ("Siti", Role.MEMBER))]
        event_id, ids = event.id, [u.id for u in people]
    with db.write() as s:
        keys.create_authority(s, event_id, "bench-ca-pass", actor)
        keys.issue_judge_certificate(s, event_id, ids[1], "bench-ca-pass", "bench-judge-pass", actor)

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for i in range(40):
        c.drawString(72, 800 - 18 * i, f"P-{i:03d}  Inovasi nomor {i}   8  7  9  8  7  9  8   81,50")
    c.showPage()
    c.save()
    w = PdfWriter(clone_from=PdfReader(io.BytesIO(buf.getvalue())))
    w.add_metadata({"/OaoiEventId": str(event_id), "/OaoiDocumentNumber": "001/LHP/B/2026", "/OaoiKind": "result"})
    base = io.BytesIO()
    w.write(base)
    iw = IncrementalPdfFileWriter(io.BytesIO(base.getvalue()))
    for i, uid in enumerate(ids[1:] + ids[:1]):
        append_signature_field(iw, SigFieldSpec(sig_field_name=pades.field_name_for(uid), on_page=0,
                                                box=(60 + 165 * i, 60, 215 + 165 * i, 120)))
    out = io.BytesIO()
    iw.write(out)
    pdf = out.getvalue()
    target = tmp / "doc.pdf"

    with db.read() as s:
        open_ms = _median_ms(lambda: keys.load_signer(s, event_id, ids[1], "bench-judge-pass"), max(3, args.repeat // 5))
        signer = keys.load_signer(s, event_id, ids[1], "bench-judge-pass")
    field = pades.field_name_for(ids[1])
    key = ec.generate_private_key(ec.SECP256R1())
    stamp = signatures.stamp_text()

    crypto_ms = _median_ms(lambda: key.sign(pdf, ec.ECDSA(hashes.SHA256())), args.repeat)
    write_ms = _median_ms(lambda: write_atomically(target, pdf), args.repeat)

    def sign_once() -> bytes:
        data = pades.sign_pdf_bytes(signer, pdf, field, name="Budi", stamp=stamp)
        write_atomically(target, data)
        return data

    sign_once()  # warm-up: imports and pyHanko's lazy set-up
    sign_ms = _median_ms(sign_once, args.repeat)
    signed = sign_once()
    with db.read() as s:
        report = signatures.verify_bytes(s, signed, target)
        assert report.signatures and report.signatures[0].ok, report
        verify_ms = _median_ms(lambda: signatures.verify_bytes(s, signed, target), max(3, args.repeat // 3))
    db.close()
    shutil.rmtree(tmp, ignore_errors=True)

    print(f"machine: {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"PDF {len(pdf):,} bytes, signed {len(signed):,} bytes; median of {args.repeat} runs")
    print(f"crypto  (bare ECDSA of the bytes)   {crypto_ms:8.2f} ms")
    print(f"write   (unsigned, temp + rename)    {write_ms:8.2f} ms")
    print(f"sign    (PAdES + stamp + write)      {sign_ms:8.2f} ms   target < 150 ms: "
          f"{'met' if sign_ms < 150 else 'NOT met'}")
    print(f"verify  (pyHanko + chain + checks)   {verify_ms:8.2f} ms")
    print(f"open    (PKCS#12, once per batch)    {open_ms:8.2f} ms")
    print(f"ratio sign / crypto {sign_ms / crypto_ms:8.1f}x   sign / write {sign_ms / write_ms:6.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
