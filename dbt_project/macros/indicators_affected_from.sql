{#-
  First day whose indicator values can change with the files the build recomputes (audit.recomputed_file: the files
  accepted when the build started, and those published since the shadow generation it builds into was last built):
  the earliest month the rows of those files, and of the files they supersede (same source, unit and period), can
  affect (audit.file_coverage.affects_from, per the source's declaration: a dossier's reception month, a survey's
  month, a row's period). A source declaring a state_key (a dossier listing, which lists every open dossier month
  after month) counts, for the files the build recomputes, their own period and the months of the things whose
  state they change (int_one_stop__touched_dossiers.changes_from, macros/row_state.sql), not the reception of
  every dossier still open: one dossier open for years would otherwise pull every build back to its reception.
  The files they supersede still count every row (a re-delivery may drop a dossier). '9999-12-01' when the build
  publishes nothing new. Quarter and year values ending on or after that day are recomputed. coverage, touched: the
  relations of stg_audit__file_coverage and int_one_stop__touched_dossiers, for callers that may not ref() them
  (data tests: macros/test_scope.sql). Read once per model when it runs (the recomputed files are fixed for the
  whole build) and written into its SQL as a literal.
-#}
{% macro indicators_affected_from(coverage=none, touched=none) %}
{%- set coverage = coverage or ref('stg_audit__file_coverage') -%}
{%- set touched = touched or ref('int_one_stop__touched_dossiers') -%}
{%- set stated = state_declarations().keys() | list -%}
{%- if stated != ['one_stop_dossiers'] -%}
    {{ exceptions.raise_compiler_error("int_one_stop__touched_dossiers finds the state changes of one_stop_dossiers"
                                       " only; declared: " ~ stated) }}
{%- endif -%}
{%- set query -%}
    select coalesce(least(
        (select min(case when affected.is_recomputed and affected.source = 'one_stop_dossiers'
                         then affected.period_start else affected.affects_from end)
           from {{ coverage }} as affected
           join {{ coverage }} as recomputed_coverage
             on recomputed_coverage.is_recomputed and {{ same_coverage('recomputed_coverage', 'affected') }}),
        (select min(t.changes_from) from {{ touched }} as t)
    ), date '9999-12-01')
{%- endset -%}
{%- if execute -%}
    {#- a literal, read when the model runs: the planner sizes each period filter by it (a subquery is an unknown
        value to it, planned as a third of the history, and past some size the month joins turn into full scans) -#}
    {%- set day = run_query(query).columns[0].values()[0] -%}
    date '{{ day }}'
{%- else -%}
    ({{ query }})
{%- endif -%}
{% endmacro %}

{#- The last day of a month, quarter or year from its length and first day (SQL over two columns). -#}
{% macro period_end_of(period_type, period_start) %}
    ({{ period_start }} + case {{ period_type }} when 'year' then interval '1 year'
        when 'quarter' then interval '3 months' else interval '1 month' end - interval '1 day')::date
{% endmacro %}

{#-
  An incremental model recomputed by period: its rows of every period ending on or after the first day the new files
  can change (indicators_affected_from) are deleted before the build inserts those periods again, so that a period
  left with no row (every late dossier of a month now on time) loses its old rows too. The model selects the same
  periods (where period end >= indicators_affected_from()).
-#}
{% macro delete_recomputed_periods(period_type='period_type', period_start='period_start') %}
    {%- if is_incremental() -%}
        delete from {{ this }} where {{ period_end_of(period_type, period_start) }} >= {{ indicators_affected_from() }}
    {%- else -%}
        select 1
    {%- endif -%}
{% endmacro %}

{#- Two coverage rows (stg_audit__file_coverage) of the same source, unit and period: one file supersedes the other. -#}
{% macro same_coverage(a, b) %}
    {{ a }}.source = {{ b }}.source
    and {{ a }}.period_start = {{ b }}.period_start
    and coalesce({{ a }}.unit_code, '') = coalesce({{ b }}.unit_code, '')
{% endmacro %}

{#-
  The configuration of a model recomputed by period (the rule above): stored, incremental by appending the periods it
  selects after delete_recomputed_periods removed them, failing on a column change (a full refresh rebuilds it).
  period_type, period_start: SQL over the model's columns; indexes: as dbt-postgres takes them.
-#}
{% macro config_recomputed_by_period(period_type='period_type', period_start='period_start', indexes=none) %}
    {%- set hook = '{{ delete_recomputed_periods(' ~ tojson(period_type) ~ ', ' ~ tojson(period_start) ~ ') }}' -%}
    {%- if indexes is none -%}
        {{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
                  pre_hook=[hook]) }}
    {%- else -%}
        {{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
                  indexes=indexes, pre_hook=[hook]) }}
    {%- endif -%}
{% endmacro %}
