/**
 * Runs `count` tasks, at most `limit` at once, in order of index, so a long repeat keeps the server
 * and the page responsive. Each result goes to `onResult` as it lands; an aborted signal starts no
 * more tasks. Resolves when every started task has settled; a task turns its failure into a result.
 */
export async function runPool<T>(
  count: number,
  limit: number,
  task: (index: number) => Promise<T>,
  onResult: (index: number, result: T) => void,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count && !signal?.aborted) {
      const index = next++;
      onResult(index, await task(index));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, worker));
}
