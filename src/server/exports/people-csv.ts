import { csvDocument } from '../../quiz/index.ts';
import type { Exam } from '../../quiz/index.ts';
import { formatBeijingTime } from '../../rules/index.ts';
import { certificateStatus, certificateStatusLabels } from '../certificates/index.ts';
import type { Store } from '../store/index.ts';

const STATUS = { pending: '待激活', active: '已激活', disabled: '已停用' } as const;
const time = (at: number | null) => (at === null ? null : formatBeijingTime(at));

/**
 * Every trainee, by cohort then employee id (the store's order): 姓名, 工号, 班组, 状态, 添加时间, 激活时间. No password
 * hashes or links ever leave; the writer is the shared `csvDocument` (BOM, RFC 4180, formula guard).
 */
export async function traineesCsv(store: Pick<Store, 'listUsers'>): Promise<string> {
  const trainees = await store.listUsers({ role: 'trainee' });
  return csvDocument(
    ['姓名', '工号', '班组', '状态', '添加时间（北京时间）', '激活时间（北京时间）'],
    trainees.map((t) => [
      t.name,
      t.employeeId,
      t.cohort,
      STATUS[t.disabled ? 'disabled' : t.activatedAt === null ? 'pending' : 'active'],
      time(t.createdAt),
      time(t.activatedAt),
    ]),
  );
}

/**
 * Every certificate, oldest first: 证书编号, 姓名, 工号, 班组, 考试, 规则版本, 发证时间, 有效期至, 状态 (as of `now`, the
 * same standing the certificates page and the verify page show), 撤销原因.
 */
export async function certificatesCsv(
  store: Pick<Store, 'listUsers' | 'listCertificates'>,
  exams: ReadonlyMap<string, Pick<Exam, 'title'>>,
  now: number,
  currentEdition: string,
): Promise<string> {
  const [certificates, users] = await Promise.all([store.listCertificates(), store.listUsers()]);
  const byId = new Map(users.map((user) => [user.id, user]));
  return csvDocument(
    ['证书编号', '姓名', '工号', '班组', '考试', '规则版本', '发证时间（北京时间）', '有效期至（北京时间）', '状态', '撤销原因'],
    certificates.map((c) => {
      const user = byId.get(c.userId);
      return [
        c.id,
        user?.name ?? null,
        user?.employeeId ?? null,
        user?.cohort ?? null,
        exams.get(c.examId)?.title ?? c.examId,
        c.edition,
        time(c.issuedAt),
        time(c.expiresAt),
        certificateStatusLabels[certificateStatus(c, now, currentEdition)],
        c.revokedReason,
      ];
    }),
  );
}
