import { describe, expect, it } from 'vitest';
import type { Assignment, Store } from '../../src/server/store/index.ts';

const T0 = 1_700_000_000_000;
const DAY = 86_400_000;

export function newAssignment(overrides: Partial<Omit<Assignment, 'revision'>> = {}): Omit<Assignment, 'revision'> {
  return {
    id: 'asg-1',
    examId: 'exam-a',
    cohorts: ['售后一组'],
    opensAt: T0,
    closesAt: T0 + 30 * DAY,
    dueAt: T0 + 14 * DAY,
    note: '',
    createdAt: T0,
    createdBy: 'lead-1',
    updatedAt: T0,
    ...overrides,
  };
}

/**
 * The assignments area of the storage contract; called inside describeStoreContract so both stores run it.
 * `store()` is the current store, `reopen()` closes it and opens the same data again.
 */
export function describeAssignmentsContract(store: () => Store, reopen: () => Promise<Store>): void {
  describe('assignments', () => {
    it('keeps an assignment across a reopen, with revision 1 and every field as given', async () => {
      const created = await store().createAssignment({ ...newAssignment({ cohorts: ['售后二组', '售后一组'], note: '年度复训' }) });
      expect(created).toEqual({ ok: true, assignment: { ...newAssignment({ cohorts: ['售后二组', '售后一组'], note: '年度复训' }), revision: 1 } });
      await reopen();
      expect(await store().getAssignment('asg-1')).toEqual({
        ...newAssignment({ cohorts: ['售后二组', '售后一组'], note: '年度复训' }),
        revision: 1,
      });
      expect(await store().getAssignment('nope')).toBeNull();
    });

    it('stores a window without an end as null', async () => {
      await store().createAssignment(newAssignment({ closesAt: null }));
      await reopen();
      expect((await store().getAssignment('asg-1'))?.closesAt).toBeNull();
    });

    it('refuses a taken id and leaves the first one as it was', async () => {
      await store().createAssignment(newAssignment());
      expect(await store().createAssignment(newAssignment({ examId: 'exam-b' }))).toEqual({ ok: false, code: 'ASSIGNMENT_ID_TAKEN' });
      expect((await store().getAssignment('asg-1'))?.examId).toBe('exam-a');
    });

    it('lists by due date then id, filtered by exam and by cohort', async () => {
      await store().createAssignment(newAssignment({ id: 'b', dueAt: T0 + 2 * DAY, cohorts: ['一组', '二组'] }));
      await store().createAssignment(newAssignment({ id: 'a', dueAt: T0 + 2 * DAY, examId: 'exam-b', cohorts: ['二组'] }));
      await store().createAssignment(newAssignment({ id: 'c', dueAt: T0 + DAY, cohorts: ['三组'] }));
      expect((await store().listAssignments()).map((a) => a.id)).toEqual(['c', 'a', 'b']);
      expect((await store().listAssignments({ examId: 'exam-a' })).map((a) => a.id)).toEqual(['c', 'b']);
      expect((await store().listAssignments({ cohort: '二组' })).map((a) => a.id)).toEqual(['a', 'b']);
      expect((await store().listAssignments({ cohort: '二组', examId: 'exam-a' })).map((a) => a.id)).toEqual(['b']);
      expect(await store().listAssignments({ cohort: '组' })).toEqual([]);
    });

    it('updates from the stored revision, counts the revision up and keeps who created it', async () => {
      await store().createAssignment(newAssignment());
      const changes = { examId: 'exam-b', cohorts: ['二组'], opensAt: T0 + DAY, closesAt: null, dueAt: T0 + 3 * DAY, note: '改期' };
      const updated = await store().updateAssignment('asg-1', changes, 1, T0 + 5);
      expect(updated).toEqual({ ok: true, assignment: { ...newAssignment(), ...changes, updatedAt: T0 + 5, revision: 2 } });
      await reopen();
      expect(await store().getAssignment('asg-1')).toMatchObject({ ...changes, createdBy: 'lead-1', createdAt: T0, revision: 2 });
    });

    it('refuses an update from an older revision, returning the stored one, and an unknown id', async () => {
      await store().createAssignment(newAssignment());
      const changes = { examId: 'exam-a', cohorts: ['一组'], opensAt: T0, closesAt: null, dueAt: T0 + DAY, note: '' };
      await store().updateAssignment('asg-1', changes, 1, T0 + 1);
      const stale = await store().updateAssignment('asg-1', { ...changes, note: '旧' }, 1, T0 + 2);
      expect(stale).toMatchObject({ ok: false, code: 'ASSIGNMENT_CONFLICT', assignment: { revision: 2, note: '' } });
      expect(await store().updateAssignment('nope', changes, 1, T0)).toEqual({ ok: false, code: 'ASSIGNMENT_NOT_FOUND' });
    });

    it('lets exactly one of parallel updates from one revision through', async () => {
      await store().createAssignment(newAssignment());
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          store().updateAssignment('asg-1', { ...newAssignment(), note: `第 ${i} 次` }, 1, T0 + i),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.code))).toEqual(Array(5).fill('ASSIGNMENT_CONFLICT'));
      expect((await store().getAssignment('asg-1'))?.revision).toBe(2);
    });

    it('deletes from the stored revision only', async () => {
      await store().createAssignment(newAssignment());
      await store().createAssignment(newAssignment({ id: 'asg-2' }));
      expect(await store().deleteAssignment('asg-1', 2)).toMatchObject({ ok: false, code: 'ASSIGNMENT_CONFLICT', assignment: { revision: 1 } });
      expect(await store().deleteAssignment('asg-1', 1)).toEqual({ ok: true });
      expect(await store().deleteAssignment('asg-1', 1)).toEqual({ ok: false, code: 'ASSIGNMENT_NOT_FOUND' });
      await reopen();
      expect((await store().listAssignments()).map((a) => a.id)).toEqual(['asg-2']);
    });

    it('refuses changes once closed', async () => {
      await store().close();
      await expect(store().createAssignment(newAssignment())).rejects.toThrow(/closed/);
      await reopen();
    });
  });
}
