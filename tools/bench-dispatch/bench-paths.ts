/** Locating the repository root and the Li & Lim data carried in the repository for the benchmark scripts. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The folder holding nx.json, searched upwards from the working directory, then from this file. */
export function findRepoRoot(): string {
  for (const from of [process.cwd(), __dirname]) {
    let dir = resolve(from);
    for (;;) {
      if (existsSync(join(dir, 'nx.json'))) return dir;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error('Cannot find the repository root (a folder with nx.json) above the working directory or the script.');
}

/** The Li & Lim data carried in the repository, or a clear error saying where it was expected. */
export function findLilimDir(repoRoot: string): string {
  const dir = resolve(repoRoot, 'libs/dispatch/optimizer/data/lilim');
  if (!existsSync(join(dir, 'pdp_100')) || !existsSync(join(dir, 'bks_100.csv'))) {
    throw new Error(`Li & Lim benchmark data missing: expected ${dir}/pdp_100/*.txt and ${dir}/bks_100.csv.`);
  }
  return dir;
}

export function parseArgs(argv: readonly string[]): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i];
    if (!key.startsWith('--')) continue;
    const eq = key.indexOf('=');
    if (eq > 0) args.set(key.slice(2, eq), key.slice(eq + 1));
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) args.set(key.slice(2), argv[++i]);
    else args.set(key.slice(2), 'true');
  }
  return args;
}

/** One line of report on stdout (the benches are command-line tools, not library code). */
export function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}
