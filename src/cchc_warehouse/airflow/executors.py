"""Airflow's LocalExecutor, with the tasks' heavy modules imported before it forks its workers
(cchc_warehouse.airflow.warm): `[core] executor = cchc_warehouse.airflow.executors.WarmLocalExecutor`.

Importing this module imports nothing heavy (the scheduler and the API server import executors to list them);
the preload happens in `start()`, in the scheduler, once."""

from __future__ import annotations

from airflow.executors.local_executor import LocalExecutor

from cchc_warehouse.airflow.warm import preload


class WarmLocalExecutor(LocalExecutor):
    """LocalExecutor whose worker processes start with Great Expectations, dbt and the loader imported."""

    def start(self) -> None:
        if self.is_mp_using_fork:   # resolved by LocalExecutor; a spawned worker would import everything again
            preload()
        super().start()
