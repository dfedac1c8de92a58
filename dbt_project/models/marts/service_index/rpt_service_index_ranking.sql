-- The Decision 766 index per unit and period for officials: points of each group and the total, computed and
-- published side by side with their difference, rank (ties share a rank) by both, band by both (seed
-- svc766_bands: the province's own rows, else the common ones, in force on the period's first day), and the
-- change against the previous period of the same length.
with v as (

    select unit_code, unit_valid_from, period_type, period_start, indicator_code, value
    from {{ ref('fct_indicator_value') }}
    where indicator_code like 'SVC766\_%'

),

wide as (

    select
        unit_code, unit_valid_from, period_type, period_start,
        max(value) filter (where indicator_code = 'SVC766_PUBLICITY')    as publicity_points,
        max(value) filter (where indicator_code = 'SVC766_PROGRESS')     as progress_points,
        max(value) filter (where indicator_code = 'SVC766_ONLINE')       as online_points,
        max(value) filter (where indicator_code = 'SVC766_PAYMENT')      as payment_points,
        max(value) filter (where indicator_code = 'SVC766_DIGITAL')      as digital_points,
        max(value) filter (where indicator_code = 'SVC766_SATISFACTION') as satisfaction_points,
        max(value) filter (where indicator_code = 'SVC766_TOTAL')        as total_points,
        max(value) filter (where indicator_code = 'SVC766_TOTAL_PUB')    as total_points_published,
        max(value) filter (where indicator_code = 'SVC766_TOTAL_DIFF')   as total_points_diff,
        max(value) filter (where indicator_code = 'SVC766_RANK')         as svc_rank,
        max(value) filter (where indicator_code = 'SVC766_RANK_PUB')     as svc_rank_published
    from v
    group by unit_code, unit_valid_from, period_type, period_start

),

units as (

    select * from {{ ref('dim_unit') }}

)

select
    w.unit_code,
    w.unit_valid_from,
    u.unit_name,
    u.unit_level,
    u.unit_level_vi,
    w.period_type,
    w.period_start,
    p.period,
    p.period_label_vi,
    round(w.publicity_points, 2)                      as publicity_points,
    round(w.progress_points, 2)                       as progress_points,
    round(w.online_points, 2)                         as online_points,
    round(w.payment_points, 2)                        as payment_points,
    round(w.digital_points, 2)                        as digital_points,
    round(w.satisfaction_points, 2)                   as satisfaction_points,
    round(w.total_points, 2)                          as total_points,
    round(w.total_points_published, 2)                as total_points_published,
    round(w.total_points_diff, 2)                     as total_points_diff,
    coalesce(abs(w.total_points_diff) > 0.015, false) as needs_reconciliation,
    w.svc_rank::integer                               as svc_rank,
    w.svc_rank_published::integer                     as svc_rank_published,
    bc.band_label_vi                                  as band_vi,
    bp.band_label_vi                                  as band_published_vi,
    round(w.total_points - lag(w.total_points) over (
        partition by w.unit_code, w.period_type order by w.period_start
    ), 2)                                             as total_change
from wide as w
inner join {{ ref('dim_period') }} as p on w.period_type = p.period_type and w.period_start = p.period_start
left join units as u on w.unit_code = u.unit_code and w.unit_valid_from = u.valid_from
left join lateral ({{ svc766_band('w.total_points', 'w.unit_code', 'w.period_start') }}) as bc on true
left join lateral ({{ svc766_band('w.total_points_published', 'w.unit_code', 'w.period_start') }}) as bp on true
