import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';

/**
 * A fresh work folder under the system's temp directory, removed after the test file: `tmp(name)` gives
 * a new path in it each call, so tests never share a file.
 */
export function workDir(prefix: string): { dir: string; tmp: (name: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  return { dir, tmp: (name) => join(dir, `${n++}-${name}`) };
}

/** Runs the CLI in-process, collecting what it prints on stdout and stderr. */
export async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
