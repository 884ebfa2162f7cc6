/** Run `work` over `tasks` with at most `limit` running at once; stops taking new tasks once `signal` aborts. */
export async function runLimited<T>(
  tasks: readonly T[],
  limit: number,
  work: (task: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < tasks.length && !signal?.aborted) {
      const task = tasks[next++] as T;
      await work(task);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
}
