/**
 * What the bundle knows about itself, put in as constants by scripts/build.mjs (esbuild `define`): nothing
 * is read at load. Outside the build (jest importing a module) the names are not defined.
 */
declare const __TILSKUDD_VERSION__: string;
declare const __TILSKUDD_BUILT__: string;
declare const __TILSKUDD_NEWS__: readonly string[];
declare const __TILSKUDD_ADDON__: boolean;

export const VERSION: string = typeof __TILSKUDD_VERSION__ === 'string' ? __TILSKUDD_VERSION__ : 'dev';
/** The day the bundle was built (ISO, UTC). */
export const BUILT: string = typeof __TILSKUDD_BUILT__ === 'string' ? __TILSKUDD_BUILT__ : '';
/** The newest section of CHANGELOG.md, one line per change. */
export const NEWS: readonly string[] = typeof __TILSKUDD_NEWS__ === 'object' ? __TILSKUDD_NEWS__ : [];
/** Built as an editor add-on (`TILSKUDD_ADDON=1 npm run build`): the menu goes under *Extensions*. */
export const ADDON: boolean = typeof __TILSKUDD_ADDON__ === 'boolean' && __TILSKUDD_ADDON__;
