/**
 * HTTP-date parsing per RFC 9110 §5.6.7: recipients MUST accept all three
 * formats (IMF-fixdate, the obsolete RFC 850 form and asctime). `Date.parse`
 * is not used because its accepted forms are implementation-defined and it
 * happily reads garbage such as `"1"` as a year.
 */

const SHORT_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const LONG_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
// Names are case-sensitive in the RFC 9110 grammar (day-name, month, "GMT").
const IMF_FIXDATE = new RegExp(`^([A-Za-z]{3}), (\\d{2}) ([A-Za-z]{3}) (\\d{4}) ${TIME} GMT$`);
const RFC850_DATE = new RegExp(`^([A-Za-z]{6,9}), (\\d{2})-([A-Za-z]{3})-(\\d{2}) ${TIME} GMT$`);
const ASCTIME_DATE = new RegExp(`^([A-Za-z]{3}) ([A-Za-z]{3}) (\\d{2}| \\d) ${TIME} (\\d{4})$`);

const FIFTY_YEARS_MS = 50 * 365.2425 * 24 * 60 * 60 * 1000;

/**
 * Parses an HTTP-date (RFC 9110 §5.6.7) into epoch milliseconds.
 *
 * @param value - the header value; surrounding whitespace is ignored.
 * @param now - epoch milliseconds used only to resolve RFC 850 two-digit years.
 * @returns epoch milliseconds, or `undefined` when the value is not an HTTP-date
 *   or names an impossible date (e.g. 30 Feb, hour 24).
 */
export function parseHttpDate(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();

  let match = IMF_FIXDATE.exec(text);
  if (match) {
    const [, day, date, month, year, hh, mm, ss] = match;
    if (!SHORT_DAYS.includes(day!)) return undefined;
    return build(Number(year), month!, date!, hh!, mm!, ss!);
  }

  match = RFC850_DATE.exec(text);
  if (match) {
    const [, day, date, month, yy, hh, mm, ss] = match;
    if (!LONG_DAYS.includes(day!)) return undefined;
    return resolveTwoDigitYear(Number(yy), month!, date!, hh!, mm!, ss!, now);
  }

  match = ASCTIME_DATE.exec(text);
  if (match) {
    const [, day, month, date, hh, mm, ss, year] = match;
    if (!SHORT_DAYS.includes(day!)) return undefined;
    return build(Number(year), month!, date!.trim(), hh!, mm!, ss!);
  }
  return undefined;
}

/**
 * RFC 9110 §5.6.7: a two-digit year that "appears to be more than 50 years in
 * the future" means "the most recent year in the past that had the same last
 * two digits". Start in the century of `now` and step back when needed.
 */
function resolveTwoDigitYear(
  yy: number,
  month: string,
  date: string,
  hh: string,
  mm: string,
  ss: string,
  now: number,
): number | undefined {
  const year = new Date(now).getUTCFullYear();
  let result = build(year - (year % 100) + yy, month, date, hh, mm, ss);
  while (result !== undefined && result > now + FIFTY_YEARS_MS) {
    result = build(new Date(result).getUTCFullYear() - 100, month, date, hh, mm, ss);
  }
  return result;
}

function build(
  year: number,
  month: string,
  date: string,
  hh: string,
  mm: string,
  ss: string,
): number | undefined {
  const monthIndex = MONTHS.indexOf(month);
  const day = Number(date);
  const hour = Number(hh);
  const minute = Number(mm);
  // second 60 is allowed by the grammar for leap seconds.
  const second = Number(ss);
  if (monthIndex < 0 || hour > 23 || minute > 59 || second > 60 || day < 1) return undefined;
  const time = new Date(0);
  time.setUTCFullYear(year, monthIndex, day);
  time.setUTCHours(hour, minute, second, 0);
  // Date.UTC rolls 31 Apr over to 1 May; an HTTP-date naming it is malformed.
  if (time.getUTCMonth() !== monthIndex && !(second === 60 && rolledOnlyBySecond(time, monthIndex)))
    return undefined;
  return time.getTime();
}

function rolledOnlyBySecond(time: Date, monthIndex: number): boolean {
  return new Date(time.getTime() - 1000).getUTCMonth() === monthIndex;
}
