"""Files waiting in the landing area: <landing>/<source>/<YYYY-MM>/ for monthly sources, <landing>/<source>/<YYYY>/
for yearly ones."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from cchc_warehouse.config import paths
from cchc_warehouse.periods import period_folder
from cchc_warehouse.sources import sources_by_cadence

SUPPORTED_SUFFIXES = (".csv", ".xlsx", ".txt", ".tsv")


@dataclass(frozen=True)
class LandedFile:
    source: str
    period: str          # YYYY-MM, or YYYY for a yearly source
    path: str
    name: str

    def as_dict(self) -> dict:
        return asdict(self)


def landing_dir(override: str | None) -> Path:
    return Path(override) if override else paths().landing


def discover(landing: Path, period: date, sources: list[str] | None = None, cadence: str = "month") -> list[LandedFile]:
    """Files under landing/<source>/<YYYY-MM>/ (monthly sources) or landing/<source>/<YYYY>/ (yearly
    sources), sorted by source and name (one mapped task each)."""
    found = []
    label = period_folder(period, cadence)
    for source in sources or sources_by_cadence(cadence):
        folder = landing / source / label
        if not folder.is_dir():
            continue
        for f in sorted(folder.iterdir()):
            if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES and not f.name.startswith((".", "~$")):
                found.append(LandedFile(source, label, str(f), f.name))
    return found
