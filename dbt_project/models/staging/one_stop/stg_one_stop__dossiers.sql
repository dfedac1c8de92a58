-- Newest accepted state of each one-stop dossier.
-- Only rows of files that passed the gate; for each (month, unit) the newest accepted file wins
-- (older files stay registered); a dossier seen in several months takes its latest month's row.
with source as (

    {{ accepted_rows(source('raw', 'one_stop_dossiers_typed'), per_unit=true) }}

),

renamed as (

    select distinct on (dossier_code)
        dossier_code,
        unit_code,
        procedure_code,
        procedure_name,
        field_name,
        service_level,
        channel_code,
        status_code,
        received_date,
        due_date,
        finished_date,
        returned_date,
        -- the day processing ended: the finish date; refused/withdrawn/stopped without one end on reception
        coalesce(finished_date, case when status_code in (3, 7, 8) then received_date end) as ended_date,
        coalesce(has_fee, false)          as has_fee,
        coalesce(paid_online, false)      as paid_online,
        coalesce(digitized_result, false) as has_digitized_result,
        applicant_type,
        period_month                      as reported_in_month,
        file_id                           as source_file_id,
        load_id                           as source_load_id,
        source_row
    from source
    order by dossier_code, period_month desc, file_id desc

)

select * from renamed
