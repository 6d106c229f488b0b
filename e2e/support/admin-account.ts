/**
 * The admin a fresh e2e server starts with: scripts/start-server.mjs hands the password to the
 * server as FLOWYARD_ADMIN_PASSWORD, and the global setup signs in with it.
 */
export const adminAccount = {
  name: 'Admin',
  email: 'admin@localhost',
  password: process.env.FLOWYARD_E2E_ADMIN_PASSWORD ?? 'e2e-admin-Passw0rd!',
} as const;

/** The port the server under test listens on (see playwright.config.ts). */
export function e2ePort(): number {
  return Number(process.env.FLOWYARD_E2E_PORT ?? 3917);
}

/** The admin's signed-in browser state, per port so that runs on different ports do not share it. */
export function adminStatePath(e2eDir: string): string {
  return `${e2eDir}/.tmp/admin-state-${e2ePort()}.json`;
}
