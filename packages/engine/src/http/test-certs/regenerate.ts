// Rewrites the certificate fixtures with openssl: `npx tsx src/http/test-certs/regenerate.ts` (from packages/engine).
// Tests generate fresh certificates themselves (testing/test-certificates.ts); these are their fallback without openssl.
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTestCertificates } from '../../testing/test-certificates';

const here = fileURLToPath(new URL('.', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'flowyard-certs-'));
try {
  generateTestCertificates(work);
  for (const file of readdirSync(work)) {
    if ((file.endsWith('.crt') || file.endsWith('.key')) && file !== 'ca.key') copyFileSync(join(work, file), join(here, file));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
