import type { Lang } from '../base/result';

/** `31.12.2026` in Norwegian, `2026-12-31` in English: how the plan's documents and messages show a day. */
export function formatDay(d: Date, lang: Lang): string {
  const iso = d.toISOString().slice(0, 10);
  if (lang === 'en') return iso;
  const [y, m, day] = iso.split('-');
  return `${day}.${m}.${y}`;
}
