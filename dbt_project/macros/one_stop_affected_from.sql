{#-
  First month whose one-stop figures can change with the files loaded since the last publication:
  the earliest reception month among rows of every accepted file for the periods those files cover
  (superseding and superseded files alike). '9999-12-01' when nothing new was loaded.
-#}
{% macro one_stop_affected_from() %}
(
    select coalesce(date_trunc('month', min(t.received_date))::date, date '9999-12-01')
      from {{ source('raw', 'one_stop_dossiers_typed') }} as t
      join {{ source('audit', 'source_file') }} as f on f.file_id = t.file_id
     where f.source = 'one_stop_dossiers'
       and f.status in ('loaded', 'published')
       and f.period_month in (
            select period_month from {{ source('audit', 'source_file') }}
             where source = 'one_stop_dossiers' and status = 'loaded'
       )
)
{% endmacro %}
