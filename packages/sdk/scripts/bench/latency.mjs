// Per-call latency of two kinds of call made one at a time and alternately (a b b a a b ...), so
// whatever slows the server down for a while (the gateway's garbage collection, LevelDB writing
// to disk, a busy CI host) lands on both sides of a ratio alike. The gateway's own latency drifts
// by a third over seconds: alternating in blocks of calls put that drift into the ratio.

/** The value below which `fraction` of `values` lie (nearest rank); `median` is fraction 0.5. */
export function percentile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

export const median = (values) => percentile(values, 0.5);

const emptyRound = () => ({ samples: [], failed: 0, firstError: undefined });

/** Times one call of `call(index)` into `round`, in ms; a failed call is counted, not timed. */
async function timeCall(call, index, round) {
  const started = performance.now();
  try {
    await call(index);
    round.samples.push(performance.now() - started);
  } catch (error) {
    round.failed++;
    round.firstError ??= error;
  }
}

/** `count` calls of each side, in pairs whose order flips every pair; both sides get the same indexes. */
async function alternate(calls, firstIndex, count) {
  const round = { subject: emptyRound(), baseline: emptyRound() };
  for (let index = firstIndex; index < firstIndex + count; index++) {
    const order = index % 2 === 0 ? ['subject', 'baseline'] : ['baseline', 'subject'];
    for (const side of order) await timeCall(calls[side], index, round[side]);
  }
  return round;
}

function summarize(rounds) {
  const samples = rounds.flatMap((round) => round.samples);
  const firstError = rounds.find((round) => round.firstError)?.firstError;
  if (samples.length === 0) throw new Error(`every call failed: ${firstError}`);
  return {
    medianMs: median(samples),
    p90Ms: percentile(samples, 0.9),
    calls: samples.length,
    failed: rounds.reduce((sum, round) => sum + round.failed, 0),
    firstError,
    roundMedians: rounds.map((round) => median(round.samples)),
  };
}

/**
 * Warms both calls up, then runs `rounds` rounds of `callsPerRound` sequential calls of each,
 * alternating call by call. Each call gets a running index, the same sequence on both sides.
 * @returns {{ subject: object, baseline: object, roundRatios: number[] }} medians and p90s in ms
 */
export async function compareInRounds({ subject, baseline, warmupCalls, rounds, callsPerRound }) {
  const calls = { subject, baseline };
  await alternate(calls, 0, warmupCalls);
  const measured = [];
  for (let round = 0; round < rounds; round++)
    measured.push(await alternate(calls, round * callsPerRound, callsPerRound));
  const summary = {
    subject: summarize(measured.map((round) => round.subject)),
    baseline: summarize(measured.map((round) => round.baseline)),
  };
  const roundRatios = summary.subject.roundMedians.map(
    (value, round) => value / summary.baseline.roundMedians[round],
  );
  return { ...summary, roundRatios };
}
