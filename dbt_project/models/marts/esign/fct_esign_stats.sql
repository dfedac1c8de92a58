-- Document-management statistics per unit and month, with the file and row they came from.
select
    unit_code, period_month, outgoing_total, outgoing_signed, incoming_total, incoming_electronic,
    workfiles_total, workfiles_online, source_file_id, source_row
from {{ ref('stg_esign__stats') }}
