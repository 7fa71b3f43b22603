/**
 * A queue that runs async tasks one at a time, in call order; a failed task does not block later ones.
 * Used where a check and the write that depends on it span more than one file.
 */
export function serialQueue(): <R>(task: () => Promise<R>) => Promise<R> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** One serial queue per key (a user id, say): tasks under the same key run one at a time, other keys in parallel. */
export function keyedSerialQueue(): <R>(key: string, task: () => Promise<R>) => Promise<R> {
  const tails = new Map<string, Promise<unknown>>();
  return (key, task) => {
    const run = (tails.get(key) ?? Promise.resolve()).then(task);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    // Forget the key once its last task is done, so the map holds only users with a start under way.
    void tail.then(() => tails.get(key) === tail && tails.delete(key));
    return run;
  };
}
