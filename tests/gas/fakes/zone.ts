/**
 * Year, month, day, hour, minute and second of an instant in an IANA time zone, as the fakes need it
 * (Utilities.formatDate, date cells shown and parsed in the spreadsheet's zone). One formatter per zone.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

export function zonedFields(instant: Date | number, timeZone: string): number[] {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  return ['year', 'month', 'day', 'hour', 'minute', 'second'].map((t) =>
    Number(parts.find((p) => p.type === t)?.value),
  );
}
