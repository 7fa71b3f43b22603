import { checkBlueprint, ExamSchema, type Exam, type ExamBank, type SectionCheck } from '../quiz/index.ts';
import type { AuthorError } from './author-error.ts';
import { lineOf, type Locate } from './fact-issues.ts';
import { issueTexts } from './issue-text.ts';
import { fieldText } from './question-paths.ts';
import { topics } from '../quiz/index.ts';

/** An exam file as read from disk (`content/exams/<id>.yaml`), before any checking. */
export interface ExamFileInput {
  readonly file: string;
  readonly data: unknown;
  readonly locate?: Locate;
}

const noLine: Locate = () => undefined;

/**
 * Checks every exam file against the exam schema and the question bank that passed the gate: INVALID_EXAM for a
 * field that does not fit (and for an id another exam file already uses: attempts and certificates are stored by
 * it), BLUEPRINT_UNFILLABLE for a section the bank cannot fill for every seed. The server refuses to start on the
 * same conditions, so an author meets them here first.
 */
export function reviewExamFiles(files: readonly ExamFileInput[], bank: ExamBank): AuthorError[] {
  const firstFileOfId = new Map<string, string>();
  return files.flatMap(({ file, data, locate = noLine }): AuthorError[] => {
    const parsed = ExamSchema.safeParse(data);
    if (!parsed.success) {
      return parsed.error.issues.flatMap((issue) =>
        issueTexts(ExamSchema, data, issue, { pathText: fieldText, ...(issue.path.includes('topics') ? { label: topicLabel } : {}) }).map(
          (text): AuthorError => {
            const field = fieldText(text.path) || '(整个文件)';
            return { code: 'INVALID_EXAM', file, ...lineOf(locate, field), field, wrote: text.wrote, problem: text.problem, trace: [], fix: text.fix };
          },
        ),
      );
    }
    const exam = parsed.data;
    const earlier = firstFileOfId.get(exam.id);
    if (earlier) {
      return [
        {
          code: 'INVALID_EXAM',
          file,
          ...lineOf(locate, 'id'),
          field: 'id',
          wrote: exam.id,
          problem: `${earlier} 已经使用了这个考试编号。作答记录和证书按编号保存，两个考试不能同名。`,
          trace: [],
          fix: '给这个考试换一个新的 id（小写字母、数字和连字符）；已发布考试的 id 不要改。',
        },
      ];
    }
    firstFileOfId.set(exam.id, file);
    return checkBlueprint(exam, bank)
      .sections.filter((section) => !section.passed)
      .map((section) => unfillable(file, exam, section, locate));
  });
}

function unfillable(file: string, exam: Exam, section: SectionCheck, locate: Locate): AuthorError {
  const blueprint = exam.blueprint[section.index]!;
  const field = fieldText(['blueprint', section.index, 'count']);
  const scope = [
    blueprint.topics ? `主题 ${blueprint.topics.map(topicLabel).join('、')}` : '不限主题',
    blueprint.pools.map((pool) => (pool === 'items' ? '作者写好的题目' : '模板（每个模板至多一道变体）')).join('与'),
    blueprint.examOnly ? '只限认证题（exam: true）' : '练习题也可以抽',
  ].join('，');
  return {
    code: 'BLUEPRINT_UNFILLABLE',
    file,
    ...lineOf(locate, field),
    field,
    wrote: `count: ${blueprint.count}`,
    problem:
      `第 ${section.index + 1} 部分${section.title ? `（${section.title}）` : ''}要抽 ${section.needed} 道题；符合条件（${scope}）的有 ${section.matching} 道，` +
      `前面各部分最多可能占用其中 ${section.takenEarlier} 道，只保证剩下 ${Math.max(0, section.matching - section.takenEarlier)} 道。`,
    trace: [],
    fix: '减少这一部分的 count，或放宽 topics、pools、examOnly；也可以在 content/questions 里补充符合条件的认证题（exam: true）。',
  };
}

function topicLabel(value: unknown): string {
  return `${String(value)}（${topics[value as keyof typeof topics] ?? '?'}）`;
}
