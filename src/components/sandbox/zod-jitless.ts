import { config } from 'zod/mini';

// zod 4 probes `new Function('')` to decide whether to compile object parsers; under our Content-Security-Policy
// (no 'unsafe-eval') the probe is refused and reported as a violation on every page load. Imported first by the
// island so the setting is in place before any schema is built or used.
config({ jitless: true });
