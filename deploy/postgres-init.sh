#!/bin/bash
# First start of the compose Postgres: databases and login users. The warehouse's group roles and
# schemas come from `cchc init` (sql/); here the login users are granted those roles.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username postgres <<SQL
create user airflow password '${AIRFLOW_DB_PASSWORD}';
create database airflow owner airflow;
create user metabase password '${METABASE_DB_PASSWORD}';
create database metabase owner metabase;
create user cchc_app password '${CCHC_DB_PASSWORD}';
create database cchc owner cchc_app;
create user cchc_reporting_login password '${CCHC_REPORTING_DB_PASSWORD}';
SQL
