/** Test helpers: locate ../shared/bench/lilim from the repository root (the folder with nx.json). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type LilimInstance, parseLilimInstance } from '../lilim/lilim-format';

export function lilimDir(): string {
  let dir = resolve(__dirname);
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('repository root (folder with nx.json) not found above ' + __dirname);
    dir = parent;
  }
  const data = resolve(dir, '../shared/bench/lilim');
  if (!existsSync(join(data, 'bks_100.csv'))) {
    throw new Error(
      `Li & Lim benchmark data missing: expected ${data} (../shared/bench/lilim from the repository root)`,
    );
  }
  return data;
}

export function loadLilim(name: string): LilimInstance {
  return parseLilimInstance(name, readFileSync(join(lilimDir(), 'pdp_100', `${name}.txt`), 'utf8'));
}
