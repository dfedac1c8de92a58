{#-
  Runs of one state. A source declaring a state_key lists the same thing again in file after file while it lasts (a
  dossier, in every monthly listing until it ends): its rows in the current files, oldest first (file period, then
  file id: the order whose last row is the newest state, stg_one_stop__dossiers), form runs of equal states. A row
  starts a run when it is the thing's first row or its state differs from the row before it.
  - The newest state is reported from the first row of the newest run (its lineage: the file and row where the
    state was first listed), so a row repeating its state changes nothing a build has stored.
  - A build's window starts, for such a source's new files, at the reception of the things whose rows start a run
    (int_one_stop__touched_dossiers.changes_from), not at the oldest thing still listed.
  The columns of a state: macros/state_declarations.generated.sql, written from the declarations.
-#}

{#- The state of a row `t` of the typed view of `source_name`: its declared columns as one 64-bit hash (each column
    hashed by its type's own hash function, no text rendering of dates and numbers: 2.6 s for the national benchmark's
    4.5 million rows, 11.0 s as md5 of the row's text). Only a thing's consecutive rows are ever compared. -#}
{% macro row_state(source_name, t) -%}
    {%- set decl = state_declarations()[source_name] -%}
    hash_record_extended(row({% for c in decl.columns %}{{ t }}.{{ c }}{{ ', ' if not loop.last }}{% endfor %}), 0)
{%- endmacro %}

{#- A thing's rows among the current files, newest first: the order of stg_one_stop__dossiers' distinct on, so that
    one sort serves both. The key stays the plain column: a build's filter on it (the touched dossier codes) reaches
    the raw rows only through a window partitioned by that very column (collate "C" here made the planner keep the
    filter above the window, and month 3 of the history benchmark built fct_dossier over every row: 170 s). -#}
{% macro state_history(source_name, t) -%}
    partition by {{ t }}.{{ state_declarations()[source_name].key }}
    order by {{ t }}.period_month desc, {{ t }}.file_id desc
{%- endmacro %}

{#- True when the row `t` (with its row_state as a column) starts a run of its state: the thing's first row (no older
    row), or a state other than the older row's (a state is never NULL). -#}
{% macro starts_state_run(source_name, t) -%}
    coalesce(lead({{ t }}.row_state) over ({{ state_history(source_name, t) }}) <> {{ t }}.row_state, true)
{%- endmacro %}
