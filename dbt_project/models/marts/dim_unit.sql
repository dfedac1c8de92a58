-- Unit versions (slowly changing: a renamed, re-parented or reorganised unit keeps its history), with the
-- parent and province of each version at its start. Facts name a version by (unit_code, unit_valid_from).
with units as (

    select * from {{ ref('stg_ref__units') }}

),

ancestors as (

    select * from {{ ref('int_unit_ancestors') }}

)

select
    u.unit_code,
    u.valid_from,
    u.valid_to,
    u.is_current,
    u.unit_name,
    u.unit_level,
    case u.unit_level when 'province' then 'Tỉnh' when 'department' then 'Sở, ban, ngành'
                      when 'district' then 'Cấp huyện' when 'commune' then 'Cấp xã' end as unit_level_vi,
    u.parent_unit_code,
    p.unit_name                                                     as parent_unit_name,
    root.ancestor_code                                              as province_code,
    root.distance                                                   as depth,
    u.provenance
from units u
left join lateral (
    select p.unit_name from units p
     where p.unit_code = u.parent_unit_code and p.valid_from <= u.valid_from and p.valid_to > u.valid_from
     order by p.valid_from desc limit 1
) p on true
left join lateral (
    select a.ancestor_code, a.distance from ancestors a
     where a.unit_code = u.unit_code and a.unit_valid_from = u.valid_from
     order by (a.valid_from <= u.valid_from) desc, a.distance desc limit 1
) root on true
