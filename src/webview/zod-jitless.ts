// Import this before anything that defines zod schemas. zod compiles fast
// parsers with `new Function` when it may, and decides so when a schema is
// created; the webview's CSP forbids eval, and even zod's probe for it would
// be reported as a CSP violation.
import * as z from 'zod';

z.config({ jitless: true });
