{#-
  The dossier codes whose newest state the running build may change: those listed by the files it recomputes
  (audit.recomputed_file) and by every file covering the same unit and month as one of them (the files they
  supersede: a newer file can drop a dossier the older one listed, and the dossier then falls back to an earlier
  month's row, or leaves the warehouse). One row per code, with in_live: touched only through files the live
  generation was built with (published since the shadow was last built), not through the running publication's,
  so the live generation holds its state as this build would compute it; and changes_from: the first month the
  state this build gives the dossier can change, when a row of a file it recomputes starts a run of the dossier's
  state (macros/row_state.sql: a new dossier, or a state other than the row before it), the earlier of that row's
  and the previous row's affects_from; NULL when the recomputed files only repeat its state (indicators_affected_from
  then leaves its old months alone), and when it is listed once, in a file of the month it was received (nothing
  before that month changes).
-#}
{% macro touched_dossier_codes() %}
{%- set touching_files -%}
        select o.file_id
          from {{ ref('stg_audit__file_coverage') }} as o
          join {{ ref('stg_audit__file_coverage') }} as n
            on n.is_recomputed and {{ same_coverage('n', 'o') }}
         where o.source = 'one_stop_dossiers'
{%- endset %}
    with touched as (

        select c.dossier_code, not bool_or(c.file_id = any(array({{ touching_files }} and n.is_new))) as in_live
          from {{ ref('stg_one_stop__dossier_codes') }} as c
         where c.file_id = any(array(   -- an array, not a semi-join: the raw rows are found by their file (BRIN)
            {{ touching_files }}
         ))
         group by c.dossier_code

    ),

    candidates as (

        -- the touched dossiers whose rows can start the window before their file's month: listed in more than one
        -- file (any), or received before the month of a file listing them. Most of a month's touched dossiers were
        -- received in it and are listed once: they change nothing before their file's month, which the window
        -- holds already (its own month, for a recomputed listing; every row's, for one it supersedes)
        select c.dossier_code
          from {{ ref('stg_one_stop__dossier_codes') }} as c
         where c.dossier_code = any(array(select t.dossier_code from touched as t))   -- by the dossier-code index
         group by c.dossier_code
        having count(*) > 1 or bool_or(c.affects_from < c.period_month)

    ),

    changes as (   -- their rows that start a run of their state, in a file this build recomputes

        select l.dossier_code, min(least(l.affects_from, l.previous_affects_from)) as changes_from
          from {{ ref('stg_one_stop__dossier_listings') }} as l
         where l.dossier_code = any(array(select k.dossier_code from candidates as k))
           and l.starts_state_run
           and l.file_id = any(array(
                select n.file_id from {{ ref('stg_audit__file_coverage') }} as n
                 where n.is_recomputed and n.source = 'one_stop_dossiers'
           ))
         group by l.dossier_code

    )

    select t.dossier_code, t.in_live, ch.changes_from
      from touched as t
      left join changes as ch on ch.dossier_code = t.dossier_code
{% endmacro %}
