-- Ranking of the province's scored units among peers of the same level (departments; districts; communes) in
-- each year, on the unrounded PAR index (points / applicable max, exact): units tied exactly share a rank and the
-- next rank is skipped (1, 2, 2, 4). Rank change = last year's rank - this year's (positive = moved up); NULL for
-- a unit not ranked last year.
with indexed as (

    select
        p.unit_code, p.unit_valid_from, extract(year from p.period_start)::int as score_year, u.unit_level,
        p.numerator, p.denominator,
        p.numerator * 100 / nullif(p.denominator, 0)                           as index_value
    from {{ ref('int_par__unit_year_parts') }} as p
    join {{ ref('stg_ref__units') }} as u on u.unit_code = p.unit_code and u.valid_from = p.unit_valid_from
    where p.indicator_code = 'PAR_INDEX' and p.source = 'par_scores'
        and u.unit_level <> 'province'     -- provinces: the published national rank (par_national), never re-derived

),

ranked as (

    select
        indexed.*,
        rank()
            over (partition by indexed.score_year, indexed.unit_level order by indexed.index_value desc nulls last)
            as par_rank,
        count(*)
            over (partition by indexed.score_year, indexed.unit_level)
            as peer_count
    from indexed

)

select
    r.unit_code,
    r.unit_valid_from,
    r.score_year,
    r.unit_level                                                                as peer_group,
    r.index_value,
    r.par_rank,
    r.peer_count,
    prev.par_rank                                                               as previous_rank,
    prev.par_rank - r.par_rank                                                  as rank_change,
    r.par_rank = 1                                                              as is_first,
    r.par_rank = max(r.par_rank) over (partition by r.score_year, r.unit_level) as is_last
from ranked as r
left join ranked as prev
    on prev.unit_code = r.unit_code and prev.score_year = r.score_year - 1 and prev.unit_level = r.unit_level
