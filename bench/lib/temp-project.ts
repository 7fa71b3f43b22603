import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project this bench folder belongs to. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The pinned Node 24 that runs every child: the machine's Node is too old for Astro 7. */
export const NODE = process.execPath;

const excluded = ['node_modules', 'dist', '.git', 'data', '.astro', '.scratch', 'bench/results', 'tests/e2e/screenshots'];

/** A fresh temp folder under /tmp named `bench-<label>-…`; removed by `removeTemp`. */
export function makeTemp(label: string): string {
  return mkdtempSync(join(tmpdir(), `bench-${label}-`));
}

export function removeTemp(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * A private copy of the project (sources and content, no build output, data or caches) with node_modules symlinked,
 * so builds never touch the working tree's dist/ that the e2e tests use.
 */
export function copyProject(label: string): string {
  const dir = makeTemp(label);
  if (existsSync('/usr/bin/rsync')) {
    execFileSync('rsync', ['-a', ...excluded.flatMap((name) => ['--exclude', `/${name}`]), `${PROJECT_ROOT}/`, `${dir}/`]);
  } else {
    cpSync(PROJECT_ROOT, dir, { recursive: true, filter: (source) => !excluded.some((name) => source.startsWith(join(PROJECT_ROOT, name))) });
  }
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** Runs the installed Astro CLI with the pinned Node; telemetry off. */
export function astroArgs(...args: string[]): [string, string[]] {
  return [NODE, [join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), ...args]];
}

export const childEnv = (): NodeJS.ProcessEnv => ({ ...process.env, ASTRO_TELEMETRY_DISABLED: '1' });

/**
 * Points Astro's cache (content layer data store, Vite's optimised deps) into the copy: with node_modules symlinked,
 * the default `node_modules/.astro` would be the working tree's cache, shared with every other build.
 */
export function isolateAstroCache(projectDir: string, configFile = 'astro.config.mjs'): void {
  const path = join(projectDir, configFile);
  const source = readFileSync(path, 'utf8');
  if (!source.includes('defineConfig({')) throw new Error(`${path}: no defineConfig({ to add cacheDir to`);
  writeFileSync(path, source.replace('defineConfig({', "defineConfig({\n  cacheDir: './.bench-cache/',"));
}
