-- Points of every group and the total, one row per unit, period and group ('TOTAL' for the total), computed from
-- the counts and published by the portal side by side (docs block svc766_scoring): a group = the sum of its
-- rounded sub points, NULL when a count one of its subs needs is blank; the total = the sum of the scheme's
-- groups, NULL unless every group has a value. Published points come only from the file, as given.
with subs as (

    select * from {{ ref('int_service_index__sub_points') }}

),

stats as (

    select * from {{ ref('stg_service_index__stats') }}

),

groups as (

    select
        unit_code, period_grain, period_start, scheme_version, group_code, max(group_max) as max_points,
        case when bool_or(counts_missing) then null else sum(coalesce(points, 0)) end     as points
    from subs
    group by unit_code, period_grain, period_start, scheme_version, group_code

),

totals as (

    select
        unit_code, period_grain, period_start, scheme_version, 'TOTAL'::text as group_code,
        100::numeric                                                         as max_points,
        case when count(points) = count(*) then sum(points) end              as points
    from groups
    group by unit_code, period_grain, period_start, scheme_version

),

computed as (

    select * from groups
    union all
    select * from totals

),

published as (

    select s.unit_code, s.period_grain, s.period_start, p.group_code, p.points
    from stats as s
    cross join
        lateral (
            values
            ('PUBLICITY', s.pub_publicity), ('PROGRESS', s.pub_progress), ('ONLINE', s.pub_online),
            ('PAYMENT', s.pub_payment), ('DIGITAL', s.pub_digital), ('SATISFACTION', s.pub_satisfaction),
            ('TOTAL', s.pub_total)
        ) as p (group_code, points)
    where p.points is not null

)

select
    c.unit_code,
    c.period_grain,
    c.period_start,
    c.scheme_version,
    c.group_code,
    c.max_points,
    c.points,
    p.points            as published_points,
    c.points - p.points as points_diff
from computed as c
left join published as p
    on c.unit_code = p.unit_code and c.period_grain = p.period_grain and c.period_start = p.period_start
        and c.group_code = p.group_code
