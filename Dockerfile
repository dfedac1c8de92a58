# Image for the Airflow services: Airflow 3.3 with the project installed from the lock file.
FROM apache/airflow:3.3.2-python3.11
USER root
COPY --chown=airflow:root . /opt/cchc
USER airflow
RUN pip install --no-cache-dir uv \
 && cd /opt/cchc && uv export --frozen --no-dev --no-hashes --no-emit-project > /tmp/requirements.txt \
 && uv pip install --system --no-cache -r /tmp/requirements.txt \
 && uv pip install --system --no-cache --no-deps /opt/cchc
WORKDIR /opt/cchc
