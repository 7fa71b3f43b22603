import { useEffect, useState } from 'preact/hooks';
import { studioCall, type PublishJob } from './studio-api.ts';

interface Props {
  /** Whether this server can rebuild the site, and why not. */
  readonly publish: { readonly available: boolean; readonly reason: string | null };
  /** The saved file's path; null until the file exists. */
  readonly path: string | null;
  /** Bumped on every save, so the panel knows there is something new to publish. */
  readonly savedCount: number;
}

const POLL_MS = 1000;
const STATE_TEXT: Readonly<Record<PublishJob['state'], string>> = {
  building: '正在构建站点',
  indexing: '正在建立搜索索引',
  swapping: '正在切换到新版本',
  done: '发布完成',
  failed: '发布失败',
};

/**
 * Publish: rebuild the static site in the background and follow the job (progress bar and log). Where the server
 * cannot build, the saved file and a patch of the latest save are offered to download instead.
 */
export function PublishPanel({ publish, path, savedCount }: Props) {
  const [job, setJob] = useState<PublishJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = job !== null && job.state !== 'done' && job.state !== 'failed';

  useEffect(() => {
    if (!job || !running) return;
    const timer = setTimeout(async () => {
      const answer = await studioCall<{ job: PublishJob }>('GET', `/api/studio/publish/${encodeURIComponent(job.id)}`);
      if (answer.ok) setJob(answer.body.job);
      else setError(answer.body.error?.message ?? '查询发布进度失败。');
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job, running]);

  const start = async () => {
    setError(null);
    const answer = await studioCall<{ job: PublishJob }>('POST', '/api/studio/publish', {});
    if (answer.ok) setJob(answer.body.job);
    else setError(answer.body.error?.message ?? '发布没有开始。');
  };

  if (!publish.available) {
    return (
      <section class="studio-panel publish-panel" aria-labelledby="publish-title">
        <h2 id="publish-title">发布</h2>
        <p>这台服务器不能自己重新构建站点{publish.reason ? `：${publish.reason}` : '。'}</p>
        {path ? (
          <>
            <p>保存的文件已写入内容目录。把它交给负责部署的同事：</p>
            <ul class="links">
              <li>
                <a href={`/api/studio/download?path=${encodeURIComponent(path)}`} download>
                  下载文件 {path.split('/').pop()}
                </a>
                （放进代码库的 <code>content/{path}</code>）
              </li>
              <li>
                <a href={`/api/studio/download?path=${encodeURIComponent(path)}&as=patch`} download>
                  下载补丁
                </a>
                （最近一次保存的修改，在代码库根目录用 <code>git apply</code> 应用）
              </li>
            </ul>
          </>
        ) : (
          <p class="muted">先保存，才能下载文件。</p>
        )}
      </section>
    );
  }

  return (
    <section class="studio-panel publish-panel" aria-labelledby="publish-title">
      <h2 id="publish-title">发布</h2>
      <p class="section-hint">发布会在后台重新构建整个站点（约一两分钟），完成后新内容出现在案例库、规则页和搜索里；构建期间站点照常访问。</p>
      <button type="button" onClick={start} disabled={running || savedCount === 0} aria-describedby="publish-status">
        {running ? '正在发布…' : '发布到站点'}
      </button>
      {savedCount === 0 && <p class="field-hint">保存之后才能发布。</p>}
      <div id="publish-status" role="status" aria-live="polite">
        {job && (
          <p class={job.state === 'failed' ? 'field-error' : undefined}>
            {STATE_TEXT[job.state]}（{job.progress}%）{job.error ? `：${job.error}` : ''}
          </p>
        )}
        {error && <p class="field-error">{error}</p>}
      </div>
      {job && (
        <>
          <progress max={100} value={job.progress} aria-label="发布进度">
            {job.progress}%
          </progress>
          <details class="publish-log">
            <summary>构建日志（最近 {job.log.length} 行）</summary>
            <pre>{job.log.join('\n')}</pre>
          </details>
        </>
      )}
    </section>
  );
}
