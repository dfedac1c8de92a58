select * from {{ ref('indicators') }}
