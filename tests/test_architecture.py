"""Guards the direction of imports: models know no Qt, views know no SQL or session."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("path", _files("models"), ids=lambda p: str(p.relative_to(ROOT)))
def test_models_import_no_qt_views_or_desktop(path: Path) -> None:
    bad = {
        name
        for name in _imports(path)
        if name.split(".")[0] in {"PySide6", "shiboken6", "views", "desktop"}
    }
    assert not bad, f"{path.name} imports {bad}"


# Views may use the models' plain values (records, enums, validation, code lists),
# never a session, an engine or a service that queries.
VIEW_ALLOWED_MODELS = {
    "models.records",
    "models.meeting_records",  # the meetings' plain records (models.meetings holds the tables)
    "models.gezinsplan_records",  # the gezinsplan's drafts and records (models.gezinsplan: tables)
    "models.enums",
    "models.validation",
    "models.rules",
    "models.codelists",
    "models.errors",
    "models.permissions",
    "models.instruments",
    "models.wording",
    "models.overview_records",  # the overview's plain values (models.overview computes them)
    "models.afwegingskader",  # the meldcode's plain values and the framework's pure logic
}


@pytest.mark.parametrize("path", _files("views"), ids=lambda p: str(p.relative_to(ROOT)))
def test_views_touch_no_sql(path: Path) -> None:
    names = _imports(path)
    assert not {
        n for n in names if n.split(".")[0] in {"sqlalchemy", "sqlite3", "alembic", "desktop"}
    }
    assert {n for n in names if n.startswith("models")} <= VIEW_ALLOWED_MODELS


def test_resources_hold_no_code() -> None:
    code = [p.name for p in (ROOT / "resources").rglob("*.py") if p.name != "__init__.py"]
    assert code == []


# The use-case layer is shared by the window, the command line and tests: no Qt, no views,
# no presenters, not even through what it imports.
QT_FREE_DESKTOP = [
    "desktop.usecases",
    "desktop.reports",
    "desktop.registry",
    "desktop.session",
    "desktop.epochs",
    "desktop.keyring",
]


@pytest.mark.parametrize("path", _files("desktop/usecases"), ids=lambda p: str(p.relative_to(ROOT)))
def test_use_cases_import_no_qt_views_or_presenters(path: Path) -> None:
    bad = {
        name
        for name in _imports(path)
        if name.split(".")[0] in {"PySide6", "shiboken6", "views"}
        or name.startswith(("desktop.presenters", "desktop.printing", "desktop.controller"))
    }
    assert not bad, f"{path.name} imports {bad}"


def test_use_case_layer_loads_without_qt() -> None:
    """Importing every use case (and what they import) must not load PySide6 or a view."""
    code = (
        "import importlib, pkgutil, sys\n"
        "import desktop.usecases as u\n"
        "for m in pkgutil.iter_modules(u.__path__):\n"
        "    importlib.import_module('desktop.usecases.' + m.name)\n"
        f"for name in {QT_FREE_DESKTOP!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'PySide6', 'shiboken6', 'views'}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "path", _files("desktop/presenters"), ids=lambda p: str(p.relative_to(ROOT))
)
def test_presenters_reach_the_store_only_through_use_cases(path: Path) -> None:
    """A presenter calls use cases; it opens no session and imports no SQL."""
    names = _imports(path)
    assert not {n for n in names if n.split(".")[0] in {"sqlalchemy", "sqlite3", "sqlcipher3"}}
    assert "sessions" not in path.read_text(encoding="utf-8"), f"{path.name} opens a session"
