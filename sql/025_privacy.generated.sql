-- Written by `cchc generate` from privacy.py: do not edit by hand.
create or replace function audit.mask_personal(value text) returns text
language plpgsql immutable parallel safe as $$
declare
    m text;
    out text := value;
begin
    if value is null or value !~ '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}|(?<![0-9])(?:\+84|84|0)[ .-]?[1-9](?:[ .-]?[0-9]){8,9}(?![0-9])|(?<![0-9])(?:[0-9]{12}|[0-9]{9})(?![0-9])' then
        return value;
    end if;
    for m in select r[1] from regexp_matches(value, '([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}|(?<![0-9])(?:\+84|84|0)[ .-]?[1-9](?:[ .-]?[0-9]){8,9}(?![0-9])|(?<![0-9])(?:[0-9]{12}|[0-9]{9})(?![0-9]))', 'g') as r loop
        out := replace(out, m, case when length(m) > 4
                                    then left(m, 2) || repeat('*', length(m) - 4) || right(m, 2)
                                    else repeat('*', length(m)) end);
    end loop;
    return out;
end $$;
comment on function audit.mask_personal(text) is
    'Personal-looking parts of a text (ID numbers, phones, e-mails) masked keeping two characters at each end '
    '(cchc_warehouse.privacy, one rule for Python and SQL).';
