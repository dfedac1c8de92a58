-- One row per dossier in its newest state, and what that state means: defined here once, from the codes' own
-- columns (ref.dossier_status.status_group, ref.channel.is_online), never from literal codes. See
-- models/docs/rules.md (one_stop_counting).
with dossiers as (

    select * from {{ ref('stg_one_stop__dossiers') }}

),

statuses as (

    select * from {{ ref('stg_ref__dossier_statuses') }}

),

channels as (

    select * from {{ ref('stg_ref__channels') }}

)

select
    d.*,
    s.status_group,
    coalesce(ch.is_online, false)                                                    as is_online,
    ch.channel_kind,
    -- resolved: a resolved status with its finish date
    s.status_group = 'resolved' and d.finished_date is not null                      as is_resolved,
    -- refused at reception, withdrawn, stopped: counted apart, never as resolved
    s.status_group = 'withdrawn_other'                                               as is_withdrawn_other,
    -- the day processing ended: the finish date; refused/withdrawn/stopped without one end on reception
    coalesce(d.finished_date, case when s.status_group = 'withdrawn_other' then d.received_date end)
        as ended_date,
    -- the day a dossier leaves the Decision 766 counts (spec service-index-766): the finish date (resolved), the
    -- refusal, withdrawal or stop date (`Ngày dừng, rút, từ chối`, else the finish date, else the reception date);
    -- NULL while open
    case
        when s.status_group = 'resolved' and d.finished_date is not null then d.finished_date
        when s.status_group = 'withdrawn_other' then coalesce(d.stopped_date, d.finished_date, d.received_date)
    end                                                                              as end_766_date,
    case
        when s.status_group <> 'resolved' or d.finished_date is null then null
        when d.due_date is null or d.finished_date = d.due_date then 'on_time'
        when d.finished_date < d.due_date then 'early'
        else 'late'
    end                                                                              as timeliness,
    case when s.status_group = 'resolved' then d.finished_date - d.received_date end as resolution_days
from dossiers as d
left join statuses as s on s.status_code = d.status_code
left join channels as ch on ch.channel_code = d.channel_code
