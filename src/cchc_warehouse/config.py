"""Settings read from environment variables (never from files in the repository)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def project_dir() -> Path:
    """The checkout holding sql/, dbt_project/ and expectations/ (override: CCHC_PROJECT_DIR)."""
    env = os.environ.get("CCHC_PROJECT_DIR")
    return Path(env).resolve() if env else PACKAGE_DIR.parents[1]


def cchc_home() -> Path:
    """Where local state lives: the embedded Postgres cluster, archived files, GX data docs."""
    env = os.environ.get("CCHC_HOME")
    return Path(env).resolve() if env else project_dir() / ".cchc"


@dataclass(frozen=True)
class Paths:
    project: Path
    home: Path

    @property
    def sql_dir(self) -> Path:
        return self.project / "sql"

    @property
    def dbt_project(self) -> Path:
        return self.project / "dbt_project"

    @property
    def expectations(self) -> Path:
        return self.project / "expectations"

    @property
    def archive(self) -> Path:
        return Path(os.environ.get("CCHC_ARCHIVE_DIR", self.home / "archive"))

    @property
    def landing(self) -> Path:
        return Path(os.environ.get("CCHC_LANDING_DIR", self.home / "landing"))

    @property
    def gx_root(self) -> Path:
        return Path(os.environ.get("CCHC_GX_DIR", self.home / "gx"))


def paths() -> Paths:
    return Paths(project=project_dir(), home=cchc_home())

