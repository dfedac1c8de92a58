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

comment on schema raw is 'Dữ liệu thô từ tệp nguồn (văn bản, kèm dòng gốc) / Rows as received, with lineage';
comment on schema audit is
'Sổ đăng ký tệp, lần nạp và kết quả kiểm tra chất lượng / File registry and quality-gate results';
comment on schema marts is 'Kho dữ liệu báo cáo CCHC / Reporting star schema';

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

-- reporting (Metabase): marts only
grant usage on schema marts to cchc_reporting;
grant select on all tables in schema marts to cchc_reporting;
alter default privileges in schema marts grant select on tables to cchc_reporting;

-- auditor: read everything that explains a figure, write nothing
grant usage on schema raw, ref, audit, staging, intermediate, marts to cchc_auditor;
grant select on all tables in schema raw, ref, audit, staging, intermediate, marts to cchc_auditor;
alter default privileges in schema raw, ref, audit, staging, intermediate, marts grant select on tables to cchc_auditor;
