"""The wheel is complete: installed outside the checkout, the app finds everything it ships.

Builds the wheel from this checkout, installs it (without dependencies) into a
fresh virtual environment in a temporary folder, and runs the installed
programs from another temporary folder through ``scripts/smoke-installed``:
rubric validation, a new database, an import of the shipped sample dossiers
with worker processes, a ranking PDF (fonts) and the window (translations,
icon).  The dependencies (Qt, ReportLab, ...) come from the test run's own
environment through a path file, so nothing is downloaded; the package
itself, and every file it ships, must come from the wheel.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _build_wheel(out: Path) -> Path:
    try:
        import wheel  # noqa: F401  - bdist_wheel for setuptools < 70.1, without build isolation
        isolation = ["--no-build-isolation"]
    except ImportError:
        isolation = []
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", *isolation, "-w", str(out), str(ROOT)],
                   check=True, capture_output=True, text=True, cwd=out)
    wheels = sorted(out.glob("oaoi_desktop-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the fresh environment's bin folder, the samples folder inside its installed package)."""
    base = tmp_path_factory.mktemp("wheel")
    wheel_file = _build_wheel(base)
    env_dir = base / "env"
    venv.EnvBuilder(with_pip=False, symlinks=os.name != "nt").create(env_dir)
    py = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = Path(subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    # The dependencies: this environment's packages, AFTER the fresh one's own (and
    # without this environment's .pth files, so its editable checkout is not seen).
    (site / "zz_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel_file)],
                   check=True, capture_output=True, text=True)
    bindir = env_dir / "bin"
    for name, target in (("oaoi", "oaoi_desktop.cli"), ("oaoi-desktop", "oaoi_desktop.app")):
        script = bindir / name
        # what pip writes for an entry point: the guard keeps spawned worker processes from running it
        script.write_text(f"#!{py}\nimport sys\nfrom {target} import main\n"
                          f"if __name__ == '__main__':\n    sys.exit(main())\n", encoding="utf-8")
        script.chmod(0o755)
    return bindir, site / "oaoi_desktop" / "_shipped" / "resources" / "samples"


def test_the_wheel_carries_every_shipped_file(tmp_path: Path) -> None:
    names = set(zipfile.ZipFile(_build_wheel(tmp_path)).namelist())
    shipped = "oaoi_desktop/_shipped/"
    for folder in ("scoring_rubrics", "resources/fonts", "resources/icons", "resources/translations",
                   "resources/samples"):
        expected = {p.relative_to(ROOT).as_posix() for p in (ROOT / folder).rglob("*")
                    if p.is_file() and p.suffix != ".ts" and "__pycache__" not in p.parts}
        assert expected, folder
        missing = {e for e in expected if shipped + e not in names}
        assert not missing, f"not in the wheel: {sorted(missing)[:5]}"
    assert "oaoi_desktop/store/migrations/env.py" in names
    assert not any(n.endswith(".ts") for n in names), "translation sources are not shipped"


def test_the_installed_wheel_runs_outside_the_checkout(installed: tuple[Path, Path], tmp_path: Path) -> None:
    bindir, samples = installed
    assert samples.is_dir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "OAOI_RUBRIC_DIR")}
    where = subprocess.run([str(bindir / "oaoi"), "--version"], check=True, capture_output=True, text=True,
                           cwd=tmp_path, env=env)
    assert "0." in where.stdout + where.stderr
    located = subprocess.run(
        [str(bindir.parent / "bin" / "python"), "-c",
         "import oaoi_desktop, oaoi_desktop.shipped as s; print(oaoi_desktop.__file__); print(s.rubrics_dir())"],
        check=True, capture_output=True, text=True, cwd=tmp_path, env=env).stdout.splitlines()
    assert not located[0].startswith(str(ROOT)), "the checkout's package was imported, not the wheel's"
    assert "_shipped" in located[1]
    run = subprocess.run(["sh", str(ROOT / "scripts" / "smoke-installed"), str(bindir), str(samples)],
                         capture_output=True, text=True, cwd=tmp_path, env=env, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "smoke: passed" in run.stdout
    assert "Traceback" not in run.stderr
