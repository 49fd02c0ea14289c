/**
 * Runs `make(0)` … `make(count - 1)`, `size` at a time, and answers their results in index
 * order: enough concurrency to make hundreds of todos quickly without flooding the gateway.
 */
export async function inBatches<T>(
  count: number,
  size: number,
  make: (index: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < count; start += size) {
    const batch = Array.from({ length: Math.min(size, count - start) }, (_, offset) => make(start + offset));
    results.push(...(await Promise.all(batch)));
  }
  return results;
}
