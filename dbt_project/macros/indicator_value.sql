{#- value = numerator × scale / denominator; a count (no denominator) is its numerator; a zero denominator
    gives NULL (not 0, not 100); 10 decimals kept, reports print 2. -#}
{% macro indicator_value(numerator='numerator', denominator='denominator', scale='scale') %}
    case
        when {{ denominator }} is null then {{ numerator }}
        when {{ denominator }} = 0 then null
        else round({{ numerator }} * {{ scale }} / {{ denominator }}, 10)
    end
{% endmacro %}

{#- SIPAS_INDEX of each unit version and period from the periods' element parts: the mean of the element
    rates that had answers (numerator: their sum; denominator: how many). -#}
{% macro sipas_index_parts(periods) %}
    select unit_code, unit_valid_from, period_type, period_start, period_end, 'SIPAS_INDEX'::text as indicator_code,
           round(sum(numerator * 100 / denominator), 10) as numerator, count(*)::numeric as denominator, 1 as scale,
           'sipas_survey'::text as source, max(contributing_units) as contributing_units,
           max(months_covered) as months_covered
    from {{ periods }}
    where indicator_code like 'SIPAS_ELEMENT_%' and denominator > 0
    group by unit_code, unit_valid_from, period_type, period_start, period_end
{% endmacro %}
