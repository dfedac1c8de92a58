-- Procedures as the newest dossier of each procedure code names them.
select distinct on (procedure_code)
    procedure_code,
    procedure_name,
    field_name,
    service_level
from {{ ref('stg_one_stop__dossiers') }}
order by procedure_code asc, reported_in_month desc, source_file_id desc
