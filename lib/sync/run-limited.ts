/**
 * Run `work` over `tasks` with at most `limit` running at once; stops taking new tasks once `signal` aborts or a task
 * fails. Settles only when every started task has ended (so no task outlives the run), then throws the first failure.
 */
export async function runLimited<T>(
  tasks: readonly T[],
  limit: number,
  work: (task: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (next < tasks.length && !signal?.aborted && !failure) {
      const task = tasks[next++] as T;
      try {
        await work(task);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
  if (failure) throw failure.error;
}
