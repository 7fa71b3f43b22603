import { resolve } from 'node:path';

const SERVED_DIST = Symbol.for('after-sales-academy/served-dist');
const served = globalThis as { [SERVED_DIST]?: string };

/**
 * Names the `dist/` folder this process serves. The built server (src/server/serve/) calls it before it loads any
 * route: its API fast path runs server modules from `src/`, where walking up from the module file cannot find the
 * running build (or, in a project whose `src/` is a link, would find another one). Process-wide, so the Astro
 * bundle's copies of the modules that read it see it too.
 */
export function registerServedDist(dist: string): void {
  served[SERVED_DIST] = resolve(dist);
}

/** The `dist/` folder registered by the built server, or undefined (dev server, tests in process, CLIs). */
export function servedDist(): string | undefined {
  return served[SERVED_DIST];
}
