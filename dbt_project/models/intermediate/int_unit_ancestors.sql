-- Every unit paired with itself and each of its ancestors (for roll-ups by summing parts).
with recursive units as (

    select unit_code, parent_unit_code from {{ ref('stg_ref__units') }}

),

walk as (

    select unit_code, unit_code as ancestor_code, 0 as distance from units
    union all
    select w.unit_code, u.parent_unit_code, w.distance + 1
      from walk w
      join units u on u.unit_code = w.ancestor_code
     where u.parent_unit_code is not null and w.distance < 10

)

select unit_code, ancestor_code, distance from walk
