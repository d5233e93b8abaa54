/**
 * `node -r ts-node/register/transpile-only tools/bench-api/cpu-profile-top.ts <file.cpuprofile> [--top 30]`:
 * where a V8 CPU profile (node --cpu-prof, e.g. `npm run bench:pipeline -- --profile`) spent its
 * time: self and total time per function (file:line), the idle and GC shares, as a table.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function main(): void {
  const file = process.argv[2];
  if (!file) throw new Error('usage: cpu-profile-top.ts <file.cpuprofile> [--top N]');
  const topIndex = process.argv.indexOf('--top');
  const top = topIndex > 0 ? Number(process.argv[topIndex + 1]) : 30;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const label = (n: ProfileNode) => {
    const url = n.callFrame.url.replace(/^.*\/(node_modules\/|dist\/|libs\/)/, '$1');
    return `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
  };
  const selfBy = new Map<string, number>();
  const totalBy = new Map<string, number>();
  let all = 0;
  for (const [id, us] of self) {
    all += us;
    const node = byId.get(id) as ProfileNode;
    selfBy.set(label(node), (selfBy.get(label(node)) ?? 0) + us);
    // total: once per distinct function on the stack
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur) as ProfileNode);
      if (seen.has(l)) continue;
      seen.add(l);
      totalBy.set(l, (totalBy.get(l) ?? 0) + us);
    }
  }
  const pct = (us: number) => `${((100 * us) / all).toFixed(1).padStart(5)} %`;
  const table = (title: string, m: Map<string, number>) => {
    process.stdout.write(`\n${title} (of ${(all / 1e6).toFixed(1)} s sampled)\n`);
    for (const [l, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      process.stdout.write(`${pct(us)} ${(us / 1000).toFixed(0).padStart(7)} ms  ${l}\n`);
    }
  };
  table('self time', selfBy);
  table('total time', totalBy);
}

main();
