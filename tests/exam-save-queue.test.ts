import { describe, expect, it } from 'vitest';
import { MAX_IN_FLIGHT, retryDelay, type SaveBody, SaveQueue, type SendResult } from '../src/components/exam/save-queue.ts';

// The exam page's autosave queue, driven step by step: each request is a promise the test settles, the clock and
// timers are fake, storage is a Map.

interface Call {
  readonly body: SaveBody;
  readonly settle: (result: SendResult) => Promise<void>;
}

function harness(options: { storage?: Map<string, string>; attemptId?: string } = {}) {
  const calls: Call[] = [];
  let clock = 1_000;
  const timers: { at: number; task: () => void; cancelled: boolean }[] = [];
  const storage = options.storage ?? new Map<string, string>();
  const halts: string[] = [];
  const queue = new SaveQueue({
    attemptId: options.attemptId ?? 'attempt-1',
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v), removeItem: (k) => void storage.delete(k) },
    now: () => clock,
    random: () => 0.5,
    schedule: (task, ms) => {
      const timer = { at: clock + ms, task, cancelled: false };
      timers.push(timer);
      return () => (timer.cancelled = true);
    },
    onHalt: (code) => halts.push(code),
    send: (_attemptId, body) =>
      new Promise<SendResult>((resolve) => {
        calls.push({
          body,
          settle: async (result) => {
            resolve(result);
            // Let the queue's continuation run.
            for (let i = 0; i < 5; i += 1) await Promise.resolve();
          },
        });
      }),
  });
  /** Advances the fake clock, running due timers in order. */
  const advance = (ms: number) => {
    clock += ms;
    for (const timer of timers.splice(0).sort((a, b) => a.at - b.at)) {
      if (timer.cancelled) continue;
      if (timer.at <= clock) timer.task();
      else timers.push(timer);
    }
  };
  const ack = (call: Call, outcome: 'stored' | 'duplicate' | 'superseded' = 'stored', version = call.body.version) => call.settle({ ok: true, outcome, version });
  const fail = (call: Call, status = 0, code = 'NETWORK') => call.settle({ ok: false, status, code, message: code });
  return { queue, calls, storage, halts, advance, ack, fail };
}

const answer = (response: unknown, flagged = false) => ({ response, flagged });

describe('exam save queue', () => {
  it('sends saves for different questions side by side, and each is saved when its own acknowledgement arrives', async () => {
    const { queue, calls, ack } = harness();
    queue.load({});
    queue.change('q1', answer(0));
    queue.change('q2', answer(true));
    expect(calls.map((call) => call.body)).toEqual([
      { itemId: 'q1', response: 0, flagged: false, version: 1 },
      { itemId: 'q2', response: true, flagged: false, version: 1 },
    ]);
    expect([queue.status('q1'), queue.status('q2')]).toEqual(['saving', 'saving']);
    // The second answer's acknowledgement arrives first: nothing about q1 changes.
    await ack(calls[1]!);
    expect([queue.status('q1'), queue.status('q2')]).toEqual(['saving', 'saved']);
    await ack(calls[0]!);
    expect(queue.unacknowledged()).toEqual([]);
  });

  it('keeps only the latest answer per question, one request per question at a time, until that version is acknowledged', async () => {
    const { queue, calls, ack } = harness();
    queue.load({ q1: { response: 1, flagged: false, version: 7 } });
    queue.change('q1', answer(2));
    queue.change('q1', answer(3));
    queue.change('q1', answer(0, true));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body.version).toBe(8);
    await ack(calls[0]!);
    // Version 8 is acknowledged, but the page shows a newer answer: still not saved, and sent next.
    expect(queue.status('q1')).toBe('saving');
    expect(calls[1]!.body).toEqual({ itemId: 'q1', response: 0, flagged: true, version: 10 });
    await ack(calls[1]!);
    expect(queue.status('q1')).toBe('saved');
  });

  it('retries a failed save with growing, jittered backoff and sends it at once when told the network is back', async () => {
    const { queue, calls, fail, ack, advance } = harness();
    queue.load({});
    queue.change('q1', answer(0));
    await fail(calls[0]!);
    expect(queue.status('q1')).toBe('unsaved');
    expect(queue.lastError).toBe('NETWORK');
    advance(retryDelay(1, () => 0.5) - 1);
    expect(calls).toHaveLength(1);
    advance(1);
    expect(calls).toHaveLength(2);
    await fail(calls[1]!, 503, 'INTERNAL_ERROR');
    advance(retryDelay(1, () => 0.5));
    expect(calls).toHaveLength(2);
    queue.retryNow();
    expect(calls).toHaveLength(3);
    await ack(calls[2]!);
    expect(queue.status('q1')).toBe('saved');
    expect(queue.lastError).toBeNull();
  });

  it('spreads retries: between half and all of an exponential ceiling capped at 15 s', () => {
    expect([retryDelay(1, () => 0), retryDelay(1, () => 1)]).toEqual([250, 500]);
    expect([retryDelay(3, () => 0), retryDelay(3, () => 1)]).toEqual([1000, 2000]);
    expect(retryDelay(20, () => 1)).toBe(15_000);
  });

  it('keeps unacknowledged answers in storage, so a reload shows and resends them; acknowledged ones are dropped', async () => {
    const storage = new Map<string, string>();
    const first = harness({ storage });
    first.queue.load({});
    first.queue.change('q1', answer(0));
    first.queue.change('q2', answer([1, 2]));
    await first.ack(first.calls[0]!);
    expect(JSON.parse(storage.get('exam-autosave:attempt-1')!)).toMatchObject([{ itemId: 'q2', response: [1, 2], flagged: false, version: 1 }]);

    // The page reloads before q2 was acknowledged; the server has q1 only.
    const second = harness({ storage });
    const shown = second.queue.load({ q1: { response: 0, flagged: false, version: 1 } });
    expect(shown).toMatchObject({ q1: answer(0), q2: answer([1, 2]) });
    expect(second.calls.map((call) => call.body)).toEqual([{ itemId: 'q2', response: [1, 2], flagged: false, version: 1 }]);
    await second.ack(second.calls[0]!, 'duplicate');
    expect(storage.has('exam-autosave:attempt-1')).toBe(false);
  });

  it('drops a stored answer the server already holds at that version or newer', () => {
    const storage = new Map([['exam-autosave:attempt-1', JSON.stringify([{ itemId: 'q1', response: 0, flagged: false, version: 2 }])]]);
    const { queue, calls } = harness({ storage });
    expect(queue.load({ q1: { response: 3, flagged: false, version: 2 } })).toMatchObject({ q1: answer(3) });
    expect(calls).toHaveLength(0);
  });

  it('when the server holds a newer version of a question, resends the shown answer above it', async () => {
    const { queue, calls, ack } = harness();
    queue.load({});
    queue.change('q1', answer(1));
    await ack(calls[0]!, 'superseded', 5);
    expect(calls[1]!.body).toEqual({ itemId: 'q1', response: 1, flagged: false, version: 6 });
  });

  it('stops on a refusal that ends the attempt (being graded, closed) and reports it once', async () => {
    const { queue, calls, fail, halts, advance } = harness();
    queue.load({});
    queue.change('q1', answer(1));
    queue.change('q2', answer(1));
    await fail(calls[0]!, 409, 'ATTEMPT_SUBMITTING');
    await fail(calls[1]!, 409, 'ATTEMPT_SUBMITTING');
    advance(60_000);
    queue.change('q3', answer(0));
    expect(calls).toHaveLength(2);
    expect(halts).toEqual(['ATTEMPT_SUBMITTING']);
    expect(queue.unacknowledged().sort()).toEqual(['q1', 'q2', 'q3']);
  });

  it('does not retry an answer the server refused as malformed, and reports it', async () => {
    const { queue, calls, fail, advance } = harness();
    queue.load({});
    queue.change('q1', answer(99));
    await fail(calls[0]!, 400, 'ATTEMPT_INVALID_RESPONSE');
    advance(60_000);
    expect(calls).toHaveLength(1);
    expect(queue.status('q1')).toBe('unsaved');
    expect(queue.lastError).toBe('ATTEMPT_INVALID_RESPONSE');
    expect(await queue.flush(5_000)).toBe(false);
  });

  it(`sends at most ${MAX_IN_FLIGHT} requests at once and the rest as answers come back`, async () => {
    const { queue, calls, ack } = harness();
    queue.load({});
    for (let i = 1; i <= 6; i += 1) queue.change(`q${i}`, answer(0));
    expect(calls).toHaveLength(MAX_IN_FLIGHT);
    await ack(calls[0]!);
    expect(calls).toHaveLength(MAX_IN_FLIGHT + 1);
  });

  it('flush resolves true once everything is acknowledged, and false when time runs out first', async () => {
    const { queue, calls, ack, advance } = harness();
    queue.load({});
    queue.change('q1', answer(0));
    const flushed = queue.flush(5_000);
    await ack(calls[0]!);
    expect(await flushed).toBe(true);
    queue.change('q2', answer(0));
    const timedOut = queue.flush(5_000);
    advance(5_000);
    expect(await timedOut).toBe(false);
    expect(queue.unacknowledged()).toEqual(['q2']);
  });
});
