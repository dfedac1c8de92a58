{#-
  The dossier codes whose newest state the running build may change: those listed by the files it recomputes
  (audit.recomputed_file) and by every file covering the same unit and month as one of them (the files they
  supersede: a newer file can drop a dossier the older one listed, and the dossier then falls back to an earlier
  month's row, or leaves the warehouse). One row per code, with in_live: touched only through files the live
  generation was built with (published since the shadow was last built), not through the running publication's,
  so the live generation holds its state as this build would compute it.
-#}
{% macro touched_dossier_codes() %}
{%- set touching_files -%}
        select o.file_id
          from {{ ref('stg_audit__file_coverage') }} as o
          join {{ ref('stg_audit__file_coverage') }} as n
            on n.is_recomputed and {{ same_coverage('n', 'o') }}
         where o.source = 'one_stop_dossiers'
{%- endset %}
    select c.dossier_code, not bool_or(c.file_id = any(array({{ touching_files }} and n.is_new))) as in_live
      from {{ ref('stg_one_stop__dossier_codes') }} as c
     where c.file_id = any(array(   -- an array, not a semi-join: the raw rows are found by their file (BRIN index)
        {{ touching_files }}
     ))
     group by c.dossier_code
{% endmacro %}
