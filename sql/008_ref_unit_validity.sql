-- Units through the 2025 reorganisation: every unit version has a validity [valid_from, valid_to) and is keyed
-- on code + valid_from, never on code alone (province code 15 is Yên Bái until 30 June 2025, Lào Cai from
-- 1 July 2025). A renamed or re-parented unit gets a new version; versions of one code never overlap.
-- ref.unit_successor says which units took over from a unit that ended (merged provinces, split communes).

create extension if not exists btree_gist;

alter table ref.unit drop constraint if exists unit_parent_code_fkey;   -- a parent code names several versions
alter table ref.unit add column if not exists valid_from date not null default date '1900-01-01';
alter table ref.unit add column if not exists valid_to date;            -- exclusive; NULL: still valid
alter table ref.unit add column if not exists provenance text;          -- 'csv:<file>' or 'vietnamadminunits==<version>'

do $$
begin
    if exists (select 1 from pg_constraint
                where conrelid = 'ref.unit'::regclass and conname = 'unit_pkey' and array_length(conkey, 1) = 1) then
        alter table ref.unit drop constraint unit_pkey;
        alter table ref.unit add constraint unit_pkey primary key (unit_code, valid_from);
    end if;
    if not exists (select 1 from pg_constraint where conrelid = 'ref.unit'::regclass and conname = 'unit_validity_order') then
        alter table ref.unit add constraint unit_validity_order check (valid_to is null or valid_to > valid_from);
    end if;
    if not exists (select 1 from pg_constraint where conrelid = 'ref.unit'::regclass and conname = 'unit_versions_do_not_overlap') then
        alter table ref.unit add constraint unit_versions_do_not_overlap
            exclude using gist (unit_code with =, daterange(valid_from, valid_to) with &&);
    end if;
end
$$;
comment on table ref.unit is
  'Danh mục đơn vị theo thời gian hiệu lực (tỉnh, sở ngành, huyện, xã) / Unit registry, effective-dated';

create table if not exists ref.unit_successor (
    old_code        text not null,
    old_valid_from  date not null,
    new_code        text not null,
    new_valid_from  date not null,
    effective_on    date not null,          -- the first day the new unit exists
    is_default      boolean not null,       -- a split unit: the successor its figures are carried to
    weight          numeric not null check (weight between 0 and 1),  -- share of the old unit's figures
    provenance      text,
    primary key (old_code, old_valid_from, new_code, new_valid_from)
);
comment on table ref.unit_successor is
  'Đơn vị kế thừa sau sắp xếp (sáp nhập tỉnh, chia tách xã) / Successor units (crosswalk old -> new)';
create index if not exists unit_successor_new_idx on ref.unit_successor (new_code, new_valid_from);
