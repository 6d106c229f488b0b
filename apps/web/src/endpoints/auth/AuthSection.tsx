import {
  authTypeLabels,
  authTypeSchema,
  creatableAuthTypes,
  isConnectAuthType,
  isTestableAuthType,
  type AuthType,
  type EndpointView,
} from '@flowyard/engine/schemas';
import { useWatch } from 'react-hook-form';
import { Field, Select } from '../../ui/Field';
import type { SaveFirst } from '../EndpointForm';
import { addressChange, defaultSalesforceLoginUrl, newAuthValues, storedSecrets, type EndpointFormApi } from '../endpoint-form';
import { ConnectSection } from './ConnectSection';
import { CredentialFields } from './CredentialFields';
import { TestAuthentication } from './TestAuthentication';
import { useAuthSettings } from './use-auth-settings';

export interface AuthSectionProps {
  form: EndpointFormApi;
  /** The stored endpoint; undefined until the first save. */
  stored: EndpointView | undefined;
  /** A step that needs this type opened the dialog: preselected and locked. */
  lockedAuthType: AuthType | undefined;
  saveFirst: SaveFirst;
  reload(): Promise<void>;
}

/** The Authorization box: the type (fixed once stored), its fields, and Connect or Test Authentication. */
export function AuthSection({ form, stored, lockedAuthType, saveFirst, reload }: AuthSectionProps) {
  // useWatch, not watch: setValue('auth', …) is reported under "auth", which watch('auth.type') ignores.
  const authType = useWatch({ control: form.control, name: 'auth.type' });
  const [baseUrl, auth] = useWatch({ control: form.control, name: ['baseUrl', 'auth'] });
  const salesforceLoginUrl = useAuthSettings().data?.salesforceLoginUrl ?? defaultSalesforceLoginUrl;
  // SPEC §7a: what typing a new address moves away from its secrets, shown before Save.
  const moved = addressChange(stored, { baseUrl, auth }, salesforceLoginUrl);
  // An imported endpoint that still needs credentials has never been configured: its first save chooses the type.
  const choosing = stored?.needsCredentials === true && lockedAuthType === undefined;
  const locked = (stored !== undefined && !choosing) || lockedAuthType !== undefined;
  const error = form.getFieldState('auth.type', form.formState).error?.message;

  return (
    <fieldset className="flex flex-col gap-4 rounded-lg border border-zinc-200 p-4">
      <legend className="px-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase">Authorization</legend>
      <Field
        label="Authentication"
        error={error}
        hint={
          choosing
            ? 'Imported without credentials: choose how it authenticates and enter the credentials. The type is fixed once saved.'
            : stored
            ? 'The authentication type cannot be changed after creation.'
            : lockedAuthType
              ? 'This step needs this authentication type.'
              : undefined
        }
      >
        {(control) => (
          <Select
            {...control}
            value={authType}
            disabled={locked}
            onChange={(event) => form.setValue('auth', newAuthValues(authTypeSchema.parse(event.target.value)), { shouldDirty: true })}
          >
            {/* The Flowyard type belongs to the built-in endpoint alone; it is listed only there. */}
            {(authType === 'flowyard' ? [authType] : creatableAuthTypes).map((type) => (
              <option key={type} value={type}>
                {authTypeLabels[type]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {/* Remounted after each save so stored secrets go back to "set" with Replace. */}
      <CredentialFields key={stored?.updatedAt ?? 'new'} form={form} type={authType} secrets={storedSecrets(stored?.auth)} reenter={moved.secrets} />
      {isConnectAuthType(authType) ? (
        <ConnectSection type={authType} stored={stored} connectionMoves={moved.connection} saveFirst={saveFirst} reload={reload} />
      ) : null}
      {isTestableAuthType(authType) ? <TestAuthentication saveFirst={saveFirst} /> : null}
    </fieldset>
  );
}
