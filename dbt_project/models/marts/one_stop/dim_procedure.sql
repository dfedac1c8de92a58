-- Procedures as the newest dossier of each procedure code names them (from fct_dossier: one stored row per
-- dossier in its newest state, not the staging view that ranks every listed row again).
select distinct on (procedure_code)
    procedure_code,
    procedure_name,
    field_name,
    service_level
from {{ ref('fct_dossier') }}
order by procedure_code asc, reported_in_month desc, source_file_id desc
