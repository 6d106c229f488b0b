import type { EndpointRow, UnitRepos } from '@flowyard/db';
import { builtinEndpointName, FlowyardError, type AuthInput, type FieldIssue } from '@flowyard/engine';

/** True for a workflow's built-in Flowyard endpoint (the only one with `flowyard` auth). */
export function isBuiltinRow(row: Pick<EndpointRow, 'authType'>): boolean {
  return row.authType === 'flowyard';
}

/** The id of the workflow's built-in endpoint, which Find User steps use (null before it exists). */
export async function builtinEndpointId(repos: Pick<UnitRepos, 'endpoints'>, workflowId: string): Promise<string | null> {
  return (await repos.endpoints.findByAuthType(workflowId, 'flowyard'))?.id ?? null;
}

/** Built-in first, the rest in the order given (by name). */
export function builtinFirst<Row extends Pick<EndpointRow, 'authType'>>(rows: Row[]): Row[] {
  return [...rows].sort((a, b) => Number(isBuiltinRow(b)) - Number(isBuiltinRow(a)));
}

const onlyBuiltin = 'Flowyard authentication belongs to the built-in Flowyard endpoint; choose another type';

/** A new endpoint cannot take the built-in endpoint's authentication. */
export function checkCreatableAuth(auth: AuthInput): void {
  if (auth.type === 'flowyard') throw new FlowyardError('VALIDATION_FAILED', onlyBuiltin, { issues: [{ path: 'auth.type', message: onlyBuiltin }] });
}

/**
 * SPEC §2: the built-in endpoint keeps its name and base URL (FORBIDDEN naming the field; only
 * Trust self-signed can change), and no other endpoint can take its authentication.
 */
export function checkBuiltinUpdate(current: EndpointRow, input: { name: string; baseUrl: string; auth: AuthInput }): void {
  if (!isBuiltinRow(current)) {
    checkCreatableAuth(input.auth);
    return;
  }
  const issues: FieldIssue[] = [];
  if (input.name !== current.name) issues.push({ path: 'name', message: `The built-in ${builtinEndpointName} endpoint cannot be renamed` });
  if (input.baseUrl !== current.baseUrl) issues.push({ path: 'baseUrl', message: `The built-in ${builtinEndpointName} endpoint always targets this server (${current.baseUrl})` });
  if (issues.length > 0) throw new FlowyardError('FORBIDDEN', issues.map((issue) => issue.message).join('; '), { issues, details: { builtIn: true } });
}

/** SPEC §2: the built-in endpoint cannot be deleted. */
export function checkBuiltinDelete(row: EndpointRow): void {
  if (isBuiltinRow(row)) {
    throw new FlowyardError('FORBIDDEN', `The built-in ${builtinEndpointName} endpoint cannot be deleted`, { details: { builtIn: true } });
  }
}
