import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatAuthorError } from '../src/authoring/index.ts';
import { checkContent } from '../src/server/content-check/check-content.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const examErrors = (dir: string) => checkContent(join(ROOT, dir)).errors.filter((error) => error.file.includes('/exams/'));

describe('content gate on exam files', () => {
  it('passes the shipped exams and a fillable fixture exam', () => {
    expect(examErrors('content')).toEqual([]);
    expect(examErrors('tests/fixtures/questions-valid')).toEqual([]);
    expect(checkContent(join(ROOT, 'tests/fixtures/questions-valid')).exams).toBe(1);
  });

  it('reports each wrong field of an exam on its own line', () => {
    const errors = examErrors('tests/fixtures/questions').filter((error) => error.file.endsWith('invalid-fields.yaml'));
    expect(errors.map((error) => [error.code, error.field, error.line, error.wrote])).toEqual([
      ['INVALID_EXAM', 'blueprint[0].topics[0]', 5, 'seven-days'],
      ['INVALID_EXAM', 'passMark', 8, '80'],
      ['INVALID_EXAM', 'certificateValidityDays', 1, '（没有填写）'],
      ['INVALID_EXAM', 'certificateValidityDay', 11, 'certificateValidityDay: 365'],
    ]);
    expect(errors.find((error) => error.field === 'certificateValidityDay')!.fix).toContain('certificateValidityDays');
  });

  it('says how many questions an unfillable section can count on, and why', () => {
    const [error] = examErrors('tests/fixtures/questions').filter((candidate) => candidate.code === 'BLUEPRINT_UNFILLABLE');
    // The fixture bank has two exam-only entries (passing.yaml): one on freight, one on seven-day. The section wants
    // 40 seven-day exam questions, so exactly 1 matches and nothing earlier can take it.
    expect(error).toMatchObject({ file: 'tests/fixtures/questions/exams/unfillable.yaml', line: 7, field: 'blueprint[0].count', wrote: 'count: 40' });
    expect(error!.problem).toContain('要抽 40 道题');
    expect(error!.problem).toContain('的有 1 道');
    expect(formatAuthorError(error!)).not.toMatch(/undefined|\[object Object\]/);
  });

  it('refuses a second exam with an id already taken, naming the first file', () => {
    const [error] = examErrors('tests/fixtures/questions').filter((candidate) => candidate.file.endsWith('zz-duplicate-id.yaml'));
    expect(error).toMatchObject({ code: 'INVALID_EXAM', field: 'id', line: 2, wrote: 'fixture-unfillable' });
    expect(error!.problem).toContain('tests/fixtures/questions/exams/unfillable.yaml');
  });
});
