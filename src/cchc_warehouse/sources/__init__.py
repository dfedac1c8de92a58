"""Input-file contracts (../shared/spec/sources.md), one module per source."""

from __future__ import annotations

from .esign_stats import ESIGN_STATS
from .one_stop_dossiers import ONE_STOP_DOSSIERS
from .one_stop_summary import ONE_STOP_SUMMARY
from .par_national import PAR_NATIONAL
from .par_scores import PAR_SCORES
from .plan_tasks import PLAN_TASKS
from .sipas_survey import SIPAS_SURVEY
from .spec import Column, ColumnFamily, SourceSpec, TitleField

SOURCES: dict[str, SourceSpec] = {
    s.name: s
    for s in (ONE_STOP_DOSSIERS, ONE_STOP_SUMMARY, ESIGN_STATS, SIPAS_SURVEY, PLAN_TASKS, PAR_SCORES, PAR_NATIONAL)
}


def get_source(name: str) -> SourceSpec:
    try:
        return SOURCES[name]
    except KeyError:
        raise KeyError(f"unknown source {name!r}; known: {', '.join(sorted(SOURCES))}") from None


def sources_by_cadence(cadence: str) -> list[str]:
    return sorted(n for n, s in SOURCES.items() if s.cadence == cadence)


__all__ = ["Column", "ColumnFamily", "SourceSpec", "TitleField", "SOURCES", "get_source", "sources_by_cadence"]
