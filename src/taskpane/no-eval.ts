/**
 * Imported first by the standalone page: the page's Content-Security-Policy has no 'unsafe-eval', so
 * zod must not probe for `new Function` (its JIT, which the CSP would block and report as a
 * violation). The interpreted validators give the same results.
 */
import { z } from 'zod';

z.config({ jitless: true });
