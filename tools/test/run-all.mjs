#!/usr/bin/env node
// `npm test`: lint, type-check, unit tests, integration tests (real PostgreSQL and Redis)
// and the Chromium journeys, in that order. Every stage runs even if an earlier one
// failed, and the last line counts every check: "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const out = join(root, 'test-output');
mkdirSync(out, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: '0' };
const only = process.argv.slice(2);
const stages = [];

function run(cmd, args) {
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  return { ok: result.status === 0, seconds: (Date.now() - started) / 1000 };
}

function find(dir, predicate, acc = []) {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) find(path, predicate, acc);
    else if (predicate(path)) acc.push(path);
  }
  return acc;
}

function jestStage(name, args) {
  const file = join(out, `${name}.json`);
  const { ok, seconds } = run(bin('jest'), [...args, '--json', `--outputFile=${file}`]);
  let passed = 0;
  let failed = ok ? 0 : 1;
  if (existsSync(file)) {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed = report.numPassedTests;
    // a suite that failed to run counts as a failure even with no test inside it
    failed = report.numFailedTests + report.numRuntimeErrorTestSuites + (ok || report.numFailedTests ? 0 : 1);
    if (report.numTotalTests === 0) failed += 1;
  }
  stages.push({ name, passed, failed, seconds });
}

/** Runs one command per project, two at a time (2 cores), printing each one's output whole. */
async function perProjectStage(name, projects, commandFor) {
  let passed = 0;
  let failed = 0;
  const started = Date.now();
  const queue = [...projects];
  const worker = async () => {
    for (let project = queue.shift(); project; project = queue.shift()) {
      const [cmd, args] = commandFor(project);
      const child = spawn(cmd, args, { cwd: root, env });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      const code = await new Promise((done) => child.on('close', done));
      console.log(`[${name}] ${project}: ${code === 0 ? 'ok' : 'FAILED'}${output ? '\n' + output : ''}`);
      if (code === 0) passed += 1;
      else failed += 1;
    }
  };
  await Promise.all([worker(), worker()]);
  stages.push({ name, passed, failed, seconds: (Date.now() - started) / 1000 });
}

/** What Prettier keeps formatted (`npx prettier --write` with these globs fixes it). */
const FORMATTED = ['apps/**/*.{ts,html,scss}', 'libs/**/*.{ts,html,scss}', 'tools/**/*.{ts,mjs}', '*.json'];

const want = (stage) => only.length === 0 || only.includes(stage);

if (want('lint')) {
  const { ok, seconds } = run(bin('nx'), ['run-many', '-t', 'lint', '--output-style=static', '--', '--max-warnings=0']);
  stages.push({ name: 'lint', passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds });
  const format = run(bin('prettier'), ['--check', '--log-level=warn', ...FORMATTED]);
  stages.push({ name: 'format', passed: format.ok ? 1 : 0, failed: format.ok ? 0 : 1, seconds: format.seconds });
}

if (want('typecheck')) {
  const pattern = /tsconfig\.(app|lib|spec|int-spec)\.json$/;
  const tsconfigs = find(join(root, 'apps'), (p) => pattern.test(p))
    .concat(find(join(root, 'libs'), (p) => pattern.test(p)))
    // the console's specs are type-checked by jest-preset-angular (Angular's own resolution)
    .filter((p) => !p.includes('apps/console/tsconfig.spec.json'))
    .concat(find(join(root, 'tools'), (p) => p.endsWith('tsconfig.json')))
    // the browser journeys have a single tsconfig (ts-jest only transpiles them)
    .concat([join(root, 'apps/console-e2e/tsconfig.json')])
    .map((p) => relative(root, p))
    .sort();
  await perProjectStage('typecheck', tsconfigs, (p) => [bin('tsc'), ['--noEmit', '-p', p]]);
}

if (want('unit')) {
  const configs = find(join(root, 'apps'), (p) => /jest\.config\.c?ts$/.test(p))
    .concat(find(join(root, 'libs'), (p) => /jest\.config\.c?ts$/.test(p)))
    .concat(find(join(root, 'tools'), (p) => /jest\.config\.c?ts$/.test(p)))
    .filter((p) => !p.includes('console-e2e'))
    .map((p) => relative(root, p));
  jestStage('unit', ['--ci', '--passWithNoTests', '--projects', ...configs]);
}

if (want('integration')) jestStage('integration', ['--ci', '-c', 'jest.integration.config.ts']);

if (want('e2e')) jestStage('e2e', ['--ci', '-c', 'apps/console-e2e/jest.config.cts', '--runInBand']);

console.log('\nstage          passed  failed   seconds');
for (const s of stages) {
  console.log(
    `${s.name.padEnd(14)} ${String(s.passed).padStart(6)} ${String(s.failed).padStart(7)} ${s.seconds.toFixed(1).padStart(9)}`,
  );
}
const passed = stages.reduce((a, s) => a + s.passed, 0);
const failed = stages.reduce((a, s) => a + s.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
