-- Ranking of units on the PAR index per year among peers of the same level, with the band of the
-- province's rules for that year (scheme par_internal).
with ranking as (

    select * from {{ ref('int_par__ranking') }}

),

bands as (

    select * from {{ ref('stg_ref__band_rules') }}
    where scheme = 'par_internal'

)

select
    r.*,
    round(r.index_value, 2) as index_rounded,
    b.band_code,
    b.band_label_vi
from ranking as r
left join bands as b
    on b.band_year = r.score_year
        and r.index_value >= b.min_value
        and (b.max_value is null or r.index_value < b.max_value)
