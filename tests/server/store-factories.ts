import type { NewAttempt, NewUser } from '../../src/server/store/index.ts';

let counter = 0;

/** A trainee as the store takes it; unique id and employee id unless overridden. */
export function newUser(overrides: Partial<NewUser> = {}): NewUser {
  counter += 1;
  return {
    id: `user-${counter}`,
    role: 'trainee',
    name: `学员${counter}`,
    employeeId: `E${1000 + counter}`,
    cohort: '售后一组',
    passwordHash: null,
    createdAt: 1_700_000_000_000,
    ...overrides,
  };
}

/** An attempt at exam `exam-a` with three items and a deadline one hour after start. */
export function newAttempt(overrides: Partial<NewAttempt> = {}): NewAttempt {
  counter += 1;
  return {
    id: `attempt-${String(counter).padStart(4, '0')}`,
    examId: 'exam-a',
    userId: 'user-1',
    seed: 42,
    edition: '2025-11',
    contentVersion: 'c1',
    items: [{ itemId: 'q1' }, { itemId: 'q2', optionOrder: [2, 0, 1] }, { itemId: 'q3' }],
    startedAt: 1_700_000_000_000,
    deadlineAt: 1_700_000_000_000 + 3_600_000,
    ...overrides,
  };
}
