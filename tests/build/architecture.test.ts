import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/*
 * The layout is the architecture. Every folder has a rank; a module imports only from lower ranks (or, among
 * the concepts, from a sibling as long as no folders close a cycle). docs/architecture.md draws the ranks.
 */

/** Folder (or file) → rank. A file belongs to the longest entry its path starts with. */
const RANKS: Record<string, number> = {
  'src/core/base': 0,
  'src/core/parse': 1,
  'src/core/workbook': 2, // sheet specs, vocabularies, the table reader
  'src/core/engine': 3, // the rule framework: findings, rules, messages; no concept
  'src/core/access': 4,
  'src/core/applications': 4,
  'src/core/assessment': 4,
  'src/core/intake': 4,
  'src/core/money-flow': 4,
  'src/core/follow-up': 4,
  'src/core/plan': 4,
  'src/core/portfolio': 5, // reads every concept's rows into one portfolio
  'src/core/check': 6, // the check: every rule over a portfolio
  'src/core/documents': 7, // documents render a check's result
  'src/core/decisions': 8, // the board's decisions: registered by the rule documents are held back by
  'src/example': 8,
  'src/seam': 8, // the typed seam between the sidebars and the server
  'src/cli': 9,
  'src/ui': 9,
  'src/gas/platform': 9,
  'src/gas/workbook': 10,
  'src/gas/intake': 11,
  'src/gas/money': 11,
  'src/gas/follow-up': 11,
  'src/gas/plan': 11,
  'src/gas/documents': 11,
  'src/gas/decisions': 11,
  'src/gas/entry': 12,
  'src/main.ts': 13,
};
/** Ranks whose folders are peers: they may import each other, but no chain of folders may come back. */
const PEER_RANKS = new Set([4, 11]);
/**
 * The two aggregate types every concept is handed: the records of a portfolio and the context a rule reads.
 * A concept may name them in an `import type` (erased at build time, no load order); it may call nothing
 * there. Giving each concept its own slice of these types would remove this last exception.
 */
const TYPE_HUBS = new Set(['src/core/portfolio/records.ts', 'src/core/check/context.ts']);

const UI_PAGES = [...readFileSync('scripts/build-ui.mjs', 'utf8').matchAll(/'(src\/ui\/[^']+\.ts)'/g)].map((m) => m[1]!);
/** What the builds and scripts start from: everything else must be reachable from one of these. */
const ENTRIES = ['src/main.ts', 'src/cli/bin.ts', ...UI_PAGES];

function sources(dir: string, ext = /\.ts$/): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p, ext) : ext.test(p) ? [p] : [];
  });
}

interface Edge {
  to: string;
  /** `import type` (or every name imported as a type): erased by the build. */
  typeOnly: boolean;
}

const files = sources('src');
const scripts = sources('scripts').filter((f) => !f.endsWith('.d.ts'));
const known = new Set([...files, ...scripts]);

function resolve(from: string, spec: string): string | undefined {
  const base = path.normalize(path.join(path.dirname(from), spec));
  return [`${base}.ts`, path.join(base, 'index.ts'), base].find((f) => known.has(f));
}

function importsOf(file: string, text = readFileSync(file, 'utf8')): Edge[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2020, false);
  const edges: Edge[] = [];
  for (const node of source.statements) {
    let spec: ts.Expression | undefined;
    let typeOnly = false;
    if (ts.isImportDeclaration(node)) {
      spec = node.moduleSpecifier;
      const clause = node.importClause;
      const named = clause?.namedBindings;
      typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!named &&
            ts.isNamedImports(named) &&
            named.elements.length > 0 &&
            named.elements.every((e) => e.isTypeOnly)));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      spec = node.moduleSpecifier;
      const named = node.exportClause;
      typeOnly =
        node.isTypeOnly ||
        (!!named && ts.isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly));
    }
    if (!spec || !ts.isStringLiteral(spec) || !spec.text.startsWith('.')) continue;
    const to = resolve(file, spec.text);
    if (to) edges.push({ to, typeOnly });
  }
  return edges;
}

const graph = new Map<string, Edge[]>([...files, ...scripts].map((f) => [f, importsOf(f)]));

/** The RANKS entry a file belongs to. */
function unitOf(file: string): string | undefined {
  const norm = file.split(path.sep).join('/');
  return Object.keys(RANKS)
    .filter((k) => norm === k || norm.startsWith(`${k}/`))
    .sort((a, b) => b.length - a.length)[0];
}

/** An edge the ranks do not count: a type named from a hub. */
const exempt = (e: Edge) => e.typeOnly && TYPE_HUBS.has(e.to.split(path.sep).join('/'));

/** Every import that goes up a rank, or sideways outside the peer ranks: "from → to". */
function againstRanks(): string[] {
  const out: string[] = [];
  for (const file of files) {
    const from = unitOf(file);
    for (const e of graph.get(file) ?? []) {
      const to = unitOf(e.to);
      if (!from || !to || from === to || exempt(e)) continue;
      const [a, b] = [RANKS[from]!, RANKS[to]!];
      if (b < a || (a === b && PEER_RANKS.has(a))) continue;
      out.push(`${file} → ${e.to}`);
    }
  }
  return out;
}

/** Every cycle in a graph, as the chain of nodes that closes it. */
function cyclesIn(nodes: string[], next: (v: string) => string[]): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (v: string) => {
    state.set(v, 'open');
    stack.push(v);
    for (const w of next(v)) {
      if (state.get(w) === 'open') found.push([...stack.slice(stack.indexOf(w)), w]);
      else if (!state.has(w)) visit(w);
    }
    stack.pop();
    state.set(v, 'done');
  };
  nodes.forEach((n) => state.has(n) || visit(n));
  return found;
}

const fileCycles = () =>
  cyclesIn(files, (f) => (graph.get(f) ?? []).filter((e) => !exempt(e)).map((e) => e.to));

function folderCycles(): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const file of files) {
    const from = unitOf(file);
    if (!from) continue;
    for (const e of graph.get(file) ?? []) {
      const to = unitOf(e.to);
      if (to && to !== from && !exempt(e)) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  return cyclesIn(Object.keys(RANKS), (u) => [...(edges.get(u) ?? [])]);
}

/** Modules no entry point reaches (declaration files only declare, and are not imported). */
function orphans(): string[] {
  const seen = new Set<string>();
  const walk = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    (graph.get(f) ?? []).forEach((e) => walk(e.to));
  };
  [...ENTRIES, ...scripts].forEach(walk);
  return files.filter((f) => !seen.has(f) && !f.endsWith('.d.ts'));
}

/** Runs `body` with `file`'s imports replaced, then puts them back. */
function planted<T>(file: string, edges: Edge[], body: () => T): T {
  const had = graph.get(file);
  graph.set(file, edges);
  try {
    return body();
  } finally {
    if (had) graph.set(file, had);
    else graph.delete(file);
  }
}

/** tsc's errors for one extra file compiled under a layer's tsconfig, the file never written to disk. */
function typeErrors(config: string, file: string, text: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(config, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  })!;
  const absolute = path.resolve(file);
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) =>
    path.resolve(name) === absolute
      ? ts.createSourceFile(name, text, lang)
      : getSourceFile(name, lang, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === absolute || fileExists(name);
  const program = ts.createProgram([absolute], parsed.options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('the source layout', () => {
  it('gives every source folder a rank', () => {
    expect(files.filter((f) => !unitOf(f))).toEqual([]);
  });

  it('imports only downward: a folder uses lower ranks, or a peer among the concepts', () => {
    expect(againstRanks()).toEqual([]);
  });

  it('has no import cycles between files', () => {
    expect(fileCycles()).toEqual([]);
  });

  it('has no cycles between folders', () => {
    expect(folderCycles()).toEqual([]);
  });

  it('has no module that no entry point reaches', () => {
    expect(orphans()).toEqual([]);
  });

  it('keeps the core in folders by concept, with no file loose at its top', () => {
    expect(files.filter((f) => path.dirname(f) === path.join('src', 'core'))).toEqual([]);
  });

  it('lets the core import nothing from the adapters', () => {
    const core = files.filter((f) => f.startsWith(path.join('src', 'core')));
    const outward = core.flatMap((f) =>
      graph
        .get(f)!
        .map((e) => e.to)
        .filter((d) => !d.startsWith(path.join('src', 'core'))),
    );
    expect(outward).toEqual([]);
  });
});

// Each check catches what it is for: a violation planted in memory, nothing written.
describe('the layout checks themselves', () => {
  const text = path.join('src', 'core', 'base', 'text.ts');
  const result = path.join('src', 'core', 'base', 'result.ts');
  const ledger = path.join('src', 'core', 'money-flow', 'ledger.ts');
  const memo = path.join('src', 'core', 'documents', 'memo.ts');

  it('finds a file cycle when there is one', () => {
    const cycles = planted(text, [{ to: result, typeOnly: false }], () =>
      planted(result, [{ to: text, typeOnly: false }], fileCycles),
    );
    expect(cycles.filter((c) => c.length === 3 && c.includes(text) && c.includes(result))).toHaveLength(1);
  });

  it('finds an import against the ranks (a concept reaching up to documents)', () => {
    const found = planted(ledger, [...graph.get(ledger)!, { to: memo, typeOnly: false }], againstRanks);
    expect(found).toContain(`${ledger} → ${memo}`);
  });

  it('counts a type-only import as a dependency unless it names a hub', () => {
    const found = planted(ledger, [...graph.get(ledger)!, { to: memo, typeOnly: true }], againstRanks);
    expect(found).toContain(`${ledger} → ${memo}`);
  });

  it('finds a cycle between peer folders', () => {
    const plan = path.join('src', 'core', 'plan', 'records.ts');
    const found = planted(ledger, [...graph.get(ledger)!, { to: plan, typeOnly: false }], () => {
      const back = graph.get(plan)!;
      return planted(plan, [...back, { to: ledger, typeOnly: false }], folderCycles);
    });
    expect(found.filter((c) => c.includes('src/core/money-flow') && c.includes('src/core/plan'))).not.toEqual([]);
  });

  it('finds a module nothing reaches', () => {
    const orphan = path.join('src', 'core', 'base', 'planted-orphan.ts');
    files.push(orphan);
    try {
      expect(planted(orphan, [{ to: text, typeOnly: false }], orphans)).toContain(orphan);
    } finally {
      files.pop();
    }
  });

  it('reads type-only imports as such', () => {
    const edges = importsOf(
      ledger,
      "import type { A } from './economy';\nimport { type B, type C } from './economy';\nimport { d, type E } from './economy';\n",
    );
    expect(edges.map((e) => e.typeOnly)).toEqual([true, true, false]);
  });

  it('fails the core on the DOM (the core compiles without DOM, Node or Apps Script types)', () => {
    const planted = path.join('src', 'core', 'base', 'planted-dom.ts');
    const errors = typeErrors('tsconfig.core.json', planted, 'export const title = () => document.title;\n');
    expect(errors.join('\n')).toMatch(/Cannot find name 'document'/);
    for (const global of ['process.env', 'SpreadsheetApp.flush()']) {
      const found = typeErrors('tsconfig.core.json', planted, `export const x = () => ${global};\n`);
      expect(found.length).toBeGreaterThan(0);
    }
  });

  it('lets the sidebars use the DOM', () => {
    const planted = path.join('src', 'ui', 'planted-dom.ts');
    expect(typeErrors('tsconfig.ui.json', planted, 'export const title = () => document.title;\n')).toEqual([]);
  });
});
