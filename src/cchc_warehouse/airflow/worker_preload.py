"""Imported by a Celery worker when it starts (`[celery] extra_celery_config = {"imports":
["cchc_warehouse.airflow.worker_preload"]}`): the tasks' heavy modules, once per worker (cchc_warehouse.airflow.warm).
Celery imports its `imports` in the worker's main process, before forking its pool, so every pool process and
every task process forked from one starts with them."""

from cchc_warehouse.airflow.warm import preload

preload()
