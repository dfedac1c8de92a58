{#- Which dossiers each one-stop indicator counts, over a row `a` of int_one_stop__dossier_activity: the one
    definition, read by the indicator records (int_one_stop__indicator_records, listed by `cchc trace`) and by the
    indicator parts (int_one_stop__indicator_parts, the same records summed). Each rule: code; numerator and
    denominator, SQL conditions over `a` (denominator none for a count); amount, what a numerator record adds (1,
    or its resolution days); scale, 100 for a percentage. -#}
{% macro one_stop_indicator_rule_list() %}
    {%- set rules = [
        {'code': 'OSS_RECEIVED', 'numerator': 'a.received_in_period'},
        {'code': 'OSS_CARRIED_OVER', 'numerator': 'not a.received_in_period'},
        {'code': 'OSS_RESOLVED', 'numerator': 'a.resolved_in_period'},
        {'code': 'OSS_RESOLVED_EARLY', 'numerator': "a.resolved_in_period and a.timeliness = 'early'"},
        {'code': 'OSS_RESOLVED_ON_TIME', 'numerator': "a.resolved_in_period and a.timeliness = 'on_time'"},
        {'code': 'OSS_RESOLVED_LATE', 'numerator': "a.resolved_in_period and a.timeliness = 'late'"},
        {'code': 'OSS_PENDING', 'numerator': 'a.pending_at_end'},
        {'code': 'OSS_PENDING_OVERDUE', 'numerator': 'a.pending_at_end and a.due_date < a.period_end'},
        {'code': 'OSS_ONTIME_RATE', 'numerator': "a.resolved_in_period and a.timeliness in ('early', 'on_time')",
         'denominator': 'a.resolved_in_period', 'scale': 100},
        {'code': 'OSS_ONLINE_RATE', 'numerator': 'a.received_in_period and a.is_online',
         'denominator': 'a.received_in_period', 'scale': 100},
        {'code': 'OSS_ONLINE_PAYMENT_RATE', 'numerator': 'a.received_in_period and a.has_fee and a.paid_online',
         'denominator': 'a.received_in_period and a.has_fee', 'scale': 100},
        {'code': 'OSS_DIGITIZED_RESULT_RATE', 'numerator': 'a.resolved_in_period and a.has_digitized_result',
         'denominator': 'a.resolved_in_period', 'scale': 100},
        {'code': 'OSS_AVG_RESOLUTION_DAYS', 'numerator': 'a.resolved_in_period',
         'denominator': 'a.resolved_in_period', 'amount': 'coalesce(a.resolution_days, 0)'},
    ] -%}
    {%- for r in rules -%}
        {%- do r.update({'denominator': r.get('denominator'), 'amount': r.get('amount', '1'),
                         'scale': r.get('scale', 1)}) -%}
    {%- endfor -%}
    {%- do return(rules) -%}
{% endmacro %}

{#- The rules as a VALUES list over `a`, one row per indicator: indicator_code, in_numerator, in_denominator (false
    for a count), amount, scale, has_denominator. -#}
{% macro one_stop_indicator_rules() %}
values
{%- for r in one_stop_indicator_rule_list() %}
    ('{{ r.code }}', {{ r.numerator }}, {{ r.denominator or 'false' }}, ({{ r.amount }})::numeric, {{ r.scale }},
     {{ 'true' if r.denominator else 'false' }}){{ ',' if not loop.last }}
{%- endfor %}
{% endmacro %}

{#- The rules summed in one pass (int_one_stop__indicator_parts): a select list over `a` grouped by unit and month,
    numerator_<n> and, for a rule with a denominator, denominator_<n>, n the rule's place in the list. -#}
{% macro one_stop_indicator_rule_sums() %}
    {%- for r in one_stop_indicator_rule_list() %}
    coalesce(sum(({{ r.amount }})::numeric) filter (where {{ r.numerator }}), 0) as numerator_{{ loop.index }}
        {%- if r.denominator %},
    count(*) filter (where {{ r.denominator }})::numeric as denominator_{{ loop.index }}
        {%- endif %}{{ ',' if not loop.last }}
    {%- endfor %}
{% endmacro %}

{#- Those sums as one row per indicator: a VALUES list over `s` (a row of the sums): indicator_code, numerator,
    denominator (NULL for a count), scale. -#}
{% macro one_stop_indicator_rule_totals() %}
values
{%- for r in one_stop_indicator_rule_list() %}
    ('{{ r.code }}', s.numerator_{{ loop.index }},
     {{ 's.denominator_' ~ loop.index if r.denominator else 'null::numeric' }}, {{ r.scale }}){{ ',' if not loop.last }}
{%- endfor %}
{% endmacro %}
