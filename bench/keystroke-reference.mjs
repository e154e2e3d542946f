// The keystroke budgets judged against a reference build, measured alternately in one
// browser (issue 13's "the keystroke budget still holds", issue 12 item 7).
//
// The budget "keystroke → updated summary, p95 ≤ 16 ms at 4× CPU" was set on 2026-11-28,
// when the build c1ba3db measured 12.8 ms here. On the machines since, that same build
// measures 33–38 ms: a p95 in milliseconds says as much about the machine as about the
// app. So the budget is scaled by how much slower the machine is than on 2026-11-28,
// measured with that same build in the same window: budget = 16 ms × (reference p95 now /
// 12.8 ms). The builds take turns, round by round (the reference first in odd rounds),
// each round a fresh browser context and page, so that a machine that slows down in the
// middle slows both.
//
//   node bench/keystroke-reference.mjs REF_DIST DIST [OUT.json]
// (scripts/bench.sh builds the reference: BENCH_ONLY=reference scripts/bench.sh.) With
// REF_WRITE=1 it also writes its section of BENCHMARKS.md (between `<!-- reference:start -->`
// and `<!-- reference:end -->`).
// Environment: REF_ROUNDS (default 4), REF_KEYSTROKES (per round, default 200), REF_PLAN=0
// to skip the plan-scale page (170-unit bloc × 40 targets, candidate only: the reference
// build predates plans).
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { BLANK_PAGES, installKeystrokeProbe, openForTyping, typeOne } from './keystroke-page.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/chromium.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { chromium } = createRequire(join(ROOT, 'package.json'))('playwright-core');

/** The reference: the build and its p95 when the budget was set (BENCHMARKS.md, 2026-11-28). */
export const REFERENCE = { commit: 'c1ba3db', p95AtBudget: 12.8, budget: 16 };

const [refDist, dist, out] = process.argv.slice(2);
if (!refDist || !dist) {
  console.error('usage: node bench/keystroke-reference.mjs REF_DIST DIST [OUT.json]');
  process.exit(2);
}
const ROUNDS = Number(process.env.REF_ROUNDS) || 4;
const KEYS = Number(process.env.REF_KEYSTROKES) || 200;
const PLAN = process.env.REF_PLAN !== '0';

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round1 = (x) => Math.round(x * 10) / 10;
const stats = (latencies) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { count: sorted.length, p50: round1(percentile(sorted, 50)), p95: round1(percentile(sorted, 95)) };
};

/** KEYS keystrokes at 4× CPU into a fresh page of `url`; their latencies. */
async function measure(browser, url, plan) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const { input } = await openForTyping(page, url, { plan });
    await input.focus();
    await installKeystrokeProbe(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    for (let i = 0; i < KEYS; i++) await typeOne(page, i);
    return await page.evaluate(() => window.__keys.latencies);
  } finally {
    await context.close();
  }
}

const browser = await chromium.launch({ executablePath: process.env.E2E_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
const servers = { reference: await serve(refDist), candidate: await serve(dist, { pages: BLANK_PAGES }) };
const all = { reference: [], candidate: [], plan: [] };
const rounds = [];
try {
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? ['reference', 'candidate'] : ['candidate', 'reference'];
    const row = {};
    for (const which of order) {
      const latencies = await measure(browser, servers[which].url, false);
      all[which].push(...latencies);
      row[which] = stats(latencies);
    }
    if (PLAN) {
      const latencies = await measure(browser, servers.candidate.url, true);
      all.plan.push(...latencies);
      row.plan = stats(latencies);
    }
    rounds.push(row);
    console.error(`round ${r + 1}: ${JSON.stringify(row)}`);
  }
} finally {
  await browser.close();
  await servers.reference.close();
  await servers.candidate.close();
}

const reference = stats(all.reference);
const candidate = stats(all.candidate);
const plan = PLAN ? stats(all.plan) : null;
const factor = reference.p95 / REFERENCE.p95AtBudget;
const scaledBudget = round1(REFERENCE.budget * factor);
const result = {
  reference: { ...REFERENCE, dist: refDist, ...reference },
  candidate,
  plan,
  rounds,
  machineFactor: Math.round(factor * 100) / 100,
  scaledBudget,
  ratio: Math.round((candidate.p95 / reference.p95) * 100) / 100,
  met: candidate.p95 <= scaledBudget,
  planMet: plan ? plan.p95 <= scaledBudget : null,
};
console.log(
  `reference ${REFERENCE.commit}: p50 ${reference.p50} / p95 ${reference.p95} ms (×${result.machineFactor} its ${REFERENCE.p95AtBudget} ms of 2026-11-28)\n` +
    `candidate: p50 ${candidate.p50} / p95 ${candidate.p95} ms (×${result.ratio} the reference) against ${scaledBudget} ms: ${result.met ? 'met' : 'MISSED'}` +
    (plan ? `\nplan 170 × 40: p50 ${plan.p50} / p95 ${plan.p95} ms against ${scaledBudget} ms: ${result.planMet ? 'met' : 'MISSED'}` : ''),
);
if (out) writeFileSync(out, JSON.stringify(result, null, 2));

if (process.env.REF_WRITE === '1') {
  const file = join(ROOT, 'BENCHMARKS.md');
  const verdict = (met) => (met ? '**met**' : '**missed**');
  const sh = (c) => { try { return execSync(c, { cwd: ROOT, encoding: 'utf8' }).trim(); } catch { return '?'; } };
  const commit = sh('git rev-parse --short HEAD') + (sh('git status --porcelain --untracked-files=no') ? '+changes' : '');
  const load = sh('cut -d" " -f1-3 /proc/loadavg');
  const section = `<!-- reference:start -->
### Keystroke budgets against the reference build (issues 12 and 13)

Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${commit}, load average at the end ${load}
(\`BENCH_ONLY=reference scripts/bench.sh\`, \`bench/keystroke-reference.mjs\`). ${ROUNDS} rounds of
${KEYS} keystrokes per build, the builds taking turns, 4× CPU slowdown, keydown to the summary's
\`data-score\` changing.

The budget "p95 ≤ ${REFERENCE.budget} ms" was set when the build ${REFERENCE.commit} measured ${REFERENCE.p95AtBudget} ms here
(2026-11-28). That build now measures ${reference.p95} ms: this machine is ×${result.machineFactor} slower at this measure, so
the budget, scaled, is **${scaledBudget} ms** (${REFERENCE.budget} ms × ${reference.p95} / ${REFERENCE.p95AtBudget}).

| budget | measured | goal | |
|---|---|---|---|
| 2021 keystroke → updated summary, p95 | **${candidate.p95} ms** (p50 ${candidate.p50} ms; ×${result.ratio} the reference's ${reference.p95} ms) | ≤ ${scaledBudget} ms | ${verdict(result.met)} |
${plan ? `| Plan of 170 units × 40 targets: keystroke → updated summary, p95 | **${plan.p95} ms** (p50 ${plan.p50} ms) | ≤ ${scaledBudget} ms | ${verdict(result.planMet)} |\n` : ''}
| round | reference p50 / p95 | 2021 p50 / p95 | plan p50 / p95 |
|---|---|---|---|
${rounds.map((r, i) => `| ${i + 1} | ${r.reference.p50} / ${r.reference.p95} | ${r.candidate.p50} / ${r.candidate.p95} | ${r.plan ? `${r.plan.p50} / ${r.plan.p95}` : '—'} |`).join('\n')}
<!-- reference:end -->`;
  let text = readFileSync(file, 'utf8');
  const at = /<!-- reference:start -->[\s\S]*?<!-- reference:end -->/;
  text = at.test(text) ? text.replace(at, section) : text.replace('<!-- views:start -->', `${section}\n<!-- views:start -->`);
  writeFileSync(file, text);
}
