{#-
  The dossier codes whose newest state the running build may change: those listed by the files it recomputes
  (audit.recomputed_file) and by every file covering the same unit and month as one of them (the files they
  supersede: a newer file can drop a dossier the older one listed, and the dossier then falls back to an earlier
  month's row, or leaves the warehouse). codes, coverage: the relations of stg_one_stop__dossier_codes and
  stg_audit__file_coverage, for callers that may not ref() them (data tests: macros/test_scope.sql).
-#}
{% macro touched_dossier_codes(codes=none, coverage=none) %}
{%- set codes = codes or ref('stg_one_stop__dossier_codes') %}
{%- set coverage = coverage or ref('stg_audit__file_coverage') %}
    select distinct c.dossier_code
      from {{ codes }} as c
     where c.file_id = any(array(   -- an array, not a semi-join: the raw rows are found by their file (BRIN index)
        select o.file_id
          from {{ coverage }} as o
          join {{ coverage }} as n
            on n.is_recomputed and {{ same_coverage('n', 'o') }}
         where o.source = 'one_stop_dossiers'
     ))
{% endmacro %}
