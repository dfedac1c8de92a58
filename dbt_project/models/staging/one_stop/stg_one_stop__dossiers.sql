-- One row per dossier code: the newest state of each one-stop dossier, typed. Rows of the files current for
-- their (unit, month); a dossier listed in several months takes its latest month's state, reported from the row
-- that first listed that state (macros/row_state.sql: the first row of the newest run of equal states), so that its
-- lineage (source_file_id, source_row, source_load_id) stays put while later listings repeat it. reported_in_month:
-- the latest month that listed it.
with source as (

    select
        t.*,
        {{ starts_state_run('one_stop_dossiers', 't') }} as starts_run,  -- noqa: LT01
        first_value(t.period_month) over ({{ state_history('one_stop_dossiers', 't') }}) as newest_month  -- noqa: LT01
    from (
        select c.*, {{ row_state('one_stop_dossiers', 'c') }} as row_state
        from ({{ current_rows('one_stop_dossiers') }}) as c
    ) as t

),

renamed as (

    select distinct on (dossier_code)
        dossier_code,
        unit_code,
        procedure_code,
        procedure_name,
        field_name,
        service_level,
        channel                           as channel_code,
        status                            as status_code,
        received_at                       as received_date,
        due_at                            as due_date,
        finished_at                       as finished_date,
        returned_at                       as returned_date,
        coalesce(has_fee, false)          as has_fee,
        coalesce(paid_online, false)      as paid_online,
        coalesce(digitized_result, false) as has_digitized_result,
        applicant_type,
        supplement_requests,
        supplement_wait_days,
        ended_at                          as stopped_date,
        digitised_components              as has_digitised_components,
        reused_data                       as has_reused_data,
        citizen_data                      as has_citizen_data,
        synced_dvcqg                      as is_synced_dvcqg,
        newest_month                      as reported_in_month,
        file_id                           as source_file_id,
        load_id                           as source_load_id,
        source_row
    from source
    where starts_run
    order by dossier_code asc, period_month desc, file_id desc

)

select * from renamed
