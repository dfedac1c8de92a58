{#-
  Rows of a raw source's typed view that reports may use: rows of files that passed the gate (loaded or
  published) and were not superseded by a newer accepted file of the same source and period; per_unit: only
  a newer file covering the row's unit supersedes it (dossier listings and forms arrive per group of units).
  Superseded files stay registered and archived for auditors.
-#}
{% macro accepted_rows(relation, per_unit=false) %}
    select t.*
      from {{ relation }} as t
      join {{ source('audit', 'source_file') }} as f on f.file_id = t.file_id
     where f.status in ('loaded', 'published')
       and not exists (
            select 1
              from {{ source('audit', 'source_file') }} as newer
             where newer.source = f.source
               and newer.status in ('loaded', 'published')
               and newer.period_month = f.period_month
               {% if per_unit %}and t.unit_code = any(newer.unit_codes){% endif %}
               and newer.file_id > f.file_id
       )
{% endmacro %}
