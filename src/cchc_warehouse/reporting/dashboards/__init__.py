"""Report definitions as code: one YAML per dashboard (Vietnamese titles, card layout) and one .sql file per
card under cards/<dashboard>/, written as Metabase native queries over the marts' rpt_ models. Every card
takes the filters of filters.yml as template tags ({{period}}, {{unit}}, {{unit_level}}), each inside an
optional [[ ... ]] clause. `cchc metabase sync` provisions them; `render` runs them anywhere else
(tests, the HTML report) with Metabase's semantics."""

from cchc_warehouse.reporting.dashboards.definitions import (
    Card,
    Dashboard,
    Filter,
    load_dashboards,
    load_filters,
    render,
)

__all__ = ["Card", "Dashboard", "Filter", "load_dashboards", "load_filters", "render"]
