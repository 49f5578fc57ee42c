"""Build hook: the wheel carries the shipped files inside the package.

``resources/`` (fonts, icons, translations, sample dossiers) and
``scoring_rubrics/`` live at the top of the source tree, where they are
edited.  A wheel (and so the self-contained bundle) must carry them inside
the package, where :mod:`oaoi_desktop.shipped` finds them through
``importlib.resources``; this copies them to ``oaoi_desktop/_shipped/`` in the
build folder.  Everything else is declared in ``pyproject.toml``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
SHIPPED = ("resources", "scoring_rubrics")
SKIP = shutil.ignore_patterns("*.ts", "__pycache__", "*.pyc")
"""Translation sources (.ts) stay in the checkout; the app loads the compiled .qm files."""


class BuildPyWithShipped(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # a checkout finds the folders beside the package
        target = Path(self.build_lib) / "oaoi_desktop" / "_shipped"
        for name in SHIPPED:
            dest = target / name
            if dest.exists():
                shutil.rmtree(dest)
            shutil.copytree(HERE / name, dest, ignore=SKIP)


setup(cmdclass={"build_py": BuildPyWithShipped})
