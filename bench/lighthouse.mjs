// Lighthouse (mobile, its default simulated throttling) on the release build, served with
// gzip by bench/serve.mjs: performance, accessibility and best-practices scores. Runs
// LIGHTHOUSE_RUNS times (default 3) and keeps the run with the median performance score,
// as Lighthouse's docs advise for a noisy machine.
//
// Usage: node bench/lighthouse.mjs APP_DIST OUT.json   (scripts/bench.sh installs
// lighthouse into bench/node_modules and sets CHROME_PATH)

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/chromium.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.env.LIGHTHOUSE_RUNS) || 3;
// The flags of the project's other headless Chromium runs.
const CHROME_FLAGS = CHROMIUM_ARGS.join(' ');

const [dist, out] = process.argv.slice(2);
if (!out) throw new Error('usage: node bench/lighthouse.mjs APP_DIST OUT.json');
const server = await serve(dist);
const work = mkdtempSync(join(tmpdir(), 'lighthouse-'));
const runs = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const report = join(work, `run-${i}.json`);
    // Asynchronously: the server answering Lighthouse runs in this process.
    const code = await new Promise((done, fail) => {
      const child = spawn(
        join(HERE, 'node_modules', '.bin', 'lighthouse'),
        [
          server.url + '/',
          '--output=json',
          `--output-path=${report}`,
          '--only-categories=performance,accessibility,best-practices',
          `--chrome-flags=${CHROME_FLAGS}`,
          '--quiet',
        ],
        { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || '/usr/bin/chromium' } },
      );
      const timer = setTimeout(() => child.kill('SIGTERM'), 300_000);
      child.on('error', fail);
      child.on('exit', (status, signal) => {
        clearTimeout(timer);
        done(status ?? signal);
      });
    });
    if (code !== 0) throw new Error(`lighthouse exited with ${code}`);
    const lhr = JSON.parse(readFileSync(report, 'utf8'));
    const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const metric = (id) => lhr.audits[id]?.numericValue ?? null;
    // What kept a category below 100: the failing scored audits.
    const failing = (id) =>
      (lhr.categories[id]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && lhr.audits[ref.id]?.score < 1)
        .map((ref) => `${ref.id} (${lhr.audits[ref.id].score})`);
    runs.push({
      lighthouse: lhr.lighthouseVersion,
      userAgent: lhr.environment?.hostUserAgent,
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      metrics: {
        fcp: metric('first-contentful-paint'),
        lcp: metric('largest-contentful-paint'),
        tbt: metric('total-blocking-time'),
        cls: metric('cumulative-layout-shift'),
        si: metric('speed-index'),
        tti: metric('interactive'),
      },
      failing: {
        performance: failing('performance'),
        accessibility: failing('accessibility'),
        bestPractices: failing('best-practices'),
      },
      runtimeError: lhr.runtimeError?.message ?? null,
    });
    console.error(`[lighthouse] run ${i + 1}: performance ${runs.at(-1).performance}, accessibility ${runs.at(-1).accessibility}, best practices ${runs.at(-1).bestPractices}`);
  }
} finally {
  await server.close();
  rmSync(work, { recursive: true, force: true });
}
const sorted = [...runs].sort((a, b) => a.performance - b.performance);
const chosen = sorted[Math.floor((sorted.length - 1) / 2)];
writeFileSync(out, JSON.stringify({ runs: runs.length, median: chosen, all: runs.map((r) => [r.performance, r.accessibility, r.bestPractices]) }, null, 2));
