{#-
  Whether this build copies from the live generation what only the live generation's files changed. The shadow
  generation a build writes into lags one publication behind the live one, so an incremental build recomputes the
  files of the last publication as well as its own; where the live generation was built complete by this same code
  (cchc_warehouse.marts.build decides, var lag_from_live), its rows for what only those files touched are the rows
  this build would compute, and a model may copy them instead (fct_dossier: int_one_stop__touched_dossiers.in_live).
-#}
{% macro lag_from_live() %}
    {#- read in an incremental model's incremental branch, and by data tests of an incremental build only -#}
    {%- do return(var('shadow', false) and var('lag_from_live', false)) -%}
{% endmacro %}

{#- The live twin of a relation of the shadow generation (marts__next.x -> marts.x), in the same database. -#}
{% macro live_relation(relation) %}
    {%- do return('"' ~ (relation.schema | replace('__next', '')) ~ '"."' ~ relation.identifier ~ '"') -%}
{% endmacro %}
