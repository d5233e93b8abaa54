/**
 * Portfolio worker: solves one Li & Lim instance with its own seed and posts back the routes
 * as node ids. Workers share nothing but the instance text, so the main thread re-checks
 * whatever they return with the independent checker.
 */
import { parentPort } from 'node:worker_threads';
import {
  lilimToProblem,
  parseLilimInstance,
  planToLilimRoutes,
  solveDispatch,
} from '../../libs/dispatch/optimizer/src/index';

export interface PortfolioTask {
  readonly name: string;
  readonly text: string;
  readonly budgetMs: number;
  readonly seed: number;
}

export interface PortfolioResult {
  readonly seed: number;
  readonly routes: number[][];
  readonly unassigned: number;
  readonly vehicles: number;
  readonly distance: number;
  readonly iterations: number;
}

parentPort?.on('message', (task: PortfolioTask) => {
  const inst = parseLilimInstance(task.name, task.text);
  const plan = solveDispatch(lilimToProblem(inst), { timeBudgetMs: task.budgetMs, seed: task.seed });
  const result: PortfolioResult = {
    seed: task.seed,
    routes: planToLilimRoutes(inst, plan),
    unassigned: plan.summary.unassigned,
    vehicles: plan.summary.couriersUsed,
    distance: plan.summary.distance,
    iterations: plan.stats.iterations,
  };
  parentPort?.postMessage(result);
});
