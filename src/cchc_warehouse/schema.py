"""What follows from the declarations, written by `cchc generate` and checked for drift by the tests:

- sql/025_privacy.generated.sql: audit.mask_personal, the masking rule of privacy.py;
- sql/030_codes.generated.sql: file states (ingest.file_states) and the domain's codes (reference/*.csv);
- sql/040_raw.generated.sql: each source's raw table and typed view (sources/<source>.py);
- dbt_project/models/staging/_sources.yml: the dbt sources, raw typed views included;
- dbt_project/seeds/sources.csv: the source catalogue reports name sources by;
- dbt_project/macros/state_declarations.generated.sql: which columns make a row's state (state_key);
- expectations/: the quality gate's suites and checkpoints (gate.suites).

The typed view of a source is what the gate validates and dbt's staging reads: the raw row, its file's period, the
unit it names resolved against the registry when the file was loaded (audit.file_unit), and what the row covers for
supersession (coverage_unit, coverage_period: audit.file_coverage is written from them). Its columns are the
lineage and derived ones first, then the source's columns in declaration order, so that a column appended to a
declaration is appended to the view (`create or replace view` cannot reorder columns).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import yaml

from cchc_warehouse import privacy
from cchc_warehouse.config import paths
from cchc_warehouse.ingest.file_states import FileState
from cchc_warehouse.periods import sql_period_grain, sql_period_start
from cchc_warehouse.reference import codes
from cchc_warehouse.sources import SOURCES, SourceSpec

HEADER = "-- Written by `cchc generate` from {what}: do not edit by hand.\n"
LINEAGE = (("load_id", "bigint not null"), ("file_id", "bigint not null"), ("source_row", "integer not null"),
           ("source_sheet", "text"), ("extra", "jsonb"))


def _lit(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def raw_columns(spec: SourceSpec) -> list[tuple[str, str, str | None]]:
    """(column, type, comment) of the raw table after the lineage, in view order."""
    out: list[tuple[str, str, str | None]] = []
    if spec.keep_totals:
        out.append(("total_label", "text", "nhãn dòng tổng cộng (ở bất kỳ cột nào) / label of the total row"))
    for fam in spec.families:
        out += [(fam.text_name, "jsonb", f"{fam.name}: câu hỏi -> văn bản như trong tệp / question -> text"),
                (fam.name, "jsonb", f"{fam.name}: câu hỏi -> giá trị đã đọc / question -> value")]
    for col in spec.stored_columns:
        out.append((col.text_name, "text", f"'{col.header}' như trong tệp / as received"))
        if col.in_raw:
            out.append((col.value_name, col.sql_type, f"'{col.header}' đã đọc ({col.parse}) / read"))
    return out


def raw_table_sql(spec: SourceSpec) -> str:
    table = spec.raw_table
    cols = [*LINEAGE, *((c, t) for c, t, _ in raw_columns(spec))]
    body = ",\n".join(f"    {c} {t}" for c, t in cols)
    # a column appended to a declaration reaches an existing table too
    adds = "\n".join(f"alter table {table} add column if not exists {c} {t};" for c, t, _ in raw_columns(spec))
    comments = "\n".join(f"comment on column {table}.{c} is {_lit(text)};" for c, _, text in raw_columns(spec) if text)
    title = f"{spec.title_vi} (như trong tệp, kèm giá trị đã đọc) / {spec.description or spec.name}"
    return (f"create table if not exists {table} (\n{body}\n);\n{adds}\n"
            f"create index if not exists {spec.name}_file_brin on {table} using brin (file_id) "
            f"with (pages_per_range = 32);\n"
            + "".join(f"create index if not exists {spec.name}_{c}_idx on {table} ({c});\n" for c in spec.indexed)
            + f"comment on table {table} is {_lit(title)};\n{comments}\n")


def typed_view_sql(spec: SourceSpec) -> str:
    select = ["r.file_id", "r.load_id", "r.source_row", "r.source_sheet", "f.period_month"]
    joins = ["join audit.source_file f on f.file_id = r.file_id"]
    if spec.unit:
        code = spec.column(spec.unit.code)
        name_key = spec.column(spec.unit.name).value_name if spec.unit.name else None
        select += [f"u.unit_code as {spec.unit.code}", "u.resolution as unit_resolution", "u.note as unit_note"]
        name_expr = f"coalesce(r.{name_key}, '')" if name_key else "''"
        joins.append(f"left join audit.file_unit u on u.file_id = r.file_id"
                     f" and u.code_text = coalesce(r.{code.text_name}, '') and u.name_key = {name_expr}")
    # what a row covers, for supersession (audit.file_coverage, audit.current_coverage)
    unit = "u.unit_code" if spec.unit and spec.supersede_by == "unit_period" else "null::text"
    period = f"coalesce(r.{spec.period_column}, f.period_month)" if spec.period_column else "f.period_month"
    if spec.period_label:            # a month, quarter or year: its first day and its length
        label = f"r.{spec.period_label}"
        period = f"coalesce({sql_period_start(label)}, f.period_month)"
    affects = (f"date_trunc('month', coalesce(r.{spec.affects_from}, f.period_month))::date" if spec.affects_from
               else period)
    select += [f"{unit} as coverage_unit", f"{period} as coverage_period", f"{affects} as affects_from"]
    if spec.period_label:
        select += [f"coalesce({sql_period_grain(label)}, 'month') as coverage_grain"]
    select += [f"{expr} as {name}" for name, expr in spec.view_columns]
    select += ["r.extra"] + [f"r.{c}" for c, _, _ in raw_columns(spec)]
    cols = ",\n       ".join(select)
    comment = f"{spec.title_vi}: dòng của tệp, kỳ của tệp, đơn vị đã xác định / rows, file period, unit resolved"
    return (f"create or replace view {spec.typed_view} as\nselect {cols}\n  from {spec.raw_table} r\n  "
            + "\n  ".join(joins) + f";\ncomment on view {spec.typed_view} is {_lit(comment)};\n")


def raw_sql() -> str:
    parts = [HEADER.format(what="the source declarations (src/cchc_warehouse/sources/)")]
    for spec in SOURCES.values():
        parts += [f"\n-- {spec.name}: {spec.title_vi}\n", raw_table_sql(spec), typed_view_sql(spec)]
    return "".join(parts)


def codes_sql() -> str:
    def upsert(table: str, key: str, columns: list[str], rows: list[list]) -> str:
        values = ",\n  ".join("(" + ", ".join(_lit(v) for v in r) + ")" for r in rows)
        sets = ", ".join(f"{c} = excluded.{c}" for c in columns if c != key)
        return (f"insert into {table} ({', '.join(columns)}) values\n  {values}\n"
                f"on conflict ({key}) do update set {sets};\n")

    states = [[s.value, s.is_accepted, s.awaits_publication, s.label_vi] for s in FileState]
    statuses = [[int(r["status_code"]), r["label_vi"], r["label_en"], r["status_group"]]
                for r in codes.table("dossier_statuses")]
    channels = [[int(r["channel_code"]), r["label_vi"], r["label_en"], r["is_online"] == "true", r["kind"]]
                for r in codes.table("channels")]
    return "".join([
        HEADER.format(what="ingest/file_states.py and reference/dossier_statuses.csv, channels.csv"),
        upsert("audit.file_state", "state", ["state", "is_accepted", "awaits_publication", "label_vi"], states),
        upsert("ref.dossier_status", "status_code", ["status_code", "label_vi", "label_en", "status_group"], statuses),
        upsert("ref.channel", "channel_code", ["channel_code", "label_vi", "label_en", "is_online", "kind"], channels),
        "delete from audit.file_state where state not in ("
        + ", ".join(_lit(s.value) for s in FileState) + ");\n",
    ])


AUDIT_TABLES = {
    "source_file": "One row per file received: its state (audit.file_state), period, rows, reasons and warnings.",
    "file_state": "The states of a file; is_accepted: its rows may reach reports.",
    "file_unit": "Each unit reference of a file (code and/or name as written) and the registry unit it resolved to.",
    "file_coverage": "What each file covers: its (unit, period) pairs, or its period, with the rows of each.",
    "current_coverage": ("Supersession, defined once: for every source, unit and period, the newest accepted file "
                         "that covers it, among the files the running build may read (audit.visible_file). Rows "
                         "of other files stay in raw for auditors but reach no report."),
    "recomputed_file": ("The files whose coverage the running build recomputes in the shadow generation: the running "
                        "publication's and those published since the publication the shadow holds."),
    "publication": "Each build and the files it published.",
}
REF_TABLES = {
    "unit": "Unit registry (cchc units import / sync-national), effective-dated.",
    "unit_successor": "Successor units after a reorganisation.",
    "indicator_target": "Targets (chỉ tiêu) imported with `cchc targets import`.",
    "band_rule": "Band thresholds imported with `cchc bands import`.",
    "dossier_status": "Dossier status codes and their group (reference/dossier_statuses.csv).",
    "channel": "Submission channels and whether each is online (reference/channels.csv).",
}


def dbt_sources_yaml() -> str:
    raw = [{"name": f"{s.name}_typed", "description": f"{s.title_vi}. {s.description} Declared in "
            f"src/cchc_warehouse/sources/{s.name}.py; the gate validates the same view.",
            "columns": [{"name": c.text_name, "description": f"'{c.header}' as received"} for c in s.stored_columns]}
           for s in SOURCES.values()]
    doc = {"version": 2, "sources": [
        {"name": "raw", "schema": "raw", "description": "Rows as received from source files, with lineage "
         "(written by `cchc load`); one typed view per source.", "tables": raw},
        {"name": "audit", "schema": "audit", "description": "File registry, unit resolution, supersession.",
         "tables": [{"name": n, "description": d} for n, d in AUDIT_TABLES.items()]},
        {"name": "ref", "schema": "ref", "description": "Reference data maintained by the province and the codes "
         "of the domain.", "tables": [{"name": n, "description": d} for n, d in REF_TABLES.items()]},
    ]}
    return ("# Written by `cchc generate` from the source declarations: do not edit by hand.\n"
            + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=120))


def sources_seed() -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["source", "title_vi", "cadence", "supersede_by"])
    for s in SOURCES.values():
        w.writerow([s.name, s.title_vi, s.cadence, s.supersede_by])
    return out.getvalue()


def state_columns(spec: SourceSpec) -> list[str]:
    """The typed view's columns whose values make a row's state (source declaring a state_key): every column the
    source declares as read (the typed value, else the text), the unit as resolved; lineage and period aside."""
    cols = [spec.unit.code] if spec.unit else []
    for col in spec.stored_columns:
        if spec.unit and col.name == spec.unit.code:
            continue
        cols.append(col.value_name if col.in_raw else col.text_name)
    return cols


def state_macros() -> str:
    """dbt's view of the state declarations (macros/row_state.sql reads it)."""
    decl = {s.name: {"key": s.state_key, "columns": state_columns(s)} for s in SOURCES.values() if s.state_key}
    return ("{#- Written by `cchc generate` from the source declarations (state_key): do not edit by hand. -#}\n"
            "{% macro state_declarations() -%}\n    {{ return(" + json.dumps(decl, ensure_ascii=False)
            + ") }}\n{%- endmacro %}\n")


def generated_files() -> dict[Path, str]:
    """Every generated file and its content (the gate's expectations are written by gate.suites)."""
    p = paths()
    return {
        p.sql_dir / "025_privacy.generated.sql": HEADER.format(what="privacy.py") + privacy.mask_sql(),
        p.sql_dir / "030_codes.generated.sql": codes_sql(),
        p.sql_dir / "040_raw.generated.sql": raw_sql(),
        p.dbt_project / "models" / "staging" / "_sources.yml": dbt_sources_yaml(),
        p.dbt_project / "seeds" / "sources.csv": sources_seed(),
        p.dbt_project / "macros" / "state_declarations.generated.sql": state_macros(),
    }


def write_all() -> list[Path]:
    from cchc_warehouse.gate.suites import write_all as write_expectations

    written = []
    for path, content in generated_files().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written + write_expectations()
