{#-
  First day whose indicator values can change with the files loaded since the last publication (status
  'loaded'): for each source, the earliest month the rows of those files and of the accepted files they
  supersede (same source and period) report on. '9999-12-01' when nothing new was loaded. Quarter and year
  values ending on or after that day are recomputed too.
-#}
{% macro indicators_affected_from() %}
least(
    {{ one_stop_affected_from() }},
    (
        select coalesce(min(affected.month_start), date '9999-12-01')
          from (
                select r.report_month as month_start
                  from {{ source('raw', 'esign_stats_typed') }} as r
                 where r.file_id in ({{ _files_touched('esign_stats') }})
                union all
                select date_trunc('month', r.surveyed_date)::date
                  from {{ source('raw', 'sipas_survey_typed') }} as r
                 where r.file_id in ({{ _files_touched('sipas_survey') }})
                union all
                select f.period_month
                  from {{ source('audit', 'source_file') }} as f
                 where f.source in ('one_stop_summary', 'plan_tasks', 'par_scores', 'par_national')
                   and f.status = 'loaded'
          ) as affected
    )
)
{% endmacro %}

{% macro _files_touched(source_name) %}
    select f.file_id
      from {{ source('audit', 'source_file') }} as f
     where f.source = '{{ source_name }}'
       and f.status in ('loaded', 'published')
       and f.period_month in (
            select period_month from {{ source('audit', 'source_file') }}
             where source = '{{ source_name }}' and status = 'loaded'
       )
{% endmacro %}
