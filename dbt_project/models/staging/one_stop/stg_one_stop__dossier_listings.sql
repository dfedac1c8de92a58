-- One row per (dossier code, current listing that lists it): the listing's file and month, the first month the row
-- can change (affects_from, the source's declaration: its reception month), whether it starts a run of its
-- dossier's state (macros/row_state.sql) and the first month the row before it could change. What an incremental
-- build reads to find the dossiers whose state its new files change (int_one_stop__touched_dossiers).
with source as (

    select
        t.*,
        {{ starts_state_run('one_stop_dossiers', 't') }} as starts_state_run,  -- noqa: LT01
        lead(t.affects_from) over ({{ state_history('one_stop_dossiers', 't') }})
            as previous_affects_from  -- noqa: LT01
    from (
        -- the state computed below the window: the sort carries a hash, not every column of the row
        select
            c.dossier_code,
            c.file_id,
            c.period_month,
            c.affects_from,
            {{ row_state('one_stop_dossiers', 'c') }} as row_state
        from ({{ current_rows('one_stop_dossiers') }}) as c
    ) as t

),

renamed as (

    select
        dossier_code,
        file_id,
        period_month,
        affects_from,
        starts_state_run,
        previous_affects_from
    from source

)

select * from renamed
