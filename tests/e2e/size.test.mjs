// The first-load size budget: the gzipped size of what a first visit downloads before the
// app can run (index.html and the JS, wasm and CSS it loads; see bench/size.mjs) must stay
// within the committed budget, bench/size-budget.json:
//
//   hello_yew_gzip_bytes  the bare Yew 0.23 app's first load (bench/hello-yew), built the
//                         same way; scripts/bench.sh measures and refreshes it
//   target_ratio          the goal: at most 3.0 × the bare Yew app (issue 14 replaced the
//                         1.5 × of "Fast on a cheap phone over a weak connection")
//   allowed_ratio         what this test enforces: the goal once it is met; until then the
//                         size last measured plus a little headroom, so the bundle cannot
//                         grow unnoticed (scripts/bench.sh only ever lowers it)
//
// Cheap and deterministic (gzip level 9 of the files in dist/, no browser). Runs in the
// normal test run after `trunk build --release`; SIZE_BUDGET=path uses another budget file.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distDir, REPO_ROOT, requireBuild } from './harness.mjs';
import { firstLoad, onDemand, totals } from '../../bench/size.mjs';

const budgetPath = process.env.SIZE_BUDGET || join(REPO_ROOT, 'bench', 'size-budget.json');

test('the first load stays within the size budget', (t) => {
  const dir = requireBuild(distDir()); // fails (not skips) without a build
  const budget = JSON.parse(readFileSync(budgetPath, 'utf8'));
  for (const key of ['hello_yew_gzip_bytes', 'target_ratio', 'allowed_ratio']) {
    assert.ok(Number(budget[key]) > 0, `${budgetPath}: ${key} must be a positive number`);
  }
  const files = firstLoad(dir);
  const sum = totals(files);
  for (const kind of ['html', 'js', 'wasm', 'css']) {
    if (kind !== 'css') assert.ok(sum[kind].files > 0, `the first load has no ${kind} file: ${JSON.stringify(files)}`);
  }
  const ratio = sum.total.gzip / budget.hello_yew_gzip_bytes;
  const allowed = Math.floor(budget.hello_yew_gzip_bytes * budget.allowed_ratio);
  t.diagnostic(
    `first load: ${sum.total.gzip} bytes gzipped (${sum.total.raw} raw) in ${sum.total.files} files = ` +
      `${ratio.toFixed(2)} × the bare Yew app (${budget.hello_yew_gzip_bytes}); allowed ${budget.allowed_ratio} ×, ` +
      `goal ${budget.target_ratio} × (${ratio <= budget.target_ratio ? 'met' : 'not met yet'})`,
  );
  for (const f of files) t.diagnostic(`  ${f.name}: ${f.gzip} gzipped, ${f.raw} raw`);
  // The split build's on-demand modules (scripts/build.sh): not part of the first load.
  for (const m of onDemand(dir)) t.diagnostic(`  on demand (${m.views.join(', ')}): ${m.name}: ${m.gzip} gzipped, ${m.raw} raw`);
  assert.ok(
    sum.total.gzip <= allowed,
    `the first load is ${sum.total.gzip} bytes gzipped, over the budget of ${allowed} ` +
      `(${budget.allowed_ratio} × the bare Yew app's ${budget.hello_yew_gzip_bytes}; ${budgetPath}). ` +
      `Make it smaller, or raise allowed_ratio there knowingly.`,
  );
});
