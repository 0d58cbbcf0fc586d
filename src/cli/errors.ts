import type { Lang } from '../core/base/result';
import { editDistance } from '../core/base/text';

/**
 * Clear words for the errors a user can cause and fix: a folder where a file was meant, a file where a
 * folder was meant, no access, a full disk, a mistyped option. Anything else stays an unexpected error.
 */

type Text = (path: string) => { nb: string; en: string };

const FILE_ERRORS: Record<string, Text> = {
  EISDIR: (p) => ({
    nb: `«${p}» er en mappe, men her trengs en fil. Oppgi stien til en fil.`,
    en: `"${p}" is a folder, but a file is needed here. Give the path of a file.`,
  }),
  EEXIST: (p) => ({
    nb: `«${p}» finnes allerede som fil, men her trengs en mappe. Oppgi en annen mappe med --out.`,
    en: `"${p}" already exists as a file, but a folder is needed here. Give another folder with --out.`,
  }),
  ENOTDIR: (p) => ({
    nb: `«${p}» kan ikke brukes: en del av stien er en fil, ikke en mappe. Velg en annen sti.`,
    en: `"${p}" cannot be used: part of the path is a file, not a folder. Choose another path.`,
  }),
  ENOENT: (p) => ({
    nb: `«${p}» finnes ikke. Sjekk stien.`,
    en: `"${p}" does not exist. Check the path.`,
  }),
  EACCES: (p) => ({
    nb: `Ingen tilgang til «${p}». Sjekk rettighetene, eller velg en annen mappe.`,
    en: `No permission for "${p}". Check the permissions, or choose another folder.`,
  }),
  EROFS: (p) => ({
    nb: `«${p}» ligger på en disk som bare kan leses. Velg en annen mappe.`,
    en: `"${p}" is on a read-only disk. Choose another folder.`,
  }),
  ENOSPC: (p) => ({
    nb: `Det er ikke plass på disken til «${p}». Frigjør plass, eller velg en annen disk.`,
    en: `There is no space left on the disk for "${p}". Free some space, or choose another disk.`,
  }),
  EBUSY: (p) => ({
    nb: `«${p}» er i bruk av et annet program (er den åpen i Excel?). Lukk den og prøv igjen.`,
    en: `"${p}" is in use by another program (is it open in Excel?). Close it and try again.`,
  }),
};
FILE_ERRORS.EPERM = FILE_ERRORS.EACCES!;

const codeOf = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
    ? (e as { code: string }).code
    : undefined;

/** Whether `e` is a file-system error this module has words for. */
export const isFileError = (e: unknown): boolean => FILE_ERRORS[codeOf(e) ?? ''] !== undefined;

/** The message for a file-system error (Node's `code` and `path`), or null when it is none of them. */
export function fileErrorMessage(e: unknown, lang: Lang): string | null {
  const text = FILE_ERRORS[codeOf(e) ?? ''];
  if (!text) return null;
  const path = String((e as { path?: unknown }).path ?? (e as { dest?: unknown }).dest ?? '');
  return text(path)[lang];
}

/** The message for an error of `node:util` parseArgs (unknown option, missing value), or null. */
export function optionErrorMessage(
  e: unknown,
  known: string[],
  lang: Lang,
  example: (option: string) => string | undefined = () => undefined,
): string | null {
  const code = codeOf(e);
  if (!code?.startsWith('ERR_PARSE_ARGS')) return null;
  const raw = (e as Error).message;
  const option = /'(-{1,2}[^' ]+)/.exec(raw)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const name = option.replace(/^-+/, '');
    const close = known
      .map((k) => ({ k, d: editDistance(name, k) }))
      .filter((x) => x.d <= 2)
      .sort((x, y) => x.d - y.d)[0]?.k;
    const hint =
      close === undefined ? '' : lang === 'nb' ? ` Mente du --${close}?` : ` Did you mean --${close}?`;
    return lang === 'nb' ? `Ukjent valg «${option}».${hint}` : `Unknown option "${option}".${hint}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const value = example(option);
    const eg =
      value === undefined ? '' : lang === 'nb' ? `, f.eks. ${option} ${value}` : `, e.g. ${option} ${value}`;
    return /argument missing/.test(raw)
      ? lang === 'nb'
        ? `Valget ${option} trenger en verdi${eg}.`
        : `The option ${option} needs a value${eg}.`
      : lang === 'nb'
        ? `Valget ${option} tar ingen verdi.`
        : `The option ${option} takes no value.`;
  }
  return lang === 'nb' ? `Feil i valgene: ${raw}` : `Invalid options: ${raw}`;
}
