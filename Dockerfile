# Image for the Airflow services: Airflow 3.3 with the project installed from the lock file (uv.lock).
#
# The official image keeps its Python packages in a virtualenv at /home/airflow/.local (VIRTUAL_ENV is set),
# so `uv pip install` without --system installs into it, as the airflow user; `--system` would aim at the
# base interpreter, which that user cannot write. The lock replaces the image's versions of what it pins
# (Airflow 3.3.2 itself, psycopg 3, dbt, GX, ...) and, once pyproject pins them, the Celery provider, Celery
# and Redis that the compose `celery` profile runs:
#   apache-airflow-providers-celery==3.26.0, celery[redis]==5.6.3  (celery 5.7 breaks the provider's import)
# Until then the celery profile runs on the provider that ships with the base image.
FROM apache/airflow:3.3.2-python3.11

USER root
# State and landing folders, group 0 writable: the services may run as any uid with gid 0 (AIRFLOW_UID)
RUN mkdir -p /opt/cchc /var/lib/cchc/landing /var/lib/cchc/archive \
 && chown -R airflow:0 /opt/cchc /var/lib/cchc \
 && chmod -R g+rwX /opt/cchc /var/lib/cchc
USER airflow
WORKDIR /opt/cchc

# Dependencies first (cached while only the code changes), with the lock's hashes checked. Only what the
# services need is copied: never the build context's .env, landing/ or logs/.
COPY --chown=airflow:0 pyproject.toml uv.lock README.md ./
RUN command -v uv >/dev/null 2>&1 || pip install --no-cache-dir uv; \
    uv export --frozen --no-emit-project --format requirements-txt -o /tmp/requirements.txt \
 && uv pip install --no-cache --require-hashes -r /tmp/requirements.txt \
 && rm /tmp/requirements.txt \
 && (uv pip check || echo "note: packages of the base image that the lock does not pin report conflicts above")

COPY --chown=airflow:0 src ./src
COPY --chown=airflow:0 dags ./dags
COPY --chown=airflow:0 sql ./sql
COPY --chown=airflow:0 dbt_project ./dbt_project
COPY --chown=airflow:0 expectations ./expectations
# dbt writes target/ and logs/ under dbt_project at run time
RUN uv pip install --no-cache --no-deps . \
 && chmod -R g+rwX /opt/cchc/dbt_project /opt/cchc/expectations

ENV CCHC_PROJECT_DIR=/opt/cchc \
    CCHC_HOME=/var/lib/cchc
