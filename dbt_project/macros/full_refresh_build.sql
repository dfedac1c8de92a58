{#- Whether this dbt invocation is a full refresh (every incremental model rebuilt from all its rows). -#}
{% macro full_refresh_build() %}
    {%- do return(flags.FULL_REFRESH if flags is defined else false) -%}
{% endmacro %}
