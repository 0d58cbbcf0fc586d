/** Days in the follow-up: UTC-midnight Dates as the core reads them, written the Norwegian way. */
export const formatDay = (d: Date): string =>
  `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;

export const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * 86_400_000);
