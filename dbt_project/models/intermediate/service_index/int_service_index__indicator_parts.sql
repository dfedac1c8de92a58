-- The SVC766_* indicators in the catalogue's shape (numerator, denominator, scale: value = numerator × scale /
-- denominator), one row per unit, period (month, quarter, year: each from its own rows, never rolled up to parents
-- nor summed from months) and indicator:
--   SVC766_<GROUP>, SVC766_TOTAL: points (numerator points, denominator and scale the maximum);
--   SVC766_R_<SUB>: 100 × rate (the counts; a zero denominator gives no value);
--   *_PUB: the points the portal published; *_DIFF: computed − published, only where both exist;
--   SVC766_RANK, SVC766_RANK_PUB: rank by the total among units of the same level and period, descending, at two
--   decimals, ties sharing a rank (1, 2, 2, 4); numerator the rank, denominator and scale the units ranked; units
--   without a total are not ranked.
with groups as (

    select * from {{ ref('int_service_index__group_points') }}

),

subs as (

    select * from {{ ref('int_service_index__sub_points') }}

),

units as (

    select * from {{ ref('stg_ref__units') }}

),

periods as (

    select distinct
        unit_code, period_grain, period_start,
        (period_start + case period_grain when 'year' then interval '1 year' when 'quarter' then interval '3 months'
            else interval '1 month'
        end - interval '1 day')::date as period_end
    from groups

),

-- the unit version of the period: the latest one valid during it, and its level
versions as (

    select p.*, v.valid_from as unit_valid_from, v.unit_level
    from periods as p
    left join lateral (
        select u.valid_from, u.unit_level from units as u
        where u.unit_code = p.unit_code and u.valid_from <= p.period_end and u.valid_to > p.period_start
        order by u.valid_from desc limit 1
    ) as v on true

),

totals as (

    select g.*, v.unit_level
    from groups as g
    inner join versions as v
        on g.unit_code = v.unit_code and g.period_grain = v.period_grain and g.period_start = v.period_start
    where g.group_code = 'TOTAL'

),

ranks as (

    select
        unit_code,
        period_grain,
        period_start,
        'SVC766_RANK'::text                                                          as indicator_code,
        rank() over (
            partition by period_grain, period_start, unit_level order by round(points, 2) desc
        )::numeric                                                                   as numerator,
        count(*) over (partition by period_grain, period_start, unit_level)::numeric as denominator
    from totals
    where points is not null
    union all
    select
        unit_code, period_grain, period_start, 'SVC766_RANK_PUB',
        rank() over (partition by period_grain, period_start, unit_level order by round(published_points, 2) desc),
        count(*) over (partition by period_grain, period_start, unit_level)
    from totals
    where published_points is not null

),

parts as (

    select
        unit_code,
        period_grain,
        period_start,
        'SVC766_' || group_code as indicator_code,
        points                  as numerator,
        max_points              as denominator,
        max_points + 0          as scale
    from groups
    where points is not null
    union all
    select
        unit_code, period_grain, period_start, 'SVC766_' || group_code || '_PUB', published_points, max_points,
        max_points + 0
    from groups
    where published_points is not null
    union all
    select unit_code, period_grain, period_start, 'SVC766_' || group_code || '_DIFF', points_diff, null, 1
    from groups
    where points_diff is not null
    union all
    select unit_code, period_grain, period_start, 'SVC766_R_' || sub_code, numerator::numeric, denominator::numeric, 100
    from subs
    where rule <> 'constant' and not counts_missing
    union all
    select unit_code, period_grain, period_start, indicator_code, numerator, denominator, denominator + 0
    from ranks

)

select
    p.unit_code,
    v.unit_valid_from,
    p.period_grain              as period_type,
    p.period_start,
    v.period_end,
    p.indicator_code,
    p.numerator,
    p.denominator,
    p.scale,
    'service_index_stats'::text as source,
    1::bigint                   as contributing_units,
    null::bigint                as months_covered
from parts as p
inner join versions as v
    on p.unit_code = v.unit_code and p.period_grain = v.period_grain and p.period_start = v.period_start
