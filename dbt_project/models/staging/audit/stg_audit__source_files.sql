-- Every file received, with what its state means (audit.file_state).
with source as (

    select f.*, s.is_accepted, s.label_vi as status_vi
    from {{ source('audit', 'source_file') }} as f
    join {{ source('audit', 'file_state') }} as s on s.state = f.status

),

renamed as (

    select
        file_id, source, sha256, size_bytes, file_name, archive_path, period_month, period_kind, unit_codes,
        received_at, load_id, status, status_vi, is_accepted, status_changed_at, rows_in_file, rows_loaded,
        header_row, header_map, dropped_columns, skipped_rows, skipped_detail, reasons, warnings
    from source

)

select * from renamed
