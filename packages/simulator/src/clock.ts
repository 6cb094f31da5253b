/**
 * The simulator's sense of time. Every state change (an operation finishing, a recording
 * expiring, a subscription lapsing) is a task scheduled on this clock, so a test can move time
 * forward deterministically and a demo can let it run on the wall clock.
 */

/** How the simulator's clock moves: only when told (`virtual`), or with the wall clock (`real`). */
export type ClockMode = "virtual" | "real";

/** Options of {@link SimulatorClock}. */
export interface ClockOptions {
  mode: ClockMode;
  /** Simulated time at start, in ms since the epoch. Defaults to the wall clock, whole seconds. */
  startTime?: number;
  /** Real mode only: simulated milliseconds per real millisecond (2 = twice as fast). */
  speed?: number;
}

interface Task {
  id: number;
  at: number;
  run: () => unknown;
  timer?: ReturnType<typeof setTimeout>;
}

/** A clock that runs scheduled tasks in time order, on demand or with the wall clock. */
export class SimulatorClock {
  readonly mode: ClockMode;
  private readonly speed: number;
  private virtualNow: number;
  private readonly realStart: number;
  private offset = 0;
  private nextId = 1;
  private readonly tasks = new Map<number, Task>();
  private readonly running = new Set<Promise<unknown>>();
  private disposed = false;

  constructor(options: ClockOptions) {
    this.mode = options.mode;
    this.speed = options.speed ?? 1;
    if (!(this.speed > 0)) throw new RangeError(`clock speed must be > 0, got ${options.speed}`);
    const start = options.startTime ?? Math.floor(Date.now() / 1000) * 1000;
    this.virtualNow = start;
    this.realStart = performance.now();
    this.offset = start;
  }

  /** The simulated time, in ms since the epoch. */
  now(): number {
    if (this.mode === "virtual") return this.virtualNow;
    return Math.floor(this.offset + (performance.now() - this.realStart) * this.speed);
  }

  /** The simulated time as a Date. */
  date(): Date {
    return new Date(this.now());
  }

  /** Runs `run` when the simulated time reaches `at`; returns a function that cancels it. */
  schedule(at: number, run: () => unknown): () => void {
    if (this.disposed) return () => {};
    const task: Task = { id: this.nextId++, at, run };
    this.tasks.set(task.id, task);
    if (this.mode === "real") this.arm(task);
    return () => this.cancel(task.id);
  }

  /** Runs `run` after `delayMs` of simulated time. */
  after(delayMs: number, run: () => unknown): () => void {
    return this.schedule(this.now() + Math.max(0, delayMs), run);
  }

  /**
   * Moves simulated time forward by `ms`, running every task that falls due, in time order, and
   * waits for the work they started (notification deliveries included).
   */
  async advance(ms: number): Promise<void> {
    if (!(ms >= 0) || !Number.isFinite(ms)) {
      throw new RangeError(`advance() takes a finite number of ms >= 0, got ${ms}`);
    }
    const target = this.now() + ms;
    if (this.mode === "real") {
      this.offset += ms;
      for (const task of this.tasks.values()) this.arm(task);
    }
    for (;;) {
      const due = this.earliestDue(target);
      if (!due) break;
      if (this.mode === "virtual") this.virtualNow = Math.max(this.virtualNow, due.at);
      this.runTask(due);
      await this.idle();
    }
    if (this.mode === "virtual") this.virtualNow = Math.max(this.virtualNow, target);
    await this.idle();
  }

  /** Resolves once every task that already ran has finished its asynchronous work. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** Number of tasks still scheduled. */
  pending(): number {
    return this.tasks.size;
  }

  /** Cancels every scheduled task and timer; later schedules are ignored. */
  dispose(): void {
    this.disposed = true;
    for (const task of this.tasks.values()) if (task.timer) clearTimeout(task.timer);
    this.tasks.clear();
  }

  private earliestDue(limit: number): Task | undefined {
    let best: Task | undefined;
    for (const task of this.tasks.values()) {
      if (task.at > limit) continue;
      if (!best || task.at < best.at || (task.at === best.at && task.id < best.id)) best = task;
    }
    return best;
  }

  private cancel(id: number): void {
    const task = this.tasks.get(id);
    if (task?.timer) clearTimeout(task.timer);
    this.tasks.delete(id);
  }

  private arm(task: Task): void {
    if (task.timer) clearTimeout(task.timer);
    const delay = Math.max(0, (task.at - this.now()) / this.speed);
    task.timer = setTimeout(() => this.runTask(task), delay);
    task.timer.unref?.();
  }

  private runTask(task: Task): void {
    if (!this.tasks.delete(task.id)) return;
    if (task.timer) clearTimeout(task.timer);
    let result: unknown;
    try {
      result = task.run();
    } catch {
      return;
    }
    if (result instanceof Promise) {
      const tracked = result.catch(() => {}).finally(() => this.running.delete(tracked));
      this.running.add(tracked);
    }
  }
}
