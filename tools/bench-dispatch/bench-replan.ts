/**
 * Live-case benchmark: a seeded lunch rush (50 couriers, 500 open deliveries), planned once;
 * then, from that same state, each of --trials new requests is re-planned on its own. Reports
 * p50/p95 re-plan time and compares a few re-planned states with a from-scratch solve of the
 * same state (--scratch-ms, default 5000). Writes dist/bench/replan.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import {
  checkPlan,
  type DispatchPlan,
  type DispatchProblem,
  generateLunchRush,
  replanDispatch,
  solveDispatch,
} from '../../libs/dispatch/optimizer/src/index';
import { findRepoRoot, parseArgs, print } from './bench-paths';

const SPEED_MPS = 15 / 3.6;

/**
 * The city objective is lexicographic (unassigned, then lateness, then distance). For a single
 * gap figure the bench also flattens it into seconds: lateness plus riding time at 15 km/h.
 */
function describe(plan: DispatchPlan): { unassigned: number; latenessS: number; distanceM: number; cost: number } {
  const s = plan.summary;
  return {
    unassigned: s.unassigned,
    latenessS: Math.round(s.lateness),
    distanceM: Math.round(s.distance),
    cost: Math.round(s.lateness + s.distance / SPEED_MPS),
  };
}

const gap = (a: number, b: number): number => (100 * (a - b)) / Math.max(b, 1e-9);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const seed = Number(args.get('seed') ?? 1);
  const trials = Number(args.get('trials') ?? 40);
  const compare = Number(args.get('compare') ?? 5);
  const scratchMs = Number(args.get('scratch-ms') ?? 5000);
  const budgetMs = args.has('budget-ms') ? Number(args.get('budget-ms')) : undefined;
  const open = Number(args.get('requests') ?? 500);
  const root = findRepoRoot();

  const full = generateLunchRush({ seed, requests: open + trials });
  const base: DispatchProblem = { ...full, requests: full.requests.slice(0, open) };
  const incoming = full.requests.slice(open);
  print(
    `Lunch rush seed ${seed}: ${base.couriers.length} couriers, ${base.requests.length} open deliveries, ${base.carried?.length ?? 0} carried loads`,
  );
  const t0 = performance.now();
  const plan = solveDispatch(base, { seed, timeBudgetMs: scratchMs });
  print(`Initial plan (${(performance.now() - t0).toFixed(0)} ms): ${JSON.stringify(describe(plan))}`);

  const times: number[] = [];
  // CPU time next to wall time: on a shared machine, wall time also measures the neighbours.
  const cpuTimes: number[] = [];
  const comparisons: {
    request: string;
    replan: ReturnType<typeof describe>;
    scratch: ReturnType<typeof describe>;
    gapPercent: number;
    latenessGapPercent: number;
    distanceGapPercent: number;
  }[] = [];
  let failures = 0;
  incoming.forEach((request, i) => {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const result = replanDispatch(
      base,
      plan,
      { kind: 'new-request', request },
      { seed: seed + i, ...(budgetMs !== undefined ? { timeBudgetMs: budgetMs } : {}) },
    );
    times.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    const check = checkPlan(result.problem, result.plan);
    if (!check.feasible) {
      failures++;
      print(`  ${request.id}: checker FAIL ${check.violations.slice(0, 2).join('; ')}`);
    }
    if (i < compare) {
      const scratch = solveDispatch(result.problem, { seed: seed + i, timeBudgetMs: scratchMs });
      const a = describe(result.plan);
      const b = describe(scratch);
      const c = {
        request: request.id,
        replan: a,
        scratch: b,
        gapPercent: gap(a.cost, b.cost),
        latenessGapPercent: gap(a.latenessS, b.latenessS),
        distanceGapPercent: gap(a.distanceM, b.distanceM),
      };
      comparisons.push(c);
      print(
        `  ${request.id}: re-plan ${times[i].toFixed(0)} ms ${JSON.stringify(a)} vs ${scratchMs} ms from scratch ${JSON.stringify(b)}`,
      );
      print(
        `      gap: cost ${c.gapPercent.toFixed(2)} %, lateness ${c.latenessGapPercent.toFixed(2)} %, distance ${c.distanceGapPercent.toFixed(2)} %, unassigned ${a.unassigned - b.unassigned}`,
      );
    }
  });
  const sorted = [...times].sort((a, b) => a - b);
  const sortedCpu = [...cpuTimes].sort((a, b) => a - b);
  const totals = {
    trials: times.length,
    checkerFailures: failures,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    maxMs: sorted[sorted.length - 1],
    cpuP50Ms: percentile(sortedCpu, 50),
    cpuP95Ms: percentile(sortedCpu, 95),
    loadAverage: loadavg(),
    meanCostGapPercent: comparisons.reduce((s, c) => s + c.gapPercent, 0) / Math.max(1, comparisons.length),
    maxCostGapPercent: comparisons.reduce((s, c) => Math.max(s, c.gapPercent), -Infinity),
    meanLatenessGapPercent: comparisons.reduce((s, c) => s + c.latenessGapPercent, 0) / Math.max(1, comparisons.length),
    meanDistanceGapPercent: comparisons.reduce((s, c) => s + c.distanceGapPercent, 0) / Math.max(1, comparisons.length),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  print();
  print('Totals');
  print(
    `  re-plan time, one new request   p50 ${totals.p50Ms.toFixed(0)} ms, p95 ${totals.p95Ms.toFixed(0)} ms, max ${totals.maxMs.toFixed(0)} ms over ${totals.trials}`,
  );
  print(
    `  re-plan CPU time                 p50 ${totals.cpuP50Ms.toFixed(0)} ms, p95 ${totals.cpuP95Ms.toFixed(0)} ms (load average now ${totals.loadAverage.map((l) => l.toFixed(1)).join(' ')})`,
  );
  print(
    `  cost vs ${scratchMs} ms from scratch    mean gap ${totals.meanCostGapPercent.toFixed(2)} %, max ${totals.maxCostGapPercent.toFixed(2)} % over ${comparisons.length} (lateness s + riding s)`,
  );
  print(
    `                                  lateness ${totals.meanLatenessGapPercent.toFixed(2)} %, distance ${totals.meanDistanceGapPercent.toFixed(2)} % (mean gaps)`,
  );
  print(`  checker failures                ${failures}`);
  print(`  peak memory (max RSS)           ${totals.peakRssMb.toFixed(1)} MB`);
  const outDir = join(root, 'dist', 'bench');
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, 'replan.json');
  writeFileSync(out, JSON.stringify({ seed, open, scratchMs, totals, comparisons, timesMs: times }, null, 1));
  print(`  written                         ${out}`);
  if (failures > 0) process.exitCode = 1;
}

main();
