import { readFileSync } from 'node:fs';
import vm from 'node:vm';

// `npm test` builds before jest runs; these tests read what clasp would push.
const code = readFileSync('build/Code.js', 'utf8');

describe('the Apps Script bundle', () => {
  it('is one plain script: no module syntax that would break clasp push', () => {
    expect(code).not.toMatch(/^\s*(export|import)\s/m);
    expect(code).toMatch(/^(?:"use strict";)?var __tilskudd ?= ?/m);
  });

  it('ends with a top-level stub per exported function, keeping JSDoc and parameter names', () => {
    const stub = /\/\*\*[^]*?@customfunction\s*\*\/\nfunction NOK\(amount\) \{\n {2}return __tilskudd\.NOK\(amount\);\n\}/;
    expect(code).toMatch(stub);
    expect(code).toMatch(
      /@customfunction\s*\*\/\nfunction POSITION_COST\(positions, annual_cost, months, social_cost_rate\) \{/,
    );
  });

  it('loads in a bare context and answers custom-function calls on whole ranges', () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    const nok = (x: unknown) => vm.runInContext('NOK', context)(x);
    expect(nok('kr 1 060 000,-')).toBe(1_060_000);
    expect(nok([['9,16 mill.'], [''], [500]])).toEqual([[9_160_000], [''], [500]]);
    expect(() => nok('[Beløp]')).toThrow(/plassholder/);
  });

  it('ships the manifest with V8, Oslo time and explicit scopes', () => {
    const manifest = JSON.parse(readFileSync('build/appsscript.json', 'utf8'));
    expect(manifest).toMatchObject({ runtimeVersion: 'V8', timeZone: 'Europe/Oslo' });
    expect(manifest.oauthScopes).toEqual(
      expect.arrayContaining(['https://www.googleapis.com/auth/spreadsheets.currentonly']),
    );
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
  });
});

describe('the bundle on a runtime without ES2022 library methods', () => {
  // Google does not publish the V8 version of Apps Script; the bundle targets ES2020, whose syntax esbuild
  // lowers but whose library methods it does not provide.
  const ES2022 = [
    'Array.prototype.at',
    'String.prototype.at',
    'Object.hasOwn',
    'Array.prototype.findLast',
    'Array.prototype.findLastIndex',
  ];

  it('calls none of them (Array.prototype.at, Object.hasOwn, findLast, findLastIndex)', () => {
    expect(code).not.toMatch(/\.at\(-?[\w.]+\)|Object\.hasOwn\(|\.findLast(Index)?\(/);
  });

  it('loads and answers custom functions with them removed', () => {
    const context = vm.createContext({});
    vm.runInContext(ES2022.map((m) => `delete ${m};`).join(' '), context);
    expect(vm.runInContext(`typeof [].at + typeof Object.hasOwn`, context)).toBe('undefinedundefined');
    vm.runInContext(code, context);
    expect(vm.runInContext('NOK', context)([['9,16 mill.'], [500]])).toEqual([[9_160_000], [500]]);
  });
});
