/** Shared by the parts of one store: once closed, every change is refused. */
export class Lifecycle {
  #closed = false;

  /** @throws Error once the store is closed. */
  assertOpen(): void {
    if (this.#closed) throw new Error('The store is closed.');
  }

  close(): void {
    this.#closed = true;
  }
}
