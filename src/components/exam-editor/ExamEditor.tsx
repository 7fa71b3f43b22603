import '../sandbox/zod-jitless.ts';
import { useMemo, useState } from 'preact/hooks';
import { type ExamData, examFill, examIssues, fillText, withField } from '../../present/exam-editor/index.ts';
import type { BlueprintUnit } from '../../quiz/index.ts';
import { DraftOffer, DraftStatus } from '../studio/DraftNotice.tsx';
import { HistoryPanel } from '../studio/HistoryPanel.tsx';
import { useDraftAutosave } from '../studio/use-draft-autosave.ts';

interface Props {
  /** `exams/<id>.yaml`. */
  readonly path: string;
  /** The file's version when the page was rendered: saving names it, so a save over someone else's is refused. */
  readonly version: string;
  readonly data: ExamData;
  /** The bank as fill-check units (no ids, texts or keys). */
  readonly units: readonly BlueprintUnit[];
  readonly topics: readonly (readonly [string, string])[];
}

type Section = Record<string, unknown>;

interface GateError {
  readonly field?: string;
  readonly problem?: string;
  readonly fix?: string;
  readonly code?: string;
}

type SaveState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly changed: boolean }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'refused'; readonly errors: readonly GateError[]; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };

const REVIEW_POLICIES = [
  ['score-only', '只看分数'],
  ['mistakes', '看错题的正确答案与依据'],
  ['full', '看全部题目的答案与依据'],
] as const;

const numberOrRaw = (text: string): number | string => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text);

/**
 * The exam editor: the blueprint (sections by topic, counts, pools), limits, pass mark, attempts, cooldown, review
 * policy, audience and certificate validity of one exam file, with the schema's messages and the fill check live, and
 * a save through the studio API (the file stays the source of truth; 409 when someone saved since, 422 with the
 * content gate's messages).
 */
export default function ExamEditor(props: Props) {
  const [data, setData] = useState<ExamData>(props.data);
  const [version, setVersion] = useState(props.version);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const issues = useMemo(() => examIssues(data), [data]);
  const fill = useMemo(() => examFill(data, props.units), [data, props.units]);
  const sections = (Array.isArray(data['blueprint']) ? data['blueprint'] : []) as Section[];
  const issueAt = (path: string) => issues.find((issue) => issue.path === path)?.message;
  const drafts = useDraftAutosave({ path: props.path, baseVersion: version, payload: { model: { kind: 'exam', data } }, isEnabled: true });
  const [savedCount, setSavedCount] = useState(1);
  /** Loads a draft or an older revision into the form; saving it is an ordinary save from `baseVersion`. */
  const load = (model: { kind: string; data: unknown } | null, baseVersion: string | null) => {
    if (!model || model.kind !== 'exam' || typeof model.data !== 'object' || model.data === null || baseVersion === null) {
      setSave({ kind: 'failed', message: '这份内容无法读成考试表单，没有载入。' });
      return;
    }
    setData(model.data as ExamData);
    setVersion(baseVersion);
    setSave({ kind: 'idle' });
  };

  const set = (key: string, value: unknown, fallback?: unknown) => {
    setData((current) => withField(current, key, value, fallback));
    setSave({ kind: 'idle' });
  };
  const setSection = (index: number, key: string, value: unknown, fallback?: unknown) =>
    set(
      'blueprint',
      sections.map((section, i) => (i === index ? withField(section, key, value, fallback) : section)),
    );
  const moveSection = (index: number, by: -1 | 1) => {
    const next = [...sections];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    set('blueprint', next);
  };

  async function onSave(event: Event) {
    event.preventDefault();
    if (issues.length > 0) return;
    setSave({ kind: 'saving' });
    try {
      const response = await fetch('/api/studio/file', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ path: props.path, baseVersion: version, model: { kind: 'exam', data } }),
        credentials: 'same-origin',
      });
      const body = (await response.json().catch(() => ({}))) as {
        version?: string;
        changed?: boolean;
        error?: { code?: string; message?: string; errors?: GateError[] };
      };
      if (response.ok && body.version) {
        setVersion(body.version);
        drafts.fileSaved();
        setSavedCount((count) => count + 1);
        setSave({ kind: 'saved', changed: body.changed ?? true });
      } else if (body.error?.code === 'STUDIO_CONFLICT') setSave({ kind: 'conflict' });
      else if (body.error?.code === 'STUDIO_CONTENT_REFUSED') {
        setSave({ kind: 'refused', errors: body.error.errors ?? [], message: body.error.message ?? '' });
      } else setSave({ kind: 'failed', message: body.error?.message ?? `保存失败（${response.status}），请稍后再试。` });
    } catch {
      setSave({ kind: 'failed', message: '网络连接失败，请检查网络后再试。' });
    }
  }

  const field = (key: string, label: string, hint: string, value: unknown, onInput: (text: string) => void, type = 'number', step?: string) => {
    const problem = issueAt(key);
    return (
      <div class="ee-field">
        <label for={`ee-${key}`}>{label}</label>
        <p class="ee-hint" id={`ee-${key}-hint`}>{hint}</p>
        <input
          id={`ee-${key}`}
          type={type}
          step={step}
          value={value === undefined ? '' : String(value)}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={`ee-${key}-hint${problem ? ` ee-${key}-error` : ''}`}
          onInput={(event) => onInput((event.target as HTMLInputElement).value)}
        />
        {problem && <p class="ee-error" id={`ee-${key}-error`}>{problem}</p>}
      </div>
    );
  };
  const availability = (data['availability'] ?? {}) as { from?: string; to?: string };
  const setAvailability = (key: 'from' | 'to', text: string) => {
    const next = { ...availability, [key]: text.trim() === '' ? undefined : text.trim() };
    const clean = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined));
    set('availability', Object.keys(clean).length === 0 ? undefined : clean);
  };
  const passPercent = typeof data['passMark'] === 'number' ? Math.round((data['passMark'] as number) * 1000) / 10 : data['passMark'];

  return (
    <form class="exam-editor" onSubmit={onSave} aria-label={`编辑考试：${String(data['title'] ?? '')}`}>
      <DraftOffer drafts={drafts} onRestore={(draft) => load(draft.model, draft.baseVersion)} />
      <section aria-labelledby="ee-basic">
        <h2 id="ee-basic">基本信息</h2>
        {field('title', '考试名称', '学员在“我的学习”和证书上看到的名称。', data['title'], (text) => set('title', text), 'text')}
        {field('description', '考前说明（可不填）', '开始考试前显示。', data['description'], (text) => set('description', text === '' ? undefined : text), 'text')}
      </section>

      <section aria-labelledby="ee-blueprint">
        <h2 id="ee-blueprint">试卷结构</h2>
        <p class="ee-hint">按顺序抽题，同一道题不会在两部分中重复出现。每部分右侧的检查说明题库够不够（和服务器开考前的检查相同）。</p>
        <p class="ee-fill-total" role="status" data-fill-total>
          {fill === null ? '先改正下面标出的问题，才能检查题量。' : fill.passed ? `共 ${sections.reduce((sum, s) => sum + (Number(s['count']) || 0), 0)} 题，每一部分题量都够。` : '有部分题量不够，见下面标红的部分。'}
        </p>
        <ol class="ee-sections">
          {sections.map((section, index) => {
            const check = fill?.sections[index];
            const sectionTopics = (section['topics'] ?? []) as string[];
            const pools = (section['pools'] ?? ['items', 'templates']) as string[];
            const countProblem = issueAt(`blueprint.${index}.count`);
            return (
              <li class="ee-section" data-section={index} data-fill={check ? (check.passed ? 'ok' : 'short') : 'unknown'}>
                <fieldset>
                  <legend>第 {index + 1} 部分{section['title'] ? `：${String(section['title'])}` : ''}</legend>
                  <div class="ee-row">
                    <div class="ee-field">
                      <label for={`ee-s${index}-title`}>名称（可不填）</label>
                      <input
                        id={`ee-s${index}-title`}
                        type="text"
                        value={String(section['title'] ?? '')}
                        onInput={(event) => setSection(index, 'title', (event.target as HTMLInputElement).value || undefined)}
                      />
                    </div>
                    <div class="ee-field">
                      <label for={`ee-s${index}-count`}>题数</label>
                      <input
                        id={`ee-s${index}-count`}
                        type="number"
                        min="1"
                        value={String(section['count'] ?? '')}
                        aria-invalid={countProblem ? 'true' : undefined}
                        aria-describedby={countProblem ? `ee-s${index}-count-error` : undefined}
                        onInput={(event) => setSection(index, 'count', numberOrRaw((event.target as HTMLInputElement).value))}
                      />
                      {countProblem && <p class="ee-error" id={`ee-s${index}-count-error`}>{countProblem}</p>}
                    </div>
                  </div>
                  <fieldset class="ee-topics">
                    <legend>主题（不选表示不限）</legend>
                    {props.topics.map(([id, label]) => (
                      <label>
                        <input
                          type="checkbox"
                          checked={sectionTopics.includes(id)}
                          onChange={(event) => {
                            const on = (event.target as HTMLInputElement).checked;
                            const next = on ? [...sectionTopics, id] : sectionTopics.filter((t) => t !== id);
                            setSection(index, 'topics', next.length === 0 ? undefined : next);
                          }}
                        />
                        {label}
                      </label>
                    ))}
                  </fieldset>
                  <div class="ee-row">
                    <label>
                      <input
                        type="checkbox"
                        checked={pools.includes('items')}
                        onChange={(event) => {
                          const next = (event.target as HTMLInputElement).checked ? ['items', ...pools.filter((p) => p !== 'items')] : pools.filter((p) => p !== 'items');
                          setSection(index, 'pools', next, ['items', 'templates']);
                        }}
                      />
                      作者写好的题目
                    </label>
                    <label>
                      <input
                        type="checkbox"
                        checked={pools.includes('templates')}
                        onChange={(event) => {
                          const next = (event.target as HTMLInputElement).checked ? [...pools.filter((p) => p !== 'templates'), 'templates'] : pools.filter((p) => p !== 'templates');
                          setSection(index, 'pools', next, ['items', 'templates']);
                        }}
                      />
                      模板变体（每个模板至多一道）
                    </label>
                    <label>
                      <input
                        type="checkbox"
                        checked={section['examOnly'] !== false}
                        onChange={(event) => setSection(index, 'examOnly', (event.target as HTMLInputElement).checked, true)}
                      />
                      只抽认证题（exam: true）
                    </label>
                  </div>
                  {issueAt(`blueprint.${index}.pools`) && <p class="ee-error">{issueAt(`blueprint.${index}.pools`)}</p>}
                  <p class={`ee-fill ${check ? (check.passed ? 'ok' : 'short') : ''}`} data-fill-text>
                    {check ? `${check.passed ? '✓' : '✗'} ${fillText(check)}` : '题量检查：先改正本部分的问题。'}
                  </p>
                  <div class="ee-row">
                    <button type="button" class="quiet" disabled={index === 0} onClick={() => moveSection(index, -1)} aria-label={`第 ${index + 1} 部分上移`}>
                      上移
                    </button>
                    <button type="button" class="quiet" disabled={index === sections.length - 1} onClick={() => moveSection(index, 1)} aria-label={`第 ${index + 1} 部分下移`}>
                      下移
                    </button>
                    <button type="button" class="quiet" disabled={sections.length === 1} onClick={() => set('blueprint', sections.filter((_, i) => i !== index))} aria-label={`删除第 ${index + 1} 部分`}>
                      删除
                    </button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <button type="button" class="quiet" onClick={() => set('blueprint', [...sections, { count: 1 }])}>
          添加一部分
        </button>
      </section>

      <section aria-labelledby="ee-rules">
        <h2 id="ee-rules">考试规则</h2>
        <div class="ee-grid">
          {field('timeLimitMinutes', '作答时限（分钟）', '从开始考试起按服务器时钟计算。', data['timeLimitMinutes'], (text) => set('timeLimitMinutes', numberOrRaw(text)))}
          {field('graceSeconds', '宽限（秒）', '时限到后再接受保存的秒数，默认 30。', data['graceSeconds'] ?? 30, (text) => set('graceSeconds', numberOrRaw(text), 30))}
          {field('passMark', '及格线（答对 %）', '例如 80 表示答对 80% 及以上通过。', passPercent, (text) => {
            const value = numberOrRaw(text);
            set('passMark', typeof value === 'number' ? Math.round(value * 10) / 1000 : value);
          }, 'number', '0.1')}
          {field('attemptsAllowed', '每人最多考几次', '含未及格的；证书过期或需重新认证后重新计算。', data['attemptsAllowed'], (text) => set('attemptsAllowed', numberOrRaw(text)))}
          {field('cooldownHours', '两次考试间隔（小时）', '一次考试结束后至少隔多久才能再考，默认 0。', data['cooldownHours'] ?? 0, (text) => set('cooldownHours', numberOrRaw(text), 0), 'number', '0.5')}
          {field('certificateValidityDays', '证书有效期（天）', '及格后证书的有效天数。', data['certificateValidityDays'], (text) => set('certificateValidityDays', numberOrRaw(text)))}
          {field('availability.from', '开放时间（可不填）', '北京时间，例如 2026-01-01 09:00。', availability.from, (text) => setAvailability('from', text), 'text')}
          {field('availability.to', '关闭时间（可不填）', '北京时间；不填表示一直开放。', availability.to, (text) => setAvailability('to', text), 'text')}
        </div>
        {issueAt('availability') && <p class="ee-error">{issueAt('availability')}</p>}
        <div class="ee-grid">
          <div class="ee-field">
            <label for="ee-reviewPolicy">交卷后能看到什么</label>
            <select id="ee-reviewPolicy" value={String(data['reviewPolicy'] ?? '')} onChange={(event) => set('reviewPolicy', (event.target as HTMLSelectElement).value)}>
              {REVIEW_POLICIES.map(([value, label]) => (
                <option value={value}>{label}</option>
              ))}
            </select>
          </div>
          <div class="ee-field">
            <label for="ee-audience">谁能参加</label>
            <select
              id="ee-audience"
              value={String(data['audience'] ?? 'everyone')}
              onChange={(event) => set('audience', (event.target as HTMLSelectElement).value, 'everyone')}
            >
              <option value="everyone">所有学员（布置只加截止时间）</option>
              <option value="assigned">只有布置到的班组，且只在布置的开放时间内</option>
            </select>
          </div>
        </div>
      </section>

      <div class="ee-actions">
        <button type="submit" disabled={issues.length > 0 || save.kind === 'saving'}>
          {save.kind === 'saving' ? '正在检查并保存…' : '保存'}
        </button>
        <p class="ee-status" role="status" data-save-status={save.kind}>
          {issues.length > 0 && `还有 ${issues.length} 处需要改正，改好后才能保存。`}
          {issues.length === 0 && save.kind === 'saved' && (save.changed ? '已保存到考试文件。重启服务器后新的设置用于开考。' : '没有改动。')}
          {save.kind === 'conflict' && '这个文件在你打开之后已被别人保存过，你的修改没有保存。请刷新页面打开最新版本，再把修改合进去。'}
          {save.kind === 'failed' && save.message}
          {save.kind === 'refused' && save.message}
        </p>
        <DraftStatus drafts={drafts} />
        {save.kind === 'refused' && (
          <ul class="ee-gate" data-gate-errors>
            {save.errors.map((error) => (
              <li>
                {error.field ? `${error.field}：` : ''}
                {error.problem ?? error.code}
                {error.fix ? ` 修改：${error.fix}` : ''}
              </li>
            ))}
          </ul>
        )}
      </div>
      <HistoryPanel path={props.path} savedCount={savedCount} onRestore={(revision) => load(revision.model, version)} />
    </form>
  );
}
