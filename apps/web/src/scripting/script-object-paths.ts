import type { ScriptObjectUsage } from '@flowyard/engine/schemas';

export const librariesPath = '/integration-builder/libraries';
export const constantsPath = '/integration-builder/constants';

/** The editor of one shared library. */
export function libraryPath(id: string): string {
  return `${librariesPath}/${encodeURIComponent(id)}`;
}

/** Where a use of a library or constant is edited: the custom step's editor, or the library's. */
export function scriptObjectUsageHref(use: ScriptObjectUsage): string {
  return use.kind === 'script' ? `/steps/${encodeURIComponent(use.customStepId)}` : libraryPath(use.libraryId);
}
