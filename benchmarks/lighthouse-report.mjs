// Turns the Lighthouse JSON reports in a folder into the Markdown of benchmarks/results/lighthouse-<time>.md: the
// four category scores per page and preset against the targets, the key metrics, and each failed audit briefly.
// Usage: node benchmarks/lighthouse-report.mjs <folder> <base url> <chromium version> <chrome flags>
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

const [folder, base, chromium, flags] = process.argv.slice(2);
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const targets = { performance: 90, accessibility: 95, 'best-practices': 95, seo: 95 };
const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift',
  'speed-index'];

const runs = readdirSync(folder).filter((name) => name.endsWith('.json')).sort().map((name) => {
  const preset = name.replace(/^\d+-|\.json$/g, '');
  try {
    return { preset, lhr: JSON.parse(readFileSync(join(folder, name), 'utf8')) };
  } catch (e) {
    return { preset, error: String(e) };
  }
});

const score = (lhr, id) => {
  const value = lhr.categories[id]?.score;
  return value === null || value === undefined ? null : Math.round(value * 100);
};
const path = (lhr) => new URL(lhr.finalDisplayedUrl ?? lhr.requestedUrl).pathname;
const clip = (text, length = 160) => {
  const flat = String(text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
};
const cell = (text) => clip(text).replace(/\|/g, '\\|');

/** Audits a category counts that did not pass: a binary audit at 0, a scored one under 0.9. */
function failed(lhr) {
  const found = [];
  for (const id of categories) {
    const category = lhr.categories[id];
    if (!category) {
      continue;
    }
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || !['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode)) {
        continue;
      }
      if (audit.score >= (audit.scoreDisplayMode === 'binary' ? 1 : 0.9)) {
        continue;
      }
      const items = audit.details?.items ?? [];
      const first = items[0];
      const where = first && (first.node?.selector || first.node?.snippet || first.url || first.source?.url
        || first.description || '');
      found.push({ category: id, id: ref.id, weight: ref.weight, title: audit.title, value: audit.displayValue ?? '',
        where: where ? `${where}${items.length > 1 ? ` (and ${items.length - 1} more)` : ''}` : '',
        explanation: first?.node?.explanation ?? '' });
    }
  }
  return found;
}

const lines = [];
const first = runs.find((run) => run.lhr)?.lhr;
lines.push(`# Lighthouse, ${new Date().toISOString()}`);
lines.push('');
lines.push(`Lighthouse ${first?.lighthouseVersion ?? '?'} with ${chromium || 'Chromium'} (${flags}), against ${base}; `
  + `${cpus().length} cores, Node ${process.version}. Mobile is Lighthouse's default (a Moto G Power on slow 4G, `
  + 'simulated, CPU slowed four times) and holds the targets; desktop is `--preset=desktop`. Targets: performance ≥ 90, '
  + 'accessibility, best practices and SEO ≥ 95.');
if (first?.environment?.benchmarkIndex) {
  lines.push('');
  lines.push(`Lighthouse's CPU benchmark index of this machine: ${Math.round(first.environment.benchmarkIndex)} `
    + '(a low figure means the simulated throttling is applied to an already slow or busy CPU).');
}
lines.push('');
lines.push('| page | preset | performance | accessibility | best practices | SEO | targets |');
lines.push('|---|---|---|---|---|---|---|');
for (const run of runs) {
  if (!run.lhr || run.lhr.runtimeError) {
    lines.push(`| ? | ${run.preset} | no result: ${cell(run.error ?? run.lhr?.runtimeError?.message)} | | | | NOT met |`);
    continue;
  }
  const scores = categories.map((id) => score(run.lhr, id));
  const met = categories.every((id, index) => scores[index] !== null && scores[index] >= targets[id]);
  lines.push(`| ${path(run.lhr)} | ${run.preset} | ${scores.map((value) => value ?? 'n/a').join(' | ')} | `
    + `${met ? 'met' : 'NOT met'} |`);
}
lines.push('');
lines.push('| page | preset | ' + metrics.map((id) => first?.audits[id]?.title ?? id).join(' | ') + ' |');
lines.push('|---|---|' + metrics.map(() => '---|').join(''));
for (const run of runs.filter((each) => each.lhr && !each.lhr.runtimeError)) {
  lines.push(`| ${path(run.lhr)} | ${run.preset} | `
    + metrics.map((id) => run.lhr.audits[id]?.displayValue ?? 'n/a').join(' | ') + ' |');
}
lines.push('');
lines.push('## Audits that did not pass');
lines.push('');
let none = true;
for (const run of runs.filter((each) => each.lhr && !each.lhr.runtimeError)) {
  const audits = failed(run.lhr);
  const warnings = run.lhr.runWarnings ?? [];
  if (audits.length === 0 && warnings.length === 0) {
    continue;
  }
  none = false;
  lines.push(`### ${path(run.lhr)}, ${run.preset}`);
  lines.push('');
  for (const audit of audits) {
    const detail = [audit.value, audit.where, audit.explanation].filter(Boolean).map((text) => clip(text)).join('; ');
    lines.push(`- ${audit.category} (weight ${audit.weight}): \`${audit.id}\` ${audit.title}${detail ? `: ${detail}` : ''}`);
  }
  for (const warning of warnings) {
    lines.push(`- run warning: ${clip(warning, 300)}`);
  }
  lines.push('');
}
if (none) {
  lines.push('None.');
}
process.stdout.write(`${lines.join('\n')}\n`);
