{{ config(indexes=[{"columns": ["unit_code", "valid_from"], "unique": true}]) }}

-- Unit versions (slowly changing: a renamed, re-parented or reorganised unit keeps its history), with the
-- parent and province of each version at its start. Facts name a version by (unit_code, unit_valid_from).
with units as (

    select * from {{ ref('stg_ref__units') }}

),

roots as (

    -- the farthest ancestor of each version at its start: its province (a department's is the province)
    select distinct on (unit_code, unit_valid_from) unit_code, unit_valid_from, ancestor_code, distance
    from {{ ref('int_unit_ancestors') }}
    order by unit_code asc, unit_valid_from asc, (valid_from <= unit_valid_from) desc, distance desc

)

select
    u.unit_code,
    u.valid_from,
    u.valid_to,
    u.is_current,
    u.unit_name,
    u.unit_level,
    case u.unit_level when 'province' then 'Tỉnh' when 'department' then 'Sở, ban, ngành'
        when 'district' then 'Cấp huyện' when 'commune' then 'Cấp xã'
    end                as unit_level_vi,
    u.parent_unit_code,
    p.unit_name        as parent_unit_name,
    root.ancestor_code as province_code,
    root.distance      as depth,
    u.provenance
from units as u
left join units as p          -- versions never overlap: at most one parent version at the unit's start
    on p.unit_code = u.parent_unit_code and p.valid_from <= u.valid_from and p.valid_to > u.valid_from
left join roots as root on root.unit_code = u.unit_code and root.unit_valid_from = u.valid_from
