"""Files waiting in the landing area of the store (cchc_warehouse.storage): <landing>/<source>/<YYYY-MM>/ for
monthly sources, <landing>/<source>/<YYYY>/ for yearly ones. A landed file is named by its key relative to the
landing root, so that any worker finds it in the same store."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from upath import UPath

from cchc_warehouse import storage
from cchc_warehouse.periods import period_folder
from cchc_warehouse.sources import sources_by_cadence

IGNORED_PREFIXES = (".", "~$")      # hidden files, Office lock files


class LandingError(RuntimeError):
    """The landing area cannot be read as configured (message in Vietnamese)."""


@dataclass(frozen=True)
class LandedFile:
    source: str
    period: str          # YYYY-MM, or YYYY for a yearly source
    key: str             # <source>/<period>/<name>, relative to the landing root
    name: str
    root: str            # the landing root it was found under (a URL)

    def as_dict(self) -> dict:
        return asdict(self)

    def path(self) -> UPath:
        return storage.make_path(self.root).joinpath(*self.key.split("/"))


def landing_root(override: str | None = None) -> UPath:
    return storage.make_path(override) if override else storage.area("landing")


def discover(landing: UPath, period: date, sources: list[str] | None = None,
             cadence: str = "month") -> list[LandedFile]:
    """Files under landing/<source>/<period>/, sorted by source and name (one mapped task each). The landing root
    itself must exist: a worker that cannot see it must not report an empty month."""
    if not landing.exists():
        raise LandingError(f"không tìm thấy thư mục nhận tệp {landing} (kiểm tra CCHC_STORAGE_URL, CCHC_LANDING_DIR)")
    found = []
    label = period_folder(period, cadence)
    for source in sources or sources_by_cadence(cadence):
        folder = landing / source / label
        if not folder.exists():
            continue
        for f in sorted(folder.iterdir(), key=lambda p: p.name):
            # every other file is taken, whatever its extension: one in a format the contract does not take is
            # rejected with its reason and kept, never silently passed over
            if f.is_file() and not f.name.startswith(IGNORED_PREFIXES):
                found.append(LandedFile(source, label, f"{source}/{label}/{f.name}", f.name, str(landing)))
    return found
