{#-
  Rows of a source's typed view that reports use: those of the newest accepted file for what each row covers
  (its unit and period, or its period for a source superseded as a whole: see {{ doc('supersession') }} and
  audit.current_coverage, where the rule is defined once). Superseded and rejected files stay in raw and in the
  file registry for auditors. graded: the source's rows cover months, quarters or years (coverage_grain).
  Called by staging models only.
  The match is on one key (coverage_key), not on three join conditions: a row's coverage unit is only known once the
  typed view has resolved it (audit.file_unit), and given the file alone to join on first, the planner read a file's
  rows once for every unit it covers (a province's listing, once per commune: 680 reads of 39 files on the national
  benchmark, 50 s; 9 s as one hash semi-join).
-#}
{% macro current_rows(source_name, graded=false) %}
    select t.*
      from {{ source('raw', source_name ~ '_typed') }} as t
     where {{ coverage_key('t.file_id', 't.coverage_period', 't.coverage_grain' if graded, 't.coverage_unit') }} in (
            select {{ coverage_key('c.file_id', 'c.period_start', 'c.period_grain' if graded, 'c.unit_code') }}
              from {{ source('audit', 'current_coverage') }} as c
           )
{% endmacro %}

{#- What a row covers, as one text: file | period | grain | unit. A NULL period matches nothing (coverage periods are
    never NULL; nor are a graded source's grains); a NULL unit is the empty one, as a source without units covers;
    the unit comes last, so a '|' in it cannot shift the other fields. -#}
{% macro coverage_key(file_id, period, grain, unit) -%}
    format('%s|%s|%s|%s', {{ file_id }}, {{ period }}, {{ grain or "''" }}, coalesce({{ unit }}, ''))
{%- endmacro %}
