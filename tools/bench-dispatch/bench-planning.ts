/**
 * Planning at scale: lunch-rush instances of --sizes open deliveries (default 200, 500, 1000,
 * 2000), with one courier per --per-courier deliveries. For each size: the time to the first
 * complete plan (construction only, zero search budget) and the plan's quality after
 * --budgets ms of search (default 1000, 3000, 10000): couriers used, distance, unassigned,
 * lateness, iterations and whether the search stopped early. One size (--reference-size,
 * default 1000) is also solved for --reference-ms (default 60000, early stop off) and the gap
 * of the --gap-budget (default 3000 ms) plan to that reference is reported: the issue wants
 * couriers used and distance within 1 %. Prints a table and writes dist/bench/planning.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import {
  checkPlan,
  generateLunchRush,
  solveDispatch,
  type DispatchPlan,
  type DispatchProblem,
} from '../../libs/dispatch/optimizer/src/index';
import { findRepoRoot, parseArgs, print } from './bench-paths';

interface Quality {
  readonly budgetMs: number;
  readonly ms: number;
  /** CPU time of the solve (on a loaded machine, wall time overstates the work) */
  readonly cpuMs: number;
  readonly couriersUsed: number;
  readonly distanceKm: number;
  readonly unassigned: number;
  readonly latenessMin: number;
  readonly iterations: number;
  readonly stoppedEarly: boolean;
  readonly feasible: boolean;
}

interface SizeRow {
  readonly deliveries: number;
  readonly couriers: number;
  readonly carried: number;
  readonly firstPlanMs: number;
  readonly firstPlan: Quality;
  readonly budgets: readonly Quality[];
  readonly reference?: Quality;
  readonly gapAtBudget?: {
    readonly budgetMs: number;
    readonly couriersUsedPercent: number;
    readonly distancePercent: number;
    readonly latenessMin: number;
    readonly unassigned: number;
  };
}

const numbers = (value: string | undefined, fallback: readonly number[]): number[] =>
  value === undefined
    ? [...fallback]
    : value
        .split(',')
        .map((s) => Number(s.trim()))
        .filter((n) => Number.isFinite(n) && n >= 0);

function measure(problem: DispatchProblem, budgetMs: number, seed: number, stopWhenStalled = true): Quality {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const plan: DispatchPlan = solveDispatch(problem, { timeBudgetMs: budgetMs, seed, stopWhenStalled });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return {
    budgetMs,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    couriersUsed: plan.summary.couriersUsed,
    distanceKm: plan.summary.distance / 1000,
    unassigned: plan.summary.unassigned,
    latenessMin: plan.summary.lateness / 60,
    iterations: plan.stats.iterations,
    stoppedEarly: plan.stats.stoppedEarly,
    feasible: checkPlan(problem, plan).feasible,
  };
}

const pct = (value: number, reference: number): number =>
  reference === 0 ? (value === 0 ? 0 : Infinity) : (100 * (value - reference)) / reference;

function line(label: string, q: Quality): string {
  return `  ${label.padEnd(12)} ${q.ms.toFixed(0).padStart(7)} ${q.cpuMs.toFixed(0).padStart(7)} ${String(q.couriersUsed).padStart(7)} ${q.distanceKm.toFixed(1).padStart(9)} ${String(q.unassigned).padStart(6)} ${q.latenessMin.toFixed(1).padStart(9)} ${String(q.iterations).padStart(7)}  ${q.stoppedEarly ? 'yes' : 'no '}   ${q.feasible ? 'ok' : 'FAIL'}`;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const sizes = numbers(args.get('sizes'), [200, 500, 1000, 2000]);
  const budgets = numbers(args.get('budgets'), [1000, 3000, 10000]);
  const referenceMs = Number(args.get('reference-ms') ?? 60000);
  const referenceSize = Number(args.get('reference-size') ?? 1000);
  const gapBudget = Number(args.get('gap-budget') ?? 3000);
  const perCourier = Number(args.get('per-courier') ?? 8);
  const seed = Number(args.get('seed') ?? 1);
  const root = findRepoRoot();

  print(
    `Planning at scale: lunch rush, sizes ${sizes.join(', ')}, one courier per ${perCourier} deliveries, budgets ${budgets.join(', ')} ms, reference ${referenceMs} ms on ${referenceSize}, seed ${seed}`,
  );
  const rows: SizeRow[] = [];
  for (const size of sizes) {
    const couriers = Math.max(5, Math.round(size / perCourier));
    const problem = generateLunchRush({ seed, requests: size, couriers });
    const carried = problem.carried?.length ?? 0;
    print();
    print(`${size} deliveries, ${couriers} couriers (${carried} orders already on board)`);
    print('  run             ms  cpu ms  riders  distance  unass.  late min   iters  early  check');
    const firstPlan = measure(problem, 0, seed);
    print(line('first plan', firstPlan));
    const qualities: Quality[] = [];
    for (const budgetMs of budgets) {
      const q = measure(problem, budgetMs, seed);
      qualities.push(q);
      print(line(`${budgetMs} ms`, q));
    }
    let reference: Quality | undefined;
    let gapAtBudget: SizeRow['gapAtBudget'];
    if (size === referenceSize && referenceMs > 0) {
      reference = measure(problem, referenceMs, seed, false);
      print(line(`ref ${referenceMs}`, reference));
      const at = qualities.find((q) => q.budgetMs === gapBudget) ?? measure(problem, gapBudget, seed);
      gapAtBudget = {
        budgetMs: gapBudget,
        couriersUsedPercent: pct(at.couriersUsed, reference.couriersUsed),
        distancePercent: pct(at.distanceKm, reference.distanceKm),
        latenessMin: at.latenessMin - reference.latenessMin,
        unassigned: at.unassigned - reference.unassigned,
      };
      print(
        `  gap at ${gapBudget} ms to the reference: couriers used ${gapAtBudget.couriersUsedPercent.toFixed(2)} %, distance ${gapAtBudget.distancePercent.toFixed(2)} %, lateness ${gapAtBudget.latenessMin >= 0 ? '+' : ''}${gapAtBudget.latenessMin.toFixed(1)} min, unassigned ${gapAtBudget.unassigned >= 0 ? '+' : ''}${gapAtBudget.unassigned} (goal: couriers and distance within 1 %)`,
      );
    }
    rows.push({
      deliveries: size,
      couriers,
      carried,
      firstPlanMs: firstPlan.ms,
      firstPlan,
      budgets: qualities,
      ...(reference ? { reference } : {}),
      ...(gapAtBudget ? { gapAtBudget } : {}),
    });
  }

  const environment = {
    node: process.version,
    cpus: cpus().length,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    loadAverage: loadavg(),
  };
  print();
  print(
    `peak memory ${environment.peakRssMb.toFixed(0)} MB, load average ${environment.loadAverage.map((l) => l.toFixed(1)).join(' ')} (on a shared machine, neighbours slow the search)`,
  );
  const outDir = join(root, 'dist', 'bench');
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, 'planning.json');
  writeFileSync(
    out,
    JSON.stringify(
      { seed, perCourier, budgets, referenceMs, referenceSize, gapBudget, environment, sizes: rows },
      null,
      1,
    ),
  );
  print(`written ${out}`);
  if (rows.some((r) => !r.firstPlan.feasible || r.budgets.some((q) => !q.feasible))) process.exitCode = 1;
}

main();
