-- The Decision 766 counts and published points, one row per unit, period length and period of the file current for
-- it (a quarter's row supersedes apart from its months' rows).
with source as (

    {{ current_rows('service_index_stats', graded=true) }}

),

renamed as (

    select
        unit_code,
        period_grain,
        period_start,
        coalesce(period, to_char(period_start, 'YYYY-MM')) as period_label,
        tthc_published_on_time,
        tthc_to_publish,
        tthc_public_on_time,
        tthc_to_make_public,
        tthc_content_full,
        tthc_public,
        dossiers_synced,
        dossiers_to_sync,
        dossiers_total,
        dossiers_on_time,
        tthc_total,
        tthc_partial,
        tthc_full,
        services_with_dossiers,
        services_total,
        dossiers_online,
        dossiers_direct,
        dossiers_postal,
        dossiers_with_fee,
        dossiers_paid_online,
        tthc_with_fee,
        tthc_paid_online,
        tthc_fee_data,
        dossiers_e_result,
        dossiers_digitised,
        dossiers_reused,
        dossiers_storage_shared,
        dossiers_citizen_data,
        tthc_citizen_connected,
        tthc_citizen_total,
        certified_copy,
        dossiers_satisfied,
        pakn_total,
        pakn_on_time,
        pakn_satisfied,
        pakn_on_procedures,
        pakn_on_conduct,
        pub_publicity,
        pub_progress,
        pub_online,
        pub_payment,
        pub_digital,
        pub_satisfaction,
        pub_total,
        file_id                                            as source_file_id,
        source_row
    from source

)

select * from renamed
