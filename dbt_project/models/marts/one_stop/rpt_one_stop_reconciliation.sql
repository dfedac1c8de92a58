-- depends_on: {{ ref('stg_audit__file_coverage') }}
-- depends_on: {{ ref('int_one_stop__touched_dossiers') }}
{{ config_recomputed_by_period("'month'", 'period_month', indexes=[{'columns': ['period_month']}]) }}
-- Where a unit sent both a dossier listing and a Biểu 06 form for the same month: each column of the form
-- (3)-(13) beside the same figure counted from the listing, and the difference (form - listing). Every pair is
-- shown, equal or not: a data-quality report for engineers and auditors. Indicators use the listing.
-- Incremental by month: a build deletes and inserts again the months the new files can change.
with listing as (

    select
        c.unit_code,
        c.period_month,
        c.received + c.carried_over    as c3,
        c.received_online              as c4,
        c.received - c.received_online as c5,
        c.carried_over                 as c6,
        c.resolved                     as c7,
        c.resolved_early               as c8,
        c.resolved_on_time             as c9,
        c.resolved_late                as c10,
        c.pending                      as c11,
        c.pending - c.pending_overdue  as c12,
        c.pending_overdue              as c13
    from {{ ref('int_one_stop__unit_month_counts') }} as c
    {% if is_incremental() %}
        where c.period_month >= {{ indicators_affected_from() }}
    {% endif %}

),

form as (

    select
        unit_code, period_month, max(source_file_id) as source_file_id,
        sum(received_total)                          as c3,
        sum(received_online)                         as c4,
        sum(received_direct)                         as c5,
        sum(carried_over)                            as c6,
        sum(resolved_total)                          as c7,
        sum(resolved_early)                          as c8,
        sum(resolved_on_time)                        as c9,
        sum(resolved_late)                           as c10,
        sum(pending_total)                           as c11, sum(pending_within) as c12, sum(pending_overdue) as c13
    from {{ ref('fct_one_stop_summary') }}
    where
        not is_total
        {% if is_incremental() %}
            and period_month >= {{ indicators_affected_from() }}
        {% endif %}
    group by unit_code, period_month

)

select
    f.unit_code,
    u.unit_name,
    f.period_month,
    to_char(f.period_month, 'YYYY-MM') as period,
    v.column_no,
    v.column_label_vi,
    v.listing_value,
    v.form_value,
    v.form_value - v.listing_value     as difference,
    v.form_value <> v.listing_value    as differs,
    f.source_file_id                   as form_file_id
from form as f
join listing as l on l.unit_code = f.unit_code and l.period_month = f.period_month
join {{ ref('dim_unit') }} as u
    on u.unit_code = f.unit_code and u.valid_from <= f.period_month and u.valid_to > f.period_month
cross join lateral (
    values
    (3, 'Tổng số hồ sơ nhận giải quyết', l.c3, f.c3),
    (4, 'Tiếp nhận trực tuyến', l.c4, f.c4),
    (5, 'Tiếp nhận trực tiếp, dịch vụ bưu chính', l.c5, f.c5),
    (6, 'Từ kỳ trước chuyển qua', l.c6, f.c6),
    (7, 'Đã giải quyết', l.c7, f.c7),
    (8, 'Giải quyết trước hạn', l.c8, f.c8),
    (9, 'Giải quyết đúng hạn', l.c9, f.c9),
    (10, 'Giải quyết quá hạn', l.c10, f.c10),
    (11, 'Đang giải quyết', l.c11, f.c11),
    (12, 'Đang giải quyết trong hạn', l.c12, f.c12),
    (13, 'Đang giải quyết quá hạn', l.c13, f.c13)
) as v (column_no, column_label_vi, listing_value, form_value)
