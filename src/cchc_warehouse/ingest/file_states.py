"""The states of a received file, defined once (the schema's audit.file_state rows are written from this enum
by `cchc generate`, and views and dbt read that table).

validating -> loaded (passed the gate) -> published (its rows are in the marts), or -> rejected (with reasons).
"""

from __future__ import annotations

from enum import StrEnum


class FileState(StrEnum):
    VALIDATING = "validating"
    LOADED = "loaded"
    REJECTED = "rejected"
    PUBLISHED = "published"

    @property
    def is_accepted(self) -> bool:
        """Its rows may reach reports (a newer accepted file for the same unit and period supersedes it)."""
        return self in (FileState.LOADED, FileState.PUBLISHED)

    @property
    def awaits_publication(self) -> bool:
        """Accepted, not yet in the marts: the next build computes what it covers."""
        return self is FileState.LOADED

    @property
    def label_vi(self) -> str:
        return {FileState.VALIDATING: "Đang kiểm tra", FileState.LOADED: "Đã nạp, chờ công bố",
                FileState.REJECTED: "Bị từ chối", FileState.PUBLISHED: "Đã công bố"}[self]


ACCEPTED = tuple(s for s in FileState if s.is_accepted)
