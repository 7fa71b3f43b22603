// The login storm's baseline: bare Argon2id verifications of one hash, with the given concurrency, in a plain Node
// process with the same thread-pool size as the server. Prints one JSON line: { seconds, p99 }.
//
//   UV_THREADPOOL_SIZE=16 node bench/scale/argon2-baseline.ts <count> <concurrency>
import { hashPassword, verifyPassword } from '../../src/server/auth/passwords.ts';
import { inParallel, percentile } from './http-client.ts';

const [count, concurrency] = process.argv.slice(2).map(Number) as [number, number];
const hash = await hashPassword('学员压测密码-2026');
const latencies: number[] = [];
let failures = 0;
const began = performance.now();
await inParallel(Array.from({ length: count }, (_, i) => i), concurrency, async () => {
  const started = performance.now();
  if (!(await verifyPassword(hash, '学员压测密码-2026'))) failures += 1;
  latencies.push(performance.now() - started);
});
console.log(JSON.stringify({ seconds: (performance.now() - began) / 1000, p99: percentile(latencies, 99), failures }));
