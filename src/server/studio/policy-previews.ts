import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { ShopPolicy } from '../../rules/index.ts';
import { policyPreview, type PolicyPreview, type PolicyPreviewStage } from '../impact/index.ts';
import { serverScript } from './server-script.ts';

export type PreviewJobState = 'queued' | 'running' | 'done' | 'failed';

/** One 预览影响 run, keyed by what it depends on: the content folder's files and the working policy. */
export interface PreviewJob {
  /** Hex digest of the content fingerprint and the working policy: the same question gets the same job. */
  readonly id: string;
  state: PreviewJobState;
  stage: PolicyPreviewStage | null;
  /** 0–100, by stage (template variants take most of the time). */
  progress: number;
  readonly queuedAt: number;
  finishedAt: number | null;
  /** In Chinese, for the lead, when `failed`. */
  error: string | null;
  result: PolicyPreview | null;
}

/** What the status API returns: the job without its result (the page renders that). */
export type PreviewJobStatus = Omit<PreviewJob, 'result'> & { readonly stageLabel: string };

/** Runs one preview somewhere off the request path, reporting stages; rejects with an Error on failure. */
export type PreviewRunner = (contentDir: string, policy: ShopPolicy, onStage: (stage: PolicyPreviewStage) => void) => Promise<PolicyPreview>;

const STAGE_PROGRESS: Readonly<Record<PolicyPreviewStage, number>> = { load: 5, cases: 20, items: 30, templates: 40, exams: 90 };
const STAGE_LABELS: Readonly<Record<PolicyPreviewStage, string>> = {
  load: '正在读取内容',
  cases: '正在比较案例',
  items: '正在比较题目',
  templates: '正在比较模板变体',
  exams: '正在核对考试题池',
};
/** Finished previews kept (a few policies tried back and forth); the oldest goes first. */
const KEEP_DONE = 8;
/** Waiting previews beyond this are refused: on two cores a queue longer than that would take minutes. */
const MAX_WAITING = 4;
/** A child that runs longer than this is stopped (the whole bank takes seconds). */
const CHILD_TIMEOUT_MS = 5 * 60_000;

/**
 * The studio's shop-policy previews as background jobs: one at a time in a child process (never in a request: the
 * comparison is seconds of synchronous CPU), results cached by (content fingerprint, working policy), progress by
 * stage for polling. Per process: with `WORKERS` > 1 each server process keeps its own jobs.
 */
export class PolicyPreviews {
  private readonly jobs = new Map<string, PreviewJob>();
  private readonly waiting: { job: PreviewJob; policy: ShopPolicy }[] = [];
  private isRunning = false;

  private readonly contentDir: string;
  private readonly fingerprint: () => string;
  private readonly runner: PreviewRunner;

  /**
   * @param fingerprint the content's fingerprint now (changes whenever a file of the four content folders does)
   * @param runner where a preview runs; default a child process
   */
  constructor(contentDir: string, fingerprint: () => string, runner: PreviewRunner = childRunner) {
    this.contentDir = contentDir;
    this.fingerprint = fingerprint;
    this.runner = runner;
  }

  /** The job for `working` against the content as it is now: a finished or running one if there is one, else a new one. */
  request(working: ShopPolicy, now = Date.now()): PreviewJob {
    const id = createHash('sha256').update(this.fingerprint()).update('\0').update(canonicalJson(working)).digest('hex').slice(0, 32);
    const known = this.jobs.get(id);
    if (known && known.state !== 'failed') {
      // Most recently asked last, so eviction drops the least recently asked.
      this.jobs.delete(id);
      this.jobs.set(id, known);
      return known;
    }
    const job: PreviewJob = { id, state: 'queued', stage: null, progress: 0, queuedAt: now, finishedAt: null, error: null, result: null };
    this.jobs.set(id, job);
    if (this.waiting.length >= MAX_WAITING) {
      job.state = 'failed';
      job.error = '已有多份预览在排队，请稍后再试。';
      job.finishedAt = now;
      return job;
    }
    this.waiting.push({ job, policy: working });
    void this.pump();
    return job;
  }

  get(id: string): PreviewJob | undefined {
    return this.jobs.get(id);
  }

  private async pump(): Promise<void> {
    if (this.isRunning) return;
    const next = this.waiting.shift();
    if (!next) return;
    this.isRunning = true;
    const { job, policy } = next;
    job.state = 'running';
    try {
      job.result = await this.runner(this.contentDir, policy, (stage) => {
        job.stage = stage;
        job.progress = STAGE_PROGRESS[stage];
      });
      job.state = 'done';
      job.progress = 100;
    } catch (error) {
      job.state = 'failed';
      job.error = `影响预览没有完成：${error instanceof Error ? error.message : String(error)}`;
      console.error('[studio] a shop policy preview failed:', error);
    } finally {
      job.finishedAt = Date.now();
      this.isRunning = false;
      this.evict();
      void this.pump();
    }
  }

  private evict(): void {
    const done = [...this.jobs.values()].filter((job) => job.state === 'done' || job.state === 'failed');
    for (const job of done.slice(0, Math.max(0, done.length - KEEP_DONE))) this.jobs.delete(job.id);
  }
}

/** The job as the status API shows it. */
export function previewJobStatus(job: PreviewJob): PreviewJobStatus {
  const { result: _result, ...status } = job;
  return { ...status, stageLabel: job.state === 'queued' ? '排队等候' : job.stage ? STAGE_LABELS[job.stage] : '正在准备' };
}

/** JSON with object keys sorted, so two equal policies give one cache key whatever their key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b))) : inner,
  );
}

type WorkerMessage = { type: 'ready' } | { type: 'stage'; stage: PolicyPreviewStage } | { type: 'done'; preview: PolicyPreview } | { type: 'failed'; message: string };

/**
 * Runs the preview in a child process with this server's Node (`src/server/impact/policy-preview-worker.ts`), as the
 * content gate runs its CLI; in process, after yielding once, only where the sources are not deployed.
 */
const childRunner: PreviewRunner = (contentDir, policy, onStage) => {
  const script = serverScript('impact/policy-preview-worker.ts');
  if (!script) return new Promise((resolve) => setImmediate(resolve)).then(() => policyPreview(contentDir, policy, onStage));
  return new Promise<PolicyPreview>((resolve, reject) => {
    const child = fork(script, [], { execPath: process.execPath, execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
    let stderr = '';
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle(() => reject(new Error('计算超过 5 分钟，已停止。')));
    }, CHILD_TIMEOUT_MS);
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = `${stderr}${chunk.toString('utf8')}`.slice(-2000);
    });
    child.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') child.send({ contentDir, policy });
      else if (message.type === 'stage') onStage(message.stage);
      else if (message.type === 'done') settle(() => resolve(message.preview));
      else settle(() => reject(new Error(message.message)));
    });
    child.on('error', (error) => settle(() => reject(error)));
    child.on('exit', (code, signal) => settle(() => reject(new Error(`计算进程意外退出（${signal ?? code}）${stderr ? `：${stderr.trim().split('\n').at(-1)}` : ''}`))));
  });
};
