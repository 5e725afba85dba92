-- One business calendar for every feature (issue 11): the days that depart from the default rule
-- (Monday to Friday are working days, Saturday and Sunday are not). A listed day is either a day
-- off on a weekday (a public holiday, a compensatory day off for a holiday on a weekend, a weekday
-- off swapped with a Saturday), a public holiday on a weekend (listed for the record), or a
-- Saturday or Sunday worked in exchange for a swapped day off. Admins correct the list over the
-- API (audited); the application caches it and reads nothing else.
create table business_calendar_day (
  day          date primary key,
  kind         text not null check (kind in
                 ('HOLIDAY', 'COMPENSATORY_DAY_OFF', 'SWAPPED_DAY_OFF', 'SWAPPED_WORKING_DAY')),
  name_vi      text not null check (length(name_vi) between 1 and 200),
  name_en      text check (length(name_en) between 1 and 200),
  legal_basis  text not null check (length(legal_basis) between 1 and 500),
  version      bigint not null default 0,
  -- a compensatory or swapped day off replaces a working day; a swapped working day a weekend day
  constraint business_calendar_day_weekday check (
    kind = 'HOLIDAY'
    or (kind in ('COMPENSATORY_DAY_OFF', 'SWAPPED_DAY_OFF') and extract(isodow from day) < 6)
    or (kind = 'SWAPPED_WORKING_DAY' and extract(isodow from day) >= 6))
);

-- Whether a day is a working day: the listed kind decides, else Monday to Friday.
create function danvan_is_working_day(d date) returns boolean
  language sql stable strict
  as $$
    select coalesce(
      (select c.kind = 'SWAPPED_WORKING_DAY' from business_calendar_day c where c.day = d),
      extract(isodow from d) < 6)
  $$;

-- The n-th working day after d (n > 0), before d (n < 0), or d itself (n = 0).
create function danvan_add_working_days(d date, n integer) returns date
  language plpgsql stable strict
  as $$
    declare
      result date := d;
      step integer := sign(n);
      remaining integer := abs(n);
    begin
      while remaining > 0 loop
        result := result + step;
        if danvan_is_working_day(result) then
          remaining := remaining - 1;
        end if;
      end loop;
      return result;
    end
  $$;

-- The official days off of 2020–2027 as announced each year (2027: planned under the Labour Code
-- until announced). Tết lists the weekdays of its break; holidays on a weekend are listed with the
-- compensatory day that follows.
insert into business_calendar_day (day, kind, name_vi, name_en, legal_basis) values
  ('2020-01-01', 'HOLIDAY', 'Tết Dương lịch', 'New Year''s Day', 'Bộ luật Lao động 2012, Điều 115'),
  ('2020-01-23', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Bộ luật Lao động 2012, Điều 115; thông báo nghỉ Tết năm 2020 của Bộ Lao động – Thương binh và Xã hội'),
  ('2020-01-24', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Bộ luật Lao động 2012, Điều 115; thông báo nghỉ Tết năm 2020 của Bộ Lao động – Thương binh và Xã hội'),
  ('2020-01-27', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Bộ luật Lao động 2012, Điều 115; thông báo nghỉ Tết năm 2020 của Bộ Lao động – Thương binh và Xã hội'),
  ('2020-01-28', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Bộ luật Lao động 2012, Điều 115; thông báo nghỉ Tết năm 2020 của Bộ Lao động – Thương binh và Xã hội'),
  ('2020-01-29', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Bộ luật Lao động 2012, Điều 115; thông báo nghỉ Tết năm 2020 của Bộ Lao động – Thương binh và Xã hội'),
  ('2020-04-02', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Hung Kings'' Commemoration Day', 'Bộ luật Lao động 2012, Điều 115'),
  ('2020-04-30', 'HOLIDAY', 'Ngày Chiến thắng (30/4)', 'Reunification Day (30 April)', 'Bộ luật Lao động 2012, Điều 115'),
  ('2020-05-01', 'HOLIDAY', 'Ngày Quốc tế lao động (1/5)', 'International Labour Day (1 May)', 'Bộ luật Lao động 2012, Điều 115'),
  ('2020-09-02', 'HOLIDAY', 'Quốc khánh (2/9)', 'National Day (2 September)', 'Bộ luật Lao động 2012, Điều 115'),
  ('2021-01-01', 'HOLIDAY', 'Tết Dương lịch', 'New Year''s Day', 'Bộ luật Lao động 2019, Điều 112'),
  ('2021-02-10', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2021 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2021-02-11', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2021 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2021-02-12', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2021 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2021-02-15', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2021 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2021-02-16', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2021 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2021-04-21', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Hung Kings'' Commemoration Day', 'Bộ luật Lao động 2019, Điều 112'),
  ('2021-04-30', 'HOLIDAY', 'Ngày Chiến thắng (30/4)', 'Reunification Day (30 April)', 'Bộ luật Lao động 2019, Điều 112'),
  ('2021-05-01', 'HOLIDAY', 'Ngày Quốc tế lao động (1/5)', 'International Labour Day (1 May)', 'Bộ luật Lao động 2019, Điều 112'),
  ('2021-05-03', 'COMPENSATORY_DAY_OFF', 'Nghỉ bù Ngày Quốc tế lao động (1/5)', 'Compensatory day off for International Labour Day (1 May)', 'Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù ngày lễ trùng ngày nghỉ hằng tuần)'),
  ('2021-09-02', 'HOLIDAY', 'Quốc khánh (2/9)', 'National Day (2 September)', 'Bộ luật Lao động 2019, Điều 112'),
  ('2021-09-03', 'HOLIDAY', 'Quốc khánh (ngày liền kề 2/9)', 'National Day (adjacent day)', 'Thông báo nghỉ lễ, Tết năm 2021 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2022-01-01', 'HOLIDAY', 'Tết Dương lịch', 'New Year''s Day', 'Bộ luật Lao động 2019, Điều 112'),
  ('2022-01-03', 'COMPENSATORY_DAY_OFF', 'Nghỉ bù Tết Dương lịch', 'Compensatory day off for New Year''s Day', 'Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù ngày lễ trùng ngày nghỉ hằng tuần)'),
  ('2022-01-31', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2022 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2022-02-01', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2022 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2022-02-02', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2022 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2022-02-03', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2022 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2022-02-04', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2022 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2022-04-10', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Hung Kings'' Commemoration Day', 'Bộ luật Lao động 2019, Điều 112'),
  ('2022-04-11', 'COMPENSATORY_DAY_OFF', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Compensatory day off for Hung Kings'' Commemoration Day', 'Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù ngày lễ trùng ngày nghỉ hằng tuần)'),
  ('2022-04-30', 'HOLIDAY', 'Ngày Chiến thắng (30/4)', 'Reunification Day (30 April)', 'Bộ luật Lao động 2019, Điều 112'),
  ('2022-05-01', 'HOLIDAY', 'Ngày Quốc tế lao động (1/5)', 'International Labour Day (1 May)', 'Bộ luật Lao động 2019, Điều 112'),
  ('2022-05-02', 'COMPENSATORY_DAY_OFF', 'Nghỉ bù Ngày Chiến thắng (30/4)', 'Compensatory day off for Reunification Day (30 April)', 'Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù ngày lễ trùng ngày nghỉ hằng tuần)'),
  ('2022-05-03', 'COMPENSATORY_DAY_OFF', 'Nghỉ bù Ngày Quốc tế lao động (1/5)', 'Compensatory day off for International Labour Day (1 May)', 'Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù ngày lễ trùng ngày nghỉ hằng tuần)'),
  ('2022-09-01', 'HOLIDAY', 'Quốc khánh (ngày liền kề 2/9)', 'National Day (adjacent day)', 'Thông báo nghỉ lễ, Tết năm 2022 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2022-09-02', 'HOLIDAY', 'Quốc khánh (2/9)', 'National Day (2 September)', 'Bộ luật Lao động 2019, Điều 112'),
  ('2023-01-01', 'HOLIDAY', 'Tết Dương lịch', 'New Year''s Day', 'Bộ luật Lao động 2019, Điều 112'),
  ('2023-01-02', 'COMPENSATORY_DAY_OFF', 'Nghỉ bù Tết Dương lịch', 'Compensatory day off for New Year''s Day', 'Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù ngày lễ trùng ngày nghỉ hằng tuần)'),
  ('2023-01-20', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2023 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2023-01-23', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2023 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2023-01-24', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2023 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2023-01-25', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2023 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2023-01-26', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2023 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2023-04-29', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Hung Kings'' Commemoration Day', 'Bộ luật Lao động 2019, Điều 112'),
  ('2023-04-30', 'HOLIDAY', 'Ngày Chiến thắng (30/4)', 'Reunification Day (30 April)', 'Bộ luật Lao động 2019, Điều 112'),
  ('2023-05-01', 'HOLIDAY', 'Ngày Quốc tế lao động (1/5)', 'International Labour Day (1 May)', 'Bộ luật Lao động 2019, Điều 112'),
  ('2023-05-02', 'COMPENSATORY_DAY_OFF', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Compensatory day off for Hung Kings'' Commemoration Day', 'Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù ngày lễ trùng ngày nghỉ hằng tuần)'),
  ('2023-05-03', 'COMPENSATORY_DAY_OFF', 'Nghỉ bù Ngày Chiến thắng (30/4)', 'Compensatory day off for Reunification Day (30 April)', 'Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù ngày lễ trùng ngày nghỉ hằng tuần)'),
  ('2023-09-01', 'HOLIDAY', 'Quốc khánh (ngày liền kề 2/9)', 'National Day (adjacent day)', 'Thông báo nghỉ lễ, Tết năm 2023 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2023-09-02', 'HOLIDAY', 'Quốc khánh (2/9)', 'National Day (2 September)', 'Bộ luật Lao động 2019, Điều 112'),
  ('2023-09-04', 'COMPENSATORY_DAY_OFF', 'Nghỉ bù Quốc khánh (2/9)', 'Compensatory day off for National Day (2 September)', 'Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù ngày lễ trùng ngày nghỉ hằng tuần)'),
  ('2024-01-01', 'HOLIDAY', 'Tết Dương lịch', 'New Year''s Day', 'Bộ luật Lao động 2019, Điều 112'),
  ('2024-02-08', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2024 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2024-02-09', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2024 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2024-02-12', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2024 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2024-02-13', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2024 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2024-02-14', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2024 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2024-04-18', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Hung Kings'' Commemoration Day', 'Bộ luật Lao động 2019, Điều 112'),
  ('2024-04-29', 'SWAPPED_DAY_OFF', 'Nghỉ hoán đổi (làm bù thứ Bảy 04/5/2024)', 'Swapped day off (worked on Saturday 4 May 2024)', 'Thông báo nghỉ lễ, Tết năm 2024 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2024-04-30', 'HOLIDAY', 'Ngày Chiến thắng (30/4)', 'Reunification Day (30 April)', 'Bộ luật Lao động 2019, Điều 112'),
  ('2024-05-01', 'HOLIDAY', 'Ngày Quốc tế lao động (1/5)', 'International Labour Day (1 May)', 'Bộ luật Lao động 2019, Điều 112'),
  ('2024-05-04', 'SWAPPED_WORKING_DAY', 'Làm bù cho ngày nghỉ hoán đổi 29/4/2024', 'Working day in exchange for 29 April 2024', 'Thông báo nghỉ lễ, Tết năm 2024 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2024-09-02', 'HOLIDAY', 'Quốc khánh (2/9)', 'National Day (2 September)', 'Bộ luật Lao động 2019, Điều 112'),
  ('2024-09-03', 'HOLIDAY', 'Quốc khánh (ngày liền kề 2/9)', 'National Day (adjacent day)', 'Thông báo nghỉ lễ, Tết năm 2024 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2025-01-01', 'HOLIDAY', 'Tết Dương lịch', 'New Year''s Day', 'Bộ luật Lao động 2019, Điều 112'),
  ('2025-01-27', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2025 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2025-01-28', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2025 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2025-01-29', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2025 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2025-01-30', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2025 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2025-01-31', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2025 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2025-04-07', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Hung Kings'' Commemoration Day', 'Bộ luật Lao động 2019, Điều 112'),
  ('2025-04-26', 'SWAPPED_WORKING_DAY', 'Làm bù cho ngày nghỉ hoán đổi 02/5/2025', 'Working day in exchange for 2 May 2025', 'Thông báo nghỉ lễ, Tết năm 2025 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2025-04-30', 'HOLIDAY', 'Ngày Chiến thắng (30/4)', 'Reunification Day (30 April)', 'Bộ luật Lao động 2019, Điều 112'),
  ('2025-05-01', 'HOLIDAY', 'Ngày Quốc tế lao động (1/5)', 'International Labour Day (1 May)', 'Bộ luật Lao động 2019, Điều 112'),
  ('2025-05-02', 'SWAPPED_DAY_OFF', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)', 'Swapped day off (worked on Saturday 26 April 2025)', 'Thông báo nghỉ lễ, Tết năm 2025 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2025-09-01', 'HOLIDAY', 'Quốc khánh (ngày liền kề 2/9)', 'National Day (adjacent day)', 'Thông báo nghỉ lễ, Tết năm 2025 của Bộ Lao động – Thương binh và Xã hội (Bộ luật Lao động 2019, Điều 112)'),
  ('2025-09-02', 'HOLIDAY', 'Quốc khánh (2/9)', 'National Day (2 September)', 'Bộ luật Lao động 2019, Điều 112'),
  ('2026-01-01', 'HOLIDAY', 'Tết Dương lịch', 'New Year''s Day', 'Bộ luật Lao động 2019, Điều 112'),
  ('2026-02-16', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2026 của Bộ Nội vụ (Bộ luật Lao động 2019, Điều 112)'),
  ('2026-02-17', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2026 của Bộ Nội vụ (Bộ luật Lao động 2019, Điều 112)'),
  ('2026-02-18', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2026 của Bộ Nội vụ (Bộ luật Lao động 2019, Điều 112)'),
  ('2026-02-19', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2026 của Bộ Nội vụ (Bộ luật Lao động 2019, Điều 112)'),
  ('2026-02-20', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Thông báo nghỉ lễ, Tết năm 2026 của Bộ Nội vụ (Bộ luật Lao động 2019, Điều 112)'),
  ('2026-04-26', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Hung Kings'' Commemoration Day', 'Bộ luật Lao động 2019, Điều 112'),
  ('2026-04-27', 'COMPENSATORY_DAY_OFF', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Compensatory day off for Hung Kings'' Commemoration Day', 'Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù ngày lễ trùng ngày nghỉ hằng tuần)'),
  ('2026-04-30', 'HOLIDAY', 'Ngày Chiến thắng (30/4)', 'Reunification Day (30 April)', 'Bộ luật Lao động 2019, Điều 112'),
  ('2026-05-01', 'HOLIDAY', 'Ngày Quốc tế lao động (1/5)', 'International Labour Day (1 May)', 'Bộ luật Lao động 2019, Điều 112'),
  ('2026-09-01', 'HOLIDAY', 'Quốc khánh (ngày liền kề 2/9)', 'National Day (adjacent day)', 'Thông báo nghỉ lễ, Tết năm 2026 của Bộ Nội vụ (Bộ luật Lao động 2019, Điều 112)'),
  ('2026-09-02', 'HOLIDAY', 'Quốc khánh (2/9)', 'National Day (2 September)', 'Bộ luật Lao động 2019, Điều 112'),
  ('2027-01-01', 'HOLIDAY', 'Tết Dương lịch', 'New Year''s Day', 'Bộ luật Lao động 2019, Điều 112'),
  ('2027-02-04', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Dự kiến theo Bộ luật Lao động 2019, Điều 112; cập nhật khi có thông báo'),
  ('2027-02-05', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Dự kiến theo Bộ luật Lao động 2019, Điều 112; cập nhật khi có thông báo'),
  ('2027-02-08', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Dự kiến theo Bộ luật Lao động 2019, Điều 112; cập nhật khi có thông báo'),
  ('2027-02-09', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Dự kiến theo Bộ luật Lao động 2019, Điều 112; cập nhật khi có thông báo'),
  ('2027-02-10', 'HOLIDAY', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Dự kiến theo Bộ luật Lao động 2019, Điều 112; cập nhật khi có thông báo'),
  ('2027-04-16', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Hung Kings'' Commemoration Day', 'Bộ luật Lao động 2019, Điều 112'),
  ('2027-04-30', 'HOLIDAY', 'Ngày Chiến thắng (30/4)', 'Reunification Day (30 April)', 'Bộ luật Lao động 2019, Điều 112'),
  ('2027-05-01', 'HOLIDAY', 'Ngày Quốc tế lao động (1/5)', 'International Labour Day (1 May)', 'Bộ luật Lao động 2019, Điều 112'),
  ('2027-05-03', 'COMPENSATORY_DAY_OFF', 'Nghỉ bù Ngày Quốc tế lao động (1/5)', 'Compensatory day off for International Labour Day (1 May)', 'Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù ngày lễ trùng ngày nghỉ hằng tuần)'),
  ('2027-09-02', 'HOLIDAY', 'Quốc khánh (2/9)', 'National Day (2 September)', 'Bộ luật Lao động 2019, Điều 112'),
  ('2027-09-03', 'HOLIDAY', 'Quốc khánh (ngày liền kề 2/9)', 'National Day (adjacent day)', 'Dự kiến theo Bộ luật Lao động 2019, Điều 112; cập nhật khi có thông báo');
