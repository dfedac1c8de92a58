-- PAR index of each scored unit and year, from the leaf criteria of its newest scoring sheet:
--   points of a criterion = appraised points where present, else self-assessed points, else survey points
--   (criteria scored by survey carry no self-assessed points); criteria marked 'Không áp dụng' count
--   neither points nor max, so they shrink the applicable max (68.32 of an applicable 84 -> 81.33%).
-- PAR_AREA_n = area points / applicable area max × 100; PAR_POINTS = total points;
-- PAR_INDEX = total points / applicable max × 100. For a province, the published national result
-- (par_national) gives PAR_POINTS, PAR_INDEX and PAR_RANK as published: never recomputed, never overwritten
-- (a province's rank is never re-derived from the provinces that happen to be loaded).
with leaves as (

    select
        unit_code,
        score_year,
        area_no,
        applicable_max_points                                        as applicable_max,
        case when not is_not_applicable then coalesce(points, 0) end as points
    from {{ ref('fct_par_criterion_score') }}
    where is_leaf

),

areas as (

    select unit_code, score_year, area_no, sum(points) as points, sum(applicable_max) as applicable_max
    from leaves
    group by unit_code, score_year, area_no

),

scored as (

    select
        unit_code, make_date(score_year, 1, 1) as period_start, 'PAR_AREA_' || area_no as indicator_code,
        points::numeric                        as numerator,
        applicable_max::numeric                as denominator,
        100                                    as scale
    from areas
    where applicable_max is not null      -- an area none of whose criteria applies has no value at all
    union all
    select unit_code, make_date(score_year, 1, 1), 'PAR_POINTS', sum(points)::numeric, null, 1
    from areas
    group by unit_code, score_year
    union all
    select unit_code, make_date(score_year, 1, 1), 'PAR_INDEX', sum(points)::numeric, sum(applicable_max)::numeric, 100
    from areas
    group by unit_code, score_year

),

national as (

    select
        u.unit_code, make_date(n.result_year, 1, 1) as period_start, v.indicator_code, v.numerator,
        v.denominator, v.scale
    from {{ ref('fct_par_national') }} as n
    join {{ ref('stg_ref__units') }} as u
        on u.unit_code = n.province_code and u.unit_level = 'province'
            and u.valid_from <= make_date(n.result_year, 12, 31) and u.valid_to > make_date(n.result_year, 1, 1)
    cross join lateral (
        values
        (
            'PAR_POINTS', (n.appraisal_points + n.sipas_points + n.leader_survey_points + n.impact_points)::numeric,
            null::numeric, 1
        ),
        ('PAR_INDEX', n.published_index::numeric, 100::numeric, 100),
        ('PAR_RANK', n.published_rank::numeric, null::numeric, 1)     -- as published, ties as published
    ) as v (indicator_code, numerator, denominator, scale)

),

parts as (

    select unit_code, period_start, indicator_code, numerator, denominator, scale, 'par_scores'::text as source
    from scored
    union all
    select unit_code, period_start, indicator_code, numerator, denominator, scale, 'par_national'::text
    from national
    where numerator is not null

)

-- the unit version of the year: the latest one valid during it
select
    p.unit_code, v.valid_from as unit_valid_from, p.period_start, p.indicator_code, p.numerator, p.denominator,
    p.scale, p.source
from parts as p
left join lateral (
    select u.valid_from from {{ ref('stg_ref__units') }} as u
    where u.unit_code = p.unit_code and u.valid_from <= (p.period_start + interval '1 year - 1 day')::date
        and u.valid_to > p.period_start
    order by u.valid_from desc limit 1
) as v on true
