{#-
  What a build's data tests read. A full refresh tests every row. An incremental build tests what it recomputed:
  the rows of a model that declares `meta: {recomputed_scope: ...}` restricted to the same scope its incremental
  build rewrote; the rows outside it were written and tested by an earlier build and have not changed since.
  Without this the tests read the whole history every month and the build's cost grows with it.
    recomputed_scope: {dossiers: <column>}   the dossier codes the new files touch (int_one_stop__touched_dossiers)
    recomputed_scope: {months: <column>}     months on or after indicators_affected_from()
    recomputed_scope: {periods: [<period type column>, <period start column>]}
                                             months, quarters and years ending on or after it
  A test's own `where` config wins. dbt's default get_where_subquery is overridden here (the documented way to
  customise the filtering, docs.getdbt.com/reference/resource-configs/where).
-#}
{% macro get_where_subquery(relation) -%}
    {%- set where = config.get('where') -%}
    {%- if not where and execute -%}
        {%- set where = recomputed_scope_filter(model) -%}
    {%- endif -%}
    {%- if where -%}
        {%- do return("(select * from " ~ relation ~ " where " ~ where ~ ") dbt_subquery") -%}
    {%- endif -%}
    {%- do return(relation) -%}
{%- endmacro %}

{#- The filter of the model a test is attached to, from its recomputed_scope; '' when the whole model is tested. -#}
{% macro recomputed_scope_filter(test_node) -%}
    {%- set attached = test_node.get('attached_node') if test_node is mapping else test_node.attached_node -%}
    {%- if full_refresh_build() or not attached or attached not in graph.nodes -%}
        {%- do return('') -%}
    {%- endif -%}
    {%- set scope = graph.nodes[attached].config.meta.get('recomputed_scope') -%}
    {#- a generic test may not ref() what it was not parsed with: the views are named from the graph -#}
    {%- set coverage = graph_relation('stg_audit__file_coverage') -%}
    {%- set touched = graph_relation('int_one_stop__touched_dossiers') -%}
    {%- if not scope -%}
        {%- do return('') -%}
    {%- elif scope.dossiers -%}
        {#- the dossiers the build computed; those it copied from the live generation were tested when it was built -#}
        {%- set computed = ' where not t.in_live' if lag_from_live() else '' -%}
        {%- set codes = "select t.dossier_code from " ~ touched ~ " as t" ~ computed -%}
        {%- do return(scope.dossiers ~ " = any(array(" ~ codes ~ "))") -%}
    {%- elif scope.months -%}
        {%- do return(scope.months ~ " >= " ~ indicators_affected_from(coverage, touched)) -%}
    {%- elif scope.periods -%}
        {%- do return(period_end_of(scope.periods[0], scope.periods[1]) ~ " >= " ~ indicators_affected_from(coverage, touched)) -%}
    {%- endif -%}
    {{ exceptions.raise_compiler_error("unknown recomputed_scope " ~ scope ~ " on " ~ attached) }}
{%- endmacro %}

{#- For a singular test over months: the first month it checks (every month on a full refresh). -#}
{% macro recomputed_months_from() -%}
    {%- if full_refresh_build() -%} date '0001-01-01' {%- else -%} {{ indicators_affected_from() }} {%- endif -%}
{%- endmacro %}

{#- The relation a model of this project builds into (its schema as this invocation generates it: live or shadow). -#}
{% macro graph_relation(name) -%}
    {%- set node = graph.nodes['model.' ~ project_name ~ '.' ~ name] -%}
    {%- do return(api.Relation.create(database=node.database, schema=node.schema, identifier=node.alias)) -%}
{%- endmacro %}
