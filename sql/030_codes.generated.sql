-- Written by `cchc generate` from ingest/file_states.py and reference/dossier_statuses.csv, channels.csv: do not edit by hand.
insert into audit.file_state (state, is_accepted, awaits_publication, label_vi) values
  ('validating', false, false, 'Đang kiểm tra'),
  ('loaded', true, true, 'Đã nạp, chờ công bố'),
  ('rejected', false, false, 'Bị từ chối'),
  ('published', true, false, 'Đã công bố')
on conflict (state) do update set is_accepted = excluded.is_accepted, awaits_publication = excluded.awaits_publication, label_vi = excluded.label_vi;
insert into ref.dossier_status (status_code, label_vi, label_en, status_group) values
  (1, 'Mới đăng ký', 'Newly registered', 'in_progress'),
  (2, 'Được tiếp nhận', 'Accepted', 'in_progress'),
  (3, 'Không được tiếp nhận', 'Refused at reception', 'withdrawn_other'),
  (4, 'Đang xử lý', 'Being processed', 'in_progress'),
  (5, 'Yêu cầu bổ sung', 'Supplement requested', 'in_progress'),
  (6, 'Yêu cầu thực hiện nghĩa vụ tài chính', 'Financial obligation requested', 'in_progress'),
  (7, 'Công dân yêu cầu rút hồ sơ', 'Withdrawn by applicant', 'withdrawn_other'),
  (8, 'Dừng xử lý', 'Processing stopped', 'withdrawn_other'),
  (9, 'Đã xử lý xong', 'Resolved', 'resolved'),
  (10, 'Đã trả kết quả', 'Result returned', 'resolved')
on conflict (status_code) do update set label_vi = excluded.label_vi, label_en = excluded.label_en, status_group = excluded.status_group;
insert into ref.channel (channel_code, label_vi, label_en, is_online, kind) values
  (1, 'Trực tiếp', 'In person', false, 'direct'),
  (2, 'Trực tuyến', 'Online', true, 'online'),
  (3, 'Bưu chính công ích', 'Public postal service', false, 'postal')
on conflict (channel_code) do update set label_vi = excluded.label_vi, label_en = excluded.label_en, is_online = excluded.is_online, kind = excluded.kind;
delete from audit.file_state where state not in ('validating', 'loaded', 'rejected', 'published');
