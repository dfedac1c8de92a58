{#-
  Statistics kept true: a table or incremental model is analysed as soon as it is written, before any model, test
  or report queries it (autovacuum would do it later, if at all, and a plan made on absent statistics turns a hash
  join into a nested loop). Views hold no statistics of their own: nothing to do.
-#}
{% macro analyze_built() %}
    {%- if model.config.materialized in ('table', 'incremental') -%}
        analyze {{ this }}
    {%- else -%}
        select 1
    {%- endif -%}
{% endmacro %}
