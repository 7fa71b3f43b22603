/**
 * Style rules that must sit inside `<noscript>` as inline `<style>` elements (Astro hoists a processed style out of
 * it). The Content-Security-Policy allows inline styles only by hash, so astro.config.mjs hashes exactly these
 * strings: render them with `set:html` and never retype them in a page.
 */
export const NOSCRIPT_STYLES = {
  practice: '.practice-loading{display:none}',
  sandbox: '.sandbox-loading{display:none}',
} as const;
