import { readdirSync, readFileSync } from 'node:fs';
import { httpClient, type HttpAnswer, inParallel, percentile } from './http-client.ts';

/** How a simulated trainee reaches one server: the real API or the bare baseline. */
export interface LoadTarget {
  readonly name: string;
  start(trainee: LoadTrainee): Promise<HttpAnswer>;
  save(trainee: LoadTrainee, attemptId: string, body: AnswerBody): Promise<HttpAnswer & { readonly retried: boolean }>;
  submit(trainee: LoadTrainee, attemptId: string): Promise<HttpAnswer>;
}

export interface LoadTrainee {
  readonly userId: string;
  readonly token: string | null;
}

export interface AnswerBody {
  readonly itemId: string;
  readonly response: number | boolean | null;
  readonly flagged: boolean;
  /** The per-question version; a trainee-wide counter only ever goes up, so it is one for every question. */
  readonly version: number;
}

export interface LoadOptions {
  /** Mean pause between one trainee's autosaves; each pause is drawn uniformly from 0.5–1.5 × this. */
  readonly autosaveEveryMs: number;
  readonly warmupMs: number;
  readonly measureMs: number;
  /** Concurrent starts and submits (they are timed but are not the figure). */
  readonly setupConcurrency: number;
  /** CPU seconds the server process has used so far, to report CPU per autosave; absent when unknown. */
  readonly serverCpuSeconds?: () => number | null;
}

export interface LoadReport {
  readonly trainees: number;
  readonly startSeconds: number;
  readonly autosavesPerSecond: number;
  readonly offeredPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly measured: number;
  readonly errors: number;
  readonly firstErrors: string[];
  readonly submitP99: number;
  /** Autosaves sent again after their kept-alive connection was reset (the retry's time is included). */
  readonly retries: number;
  /** Server CPU (user + system) per autosave answered in the measuring window, in ms; null when unknown. */
  readonly cpuMsPerAutosave: number | null;
}

/**
 * Drives trainees against one target: every trainee starts an attempt (all started before the clock runs), then
 * autosaves one answer at a time — waiting for the answer before pausing again, as the exam page does — at jittered
 * intervals, and finally submits. Autosaves completed inside the measuring window (after warm-up) are the figure.
 */
export async function runExamLoad(target: LoadTarget, trainees: readonly LoadTrainee[], options: LoadOptions): Promise<LoadReport> {
  let errors = 0;
  const firstErrors: string[] = [];
  const failed = (what: string, answer: HttpAnswer) => {
    errors += 1;
    if (firstErrors.length < 5) firstErrors.push(`${what}: ${answer.status} ${answer.body.slice(0, 200)}`);
  };
  const attempts = new Map<LoadTrainee, { readonly id: string; readonly questions: readonly { id: string; type: string }[] }>();
  const startBegan = performance.now();
  await inParallel(trainees, options.setupConcurrency, async (trainee) => {
    const answer = await target.start(trainee);
    if (answer.status !== 200 && answer.status !== 201) return failed('start', answer);
    const { attempt } = JSON.parse(answer.body) as { attempt: { id: string; questions: { id: string; type: string }[] } };
    attempts.set(trainee, attempt);
  });
  const startSeconds = (performance.now() - startBegan) / 1000;

  const latencies: number[] = [];
  let retries = 0;
  const began = performance.now();
  const measureFrom = began + options.warmupMs;
  const endAt = measureFrom + options.measureMs;
  let cpuAtStart: number | null = null;
  let cpuAtEnd: number | null = null;
  const cpuTimers = [
    setTimeout(() => (cpuAtStart = options.serverCpuSeconds?.() ?? null), options.warmupMs),
    setTimeout(() => (cpuAtEnd = options.serverCpuSeconds?.() ?? null), options.warmupMs + options.measureMs),
  ];
  const pause = () => options.autosaveEveryMs * (0.5 + Math.random());
  await Promise.all(
    [...attempts].map(async ([trainee, attempt]) => {
      // Spread the first saves over one interval so the trainees do not all fire together.
      await sleep(Math.random() * options.autosaveEveryMs);
      let seq = 0;
      while (performance.now() < endAt) {
        seq += 1;
        const question = attempt.questions[seq % attempt.questions.length]!;
        // Shapes every paper accepts: a single choice question has at least two options.
        const response = question.type === 'truefalse' ? seq % 2 === 0 : question.type === 'single' ? seq % 2 : null;
        const sentAt = performance.now();
        const answer = await target.save(trainee, attempt.id, { itemId: question.id, response, flagged: seq % 7 === 0, version: seq });
        if (answer.retried) retries += 1;
        if (answer.status !== 200) failed('autosave', answer);
        else if (sentAt >= measureFrom && sentAt < endAt) latencies.push(answer.ms);
        await sleep(pause());
      }
    }),
  );
  for (const timer of cpuTimers) clearTimeout(timer);
  const submitLatencies: number[] = [];
  await inParallel([...attempts], options.setupConcurrency, async ([trainee, attempt]) => {
    const answer = await target.submit(trainee, attempt.id);
    if (answer.status !== 200) failed('submit', answer);
    else submitLatencies.push(answer.ms);
  });
  return {
    trainees: attempts.size,
    startSeconds,
    autosavesPerSecond: latencies.length / (options.measureMs / 1000),
    offeredPerSecond: attempts.size / (options.autosaveEveryMs / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.length ? Math.max(...latencies) : Number.NaN,
    measured: latencies.length,
    errors,
    firstErrors,
    submitP99: percentile(submitLatencies, 99),
    retries,
    cpuMsPerAutosave:
      cpuAtStart !== null && cpuAtEnd !== null && latencies.length > 0
        ? ((cpuAtEnd - cpuAtStart) * 1000) / latencies.length
        : null,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The real API of the built server, signed in by session cookie. */
export function apiTarget(origin: string, examId: string): LoadTarget & { close(): void } {
  const client = httpClient(origin);
  return {
    name: 'built server',
    start: (t) => client.send('POST', `/api/exams/${examId}/start`, { token: t.token }),
    save: (t, id, body) => client.sendIdempotent('PUT', `/api/attempts/${id}/answers`, { token: t.token, json: body }),
    submit: (t, id) => client.send('POST', `/api/attempts/${id}/submit`, { token: t.token }),
    close: client.close,
  };
}

/** The bare node:http baseline (bench/scale/raw-server.ts). */
export function rawTarget(origin: string): LoadTarget & { close(): void } {
  const client = httpClient(origin);
  return {
    name: 'raw node:http',
    start: (t) => client.send('POST', '/start', { json: { userId: t.userId } }),
    save: (_t, id, body) => client.sendIdempotent('PUT', `/answers/${id}`, { json: body }),
    submit: (_t, id) => client.send('POST', `/submit/${id}`),
    close: client.close,
  };
}

/**
 * CPU seconds (user + system) used so far by a process and every process below it (a node:cluster primary and its
 * workers), from /proc; null where there is no /proc.
 */
export function treeCpuSeconds(root: number | undefined): number | null {
  if (root === undefined || processCpuSeconds(root) === null) return null;
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const parent = Number(readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    total += processCpuSeconds(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat; null where there is no /proc. */
export function processCpuSeconds(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}
