/** Test helpers: the Li & Lim data carried in the repository (libs/dispatch/optimizer/data/lilim). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type LilimInstance, parseLilimInstance } from '../lilim/lilim-format';

/** where the repository keeps the Li & Lim instances and best-known solutions */
export const LILIM_DATA_DIR = 'libs/dispatch/optimizer/data/lilim';

export function lilimDir(): string {
  let dir = resolve(__dirname);
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('repository root (folder with nx.json) not found above ' + __dirname);
    dir = parent;
  }
  const data = resolve(dir, LILIM_DATA_DIR);
  if (!existsSync(join(data, 'bks_100.csv'))) {
    throw new Error(`Li & Lim benchmark data missing: expected ${data} (the Li & Lim data carried in the repository)`);
  }
  return data;
}

export function loadLilim(name: string): LilimInstance {
  return parseLilimInstance(name, readFileSync(join(lilimDir(), 'pdp_100', `${name}.txt`), 'utf8'));
}
