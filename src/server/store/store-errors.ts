import { basename } from 'node:path';

/** Files whose loss costs little, so deleting them is a fix too: what deleting them means. */
const DISPOSABLE: Record<string, { readonly zh: string; readonly en: string }> = {
  'sessions.json': { zh: '所有人需要重新登录', en: 'everyone has to sign in again' },
  'throttle.json': { zh: '登录失败计数清零', en: 'failed-login counts start over' },
  'attempt-index.jsonl': {
    zh: '下次启动会读取全部考试文件重建索引，那一次启动较慢',
    en: 'the next start reads every attempt file to rebuild it, which makes that one start slower',
  },
  'attempt-items.jsonl': {
    zh: '下次打开题目分析时会读取全部已结束的考试文件重建它，那一次较慢',
    en: 'the next item analysis reads every closed attempt file to rebuild it, which makes that one request slower',
  },
};

/**
 * A data file that cannot be trusted: unreadable, not JSON, or not the shape this version writes. Thrown while the
 * store opens, before anything is written, so the server stops with the file untouched.
 */
const STORE_CORRUPT = Symbol.for('after-sales-academy/StoreCorruptError');

export class StoreCorruptError extends Error {
  /**
   * Recognised by a brand, not by class identity: the built server loads this module twice (in Astro's bundle and as
   * TypeScript for the API fast path, src/server/serve/) and shares one store, so an error thrown by one copy must
   * still be `instanceof` the other's class.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && STORE_CORRUPT in value;
  }

  readonly [STORE_CORRUPT] = true;
  override readonly name = 'StoreCorruptError';

  /** Absolute path of the offending file. */
  readonly file: string;
  /** What is wrong with it, for the operator. */
  readonly reason: string;

  constructor(file: string, reason: string) {
    const disposable = DISPOSABLE[basename(file)];
    super(
      [
        `数据文件无法读取，服务器没有启动：${file}`,
        `  原因：${reason}`,
        '  没有改写任何文件。请停止服务器，从最近的备份恢复这个文件（见 docs/operations.md 的“Data, backup and restore”），再重新启动。',
        ...(disposable ? [`  这个文件也可以直接删除，代价是${disposable.zh}。`] : []),
        `  (The data file ${file} is unreadable: ${reason}. Nothing was overwritten. Restore it from the latest`,
        `  backup, see docs/operations.md "Data, backup and restore", then start again.${disposable ? ` Deleting it also works: ${disposable.en}.` : ''})`,
      ].join('\n'),
    );
    this.file = file;
    this.reason = reason;
  }
}
