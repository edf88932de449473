/**
 * Gives out items that arrive out of order (results of files analysed at
 * once, in several threads) in the order of their indices, each as soon as
 * every one before it has arrived. An index may carry several items, or
 * none (a file skipped).
 */
export class InOrder<T> {
  private readonly waiting = new Map<number, readonly T[]>();
  private next = 0;

  constructor(private readonly emit: (item: T) => void) {}

  /** The items of `index`; gives out those now due. Each index is put once. */
  put(index: number, items: readonly T[]): void {
    this.waiting.set(index, items);
    for (let due = this.waiting.get(this.next); due !== undefined; due = this.waiting.get(this.next)) {
      this.waiting.delete(this.next++);
      for (const item of due) this.emit(item);
    }
  }

  /** Gives out what is left, in order, skipping indices never put (files not started when a run was stopped). */
  flush(): void {
    for (const index of [...this.waiting.keys()].sort((a, b) => a - b)) {
      const items = this.waiting.get(index) ?? [];
      this.waiting.delete(index);
      for (const item of items) this.emit(item);
    }
  }
}
