-- PAR ranking for reports: unit names, level, index (unrounded and to two decimals), rank, change, band.
select
    r.score_year,
    u.unit_level_vi as peer_group_vi,
    r.unit_code,
    r.unit_valid_from,
    u.unit_name,
    u.unit_level,
    r.index_value,
    r.index_rounded,
    p.numerator     as points,
    p.denominator   as applicable_max_points,
    r.par_rank,
    r.peer_count,
    r.previous_rank,
    r.rank_change,
    r.is_first,
    r.is_last,
    r.band_code,
    r.band_label_vi
from {{ ref('fct_par_ranking') }} as r
join {{ ref('dim_unit') }} as u on u.unit_code = r.unit_code and u.valid_from = r.unit_valid_from
join {{ ref('fct_indicator_value') }} as p
    on p.unit_code = r.unit_code and p.indicator_code = 'PAR_INDEX' and p.period_type = 'year'
        and p.period_start = make_date(r.score_year, 1, 1) and p.unit_valid_from = r.unit_valid_from
