/**
 * A portfolio over worker_threads: every worker solves the same instance with a different
 * seed for the same wall-clock budget, and the best plan (fewest unassigned, then vehicles,
 * then distance) wins. ALNS runs are high-variance, so on two cores the best of two seeds is
 * a cheap, reliable gain.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PortfolioResult, PortfolioTask } from './lilim-worker';

export class LilimPortfolio {
  private readonly workers: Worker[];

  constructor(threads: number) {
    this.workers = Array.from({ length: threads }, () => new Worker(join(__dirname, 'lilim-worker.js')));
  }

  async solve(
    name: string,
    text: string,
    budgetMs: number,
    seed: number,
  ): Promise<{ best: PortfolioResult; iterations: number }> {
    const results = await Promise.all(
      this.workers.map(
        (worker, w) =>
          new Promise<PortfolioResult>((resolve, reject) => {
            worker.once('message', resolve);
            worker.once('error', reject);
            const task: PortfolioTask = { name, text, budgetMs, seed: seed + 7919 * w };
            worker.postMessage(task);
          }),
      ),
    );
    for (const worker of this.workers) worker.removeAllListeners('error');
    const best = results.reduce((a, b) =>
      b.unassigned < a.unassigned ||
      (b.unassigned === a.unassigned &&
        (b.vehicles < a.vehicles || (b.vehicles === a.vehicles && b.distance < a.distance)))
        ? b
        : a,
    );
    return { best, iterations: results.reduce((s, r) => s + r.iterations, 0) };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
