select
    md5(field_name) as field_key,
    field_name
from {{ ref('dim_procedure') }}
where field_name is not null
group by field_name
