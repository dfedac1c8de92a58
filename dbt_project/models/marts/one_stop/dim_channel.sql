-- Submission channels (kênh nộp), from the reference codes.
select channel_code, channel_name_vi, channel_name_en, is_online from {{ ref('stg_ref__channels') }}
