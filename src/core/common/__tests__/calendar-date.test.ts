import { CHINESE_DATE_FORMAT, chineseDate, excelSerial, readCalendarDate } from '../calendar-date';

describe('calendar dates of the 整改清单', () => {
  it('gives Excel\'s serial: 2023-01-01 is 44927 (Excel\'s own), so 2027-01-08 is 44927 + 365 + 366 + 365 + 365 + 7 = 46395', () => {
    expect(excelSerial('2023-01-01')).toBe(44927);
    expect(excelSerial('2027-01-08')).toBe(46395);
    expect(excelSerial('2024-02-29')).toBe(44927 + 365 + 31 + 28);
  });

  it('shows a date the Chinese way, without leading zeros, and its format says the same', () => {
    expect(chineseDate('2027-01-08')).toBe('2027年1月8日');
    expect(CHINESE_DATE_FORMAT).toBe('yyyy"年"m"月"d"日"');
  });

  it('reads the forms clerks type: 2027-1-8, 2027/01/08, 2027年1月8日, 2027.1.8 (full-width too), a date cell read back with a time, and a date serial', () => {
    for (const typed of ['2027-1-8', '2027/01/08', '2027年1月8日', '2027.1.8', '2027 年 1 月 8 日', '２０２７年１月８号', '2027-01-08 00:00', ' 2027.01.08 ']) expect([typed, readCalendarDate(typed)]).toEqual([typed, '2027-01-08']);
    expect(readCalendarDate(46395)).toBe('2027-01-08');
    // A serial with a time of day (noon) is that day.
    expect(readCalendarDate(46395.5)).toBe('2027-01-08');
  });

  it('reads no date from what is none: a day not in the calendar, a month alone, words, a year as a number, a serial before 1990', () => {
    for (const typed of ['2027-02-29', '2027-13-01', '2027年1月', '12月底', '已完成', '2027', '27-1-8', '']) expect([typed, readCalendarDate(typed)]).toEqual([typed, null]);
    expect(readCalendarDate(2027)).toBeNull(); // 1905-07-19 as a serial: a year typed into a General cell, not a date
    expect(readCalendarDate(Number.NaN)).toBeNull();
  });
});
