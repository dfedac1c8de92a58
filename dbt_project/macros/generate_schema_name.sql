{#-
  Use the schemas of sql/ as they are (staging, intermediate, marts), not target_schema prefixed. A publishing
  build (var shadow: true, cchc_warehouse.marts.build) writes into their shadows (staging__next, ...), which the
  publication then swaps with the live schemas in one transaction: readers never see a half-built warehouse.
-#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- set base = custom_schema_name | trim if custom_schema_name is not none else target.schema -%}
    {{ base ~ ('__next' if var('shadow', false) and base in ('staging', 'intermediate', 'marts') else '') }}
{%- endmacro %}
