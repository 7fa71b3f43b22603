import { expect, test } from 'vitest';
import { countAutosaveRoundTrips } from '../../bench/scale/round-trips.ts';
import { ensureBuilt } from '../server/built-server.ts';

// An autosave on PostgreSQL is two statements: the session with its account, then the save itself (which locks the
// attempt, judges its fence, status, item and deadline and writes the answer). Before, it was eight (the session, the
// account, the attempt read in full, then BEGIN, a lock, the attempt read again, the write, COMMIT), and each round
// trip is latency a trainee waits for and database CPU under exam-day load. Counted with pg_stat_statements on the
// built server, so a change anywhere on the path (guard, service, store) that adds one fails here.
test('an autosave on PostgreSQL is two statements: the session with its account, and the save', async () => {
  await ensureBuilt();
  const count = await countAutosaveRoundTrips({ autosaves: 60 });
  console.log(`autosave round trips: ${count.perAutosave} statements per autosave\n${count.statements.map((s) => `${s.calls} × ${s.query.slice(0, 120)}`).join('\n')}`);
  // Internal statements (the foreign-key check PostgreSQL runs inside an INSERT) are not round trips.
  const sent = count.statements.filter((s) => !s.query.includes('OPERATOR(pg_catalog.='));
  // A session is touched at most once a minute, so a run of 60 autosaves may see one more statement.
  expect(sent.reduce((sum, s) => sum + s.calls, 0)).toBeLessThanOrEqual(2 * count.autosaves + 1);
  expect(sent.find((s) => s.query.includes('FROM sessions s LEFT JOIN users u'))?.calls).toBe(count.autosaves);
  expect(sent.find((s) => s.query.includes('INSERT INTO answers'))?.calls).toBe(count.autosaves);
  expect(sent.some((s) => /^(BEGIN|COMMIT)/.test(s.query))).toBe(false);
}, 300_000);
