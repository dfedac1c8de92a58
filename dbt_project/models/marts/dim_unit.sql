with units as (

    select * from {{ ref('stg_ref__units') }}

),

ancestors as (

    select * from {{ ref('int_unit_ancestors') }}

)

select
    u.unit_code,
    u.unit_name,
    u.unit_level,
    case u.unit_level when 'province' then 'Tỉnh' when 'department' then 'Sở, ban, ngành'
                      when 'district' then 'Cấp huyện' when 'commune' then 'Cấp xã' end as unit_level_vi,
    u.parent_unit_code,
    p.unit_name                                                     as parent_unit_name,
    root.ancestor_code                                              as province_code,
    root.distance                                                   as depth
from units u
left join units p on p.unit_code = u.parent_unit_code
join ancestors root
  on root.unit_code = u.unit_code
 and root.distance = (select max(distance) from ancestors a where a.unit_code = u.unit_code)
