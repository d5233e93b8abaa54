/**
 * Li & Lim benchmark: solves every instance (or --instances a,b) with --budget-ms per instance
 * (in-process, or --threads N workers racing different seeds), optionally capped at
 * --max-iterations (load-independent before/after comparisons) and with --early-stop on,
 * re-checks every solution with the independent checker, prints one row per instance and a
 * totals block, and writes everything (routes included) to dist/bench/dispatch-<budget>ms.json.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import {
  checkLilimRoutes,
  lilimToProblem,
  parseLilimInstance,
  planToLilimRoutes,
  solveDispatch,
} from '../../libs/dispatch/optimizer/src/index';
import { findLilimDir, findRepoRoot, parseArgs, print } from './bench-paths';
import { LilimPortfolio } from './lilim-portfolio';

interface Bks {
  readonly vehicles: number;
  readonly distance: number;
}

interface InstanceRow {
  readonly instance: string;
  readonly vehicles: number;
  readonly bksVehicles: number;
  readonly distance: number;
  readonly bksDistance: number;
  readonly gapPercent: number;
  readonly ms: number;
  readonly iterations: number;
  readonly feasible: boolean;
  readonly violations: readonly string[];
  readonly routes: readonly (readonly number[])[];
}

function readBks(dir: string): Map<string, Bks> {
  const bks = new Map<string, Bks>();
  const lines = readFileSync(join(dir, 'bks_100.csv'), 'utf8').split(/\r?\n/).slice(1);
  for (const line of lines) {
    const cols = line.split(',');
    if (cols.length >= 5) bks.set(cols[0], { vehicles: Number(cols[3]), distance: Number(cols[4]) });
  }
  return bks;
}

/** Fixed decimals without "-0.00" for gaps that are zero up to rounding. */
function fixed(x: number, digits: number): string {
  const s = x.toFixed(digits);
  return Number(s) === 0 ? (0).toFixed(digits) : s;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const budgetMs = Number(args.get('budget-ms') ?? 1000);
  const seed = Number(args.get('seed') ?? 1);
  const threads = Math.max(1, Number(args.get('threads') ?? 1));
  // An iteration cap makes the run independent of machine load (before/after comparisons).
  const maxIterations = args.has('max-iterations') ? Number(args.get('max-iterations')) : undefined;
  // The figures compare with the best known solutions at a fixed budget, so every instance runs
  // to its budget; --early-stop on measures the optimizer's default (stop once it stops improving).
  const stopWhenStalled = args.get('early-stop') === 'on';
  const root = findRepoRoot();
  const dir = findLilimDir(root);
  const bks = readBks(dir);
  const all = readdirSync(join(dir, 'pdp_100'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.replace(/\.txt$/, ''))
    .sort();
  const wanted =
    args
      .get('instances')
      ?.split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0) ?? all;
  const missing = wanted.filter((name) => !all.includes(name));
  if (missing.length > 0) throw new Error(`Unknown instance(s): ${missing.join(', ')}`);

  print(
    `Li & Lim 100-task set from ${dir}: ${wanted.length} instance(s), budget ${budgetMs} ms${maxIterations ? ` or ${maxIterations} iterations` : ''}, seed ${seed}, ${threads} thread(s), early stop ${stopWhenStalled ? 'on' : 'off'}`,
  );
  const portfolio = threads > 1 ? new LilimPortfolio(threads) : null;
  print('instance   veh  bks   distance      bks dist    gap %      ms   iters  check');
  const rows: InstanceRow[] = [];
  for (const name of wanted) {
    const text = readFileSync(join(dir, 'pdp_100', `${name}.txt`), 'utf8');
    const inst = parseLilimInstance(name, text);
    const t0 = performance.now();
    let routes: number[][];
    let unassigned: number;
    let iterations: number;
    if (portfolio) {
      const { best, iterations: total } = await portfolio.solve(name, text, budgetMs, seed);
      ({ routes, unassigned } = best);
      iterations = total;
    } else {
      const plan = solveDispatch(lilimToProblem(inst), {
        timeBudgetMs: budgetMs,
        seed,
        maxIterations,
        stopWhenStalled,
      });
      routes = planToLilimRoutes(inst, plan);
      unassigned = plan.summary.unassigned;
      iterations = plan.stats.iterations;
    }
    const ms = performance.now() - t0;
    const check = checkLilimRoutes(inst, routes);
    const ref = bks.get(name) ?? { vehicles: NaN, distance: NaN };
    const row: InstanceRow = {
      instance: name,
      vehicles: check.vehicles,
      bksVehicles: ref.vehicles,
      distance: check.distance,
      bksDistance: ref.distance,
      gapPercent: (100 * (check.distance - ref.distance)) / ref.distance,
      ms,
      iterations,
      feasible: check.feasible && unassigned === 0,
      violations: unassigned > 0 ? [...check.violations, `${unassigned} unassigned`] : check.violations,
      routes,
    };
    rows.push(row);
    print(
      `${name.padEnd(9)} ${String(row.vehicles).padStart(4)} ${String(row.bksVehicles).padStart(4)} ${row.distance.toFixed(2).padStart(10)} ${row.bksDistance.toFixed(2).padStart(11)} ${fixed(row.gapPercent, 2).padStart(8)} ${ms.toFixed(0).padStart(7)} ${String(row.iterations).padStart(7)}  ${row.feasible ? 'ok' : `FAIL: ${row.violations.slice(0, 3).join('; ')}`}`,
    );
  }

  await portfolio?.close();

  const atBks = rows.filter((r) => r.vehicles === r.bksVehicles);
  const totals = {
    instances: rows.length,
    feasible: rows.filter((r) => r.feasible).length,
    vehicles: rows.reduce((s, r) => s + r.vehicles, 0),
    bksVehicles: rows.reduce((s, r) => s + r.bksVehicles, 0),
    atBksVehicles: atBks.length,
    meanGapAtBksPercent: atBks.length > 0 ? atBks.reduce((s, r) => s + r.gapPercent, 0) / atBks.length : NaN,
    meanMs: rows.reduce((s, r) => s + r.ms, 0) / Math.max(1, rows.length),
    maxMs: rows.reduce((s, r) => Math.max(s, r.ms), 0),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    loadAverage: loadavg(),
  };
  print();
  print('Totals');
  print(`  feasible (checker)         ${totals.feasible}/${totals.instances}`);
  print(`  vehicles                   ${totals.vehicles} (BKS ${totals.bksVehicles})`);
  print(`  instances at BKS vehicles  ${totals.atBksVehicles}/${totals.instances}`);
  print(`  mean gap at BKS vehicles   ${fixed(totals.meanGapAtBksPercent, 3)} %`);
  print(`  time per instance          mean ${totals.meanMs.toFixed(0)} ms, max ${totals.maxMs.toFixed(0)} ms`);
  print(`  peak memory (max RSS)      ${totals.peakRssMb.toFixed(1)} MB`);
  print(
    `  load average at the end    ${totals.loadAverage.map((l) => l.toFixed(1)).join(' ')} (on a shared machine, neighbours slow the search)`,
  );

  const outDir = join(root, 'dist', 'bench');
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `dispatch-${budgetMs}ms${threads > 1 ? `-${threads}threads` : ''}.json`);
  writeFileSync(
    out,
    JSON.stringify(
      { budgetMs, maxIterations, seed, threads, node: process.version, dataDir: dir, totals, instances: rows },
      null,
      1,
    ),
  );
  print(`  written                    ${out}`);
  if (totals.feasible < totals.instances) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
