#!/bin/bash
# First start of the compose Postgres (empty data volume): databases and login users. The warehouse's group
# roles and schemas come from `cchc init` (sql/, run by airflow-init), which grants them to these logins.
#
# Passwords and names reach SQL only as psql variables, quoted by psql (:'var' a literal, :"var" an
# identifier), never pasted into the SQL text: a password holding a quote, a backslash or a semicolon is
# stored as it is and cannot end the statement. (Passwords that go into connection URLs in
# docker-compose.yml must still be URL-safe: see .env.example.)
set -euo pipefail

: "${AIRFLOW_DB_PASSWORD:?AIRFLOW_DB_PASSWORD is not set}"
: "${METABASE_DB_PASSWORD:?METABASE_DB_PASSWORD is not set}"
: "${CCHC_DB_PASSWORD:?CCHC_DB_PASSWORD is not set}"
: "${CCHC_BUILD_DB_PASSWORD:?CCHC_BUILD_DB_PASSWORD is not set}"
: "${CCHC_REPORTING_DB_PASSWORD:?CCHC_REPORTING_DB_PASSWORD is not set}"

# The quoted heredoc ('SQL') keeps the shell from expanding anything inside it.
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
  -v airflow_user="${AIRFLOW_DB_USER:-airflow}" -v airflow_db="${AIRFLOW_DB_NAME:-airflow}" \
  -v airflow_password="$AIRFLOW_DB_PASSWORD" \
  -v metabase_user="${METABASE_DB_USER:-metabase}" -v metabase_db="${METABASE_DB_NAME:-metabase}" \
  -v metabase_password="$METABASE_DB_PASSWORD" \
  -v app_user="${CCHC_DB_USER:-cchc_load}" -v app_db="${CCHC_DB_NAME:-cchc}" \
  -v app_password="$CCHC_DB_PASSWORD" \
  -v build_user="${CCHC_BUILD_DB_USER:-cchc_build}" -v build_password="$CCHC_BUILD_DB_PASSWORD" \
  -v reporting_user="${CCHC_REPORTING_DB_USER:-cchc_reporting_login}" \
  -v reporting_password="$CCHC_REPORTING_DB_PASSWORD" \
  <<'SQL'
create user :"airflow_user" password :'airflow_password';
create database :"airflow_db" owner :"airflow_user";
create user :"metabase_user" password :'metabase_password';
create database :"metabase_db" owner :"metabase_user";
-- the warehouse database belongs to the superuser: the application logins get group roles from `cchc init`
create user :"app_user" password :'app_password';
create user :"build_user" password :'build_password';
create database :"app_db";
create user :"reporting_user" password :'reporting_password';
SQL
