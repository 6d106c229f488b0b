import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A key and certificate in PEM, as `https.createServer` takes them. */
export interface KeyAndCert {
  key: string;
  cert: string;
}

/** The certificates the TLS tests serve (SAN 127.0.0.1 and localhost unless said otherwise). */
export interface TestCertificates {
  /** "Flowyard Test CA" (PEM certificate), the private CA a client may be told to trust. */
  caCert: string;
  /** Issued by the test CA. */
  caSigned: KeyAndCert;
  /** Issued by the test CA for other.example only. */
  caSignedOther: KeyAndCert;
  /** Issued by the test CA, valid 2000-01-01 to 2001-01-01. */
  caExpired: KeyAndCert;
  /** Self-signed, CN=localhost. */
  selfSigned: KeyAndCert;
  /** Self-signed for other.example only. */
  otherHost: KeyAndCert;
  /** Self-signed, CN=localhost, valid 2000-01-01 to 2001-01-01. */
  expired: KeyAndCert;
  /** 'openssl' when generated for this run, 'fixtures' when read from src/http/test-certs. */
  source: 'openssl' | 'fixtures';
}

const fixturesDir = fileURLToPath(new URL('../http/test-certs/', import.meta.url));
const names = ['ca-signed', 'ca-signed-other', 'ca-expired', 'self-signed', 'other-host', 'expired'] as const;
const localhost = 'subjectAltName=DNS:localhost,IP:127.0.0.1';

/**
 * Writes a test CA and the leaf certificates of TestCertificates into `dir` with the openssl
 * command-line tool (EC P-256 keys: quick to make). Throws when openssl is missing.
 */
export function generateTestCertificates(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const openssl = (...args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  };
  const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const leafExtensions = (san: string): string => {
    const file = join(dir, `ext-${san.replace(/\W/g, '')}.cnf`);
    writeFileSync(file, `${san}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n`);
    return file;
  };

  openssl('req', '-x509', ...newKey, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '36500', '-subj', '/CN=Flowyard Test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  const issue = (name: string, cn: string, san: string, serial: string): void => {
    openssl('req', '-new', ...newKey, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`);
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-set_serial', serial, '-days', '36500', '-extfile', leafExtensions(san), '-out', `${name}.crt`);
  };
  issue('ca-signed', 'ca-signed', localhost, '101');
  issue('ca-signed-other', 'ca-signed-other', 'subjectAltName=DNS:other.example', '102');
  const selfSigned = (name: string, cn: string, san: string): void => {
    openssl('req', '-x509', ...newKey, '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '36500', '-subj', `/CN=${cn}`, '-addext', san);
  };
  selfSigned('self-signed', 'localhost', localhost);
  selfSigned('other-host', 'other.example', 'subjectAltName=DNS:other.example');

  // `openssl req` cannot backdate a certificate; `openssl ca` can (-startdate/-enddate).
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  writeFileSync(
    join(dir, 'ca.cnf'),
    [
      '[ca]',
      'default_ca = test',
      '[test]',
      `database = ${join(dir, 'index.txt')}`,
      `new_certs_dir = ${dir}`,
      `serial = ${join(dir, 'serial')}`,
      'default_md = sha256',
      'policy = any',
      'copy_extensions = copy',
      'unique_subject = no',
      '[any]',
      'commonName = supplied',
      '',
    ].join('\n'),
  );
  const backdated = (name: string, signer: string[]): void => {
    openssl('req', '-new', ...newKey, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', '/CN=localhost', '-addext', localhost);
    openssl('ca', '-batch', '-notext', '-config', 'ca.cnf', ...signer, '-in', `${name}.csr`, '-out', `${name}.crt`, '-startdate', '20000101000000Z', '-enddate', '20010101000000Z');
  };
  backdated('expired', ['-selfsign', '-keyfile', 'expired.key']);
  backdated('ca-expired', ['-cert', 'ca.crt', '-keyfile', 'ca.key']);
}

function read(dir: string, source: TestCertificates['source']): TestCertificates {
  const pair = (name: (typeof names)[number]): KeyAndCert => ({
    key: readFileSync(join(dir, `${name}.key`), 'utf8'),
    cert: readFileSync(join(dir, `${name}.crt`), 'utf8'),
  });
  return {
    caCert: readFileSync(join(dir, 'ca.crt'), 'utf8'),
    caSigned: pair('ca-signed'),
    caSignedOther: pair('ca-signed-other'),
    caExpired: pair('ca-expired'),
    selfSigned: pair('self-signed'),
    otherHost: pair('other-host'),
    expired: pair('expired'),
    source,
  };
}

/** Certificates made for this test run with openssl; the committed fixtures when openssl is not installed. */
export function testCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'flowyard-certs-'));
  try {
    generateTestCertificates(dir);
    return read(dir, 'openssl');
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
    return read(fixturesDir, 'fixtures');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
