// js-yaml 4 ships no types and @types/js-yaml is not installed; this declares the two names the CLI uses.
declare module 'js-yaml' {
  export class YAMLException extends Error {
    readonly reason: string;
    readonly mark?: { readonly line: number; readonly column: number };
  }
  export function load(text: string, options?: { filename?: string }): unknown;
}
