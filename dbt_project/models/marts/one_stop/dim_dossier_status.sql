-- Dossier statuses (trạng thái hồ sơ) and their group, from the reference codes.
select status_code, status_name_vi, status_name_en, status_group from {{ ref('stg_ref__dossier_statuses') }}
