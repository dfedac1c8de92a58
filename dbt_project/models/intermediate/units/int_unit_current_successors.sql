{{ config(materialized='table') }}
-- Each unit version mapped to the unit version(s) that stand for it today, following ref.unit_successor
-- through every reorganisation (Hòa Bình 17 -> Phú Thọ 25; a commune split in two -> its default successor
-- with weight 1, the others 0). A current version maps to itself. weight = the share of the old unit's
-- figures carried to the current unit (the product along the chain).
with recursive units as (

    select unit_code, valid_from, is_current from {{ ref('stg_ref__units') }}

),

successors as (

    select old_code, old_valid_from, new_code, new_valid_from, weight
    from {{ ref('stg_ref__unit_successors') }}

),

chain as (

    select
        unit_code, valid_from, unit_code as current_code, valid_from as current_valid_from,
        1::numeric                       as weight, 0                as steps
    from units
    union all
    select c.unit_code, c.valid_from, s.new_code, s.new_valid_from, c.weight * s.weight, c.steps + 1
    from chain as c
    join successors as s on s.old_code = c.current_code and s.old_valid_from = c.current_valid_from
    where c.steps < 10 and (s.old_code, s.old_valid_from) is distinct from (s.new_code, s.new_valid_from)

)

select c.unit_code, c.valid_from, c.current_code, c.current_valid_from, sum(c.weight) as weight
from chain as c
join units as u on u.unit_code = c.current_code and u.valid_from = c.current_valid_from and u.is_current
where c.weight > 0
group by c.unit_code, c.valid_from, c.current_code, c.current_valid_from
