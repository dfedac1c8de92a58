{#-
  Rows of a source's typed view that reports use: those of the newest accepted file for what each row covers
  (its unit and period, or its period for a source superseded as a whole: see {{ doc('supersession') }} and
  audit.current_coverage, where the rule is defined once). Superseded and rejected files stay in raw and in the
  file registry for auditors. graded: the source's rows cover months, quarters or years (coverage_grain).
  Called by staging models only.
-#}
{% macro current_rows(source_name, graded=false) %}
    select t.*
      from {{ source('raw', source_name ~ '_typed') }} as t
      join {{ source('audit', 'current_coverage') }} as c
        on c.file_id = t.file_id
       and c.period_start = t.coverage_period
       and coalesce(c.unit_code, '') = coalesce(t.coverage_unit, '')
       {%- if graded %}
       and c.period_grain = t.coverage_grain   {#- months, quarters and years of one source supersede apart #}
       {%- endif %}
{% endmacro %}
