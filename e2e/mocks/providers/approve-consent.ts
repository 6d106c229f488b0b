/**
 * Plays the browser in a Connect popup against the mocks (for tests without a browser): opens
 * the provider's page, clicks Allow or Cancel (posts the consent form back) and returns the
 * query the provider redirected to the redirect URI with (`code` and `state`, or `error`).
 */
export async function approveConsent(authorizationUrl: string, decision: 'allow' | 'deny' = 'allow'): Promise<URLSearchParams> {
  const page = await fetch(authorizationUrl);
  if (page.status !== 200) throw new Error(`authorization page answered ${page.status}: ${await page.text()}`);
  const url = new URL(authorizationUrl);
  const form = new URLSearchParams(url.searchParams);
  form.set('decision', decision);
  const answer = await fetch(`${url.origin}${url.pathname}`, { method: 'POST', body: form, redirect: 'manual' });
  const location = answer.headers.get('location');
  if (answer.status !== 302 || location === null) throw new Error(`consent answered ${answer.status}`);
  return new URL(location).searchParams;
}
