"""Headless Chromium for the page tests: the rendered DOM (and the console lines), and screenshots kept as test
artefacts (CCHC_TEST_ARTIFACTS, default .cchc/test-artifacts). Skips when Debian's chromium is missing (.ci/run
installs it)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from cchc_warehouse.config import paths


def _flags() -> list[str]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Debian chromium not installed (.ci/run installs it)")
    return [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--enable-logging=stderr",
            "--v=0", "--host-resolver-rules=MAP * ~NOTFOUND"]


def rendered_text(page: Path) -> str:
    """The page's text as Chromium renders it; fails on any console message or uncaught error."""
    dom = subprocess.run([*_flags(), "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert not [line for line in dom.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    return re.sub(r"<[^>]+>", " ", dom.stdout)


def screenshot(page: Path, name: str) -> Path:
    artefacts = Path(os.environ.get("CCHC_TEST_ARTIFACTS", paths().project / ".cchc" / "test-artifacts"))
    artefacts.mkdir(parents=True, exist_ok=True)
    shot = artefacts / name
    res = subprocess.run([*_flags(), "--window-size=1280,2400", f"--screenshot={shot}", page.as_uri()],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0 and shot.stat().st_size > 20_000, res.stderr[-2000:]
    return shot
