"""Input-file contracts (../shared/spec/sources.md), one module per source."""

from __future__ import annotations

from cchc_warehouse.sources.esign_stats import ESIGN_STATS
from cchc_warehouse.sources.one_stop_dossiers import ONE_STOP_DOSSIERS
from cchc_warehouse.sources.one_stop_summary import ONE_STOP_SUMMARY
from cchc_warehouse.sources.par_national import PAR_NATIONAL
from cchc_warehouse.sources.par_scores import PAR_SCORES
from cchc_warehouse.sources.plan_tasks import PLAN_TASKS
from cchc_warehouse.sources.service_index_stats import SERVICE_INDEX_STATS
from cchc_warehouse.sources.sipas_survey import SIPAS_SURVEY
from cchc_warehouse.sources.spec import Column, ColumnFamily, SourceSpec, TitleField

SOURCES: dict[str, SourceSpec] = {
    s.name: s
    for s in (ONE_STOP_DOSSIERS, ONE_STOP_SUMMARY, ESIGN_STATS, SIPAS_SURVEY, PLAN_TASKS, PAR_SCORES, PAR_NATIONAL,
                     SERVICE_INDEX_STATS)
}


def get_source(name: str) -> SourceSpec:
    try:
        return SOURCES[name]
    except KeyError:
        raise KeyError(f"unknown source {name!r}; known: {', '.join(sorted(SOURCES))}") from None


def sources_by_cadence(cadence: str) -> list[str]:
    return sorted(n for n, s in SOURCES.items() if s.cadence == cadence)


__all__ = ["Column", "ColumnFamily", "SourceSpec", "TitleField", "SOURCES", "get_source", "sources_by_cadence"]
