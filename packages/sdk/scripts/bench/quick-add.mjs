// Quick add's parse time: every phrase of src/quick-add/phrases.json parsed by the built
// @todolist/sdk/quick-add (dist/esm), beside a baseline measured in the same run on the same
// phrases: splitting the text into words (`text.trim().split(/\s+/)`), the least any parser
// must do. Per phrase, the mean of `CALLS_PER_PHRASE` calls after a warm-up; the figures are
// the p50, p95 and max over the phrases, and the first parse of all (chrono-node's cold start).
//
// Run alone: `node scripts/bench/quick-add.mjs` (after a build); `npm run bench` runs it too.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describeMachine, renderReport } from '@todolist/bench-kit/report';
import { runBenchmark } from '@todolist/bench-kit/run';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const QUICK_ADD_ENTRY = join(root, 'dist/esm/quick-add/index.js');
const TABLE = join(root, 'src/quick-add/phrases.json');
const SETTINGS = { warmupPasses: 20, callsPerPhrase: 200 };
/** Issue 19's target: a phrase parses in at most 5 ms. */
export const MAX_PARSE_MS = 5;

// A parse takes tens of microseconds and a split well under one: milliseconds would read 0.000.
const us = (valueMs) => `${(valueMs * 1000).toFixed(2)} µs`;

function percentile(sorted, fraction) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

function summary(perPhraseMs) {
  const sorted = [...perPhraseMs].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted.at(-1) };
}

/** The mean time of one call of `fn(text)`, in milliseconds, over `calls` calls. */
function meanMs(fn, text, calls) {
  const start = process.hrtime.bigint();
  for (let call = 0; call < calls; call++) fn(text);
  return Number(process.hrtime.bigint() - start) / 1e6 / calls;
}

/** Parse times over the table: `{ phrases, firstMs, parse: {p50,p95,max}, split: {p50,p95,max} }`. */
export async function measureQuickAdd() {
  const table = JSON.parse(await readFile(TABLE, 'utf8'));
  const texts = table.phrases.map((phrase) => phrase.text);
  const options = { now: new Date(table.now), timeZone: table.timeZone };
  const started = process.hrtime.bigint();
  const { parseQuickAdd } = await import(pathToFileURL(QUICK_ADD_ENTRY).href);
  parseQuickAdd(texts[0], options);
  const firstMs = Number(process.hrtime.bigint() - started) / 1e6;
  const parse = (text) => parseQuickAdd(text, options);
  const split = (text) => text.trim().split(/\s+/);
  for (let pass = 0; pass < SETTINGS.warmupPasses; pass++) {
    for (const text of texts) {
      parse(text);
      split(text);
    }
  }
  const parseTimes = [];
  const splitTimes = [];
  // Alternating phrase by phrase, so both sides see the same machine load.
  for (const text of texts) {
    parseTimes.push(meanMs(parse, text, SETTINGS.callsPerPhrase));
    splitTimes.push(meanMs(split, text, SETTINGS.callsPerPhrase));
  }
  return { phrases: texts.length, firstMs, parse: summary(parseTimes), split: summary(splitTimes) };
}

/** The report's rows for the measured parse times. */
export function quickAddRows(result) {
  return ['p50', 'p95', 'max'].map((stat) => ({
    figure: `parseQuickAdd, ${stat} of ${result.phrases} phrases`,
    value: us(result.parse[stat]),
    baseline: `${us(result.split[stat])} text.split(/\\s+/)`,
    ratio: result.parse[stat] / result.split[stat],
    target: `<= ${MAX_PARSE_MS} ms`,
    pass: result.parse[stat] <= MAX_PARSE_MS,
  }));
}

/** The cold start, as a note. */
export const quickAddNote = (result) =>
  `quick add: the first parse, chrono-node's import included, took ${result.firstMs.toFixed(1)} ms`;

/** What the report says about how quick add was measured. */
export const QUICK_ADD_METHOD = `quick add: each phrase of src/quick-add/phrases.json, ${SETTINGS.warmupPasses} warm-up passes, then the mean of ${SETTINGS.callsPerPhrase} calls per phrase, alternating with its baseline; p50/p95/max over the phrases`;

if (import.meta.main) {
  await runBenchmark(async () => {
    const result = await measureQuickAdd();
    const report = renderReport({
      title: 'todolist SDK benchmark: quick add',
      machine: describeMachine(),
      method: [QUICK_ADD_METHOD],
      rows: quickAddRows(result),
      notes: [quickAddNote(result)],
      reproduce: 'node scripts/bench/quick-add.mjs   (in packages/sdk, after npm run build -w @todolist/sdk)',
    });
    process.stdout.write(`${report}\n`);
  });
}
