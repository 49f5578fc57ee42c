"""The demo event: a working event in one step, in a separate database.

``oaoi-desktop --demo`` (and Help → Demo) opens :func:`demo_db_url` — a
SQLite file in ``<data dir>/demo/``, never the user's own database — and,
when it holds no event yet, calls :func:`build_demo`, which

* creates an event with the default rubric (``kipp-proposal``), recusal at
  the *instansi* level;
* imports the sample dossiers of ``resources/samples/`` through the real
  import service (so the demo also shows what an import does);
* adds a secretariat account and five judges with known PINs (shown on the
  start screen), from agencies chosen so that recusal matters: the judge from
  Pemerintah Kota Medan is not assigned the two Medan dossiers, the judge from
  Pemerintah Provinsi Sumatera Utara not the province's dossier;
* assigns every judge every dossier they may judge, and scores a few sheets
  (submitted and draft) so the progress views have something to show.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from oaoi_desktop import config
from oaoi_desktop.rubrics import load_rubric, resolve_rubric
from oaoi_desktop.errors import NotFoundError, OaoiError
from oaoi_desktop.services import accounts, assignments, dossiers, events, sheets
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.imports import ImportReport, import_paths
from oaoi_desktop.services.policy import Action, authorize
from oaoi_desktop.shipped import shipped_path
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Event, RecusalLevel, Role, User

DEMO_ACTOR = Actor("demo")
"""The system actor that creates the demo's secretariat account (it has no account itself);
everything after that is done as that secretariat account (:func:`build_demo`)."""
DEMO_RUBRIC = "kipp-proposal"
EVENT_NAME = "Demo — Kompetisi Inovasi Pelayanan Publik 2026"


@dataclass(frozen=True)
class DemoPerson:
    name: str
    role: str
    """``secretariat``, ``chair`` or ``member``."""
    pin: str
    instansi: str
    unit_kerja: str = ""


SECRETARIAT = DemoPerson("Sekretariat Demo", "secretariat", "739415", "Kementerian PANRB",
                         "Deputi Bidang Pelayanan Publik")
JUDGES = (
    DemoPerson("Prof. Dr. Siti Aisyah Nasution, M.Si.", "chair", "582614", "Universitas Sumatera Utara",
               "Fakultas Ilmu Sosial dan Ilmu Politik"),
    DemoPerson("Drs. Bambang Setiawan, M.A.P.", "member", "604937",
               "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "Deputi Bidang Pelayanan Publik"),
    DemoPerson("Dr. Ir. Hendra Gunawan Tarigan", "member", "318275", "Pemerintah Provinsi Sumatera Utara",
               "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah"),
    DemoPerson("Yuliani Simanjuntak, S.H., M.Kn.", "member", "927346", "Ombudsman Republik Indonesia",
               "Perwakilan Sumatera Utara"),
    DemoPerson("Ir. Agus Salim Lubis, M.T.", "member", "461853", "Pemerintah Kota Medan",
               "Badan Perencanaan Pembangunan Daerah"),
)
KIPP_CRITERIA = ("latar_belakang", "kebaruan", "implementasi", "signifikansi", "adaptabilitas",
                 "sumber_daya", "keberlanjutan")


@dataclass(frozen=True)
class DemoInfo:
    event_id: uuid.UUID
    event_name: str
    judges: tuple[tuple[str, str, str], ...]
    """(name, role, PIN) of each judge, chair first."""
    secretariat: tuple[str, str]
    """(name, PIN)."""
    import_report: ImportReport | None = None
    """The report of importing the samples (None when the demo already existed)."""


def demo_db_path() -> Path:
    """``<data dir>/demo/oaoi-demo.sqlite`` — separate from the user's database."""
    folder = config.data_dir() / "demo"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "oaoi-demo.sqlite"


def demo_db_url() -> str:
    return "sqlite:///" + str(demo_db_path())


def samples_dir() -> Path:
    """``resources/samples`` (inside an installed package or bundle when it carries one)."""
    return shipped_path("resources", "samples")


def _info(event: Event, report: ImportReport | None) -> DemoInfo:
    return DemoInfo(
        event_id=event.id, event_name=event.name,
        judges=tuple((j.name, j.role, j.pin) for j in JUDGES),
        secretariat=(SECRETARIAT.name, SECRETARIAT.pin), import_report=report,
    )


def _score_values(seed: int) -> dict[str, int]:
    # Deterministic, plausible scores 5..9 (no comment is required at 5 and above).
    return {c: 5 + (seed * 7 + i * 3) % 5 for i, c in enumerate(KIPP_CRITERIA)}


def build_demo(db: Database, *, samples: Path | None = None, allow_any_database: bool = False,
               today: dt.date | None = None) -> DemoInfo:
    """Create the demo event in ``db`` (the demo database) and return who can sign in.

    Refuses any database but :func:`demo_db_path` unless
    ``allow_any_database`` (tests).  If the demo event exists already,
    returns its info without changing anything.
    """
    path = db.sqlite_path
    if not allow_any_database and (path is None or path.resolve() != demo_db_path().resolve()):
        raise OaoiError("demo.not_demo_database", path=str(demo_db_path()))
    folder = samples or samples_dir()
    if not folder.is_dir():
        raise NotFoundError("demo.samples_missing", path=str(folder))
    with db.read() as s:
        existing = s.scalar(select(Event).where(Event.name == EVENT_NAME))
        if existing is not None:
            return _info(existing, None)
    today = today or dt.date.today()
    with db.write() as s:
        user = s.scalar(select(User).where(User.event_id.is_(None), User.name == SECRETARIAT.name))
        if user is None:
            user = accounts.create_secretariat_unchecked(s, name=SECRETARIAT.name, secret=SECRETARIAT.pin, actor=DEMO_ACTOR,
                                                instansi=SECRETARIAT.instansi, unit_kerja=SECRETARIAT.unit_kerja)
        sec = Actor(user.name, user.id)  # [auth, issue 12] a real secretariat account acts from here on
        event = events.create_event(
            s, name=EVENT_NAME, rubric=load_rubric(resolve_rubric(DEMO_RUBRIC)), rubric_source=f"{DEMO_RUBRIC}.toml",
            actor=sec, organiser="Sekretariat Demo oaoi-desktop", venue="Ruang Rapat Demo",
            starts_on=today, ends_on=today + dt.timedelta(days=2), recusal_level=RecusalLevel.INSTANSI,
        )
        event_id = event.id
        for person in JUDGES:
            accounts.add_judge(s, event, name=person.name, instansi=person.instansi, unit_kerja=person.unit_kerja,
                               role=Role(person.role), secret=person.pin, actor=sec)
    report = import_paths(db, event_id, [folder], actor=sec, today=today)
    with db.write() as s:
        event = s.get(Event, event_id)
        assert event is not None
        judges = accounts.judges(s, event)
        by_name = {j.name: j for j in judges}
        ordered = [by_name[p.name] for p in JUDGES]
        all_dossiers = dossiers.list_dossiers(s, event, actor=sec)
        for dossier in all_dossiers:
            for judge in ordered:
                if not assignments.recused(event, judge, dossier):
                    assignments.assign(s, event, dossier, judge, actor=sec)
        # Some progress: the chair has submitted four sheets, a member three, another has a draft.
        plan = [(0, 4, True), (1, 3, True), (3, 1, False)]
        for judge_index, count, submit in plan:
            judge = ordered[judge_index]
            done = 0
            for k, dossier in enumerate(all_dossiers):
                if done >= count:
                    break
                if assignments.recused(event, judge, dossier):
                    continue
                values = _score_values(judge_index * 13 + k)
                if not submit:
                    values = dict(list(values.items())[:3])
                me = Actor(judge.name, judge.id)
                authorize(s, me, Action.SHEET_SUBMIT_OWN if submit else Action.SHEET_WRITE_OWN_DRAFT, event=event,
                          judge=judge, dossier=dossier)
                sheets.save_sheet_unchecked(s, event, judge, dossier, values=values, submit=submit, actor=me)
                done += 1
        info = _info(event, report)
    return info


def open_demo(*, samples: Path | None = None) -> tuple[Database, DemoInfo]:
    """Open the demo database (creating and filling it the first time)."""
    db = Database.open(demo_db_url())
    try:
        info = build_demo(db, samples=samples)
    except BaseException:
        db.close()
        raise
    return db, info


__all__ = ["DemoInfo", "DemoPerson", "build_demo", "open_demo", "demo_db_url", "demo_db_path", "samples_dir",
           "JUDGES", "SECRETARIAT", "EVENT_NAME"]
