import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type TaskStatus = 'initial' | 'pending' | 'complete' | 'error';

export interface TaskConfig<A extends readonly unknown[], R> {
  /** What the job depends on, read before each update. */
  args: () => A;
  /** Whether two sets of arguments ask the same. Default: each argument by identity. */
  argsEqual?: (a: A, b: A) => boolean;
  task: (args: A, o: { signal: AbortSignal }) => Promise<R>;
  onComplete?: (value: R) => void;
  onError?: (error: unknown) => void;
}

/**
 * Runs an async job whenever its arguments change and redraws its host when it ends: the part
 * of @lit/task the kit uses, with the same order (callbacks, then status, then a redraw), at a
 * third of its bytes. A newer run aborts the one under way, whose result is then dropped.
 */
export class Task<A extends readonly unknown[], R> implements ReactiveController {
  status: TaskStatus = 'initial';
  value?: R;
  error?: unknown;
  #host: ReactiveControllerHost;
  #config: TaskConfig<A, R>;
  #args?: A;
  #call = 0;
  #abort?: AbortController;

  constructor(host: ReactiveControllerHost, config: TaskConfig<A, R>) {
    (this.#host = host).addController(this);
    this.#config = config;
  }

  hostUpdate(): void {
    const args = this.#config.args();
    const prev = this.#args;
    if (!prev || !(this.#config.argsEqual ?? sameEach)(prev, args)) void this.run(args);
  }

  /** Runs the job now (with fresh arguments unless given). */
  async run(args: A = this.#config.args()): Promise<void> {
    this.#args = args;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const call = ++this.#call;
    this.status = 'pending';
    this.#host.requestUpdate();
    let value: R | undefined;
    let error: unknown;
    let failed = false;
    try {
      value = await this.#config.task(args, { signal: abort.signal });
    } catch (e) {
      failed = true;
      error = e;
    }
    if (call !== this.#call) return;
    try {
      if (failed) this.#config.onError?.(error);
      else this.#config.onComplete?.(value as R);
    } catch {
      // A callback's fault is its own: the task still ends.
    }
    this.status = failed ? 'error' : 'complete';
    this.value = value;
    this.error = error;
    this.#host.requestUpdate();
  }
}

const sameEach = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
