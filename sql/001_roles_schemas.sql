-- Schemas and least-privilege group roles. Idempotent: safe to apply again.
-- Roles are NOLOGIN groups; a deployment grants them to its login users
-- (e.g. GRANT cchc_reporting TO metabase;).

do $$
declare r text;
begin
  foreach r in array array['cchc_loader', 'cchc_transformer', 'cchc_reporting', 'cchc_auditor'] loop
    if not exists (select 1 from pg_roles where rolname = r) then
      execute format('create role %I nologin', r);
    end if;
  end loop;
end $$;

create schema if not exists ref;      -- reference data maintained by the province (unit registry)
create schema if not exists raw;      -- rows as they came from the files, text, with lineage
create schema if not exists audit;    -- file registry, loads, quality-gate results
create schema if not exists staging;  -- dbt: typed views over raw
create schema if not exists intermediate; -- dbt
create schema if not exists marts;    -- dbt: star schema read by reports
-- the shadow generation a build writes into; a publication swaps it with the live one (audit.swap_generations)
create schema if not exists staging__next;
create schema if not exists intermediate__next;
create schema if not exists marts__next;

comment on schema raw is 'Dữ liệu thô từ tệp nguồn (văn bản, kèm dòng gốc) / Rows as received, with lineage';
comment on schema audit is
'Sổ đăng ký tệp, lần nạp và kết quả kiểm tra chất lượng / File registry and quality-gate results';
comment on schema marts is 'Kho dữ liệu báo cáo CCHC / Reporting star schema';
comment on schema marts__next is
'Bản dựng đang chuẩn bị, chưa công bố / Shadow generation being built, not published';

-- loader: writes raw, ref and audit
grant usage on schema ref, raw, audit to cchc_loader;
grant select, insert, update, delete on all tables in schema raw, ref, audit to cchc_loader;
grant usage, select on all sequences in schema raw, ref, audit to cchc_loader;
alter default privileges in schema raw, ref, audit grant select, insert, update, delete on tables to cchc_loader;
alter default privileges in schema raw, ref, audit grant usage, select on sequences to cchc_loader;

-- transformer (dbt): reads raw/ref/audit, owns the dbt schemas
grant usage on schema ref, raw, audit to cchc_transformer;
grant select on all tables in schema raw, ref, audit to cchc_transformer;
alter default privileges in schema raw, ref, audit grant select on tables to cchc_transformer;
grant usage, create on schema staging, intermediate, marts to cchc_transformer;
grant usage, create on schema staging__next, intermediate__next, marts__next to cchc_transformer;

-- reporting (Metabase): the live marts only (its tables in both generations; usage on the live schema only,
-- moved by audit.swap_generations)
grant usage on schema marts to cchc_reporting;
grant select on all tables in schema marts, marts__next to cchc_reporting;
alter default privileges in schema marts, marts__next grant select on tables to cchc_reporting;

-- auditor: read everything that explains a figure, write nothing
grant usage on schema raw, ref, audit, staging, intermediate, marts to cchc_auditor;
grant select on all tables in schema raw, ref, audit, staging, intermediate, marts to cchc_auditor;
alter default privileges in schema raw, ref, audit, staging, intermediate, marts grant select on tables to cchc_auditor;
grant select on all tables in schema staging__next, intermediate__next, marts__next to cchc_auditor;
alter default privileges in schema staging__next, intermediate__next, marts__next
grant select on tables to cchc_auditor;

-- A publication: the shadow generation becomes live, in one transaction with the files marked published
-- (cchc_warehouse.marts.build). Readers running a query keep the relations they started with; the next query sees
-- the whole new generation. Renaming needs the schemas' owner: security definer, callable by the transformer only.
create or replace function audit.swap_generations() returns void
language plpgsql security definer set search_path = pg_catalog as $$
declare s text;
begin
  foreach s in array array['staging', 'intermediate', 'marts'] loop
    execute format('alter schema %I rename to %I', s, s || '__swap');
    execute format('alter schema %I rename to %I', s || '__next', s);
    execute format('alter schema %I rename to %I', s || '__swap', s || '__next');
  end loop;
  revoke usage on schema marts__next from cchc_reporting;
  grant usage on schema marts to cchc_reporting;
  grant usage on schema staging, intermediate, marts to cchc_auditor;
  comment on schema marts is 'Kho dữ liệu báo cáo CCHC / Reporting star schema';
  comment on schema marts__next is
  'Bản dựng đang chuẩn bị, chưa công bố / Shadow generation being built, not published';
end $$;
revoke all on function audit.swap_generations() from public;
grant execute on function audit.swap_generations() to cchc_transformer;
