// Tenants that stand for "any tenant": tokens then carry the user's own tenant in `iss` and `tid`.
const multiTenant = new Set(['common', 'organizations', 'consumers']);

/**
 * The issuer to expect in a Microsoft identity platform ID token from `tokenUrl`
 * (`{identity}/{tenant}/oauth2/v2.0/token`). For a multi-tenant URL it is
 * `{identity}/{tid}/v2.0` with the token's own `tid`, as Microsoft documents; otherwise the
 * configured tenant's. The response is read from a clone and stays usable.
 */
export async function microsoftIssuer(tokenUrl: string, response: Response): Promise<string> {
  const url = new URL(tokenUrl);
  const match = /^(.*)\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
  const prefix = `${url.origin}${match?.[1] ?? ''}`;
  const tenant = match?.[2] ?? 'common';
  if (!multiTenant.has(tenant)) return `${prefix}/${tenant}/v2.0`;
  const tid = await idTokenTenant(response);
  return `${prefix}/${tid ?? tenant}/v2.0`;
}

async function idTokenTenant(response: Response): Promise<string | null> {
  try {
    const body: unknown = await response.clone().json();
    if (typeof body !== 'object' || body === null || !('id_token' in body) || typeof body.id_token !== 'string') return null;
    const payload = body.id_token.split('.')[1];
    if (payload === undefined) return null;
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof claims === 'object' && claims !== null && 'tid' in claims && typeof claims.tid === 'string' && /^[\w-]+$/.test(claims.tid)) return claims.tid;
  } catch {
    // Unreadable: oauth4webapi reports the problem when it processes the response.
  }
  return null;
}
