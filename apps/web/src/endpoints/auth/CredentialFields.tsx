import type { AuthType } from '@flowyard/engine/schemas';
import { CheckboxField, Field, TextInput } from '../../ui/Field';
import { defaultSalesforceLoginUrl, type EndpointFormApi, type SecretFieldName, type endpointFormFields } from '../endpoint-form';
import { SecretField } from './SecretField';
import { useAuthSettings } from './use-auth-settings';

/** Two related fields side by side (username and password, client ID and secret). */
const pairClass = 'grid grid-cols-1 items-start gap-4 sm:grid-cols-2';

export interface CredentialFieldsProps {
  form: EndpointFormApi;
  type: AuthType;
  /** Which secrets are stored (shown as "set" with Replace). */
  secrets: Record<SecretFieldName, boolean>;
  /** Which secrets the edit moves to another address, so they must be typed again (SPEC §7a). */
  reenter: Record<SecretFieldName, boolean>;
}

/** The typed-in credentials of an auth type (SPEC §3); Slack and Graph have none, they connect. */
export function CredentialFields({ form, type, secrets, reenter }: CredentialFieldsProps) {
  const { register } = form;
  const salesforceLoginUrl = useAuthSettings().data?.salesforceLoginUrl ?? defaultSalesforceLoginUrl;
  const fieldError = (name: (typeof endpointFormFields)[number]) => form.getFieldState(name, form.formState).error?.message;
  const username = (
    <Field label="Username" error={fieldError('auth.username')}>
      {(control) => <TextInput autoComplete="off" spellCheck={false} {...control} {...register('auth.username')} />}
    </Field>
  );
  const password = <SecretField form={form} name="auth.password" label="Password" isSet={secrets['auth.password']} mustReenter={reenter['auth.password']} />;
  const login = (
    <div className={pairClass}>
      {username}
      {password}
    </div>
  );

  switch (type) {
    case 'none':
    case 'slack':
    case 'msgraph':
    case 'flowyard':
      return null;
    case 'basic':
      return (
        <>
          {login}
          <CheckboxField
            label="Preemptive"
            hint="Send credentials with every request instead of waiting for a 401 challenge."
            error={fieldError('auth.preemptive')}
            {...register('auth.preemptive')}
          />
        </>
      );
    case 'oauth2':
    case 'salesforce':
      return (
        <>
          <Field
            label="Access token URL"
            error={fieldError('auth.tokenUrl')}
            hint={
              type === 'salesforce'
                ? `Leave empty for this server's Salesforce login, ${salesforceLoginUrl}. For a sandbox: https://test.salesforce.com.`
                : 'Where Flowyard asks for a token with the password grant, e.g. https://auth.example.com/oauth/token.'
            }
          >
            {(control) => (
              <TextInput
                type="url"
                autoComplete="off"
                spellCheck={false}
                placeholder={type === 'salesforce' ? salesforceLoginUrl : 'https://'}
                {...control}
                {...register('auth.tokenUrl')}
              />
            )}
          </Field>
          {login}
          <div className={pairClass}>
            <Field label="Client ID" error={fieldError('auth.clientId')}>
              {(control) => <TextInput autoComplete="off" spellCheck={false} {...control} {...register('auth.clientId')} />}
            </Field>
            <SecretField
              form={form}
              name="auth.clientSecret"
              label="Client secret"
              isSet={secrets['auth.clientSecret']}
              mustReenter={reenter['auth.clientSecret']}
            />
          </div>
        </>
      );
    case 'remedy':
    case 'servicenow':
      return login;
  }
}
