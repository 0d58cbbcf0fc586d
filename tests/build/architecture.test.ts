import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

// The layout is the architecture: a pure core in folders by concept, adapters that import it, no cycles.
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from\s+'(\.[^']+)'/g)].flatMap((m) => {
    const base = path.normalize(path.join(path.dirname(file), m[1]!));
    return [`${base}.ts`, path.join(base, 'index.ts')].filter((f) => files.includes(f)).slice(0, 1);
  });
}

const files = sources('src');
const graph = new Map(files.map((f) => [f, importsOf(f)]));

/** Every import cycle, as the chain of files that closes it. */
function cycles(): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (v: string) => {
    state.set(v, 'open');
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (state.get(w) === 'open') found.push([...stack.slice(stack.indexOf(w)), w]);
      else if (!state.has(w)) visit(w);
    }
    stack.pop();
    state.set(v, 'done');
  };
  files.forEach((f) => state.has(f) || visit(f));
  return found;
}

describe('the source layout', () => {
  it('has no import cycles', () => {
    expect(cycles()).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    graph.set('src/core/base/text.ts', ['src/core/base/result.ts']);
    graph.set('src/core/base/result.ts', ['src/core/base/text.ts']);
    try {
      expect(cycles().length).toBeGreaterThan(0);
    } finally {
      graph.set('src/core/base/text.ts', importsOf('src/core/base/text.ts'));
      graph.set('src/core/base/result.ts', importsOf('src/core/base/result.ts'));
    }
  });

  it('keeps the core in folders by concept, with no file loose at its top', () => {
    expect(files.filter((f) => path.dirname(f) === path.join('src', 'core'))).toEqual([]);
  });

  it('lets the core import nothing from the adapters', () => {
    const core = files.filter((f) => f.startsWith(path.join('src', 'core')));
    const outward = core.flatMap((f) => graph.get(f)!.filter((d) => !d.startsWith(path.join('src', 'core'))));
    expect(outward).toEqual([]);
  });
});
