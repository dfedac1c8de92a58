#!/usr/bin/env bash
# Deployment test (not run by scripts/test.sh): the real Airflow 3 components, from a venv and without Docker,
# driven over the REST API v2, then the same loads through the CLI, compared indicator by indicator.
#
#   api-server, scheduler, dag-processor, triggerer; CeleryExecutor on the machine's Redis (a dedicated db
#   number) with TWO Celery workers that share no landing folder and no CCHC_HOME; metadata in Postgres
#   (`airflow_deploytest`), the warehouse in `cchc_deploytest`, the CLI run in `cchc_deploytest_cli`.
#   Files reach the workers only through the shared store, CCHC_STORAGE_URL (s3://cchc/ on a local
#   moto_server when moto is importable, else a file:// folder no worker uses as its landing dir), exported
#   to every component with AWS_ENDPOINT_URL / AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_DEFAULT_REGION.
#   Layout the script assumes: <CCHC_STORAGE_URL>landing/<source>/<YYYY-MM|YYYY>/<file>.
#
#   Runs of cchc_monthly_load: 2025-02 (one month), a backfill 2025-02..2025-04 (three runs), 2025-01 (the
#   month `cchc sample generate --dirty` fills with files that must be rejected). Expected: the four clean runs
#   `success`, the dirty one `failed`; `cchc indicators --period P --format csv` identical to the CLI run for
#   every month. Exit 0 only then; the last line says so.
#
# Needs: Postgres with trust auth for CCHC_DEPLOYTEST_PG, Redis, and a venv with Airflow 3.3.2, the project
# (`cchc`), the Celery provider and Celery (apache-airflow-providers-celery==3.26.0, celery[redis]==5.6.3),
# optionally moto[server] and s3fs.
#
# Settings (environment):
#   CCHC_DEPLOYTEST_VENV      venv to run from (default: .venv of the checkout)
#   CCHC_DEPLOYTEST_PG        server URL without database (default: postgresql://postgres@127.0.0.1:5432)
#   CCHC_DEPLOYTEST_REDIS     Redis URL without db number (default: redis://127.0.0.1:6379)
#   CCHC_DEPLOYTEST_REDIS_DB  dedicated db number, flushed at start (default: 13)
#   CCHC_DEPLOYTEST_DIR       work folder (default: a new folder under /tmp); logs in <dir>/logs
#   CCHC_DEPLOYTEST_TIMEOUT   seconds to wait for one group of runs (default: 900)
#   CCHC_DEPLOYTEST_SHARED_LANDING=1   control mode: both workers get ONE landing folder holding the sample
#                             (what the store replaces). Shows that everything but the store passes; it proves
#                             nothing about the store, and its last line says so.
#   CCHC_DEPLOYTEST_EXECUTOR=local  the compose file's default instead of Celery: the scheduler runs the tasks
#                             through cchc_warehouse.airflow.executors.WarmLocalExecutor (no Redis, no Celery
#                             worker; the files still come from the store)
#   CCHC_DEPLOYTEST_PRELOAD=0  workers without the preload of docker-compose.yml (cchc_warehouse.airflow.warm):
#                             every task imports GX and dbt itself; to compare the task durations printed
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

VENV=${CCHC_DEPLOYTEST_VENV:-$ROOT/.venv}
PG=${CCHC_DEPLOYTEST_PG:-postgresql://postgres@127.0.0.1:5432}
REDIS=${CCHC_DEPLOYTEST_REDIS:-redis://127.0.0.1:6379}
REDIS_DB=${CCHC_DEPLOYTEST_REDIS_DB:-13}
WORK=${CCHC_DEPLOYTEST_DIR:-$(mktemp -d /tmp/cchc-deploytest.XXXXXX)}
RUN_TIMEOUT=${CCHC_DEPLOYTEST_TIMEOUT:-900}
CONTROL=${CCHC_DEPLOYTEST_SHARED_LANDING:-0}
PRELOAD=${CCHC_DEPLOYTEST_PRELOAD:-1}
EXECUTOR=${CCHC_DEPLOYTEST_EXECUTOR:-celery}
case $EXECUTOR in celery|local) ;; *) echo "CCHC_DEPLOYTEST_EXECUTOR must be celery or local" >&2; exit 2 ;; esac
if [ "$CONTROL" = 1 ] && [ "$EXECUTOR" = local ]; then
  echo "CCHC_DEPLOYTEST_SHARED_LANDING=1 compares Celery workers' landing folders: not with the local executor" >&2
  exit 2
fi
DAG=cchc_monthly_load
MONTHS=(2025-01 2025-02 2025-03 2025-04)
PY=$VENV/bin/python
CCHC=$VENV/bin/cchc
AIRFLOW=$VENV/bin/airflow
LOGS=$WORK/logs
mkdir -p "$LOGS"

# ------------------------------------------------------------------------------------------ bookkeeping
T_START=$EPOCHREALTIME
TIMINGS=()
PROBLEMS=()
PIDS=()
NAMES=()
STEP=""
STEP_T=""

elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }
step() { STEP=$1; STEP_T=$EPOCHREALTIME; echo; echo "== $STEP"; }
step_done() { local t; t=$(elapsed "$STEP_T"); TIMINGS+=("$(printf '%7s s  %s' "$t" "$STEP")"); echo "   ($t s)"; }
problem() { PROBLEMS+=("$1"); echo "   PROBLEM: $1"; }
die() {
  echo "deploy test: stopped at '$STEP': $1" >&2
  exit 1
}

stop_all() {
  local rc=$? i pid
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    pid=${PIDS[$i]}
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  for ((i = 0; i < 30; i++)); do
    local alive=0
    for pid in "${PIDS[@]}"; do kill -0 -- "-$pid" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break
    sleep 0.5
  done
  for pid in "${PIDS[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
  [ ${#PIDS[@]} -gt 0 ] && echo "stopped ${#PIDS[@]} process group(s) (${NAMES[*]}); logs in $LOGS"
  exit $rc
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# start NAME CMD...: in its own session (process group = pid), output to $LOGS/NAME.log
start() {
  local name=$1; shift
  setsid "$@" >"$LOGS/$name.log" 2>&1 < /dev/null &
  PIDS+=($!)
  NAMES+=("$name")
}
pid_of() { local i; for i in "${!NAMES[@]}"; do if [ "${NAMES[$i]}" = "$1" ]; then echo "${PIDS[$i]}"; fi; done; }
free_port() { "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# wait_for NAME SECONDS CMD...: until CMD succeeds; fails when NAME's process died or time ran out
wait_for() {
  local name=$1 timeout=$2; shift 2
  local t0=$SECONDS pid
  pid=$(pid_of "$name")
  until "$@" >/dev/null 2>&1; do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      echo "--- last lines of $LOGS/$name.log"; tail -n 30 "$LOGS/$name.log" || true
      die "$name exited"
    fi
    if (( SECONDS - t0 > timeout )); then
      echo "--- last lines of $LOGS/$name.log"; tail -n 30 "$LOGS/$name.log" || true
      die "$name not healthy after ${timeout}s"
    fi
    sleep 2
  done
}

psql_admin() { PGOPTIONS='-c client_min_messages=warning' psql "$PG/postgres" -X -v ON_ERROR_STOP=1 -qtA "$@"; }

# ------------------------------------------------------------------------------------------ preflight
step "preflight ($VENV)"
[ -x "$AIRFLOW" ] && [ -x "$CCHC" ] || die "no airflow or cchc in $VENV/bin (bash scripts/bootstrap.sh, or set CCHC_DEPLOYTEST_VENV)"
"$PY" -c 'import airflow, cchc_warehouse; assert airflow.__version__.startswith("3.")' \
  || die "Airflow 3 and cchc_warehouse must import from $VENV"
if ! "$PY" -c 'from airflow.providers.celery.executors.celery_executor import app' >"$LOGS/celery-import.log" 2>&1; then
  tail -n 3 "$LOGS/celery-import.log"
  die "the Celery provider does not import from $VENV: the project must pin apache-airflow-providers-celery==3.26.0 and celery[redis]==5.6.3 (celery 5.7 breaks the provider)"
fi
command -v psql >/dev/null || die "psql not found"
psql_admin -c 'select 1' >/dev/null || die "cannot connect to $PG/postgres"
"$PY" - "$REDIS/$REDIS_DB" <<'PY' || die "Redis not reachable at $REDIS/$REDIS_DB"
import sys, redis
redis.Redis.from_url(sys.argv[1]).ping()
PY
HAS_MOTO=0
"$PY" -c 'import moto, boto3' 2>/dev/null && [ -x "$VENV/bin/moto_server" ] && HAS_MOTO=1
echo "   Airflow $("$PY" -c 'import airflow; print(airflow.__version__)'), celery $("$PY" -c 'import celery; print(celery.__version__)'), moto: $([ $HAS_MOTO = 1 ] && echo yes || echo no)"
echo "   work folder: $WORK"
step_done

# ------------------------------------------------------------------------------------------ databases, broker
step "databases airflow_deploytest, cchc_deploytest, cchc_deploytest_cli; Redis db $REDIS_DB flushed"
for db in airflow_deploytest cchc_deploytest cchc_deploytest_cli; do
  psql_admin -c "drop database if exists $db with (force)" -c "create database $db"
done
"$PY" - "$REDIS/$REDIS_DB" <<'PY'
import sys, redis
redis.Redis.from_url(sys.argv[1]).flushdb()
PY
step_done

# ------------------------------------------------------------------------------------------ shared store
step "shared store"
if [ $HAS_MOTO = 1 ]; then
  MOTO_PORT=$(free_port)
  start moto "$VENV/bin/moto_server" -H 127.0.0.1 -p "$MOTO_PORT"
  wait_for moto 60 curl -fsS "http://127.0.0.1:$MOTO_PORT/moto-api/"
  export CCHC_STORAGE_URL=s3://cchc/
  export AWS_ENDPOINT_URL=http://127.0.0.1:$MOTO_PORT
  export AWS_ACCESS_KEY_ID=deploytest AWS_SECRET_ACCESS_KEY=deploytest AWS_DEFAULT_REGION=us-east-1
  "$PY" -c 'import boto3; boto3.client("s3").create_bucket(Bucket="cchc")'
  echo "   moto_server on 127.0.0.1:$MOTO_PORT, bucket cchc"
else
  mkdir -p "$WORK/store"
  export CCHC_STORAGE_URL=file://$WORK/store/
  echo "   moto is not importable from $VENV: the store is the folder $WORK/store (file://)"
fi
echo "   CCHC_STORAGE_URL=$CCHC_STORAGE_URL"
step_done

# ------------------------------------------------------------------------------------------ sample data
SAMPLE=$WORK/sample
step "sample data (cchc sample generate --months ${MONTHS[0]}..${MONTHS[-1]} --dirty) uploaded to the store"
"$CCHC" sample generate --months "${MONTHS[0]}..${MONTHS[-1]}" --out "$SAMPLE" --dirty >"$LOGS/sample.log"
tail -n 1 "$LOGS/sample.log"
"$PY" - "$SAMPLE" "$CCHC_STORAGE_URL" <<'PY'
import shutil, sys
from pathlib import Path

sample, store = Path(sys.argv[1]), sys.argv[2]
files = [p for p in sorted(sample.rglob("*")) if p.is_file() and p.parent != sample]   # <source>/<period>/<file>
if store.startswith("s3://"):
    import boto3

    bucket, _, prefix = store[5:].partition("/")
    s3 = boto3.client("s3")
    for p in files:
        s3.upload_file(str(p), bucket, f"{prefix}landing/{p.relative_to(sample).as_posix()}")
else:
    root = Path(store[len("file://"):]) / "landing"
    for p in files:
        (root / p.relative_to(sample)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(p, root / p.relative_to(sample))
print(f"   {len(files)} files uploaded to {store}landing/")
PY
step_done

# ------------------------------------------------------------------------------------------ warehouses
step "warehouses cchc_deploytest and cchc_deploytest_cli: cchc init, units, targets, bands"
REF=$ROOT/src/cchc_warehouse/reference
for db in cchc_deploytest cchc_deploytest_cli; do
  (
    export CCHC_DATABASE_URL=$PG/$db CCHC_HOME=$WORK/cli-home
    "$CCHC" init >/dev/null
    "$CCHC" units import "$SAMPLE/units.csv" >/dev/null
    "$CCHC" targets import "$REF/targets_demo.csv" >/dev/null
    "$CCHC" bands import "$REF/bands_demo.csv" >/dev/null
  ) >>"$LOGS/warehouse-init.log" 2>&1 || { tail -n 20 "$LOGS/warehouse-init.log"; die "warehouse init of $db failed"; }
done
step_done

# ------------------------------------------------------------------------------------------ Airflow
step "Airflow metadata (airflow db migrate)"
rand() { "$PY" -c 'import secrets; print(secrets.token_hex(32))'; }
API_PORT=$(free_port)
SCHED_HEALTH_PORT=$(free_port)
ADMIN_PASSWORD=$(rand)
META=postgresql+psycopg://${PG#postgresql://}/airflow_deploytest
unset CCHC_DATABASE_URL                 # the tasks use the Airflow connection, as in docker-compose.yml
export AIRFLOW_HOME=$WORK/airflow-home
if [ "$EXECUTOR" = local ]; then
  if [ "$PRELOAD" = 1 ]; then
    export AIRFLOW__CORE__EXECUTOR=cchc_warehouse.airflow.executors.WarmLocalExecutor
  else
    export AIRFLOW__CORE__EXECUTOR=LocalExecutor
  fi
else
  export AIRFLOW__CORE__EXECUTOR=CeleryExecutor
fi
export AIRFLOW__CORE__LOAD_EXAMPLES=False
export AIRFLOW__CORE__DAGS_FOLDER=$ROOT/dags
export AIRFLOW__CORE__PARALLELISM=4
export AIRFLOW__CORE__FERNET_KEY
AIRFLOW__CORE__FERNET_KEY=$("$PY" -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')
# psycopg 3 for the async engine too (otherwise Airflow derives postgresql+asyncpg://)
export AIRFLOW__DATABASE__SQL_ALCHEMY_CONN=$META
export AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_ASYNC=$META
export AIRFLOW__API_AUTH__JWT_SECRET
AIRFLOW__API_AUTH__JWT_SECRET=$(rand)
export AIRFLOW__API__SECRET_KEY
AIRFLOW__API__SECRET_KEY=$(rand)
export AIRFLOW__API__HOST=127.0.0.1 AIRFLOW__API__PORT=$API_PORT AIRFLOW__API__WORKERS=1
export AIRFLOW__CORE__EXECUTION_API_SERVER_URL=http://127.0.0.1:$API_PORT/execution/
export AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS=admin:admin
export AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE=$WORK/simple_auth_manager_passwords.json
export AIRFLOW__SCHEDULER__ENABLE_HEALTH_CHECK=True
export AIRFLOW__SCHEDULER__SCHEDULER_HEALTH_CHECK_SERVER_HOST=127.0.0.1
export AIRFLOW__SCHEDULER__SCHEDULER_HEALTH_CHECK_SERVER_PORT=$SCHED_HEALTH_PORT
# no catch-up of the monthly schedule since 2025-01: only the runs this script asks for
export AIRFLOW__SCHEDULER__USE_JOB_SCHEDULE=False
export AIRFLOW__CELERY__BROKER_URL=$REDIS/$REDIS_DB
export AIRFLOW__CELERY__RESULT_BACKEND=db+$META
# each worker imports GX, dbt and the loader once, before forking its pool, as in docker-compose.yml
[ "$PRELOAD" = 1 ] && export AIRFLOW__CELERY__EXTRA_CELERY_CONFIG='{"imports": ["cchc_warehouse.airflow.worker_preload"]}'
export AIRFLOW__LOGGING__BASE_LOG_FOLDER=$WORK/airflow-logs        # the compose file's shared logs volume
export AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT
AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT=$(free_port)
export AIRFLOW__COSMOS__ENABLE_TELEMETRY=False
export AIRFLOW_CONN_CCHC_WAREHOUSE=$PG/cchc_deploytest
export CCHC_PROJECT_DIR=$ROOT
export CCHC_HOME=$WORK/control-home CCHC_LANDING_DIR=$WORK/control-home/landing
mkdir -p "$AIRFLOW_HOME" "$CCHC_LANDING_DIR"
"$AIRFLOW" db migrate >"$LOGS/db-migrate.log" 2>&1 || { tail -n 20 "$LOGS/db-migrate.log"; die "airflow db migrate failed"; }
# the build pool of one slot, as airflow-init creates it in docker-compose.yml
"$AIRFLOW" pools set cchc_build 1 "one dbt build at a time" >>"$LOGS/db-migrate.log" 2>&1 || die "cannot create the pool"
# the admin user, as airflow-init writes it in docker-compose.yml
"$PY" -c 'import json, sys; json.dump({"admin": sys.argv[2]}, open(sys.argv[1], "w"))' \
  "$AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE" "$ADMIN_PASSWORD"
step_done

if [ "$EXECUTOR" = celery ]; then
  step "start api-server, scheduler, dag-processor, triggerer and two Celery workers; wait until healthy"
else
  step "start api-server, scheduler ($AIRFLOW__CORE__EXECUTOR), dag-processor, triggerer; wait until healthy"
fi
# Workers report a hostname of their own (task_instance.hostname), to show which worker ran what.
mkdir -p "$WORK/pylib"
cat >"$WORK/pylib/deploytest_hostname.py" <<'PY'
import os


def hostname() -> str:
    return os.environ["CCHC_DEPLOYTEST_WORKER"]
PY
start api-server "$AIRFLOW" api-server
start scheduler "$AIRFLOW" scheduler
start dag-processor "$AIRFLOW" dag-processor
start triggerer "$AIRFLOW" triggerer
HOST=$("$PY" -c 'import socket; print(socket.gethostname())')
if [ "$CONTROL" = 1 ]; then
  mkdir -p "$WORK/shared-landing"
  cp -r "$SAMPLE"/*/ "$WORK/shared-landing/"
  echo "   CONTROL MODE: both workers read the landing folder $WORK/shared-landing"
fi
for n in 1 2; do
  [ "$EXECUTOR" = celery ] || break
  w=$WORK/worker$n
  landing=$w/landing
  [ "$CONTROL" = 1 ] && landing=$WORK/shared-landing
  mkdir -p "$w/home" "$landing" "$w/airflow-home"
  start "worker$n" env \
    AIRFLOW_HOME="$w/airflow-home" CCHC_HOME="$w/home" CCHC_LANDING_DIR="$landing" \
    AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT="$(free_port)" \
    AIRFLOW__CORE__HOSTNAME_CALLABLE=deploytest_hostname.hostname CCHC_DEPLOYTEST_WORKER="deploytest-worker-$n" \
    PYTHONPATH="$WORK/pylib" \
    "$AIRFLOW" celery worker --celery-hostname "worker$n@%h" --concurrency 2
done
# the compose file's healthchecks
wait_for api-server 180 curl -fsS "http://127.0.0.1:$API_PORT/api/v2/monitor/health"
wait_for scheduler 180 curl -fsS "http://127.0.0.1:$SCHED_HEALTH_PORT/health"
wait_for dag-processor 180 "$AIRFLOW" jobs check --job-type DagProcessorJob --local
wait_for triggerer 180 "$AIRFLOW" jobs check --job-type TriggererJob --local
for n in 1 2; do
  [ "$EXECUTOR" = celery ] || break
  wait_for "worker$n" 180 "$VENV/bin/celery" --app airflow.providers.celery.executors.celery_executor.app \
    inspect ping -d "worker$n@$HOST"
done
echo "   api-server http://127.0.0.1:$API_PORT, scheduler health :$SCHED_HEALTH_PORT$([ "$EXECUTOR" = celery ] && echo ", workers worker1@$HOST worker2@$HOST")"
step_done

# ------------------------------------------------------------------------------------------ REST API v2
BASE=http://127.0.0.1:$API_PORT
TOKEN=""
# api METHOD PATH [JSON]: the response body; fails on HTTP >= 400
api() {
  local method=$1 path=$2 body=${3:-} out code
  out=$(mktemp)
  code=$(curl -sS -o "$out" -w '%{http_code}' -X "$method" "$BASE$path" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' ${body:+--data "$body"}) || code=000
  if [ "$code" -ge 400 ] || [ "$code" = 000 ]; then
    echo "   $method $path -> HTTP $code: $(head -c 600 "$out")" >&2
    rm -f "$out"
    return 1
  fi
  cat "$out"
  rm -f "$out"
}
jq_py() { "$PY" -c "import json, sys; d = json.load(sys.stdin); print($1)"; }

step "REST API: token (POST /auth/token), DAG parsed, unpaused"
TOKEN=$(curl -fsS -X POST "$BASE/auth/token" -H 'Content-Type: application/json' \
  --data "{\"username\": \"admin\", \"password\": \"$ADMIN_PASSWORD\"}" | jq_py 'd["access_token"]') \
  || die "no token from POST /auth/token"
t0=$SECONDS
until api GET "/api/v2/dags/$DAG" >/dev/null 2>&1; do
  (( SECONDS - t0 > 180 )) && { api GET /api/v2/importErrors || true; die "$DAG not parsed after 180 s"; }
  sleep 3
done
errors=$(api GET /api/v2/importErrors | jq_py 'd["total_entries"]')
[ "$errors" = 0 ] || { api GET /api/v2/importErrors; problem "$errors DAG import error(s)"; }
api PATCH "/api/v2/dags/$DAG" '{"is_paused": false}' >/dev/null || die "cannot unpause $DAG"
step_done

# run_state RUN_ID: the run's state
run_state() { api GET "/api/v2/dags/$DAG/dagRuns/$1" | jq_py 'd["state"]'; }
# wait_runs RUN_ID...: until every run is finished (success/failed)
wait_runs() {
  local t0=$SECONDS id s pending
  while :; do
    pending=0
    for id in "$@"; do
      s=$(run_state "$id") || die "cannot read run $id"
      case $s in success|failed) ;; *) pending=1 ;; esac
    done
    [ $pending = 0 ] && return 0
    (( SECONDS - t0 > RUN_TIMEOUT )) && die "runs not finished after ${RUN_TIMEOUT}s: $*"
    sleep 5
  done
}
# trigger RUN_ID PERIOD: a manual run reporting on PERIOD (the DAG's `period` param); no logical date
trigger() {
  api POST "/api/v2/dags/$DAG/dagRuns" \
    "{\"dag_run_id\": \"$1\", \"logical_date\": null, \"conf\": {\"period\": \"$2\"}}" >/dev/null \
    || die "cannot trigger $1"
}

declare -A EXPECTED=()
declare -A ACTUAL=()

step "run 1: one month (2025-02), POST /api/v2/dags/$DAG/dagRuns"
trigger deploytest_2025-02 2025-02
EXPECTED[deploytest_2025-02]=success
wait_runs deploytest_2025-02
ACTUAL[deploytest_2025-02]=$(run_state deploytest_2025-02)
echo "   deploytest_2025-02: ${ACTUAL[deploytest_2025-02]}"
step_done

step "runs 2-4: backfill 2025-02..2025-04, POST /api/v2/backfills"
# interval timetable: the run whose interval starts on the 1st reports on that month
backfill=$(api POST /api/v2/backfills "{\"dag_id\": \"$DAG\", \"from_date\": \"2025-02-01T00:00:00+07:00\",
  \"to_date\": \"2025-04-01T00:00:00+07:00\", \"max_active_runs\": 1, \"reprocess_behavior\": \"none\",
  \"run_backwards\": false, \"dag_run_conf\": {}}") || die "cannot create the backfill"
BACKFILL_ID=$(echo "$backfill" | jq_py 'd["id"]')
t0=$SECONDS
until [ "$(api GET "/api/v2/backfills/$BACKFILL_ID" | jq_py 'd["completed_at"] is not None')" = True ]; do
  (( SECONDS - t0 > RUN_TIMEOUT )) && die "backfill $BACKFILL_ID not completed after ${RUN_TIMEOUT}s"
  sleep 5
done
mapfile -t BF_RUNS < <(api GET "/api/v2/dags/$DAG/dagRuns?run_type=backfill&limit=100&order_by=logical_date" \
  | jq_py '"\n".join(r["dag_run_id"] + " " + r["state"] + " " + (r["data_interval_start"] or "") for r in d["dag_runs"])')
[ ${#BF_RUNS[@]} = 3 ] || problem "the backfill created ${#BF_RUNS[@]} run(s), expected 3"
for line in "${BF_RUNS[@]}"; do
  read -r id state start <<<"$line"
  EXPECTED[$id]=success
  ACTUAL[$id]=$state
  echo "   $id (interval from $start): $state"
done
step_done

step "run 5: the dirty month (2025-01), expected to fail"
trigger deploytest_2025-01_dirty 2025-01
EXPECTED[deploytest_2025-01_dirty]=failed
wait_runs deploytest_2025-01_dirty
ACTUAL[deploytest_2025-01_dirty]=$(run_state deploytest_2025-01_dirty)
echo "   deploytest_2025-01_dirty: ${ACTUAL[deploytest_2025-01_dirty]}"
step_done

step "run states and where the tasks ran"
STATES_OK=1
for id in "${!EXPECTED[@]}"; do
  if [ "${ACTUAL[$id]}" != "${EXPECTED[$id]}" ]; then
    STATES_OK=0
    problem "run $id is ${ACTUAL[$id]}, expected ${EXPECTED[$id]}"
  fi
done
NRUNS=${#EXPECTED[@]}
psql "$PG/airflow_deploytest" -X -qtA -F ' ' -c "
  select run_id, task_id, coalesce(map_index::text, ''), state, coalesce(hostname, '-')
    from task_instance where dag_id = '$DAG' order by run_id, task_id, map_index" >"$WORK/task_instances.txt"
psql "$PG/airflow_deploytest" -X -qtA -F ' ' -c "
  select coalesce(nullif(hostname, ''), '(none)'), count(*), string_agg(distinct task_id, ',')
    from task_instance where dag_id = '$DAG' group by 1 order by 1" | sed 's/^/   /'
workers_used=$(psql "$PG/airflow_deploytest" -X -qtA -c "
  select count(distinct hostname) from task_instance where dag_id = '$DAG' and hostname like 'deploytest-worker-%'")
[ "$workers_used" = 2 ] || [ "$EXECUTOR" = local ] || problem "tasks ran on $workers_used of the 2 workers: the run does not show a shared store"
mapped=$(psql "$PG/airflow_deploytest" -X -qtA -c "
  select count(*) from task_instance where dag_id = '$DAG' and task_id = 'load_file' and map_index >= 0")
echo "   load_file tasks (one per landed file): $mapped; task instances in $WORK/task_instances.txt"
[ "$mapped" -gt 0 ] || problem "no load_file task ran: discover found no file in the store"
# what a task costs on a worker, start to end (the per-file cost the preload is for)
psql "$PG/airflow_deploytest" -X -qtA -F ' ' -c "
  select task_id, count(*),
         round(percentile_cont(0.5) within group (order by extract(epoch from end_date - start_date))::numeric, 2),
         round(max(extract(epoch from end_date - start_date))::numeric, 2)
    from task_instance where dag_id = '$DAG' and state = 'success' and end_date is not null
   group by 1 order by 1" | awk '{ printf "   %-18s %3d successful, median %6.2f s, max %6.2f s\n", $1, $2, $3, $4 }'
warm=$(grep -rl "heavy imports preloaded by the worker: yes" "$AIRFLOW__LOGGING__BASE_LOG_FOLDER" | grep -c "task_id=load_file" || true)
cold=$(grep -rl "heavy imports preloaded by the worker: no" "$AIRFLOW__LOGGING__BASE_LOG_FOLDER" | grep -c "task_id=load_file" || true)
echo "   load_file task logs: preloaded by the worker $warm, not preloaded $cold (CCHC_DEPLOYTEST_PRELOAD=$PRELOAD)"
if [ "$PRELOAD" = 1 ]; then
  [ "$cold" = 0 ] && [ "$warm" -gt 0 ] || problem "$cold load_file task(s) ran on a worker that did not preload GX and dbt"
fi
# a task log through the api-server (shared logs folder + the same [api] secret_key: no 403)
if log=$(api GET "/api/v2/dags/$DAG/dagRuns/deploytest_2025-01_dirty/taskInstances/discover/logs/1?full_content=true"); then
  line=$(printf '%s' "$log" | jq_py '" ".join(str(c.get("event", c)) for c in d["content"] if "tệp cho kỳ" in str(c))')
  echo "   task log over the API (discover, dirty run): ${line:-no 'tệp cho kỳ' line}"
  [ -n "$line" ] || problem "the discover task log read over the API has no 'tệp cho kỳ' line"
else
  problem "cannot read a task log over the API"
fi
step_done

# ------------------------------------------------------------------------------------------ the CLI run
step "the same loads through the CLI into cchc_deploytest_cli"
(
  export CCHC_DATABASE_URL=$PG/cchc_deploytest_cli CCHC_HOME=$WORK/cli-home CCHC_LANDING_DIR=$WORK/cli-home/landing
  for period in 2025-02 2025-02 2025-03 2025-04 2025-01; do          # the order of the runs above
    # the files the DAG's discover task lists for the period, by source
    "$PY" - "$SAMPLE" "$period" >"$WORK/cli-files.txt" <<'PY'
import sys
from pathlib import Path

from cchc_warehouse.ingest.landing import discover
from cchc_warehouse.periods import parse_month
from cchc_warehouse.storage import make_path

for f in discover(make_path(Path(sys.argv[1])), parse_month(sys.argv[2])):
    print(f.source, f.path().path)
PY
    for source in $(cut -d' ' -f1 "$WORK/cli-files.txt" | sort -u); do
      mapfile -t files < <(awk -v s="$source" '$1 == s { sub(/^[^ ]+ /, ""); print }' "$WORK/cli-files.txt")
      # a source of evaluation periods (QĐ 766) takes its period from the file (column, else title), as the DAG
      # does: the landing folder's month is where a month, quarter or year is filed, while --period P would make
      # every row's period P (a quarter filed under its last month is then an error, as the spec says)
      asked=(--period "$period")
      if [ -n "$("$PY" -c "from cchc_warehouse.sources import get_source; print(get_source('$source').period_label or '')")" ]; then
        asked=()
      fi
      "$CCHC" load "$source" "${files[@]}" "${asked[@]}" || true          # exit 1: a file was rejected
    done
    "$CCHC" build --no-docs || { echo "cchc build failed for $period"; exit 1; }
  done
) >"$LOGS/cli-run.log" 2>&1 || { tail -n 30 "$LOGS/cli-run.log"; die "the CLI run failed"; }
grep -c '^\[' "$LOGS/cli-run.log" | sed 's/^/   files loaded or rejected: /'
step_done

step "compare cchc indicators --period P --format csv (API run vs CLI run)"
INDICATORS_OK=1
mkdir -p "$WORK/indicators"
for period in "${MONTHS[@]}"; do
  for db in cchc_deploytest cchc_deploytest_cli; do
    # exit 1 with only the header = no indicator for the period (counted below)
    out=$(CCHC_DATABASE_URL=$PG/$db CCHC_HOME=$WORK/cli-home "$CCHC" indicators --period "$period" \
            --format csv 2>"$LOGS/indicators-$db-$period.err") || true
    if [[ $out != unit_code,* ]]; then
      problem "$period: cchc indicators failed on $db ($(tail -n 1 "$LOGS/indicators-$db-$period.err"))"
    fi
    printf '%s\n' "$out" | sort >"$WORK/indicators/$db-$period.csv"
  done
  a=$WORK/indicators/cchc_deploytest-$period.csv
  b=$WORK/indicators/cchc_deploytest_cli-$period.csv
  rows_a=$(($(wc -l <"$a") - 1)) rows_b=$(($(wc -l <"$b") - 1))
  if [ "$rows_b" -le 0 ]; then
    INDICATORS_OK=0; problem "$period: the CLI run has no indicators"
  elif [ "$rows_a" -le 0 ]; then
    INDICATORS_OK=0; problem "$period: the Airflow run has no indicators (the CLI run has $rows_b)"
  elif cmp -s "$a" "$b"; then
    echo "   $period: identical ($rows_b rows)"
  else
    INDICATORS_OK=0
    problem "$period: indicators differ (API run $rows_a rows, CLI run $rows_b rows; diff in $WORK/indicators)"
    diff "$a" "$b" | head -n 8 | sed 's/^/      /' || true
  fi
done
step_done

# ------------------------------------------------------------------------------------------ summary
echo
echo "timings:"
printf '   %s\n' "${TIMINGS[@]}"
echo "   total $(elapsed "$T_START") s"
if [ ${#PROBLEMS[@]} -gt 0 ]; then
  echo
  echo "problems:"
  printf '   - %s\n' "${PROBLEMS[@]}"
  echo "deploy test FAILED: $NRUNS runs, states $([ $STATES_OK = 1 ] && echo as expected || echo NOT as expected), indicators $([ $INDICATORS_OK = 1 ] && echo identical || echo DIFFERENT) (work folder $WORK)"
  exit 1
fi
if [ "$CONTROL" = 1 ]; then
  echo "deploy test (CONTROL, one shared landing folder, not the store): $NRUNS runs, states as expected, indicators identical to the CLI run"
  exit 0
fi
echo "deploy test ($AIRFLOW__CORE__EXECUTOR): $NRUNS runs, states as expected, indicators identical to the CLI run"
