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
