// A bounded pool: at most `concurrency` tasks at once, and at most `perKey` at
// once for one key (a host), so a config listing many ports of one machine
// does not open dozens of simultaneous connections to it. Tasks start in
// submission order, skipping over ones whose host is busy.

interface Pending {
  key: string;
  start: () => void;
}

export class Pool {
  private running = 0;
  private readonly perKeyRunning = new Map<string, number>();
  private readonly queue: Pending[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly perKey: number,
  ) {
    if (!(concurrency >= 1)) throw new RangeError(`concurrency must be ≥ 1, got ${concurrency}`);
    if (!(perKey >= 1)) throw new RangeError(`per-host limit must be ≥ 1, got ${perKey}`);
  }

  /** Run `task` when a slot for `key` is free; resolves with its result. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        key,
        start: () => {
          let p: Promise<T>;
          try {
            p = task();
          } catch (e) {
            p = Promise.reject(e);
          }
          p.then(resolve, reject).finally(() => this.done(key));
        },
      });
      this.pump();
    });
  }

  private done(key: string): void {
    this.running--;
    const n = (this.perKeyRunning.get(key) ?? 1) - 1;
    if (n === 0) this.perKeyRunning.delete(key);
    else this.perKeyRunning.set(key, n);
    this.pump();
  }

  private pump(): void {
    for (let i = 0; i < this.queue.length && this.running < this.concurrency; ) {
      const item = this.queue[i];
      const n = this.perKeyRunning.get(item.key) ?? 0;
      if (n >= this.perKey) {
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      this.running++;
      this.perKeyRunning.set(item.key, n + 1);
      item.start();
    }
  }
}
