"""Yearly PAR load: PAR-index scoring sheets and published national results -> raw (GX gate) -> marts."""

from __future__ import annotations

import pendulum
from airflow.timetables.interval import CronDataIntervalTimetable

from cchc_warehouse.airflow.dag_factory import TZ, build_load_dag

DOC = """
### Chỉ số CCHC hằng năm / Yearly PAR index load

For the reporting year (on schedule: the run on 1 June loads the year before it, once the appraisal
council and the ministry have published; or the `period` param, YYYY):

1. **discover**: files under `<landing>/par_scores/<YYYY>/` (units' scoring sheets: one sheet per unit or
   one sheet with a unit column) and `<landing>/par_national/<YYYY>/` (published national results).
2. **load_file**: one mapped task per file; the gate checks the criterion tree (parents = sum of children),
   points ≤ max, and warns when published components do not add up to the published index (kept as
   published). A rejected file fails its own task only.
3. **build_and_publish**, **publish_docs**, **sync_dashboards**, **check_run**: as in `cchc_monthly_load`.
   Rankings (ties share a rank), bands and year-over-year changes are rebuilt for every year.
"""

build_load_dag(dag_id="cchc_yearly_par", cadence="year",
               schedule=CronDataIntervalTimetable("0 0 1 6 *", timezone=TZ),
               start_date=pendulum.datetime(2020, 6, 1, tz=TZ), catchup=False, doc_md=DOC,
               tags=["cchc", "yearly", "par"])
