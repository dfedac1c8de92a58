select * from {{ ref('one_stop_channels') }}
