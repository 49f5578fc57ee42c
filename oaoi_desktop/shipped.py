"""Where the files the app ships live: rubrics, fonts, icons, translations, samples.

One answer for every caller (the GUI's icons and translations, the reports'
fonts, the demo's sample dossiers, the rubric loader's built-in rubrics):

* an installed wheel and the self-contained bundle carry them **inside the
  package**, as package data under ``oaoi_desktop/_shipped/``
  (``resources/…`` and ``scoring_rubrics/``), found beside the package's own
  file (what :mod:`importlib.resources` answers for a regular package; it is
  asked only for a package without a file) — never through the current folder
  or a path relative to a checkout;
* a source checkout (the editable install the scripts make) keeps them at the
  top of the tree, beside the package, where they are edited.

The shipped files are read from the file system (the wheel and the bundle
unpack them), so the answer is a :class:`pathlib.Path`.  ``setup.py`` copies
the top-level folders into ``_shipped/`` when a wheel is built.
"""

from __future__ import annotations

from pathlib import Path

SHIPPED = "_shipped"
"""The package-data folder a wheel or bundle carries the shipped files in."""


def _package_dir() -> Path:
    # The package's folder from its own file, as importlib.resources finds it for a regular
    # package (checkout, wheel, bundle); importlib.resources only when there is no file.  Its
    # readers cost about 10 ms of a cold start (issue 14: start fast).
    import oaoi_desktop

    origin = getattr(oaoi_desktop, "__file__", None)
    if origin:
        return Path(origin).parent
    from importlib import resources

    return Path(str(resources.files("oaoi_desktop")))


def shipped_path(*parts: str) -> Path:
    """The shipped file or folder ``parts`` (e.g. ``"resources", "fonts"``).

    Inside the installed package when it carries a copy, else beside the
    package in a source checkout.  The path is returned even when it does not
    exist, so the caller can say which file is missing.
    """
    package = _package_dir()
    inside = package.joinpath(SHIPPED, *parts)
    if inside.exists():
        return inside
    return package.parent.joinpath(*parts)


def resources_dir() -> Path:
    """``resources/`` (translations, icons, fonts, samples)."""
    return shipped_path("resources")


def rubrics_dir() -> Path:
    """``scoring_rubrics/`` (the rubric files users choose from)."""
    return shipped_path("scoring_rubrics")


__all__ = ["SHIPPED", "resources_dir", "rubrics_dir", "shipped_path"]
