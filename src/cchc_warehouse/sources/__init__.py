"""Input-file contracts (../shared/spec/sources.md), one module per source."""

from __future__ import annotations

from .one_stop_dossiers import ONE_STOP_DOSSIERS
from .spec import Column, SourceSpec

SOURCES: dict[str, SourceSpec] = {s.name: s for s in (ONE_STOP_DOSSIERS,)}


def get_source(name: str) -> SourceSpec:
    try:
        return SOURCES[name]
    except KeyError:
        raise KeyError(f"unknown source {name!r}; known: {', '.join(sorted(SOURCES))}") from None


__all__ = ["Column", "SourceSpec", "SOURCES", "get_source"]
