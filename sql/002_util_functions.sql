-- Parsing rules of ../shared/spec/sources.md, written once and used by both the quality gate and dbt staging.
-- All functions return NULL for a value they cannot read; the gate turns that into a row-level error.

-- Fold text for comparisons: NFC, lower case, Vietnamese accents removed, punctuation -> single space.
create or replace function util.fold(v text) returns text
language sql immutable parallel safe as $$
  select nullif(btrim(regexp_replace(
    translate(lower(normalize(v, nfc)),
      'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ',
      'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydaaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd'),
    '[^a-z0-9]+', ' ', 'g')), '')
$$;

create or replace function util.blank(v text) returns boolean
language sql immutable parallel safe as $$ select v is null or btrim(v) = '' $$;

-- Dates: d/m/yyyy or d-m-yyyy (day first, never month first), optional time; ISO yyyy-mm-dd[ time].
-- Excel date cells are written as ISO text by the loader. Impossible dates (31/06) give NULL.
create or replace function util.parse_date(v text) returns date
language sql immutable parallel safe as $$
  select case
    when p is null then null
    when p[2]::int between 1 and 12
     and p[3]::int between 1 and extract(day from (make_date(p[1]::int, p[2]::int, 1) + interval '1 month - 1 day'))::int
    then make_date(p[1]::int, p[2]::int, p[3]::int)
  end
  from (select coalesce(
      (select array[m.a[3], m.a[2], m.a[1]]
         from regexp_match(btrim(v), '^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$') as m(a) where m.a is not null),
      (select array[m.a[1], m.a[2], m.a[3]]
         from regexp_match(btrim(v), '^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$') as m(a) where m.a is not null)
  ) as p) s
$$;

-- Yes/no: Có/Không, x/blank, 1/0, TRUE/FALSE, Đã/Chưa. Blank is "no" (x/blank convention).
create or replace function util.parse_yes_no(v text) returns boolean
language sql immutable parallel safe as $$
  select case
    when util.blank(v) then false
    when util.fold(v) in ('co', 'x', '1', 'true', 'da', 'yes', 'y') then true
    when util.fold(v) in ('khong', '0', 'false', 'chua', 'no', 'n') then false
  end
$$;

-- Dossier status: code 1-10 or label (domain notes).
create or replace function util.parse_dossier_status(v text) returns smallint
language sql immutable parallel safe as $$
  select case f
    when 'moi dang ky' then 1 when 'duoc tiep nhan' then 2 when 'khong duoc tiep nhan' then 3
    when 'dang xu ly' then 4 when 'yeu cau bo sung' then 5
    when 'yeu cau thuc hien nghia vu tai chinh' then 6 when 'cong dan yeu cau rut ho so' then 7
    when 'dung xu ly' then 8 when 'da xu ly xong' then 9 when 'da tra ket qua' then 10
    else case when f ~ '^\d{1,2}$' and f::int between 1 and 10 then f::smallint end
  end
  from (select util.fold(v) as f) s
$$;

-- Submission channel: 1 Trực tiếp, 2 Trực tuyến, 3 Bưu chính công ích (BCCI).
create or replace function util.parse_channel(v text) returns smallint
language sql immutable parallel safe as $$
  select case util.fold(v)
    when 'truc tiep' then 1 when '1' then 1
    when 'truc tuyen' then 2 when '2' then 2
    when 'buu chinh cong ich' then 3 when 'bcci' then 3 when 'buu chinh' then 3 when '3' then 3
  end
$$;

-- Online service level of the procedure: Toàn trình (4), Một phần (3), Cung cấp thông tin (2 or 1).
create or replace function util.parse_service_level(v text) returns text
language sql immutable parallel safe as $$
  select case util.fold(v)
    when 'toan trinh' then 'toan_trinh' when '4' then 'toan_trinh' when 'muc do 4' then 'toan_trinh'
    when 'mot phan' then 'mot_phan' when '3' then 'mot_phan' when 'muc do 3' then 'mot_phan'
    when 'cung cap thong tin' then 'cung_cap_thong_tin' when '2' then 'cung_cap_thong_tin'
    when '1' then 'cung_cap_thong_tin' when 'muc do 2' then 'cung_cap_thong_tin'
  end
$$;

create or replace function util.parse_applicant_type(v text) returns text
language sql immutable parallel safe as $$
  select case util.fold(v)
    when 'cong dan' then 'cong_dan' when 'ca nhan' then 'cong_dan'
    when 'to chuc' then 'to_chuc' when 'doanh nghiep' then 'doanh_nghiep'
  end
$$;
