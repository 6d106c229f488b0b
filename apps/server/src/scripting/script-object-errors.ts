import { FlowyardError, type ScriptObjectUsage } from '@flowyard/engine';

/** Deleting a library or constant that scripts still read: CONFLICT with every use in `details.usage`. */
export function scriptObjectInUse(what: 'Library' | 'Constant', name: string, usage: ScriptObjectUsage[]): FlowyardError {
  const scripts = usage.filter((use) => use.kind === 'script').length;
  const libraries = usage.length - scripts;
  const by = [
    scripts > 0 ? `${scripts} ${scripts === 1 ? 'custom step script' : 'custom step scripts'}` : null,
    libraries > 0 ? `${libraries} ${libraries === 1 ? 'shared library' : 'shared libraries'}` : null,
  ]
    .filter((part) => part !== null)
    .join(' and ');
  return new FlowyardError('CONFLICT', `${what} "${name}" is used by ${by} and cannot be deleted; remove those uses first`, { details: { usage } });
}
