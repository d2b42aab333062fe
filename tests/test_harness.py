"""The harness fails a test on a Python log warning (pytester runs a small suite with it)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent


def test_a_log_warning_fails_the_test_unless_it_is_expected(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    pytester.makeconftest((ROOT / "tests" / "conftest.py").read_text(encoding="utf-8"))
    pytester.makeini("[pytest]\nmarkers =\n    log_warnings: expected warnings\nqt_api = pyside6\n")
    pytester.makepyfile(
        test_noise="""
import logging
import pytest

def test_quiet():
    logging.getLogger("x").info("fine")

def test_noisy():
    logging.getLogger("x").warning("something is off")

@pytest.mark.log_warnings
def test_expected():
    logging.getLogger("x").error("as planned")
"""
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", f"--rootdir={pytester.path}")
    result.assert_outcomes(passed=3, errors=1)
    result.stdout.fnmatch_lines(["*unexpected log warnings*", "*WARNING x: something is off*"])
