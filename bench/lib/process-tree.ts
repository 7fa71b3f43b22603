import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** What one measured command cost: wall time and the peak of the summed resident memory of its process tree. */
export interface ProcessCost {
  readonly seconds: number;
  readonly peakMb: number;
  readonly exitCode: number;
  /** The last lines of stdout and stderr, for a failure message. */
  readonly tail: string;
  /** Everything the command wrote to stdout. */
  readonly stdout: string;
  /** User + system CPU seconds of the command and the children it waited for; absent without GNU time. */
  readonly cpuSeconds?: number;
}

// GNU time reports the CPU a command used (all threads and reaped children), which moves less than wall time on a
// machine shared with other work.
const GNU_TIME = '/usr/bin/time';
const CPU_LINE = /^BENCH-CPU ([\d.]+) ([\d.]+)$/m;

function parentsByPid(): Map<number, { ppid: number; rssPages: number }> {
  const table = new Map<number, { ppid: number; rssPages: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: fields are counted after its closing parenthesis.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(name), { ppid: Number(fields[1]), rssPages: Number(fields[21]) });
    } catch {
      // The process ended between listing and reading.
    }
  }
  return table;
}

/** Summed RSS in MB of `root` and all its descendants right now. */
export function treeRssMb(root: number): number {
  const table = parentsByPid();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let pages = 0;
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    pages += table.get(pid)?.rssPages ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return (pages * 4096) / 2 ** 20;
}

/**
 * Runs `command` and resolves with its wall time and the peak summed RSS of its whole process tree, sampled every
 * 100 ms from /proc (GNU time's maxrss is one process's peak, and a build's workers and Pagefind run as children).
 * Never rejects on a non-zero exit: the caller decides whether a failure is fatal.
 */
export function measureProcess(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; echo?: boolean }): Promise<ProcessCost> {
  const timed = existsSync(GNU_TIME);
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const [file, argv] = timed ? [GNU_TIME, ['-f', 'BENCH-CPU %U %S', command, ...args]] : [command, args];
    const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const stdout: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    const keep = (chunk: Buffer) => {
      if (options.echo) process.stderr.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let peakMb = 0;
    const sample = () => {
      if (child.pid !== undefined) peakMb = Math.max(peakMb, treeRssMb(child.pid));
    };
    const timer = setInterval(sample, 100);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const cpu = CPU_LINE.exec(tail);
      resolve({
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        peakMb,
        exitCode: code ?? 1,
        tail: tail.replace(CPU_LINE, '').trimEnd(),
        stdout: Buffer.concat(stdout).toString(),
        ...(cpu ? { cpuSeconds: Number(cpu[1]) + Number(cpu[2]) } : {}),
      });
    });
  });
}
