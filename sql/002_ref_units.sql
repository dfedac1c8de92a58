-- Unit registry maintained by the province (a later change makes it effective-dated).
create table if not exists ref.unit (
    unit_code    text primary key,
    unit_name    text not null,
    level        text not null check (level in ('province', 'department', 'district', 'commune')),
    parent_code  text references ref.unit (unit_code) deferrable initially deferred,
    imported_from text,
    imported_at  timestamptz not null default now(),
    check (parent_code is distinct from unit_code),
    check ((level = 'province') = (parent_code is null))
);
comment on table ref.unit is 'Danh mục đơn vị (sở, ngành, huyện, xã) do tỉnh quản lý / Unit registry';
