{{ config(materialized='table') }}
-- Every unit version paired with itself and each of its ancestors, for the dates the pairing holds
-- ([valid_from, valid_to): the intersection of the versions on the path). A commune belongs to its district
-- until 30 June 2025 and to the province from 1 July 2025. Used for roll-ups by summing parts.
with recursive units as (

    select unit_code, valid_from, valid_to, parent_unit_code from {{ ref('stg_ref__units') }}

),

walk as (

    select
        unit_code, valid_from   as unit_valid_from, unit_code as ancestor_code, valid_from as ancestor_valid_from,
        valid_from, valid_to, 0 as distance
    from units
    union all
    -- a union branch: its columns take their names from the first branch
    select
        w.unit_code, w.unit_valid_from, p.unit_code, p.valid_from,  -- noqa: AL08
        greatest(w.valid_from, p.valid_from), least(w.valid_to, p.valid_to), w.distance + 1
    from walk as w
    join units as c on c.unit_code = w.ancestor_code and c.valid_from = w.ancestor_valid_from
    join units as p on p.unit_code = c.parent_unit_code and p.valid_from < w.valid_to and p.valid_to > w.valid_from
    where w.distance < 10

)

select unit_code, unit_valid_from, ancestor_code, ancestor_valid_from, valid_from, valid_to, distance from walk
