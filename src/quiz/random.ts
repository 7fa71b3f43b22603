/**
 * A small seeded PRNG (splitmix32 with the lowbias32 finaliser): the same seed yields the same variant on every
 * machine, so a stored seed reproduces exactly the question a trainee saw. Consecutive small seeds give unrelated
 * streams (mulberry32 did not: seeds 1–6 started in correlated states).
 */
export function seededRandom(seed: number): () => number {
  let state = lowbias32(seed >>> 0);
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    return lowbias32(state) / 4_294_967_296;
  };
}

function lowbias32(input: number): number {
  let value = input >>> 0;
  value = Math.imul(value ^ (value >>> 16), 0x21f0aaad);
  value = Math.imul(value ^ (value >>> 15), 0x735a2d97);
  return (value ^ (value >>> 15)) >>> 0;
}

export function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)]!;
}

/** A shuffled copy (Fisher–Yates). */
export function shuffled<T>(random: () => number, values: readonly T[]): T[] {
  const copy = [...values];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}
