// The kit's own task controller: runs when its arguments change, drops a superseded run.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ReactiveElement } from 'lit';
import { Task } from '../../src/internal/task.js';

/** A host whose task echoes `key` after the test lets it finish. */
class TaskProbe extends ReactiveElement {
  key = 'a';
  runs: string[] = [];
  signals: AbortSignal[] = [];
  seen: string[] = [];
  finish = new Map<string, { resolve: (v: string) => void; reject: (e: unknown) => void }>();
  readonly task: Task<readonly [string], string> = new Task(this, {
    args: () => [this.key] as const,
    task: ([key], { signal }) => {
      this.runs.push(key);
      this.signals.push(signal);
      return new Promise<string>((resolve, reject) => this.finish.set(key, { resolve, reject }));
    },
    // Callbacks run before the status changes, as @lit/task's do.
    onComplete: (v) => this.seen.push(`${this.task.status}:done:${v}`),
    onError: (e) => this.seen.push(`${this.task.status}:failed:${(e as Error).message}`),
  });
}
customElements.define('task-probe', TaskProbe);

describe('Task', () => {
  it('runs once per change of its arguments and redraws with the value', async () => {
    const el = await fixture<TaskProbe>(html`<task-probe></task-probe>`);
    expect(el.task.status).to.equal('pending');
    el.requestUpdate();
    await el.updateComplete;
    expect(el.runs).to.deep.equal(['a']);
    el.finish.get('a')!.resolve('A');
    await waitUntil(() => el.task.status === 'complete');
    expect(el.task.value).to.equal('A');
    expect(el.seen).to.deep.equal(['pending:done:A']);
    el.key = 'b';
    el.requestUpdate();
    await el.updateComplete;
    expect(el.runs).to.deep.equal(['a', 'b']);
    expect(el.task.value, 'the last value stays while the next run is under way').to.equal('A');
  });

  it('aborts a run a newer one replaces and drops its result', async () => {
    const el = await fixture<TaskProbe>(html`<task-probe></task-probe>`);
    el.key = 'b';
    el.requestUpdate();
    await el.updateComplete;
    expect(el.signals[0].aborted).to.equal(true);
    el.finish.get('a')!.resolve('A');
    el.finish.get('b')!.reject(new Error('down'));
    await waitUntil(() => el.task.status === 'error');
    expect(el.seen).to.deep.equal(['pending:failed:down']);
    expect((el.task.error as Error).message).to.equal('down');
    expect(el.task.value).to.equal(undefined);
  });

  it('runs again on demand with the same arguments', async () => {
    const el = await fixture<TaskProbe>(html`<task-probe></task-probe>`);
    el.finish.get('a')!.resolve('A');
    await waitUntil(() => el.task.status === 'complete');
    void el.task.run();
    expect(el.task.status).to.equal('pending');
    expect(el.runs).to.deep.equal(['a', 'a']);
  });
});
