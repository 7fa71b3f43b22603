import type { Page } from 'playwright-core';

// Signing a lead and a trainee in on a fresh built server, through the same API calls the pages make, for the
// benchmarks that load pages as those users (page-weight, lighthouse).

export const BENCH_LEAD = { name: '基准组长', employeeId: 'BENCH-LEAD-01', password: '基准测试用的组长口令2025' };
export const BENCH_TRAINEE = { name: '基准学员', employeeId: 'BENCH-TRAINEE-01', cohort: '基准组', password: '基准测试用的学员口令2025' };
export const BENCH_EXAM = 'basic-certification';

/** A JSON request from inside the page, so the session cookie lands in the browser and the Origin check passes. */
export async function api(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      return { status: response.status, json: (await response.json().catch(() => ({}))) as Record<string, unknown> };
    },
    { method, path, body },
  );
}

async function expectOk(label: string, result: Promise<{ status: number; json: Record<string, unknown> }>): Promise<Record<string, unknown>> {
  const { status, json } = await result;
  if (status >= 300) throw new Error(`${label}: HTTP ${status} ${JSON.stringify(json)}`);
  return json;
}

/**
 * On a server with an empty data folder: the lead through first-run setup (`setupLink` is the link the server printed),
 * then one trainee added by the lead, activated, signed in, with `BENCH_EXAM` started so its page shows an attempt in
 * progress. Each page keeps its user's session cookie.
 * @returns the id of the attempt in progress.
 * @throws Error naming the step that did not answer 2xx.
 */
export async function signInLeadAndTrainee(origin: string, setupLink: string, lead: Page, trainee: Page): Promise<string> {
  const setup = new URL(setupLink);
  await lead.goto(`${origin}/login`);
  await expectOk('setup', api(lead, 'POST', '/api/auth/setup', { token: setup.searchParams.get('token'), name: BENCH_LEAD.name, employeeId: BENCH_LEAD.employeeId, password: BENCH_LEAD.password }));
  const added = await expectOk('add trainee', api(lead, 'POST', '/api/lead/trainees', { name: BENCH_TRAINEE.name, employeeId: BENCH_TRAINEE.employeeId, cohort: BENCH_TRAINEE.cohort }));
  const activation = new URL(String((added.link as { url?: string } | undefined)?.url));
  await trainee.goto(`${origin}/login`);
  await expectOk('activate', api(trainee, 'POST', '/api/auth/activate', { token: activation.searchParams.get('token'), password: BENCH_TRAINEE.password }));
  await expectOk('login', api(trainee, 'POST', '/api/auth/login', { employeeId: BENCH_TRAINEE.employeeId, password: BENCH_TRAINEE.password }));
  const started = await expectOk('start exam', api(trainee, 'POST', `/api/exams/${BENCH_EXAM}/start`));
  return String((started.attempt as { id?: string } | undefined)?.id ?? started.attemptId ?? started.id ?? '');
}

/** The first-run setup link a server with an empty data folder prints, found in its output; '' when not printed yet. */
export const setupLinkIn = (output: string): string => /https?:\/\/\S+\/setup\?token=[A-Za-z0-9_-]+/.exec(output)?.[0] ?? '';
