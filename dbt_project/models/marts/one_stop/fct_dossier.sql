-- One row per dossier in its newest accepted state, with the flags and durations reports use and the
-- lineage (file, row, load) an auditor follows back to the source file.
select
    d.dossier_code,
    d.unit_code,
    d.procedure_code,
    md5(d.field_name)                                         as field_key,
    d.channel_code,
    d.status_code,
    d.service_level,
    d.applicant_type,
    d.received_date,
    date_trunc('month', d.received_date)::date                as received_month,
    d.due_date,
    d.finished_date,
    d.returned_date,
    d.ended_date,
    d.channel_code = 2                                        as is_online,
    d.status_code in (9, 10) and d.finished_date is not null  as is_resolved,
    case
        when d.status_code not in (9, 10) or d.finished_date is null then null
        when d.due_date is null or d.finished_date = d.due_date then 'on_time'
        when d.finished_date < d.due_date then 'early'
        else 'late'
    end                                                       as timeliness,
    case when d.status_code in (9, 10) then d.finished_date - d.received_date end as resolution_days,
    d.has_fee,
    d.paid_online,
    d.has_digitized_result,
    d.reported_in_month,
    d.source_file_id,
    d.source_row,
    d.source_load_id
from {{ ref('stg_one_stop__dossiers') }} d
