import type { EndpointView } from '@flowyard/engine/schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import { set, type FieldError, type Resolver } from 'react-hook-form';
import { endpointCreateFormSchema, endpointUpdateFormSchema, reenterIssues, type EndpointFormOutput, type EndpointFormValues } from './endpoint-form';

const createResolver = zodResolver(endpointCreateFormSchema);
const updateResolver = zodResolver(endpointUpdateFormSchema);

/** What the resolver reads at each validation: the endpoint as stored (undefined while creating) and the server's settings. */
export interface EndpointFormContext {
  stored: EndpointView | undefined;
  salesforceLoginUrl: string;
}

/**
 * The dialog's validation: the API's create or update rules and, on update, SPEC §7a: a stored
 * secret whose address the edit moves must be typed again (the API refuses it otherwise, with the
 * same message on the same field).
 */
export function endpointFormResolver(read: () => EndpointFormContext): Resolver<EndpointFormValues, unknown, EndpointFormOutput> {
  return async (values, context, options) => {
    const { stored, salesforceLoginUrl } = read();
    if (stored === undefined) return createResolver(values, context, options);
    const result = await updateResolver(values, context, options);
    const issues = reenterIssues(stored, values, salesforceLoginUrl);
    if (issues.length === 0) return result;
    // Said instead of "Password is required": the stored one exists, it just may not go there.
    const errors = result.errors;
    for (const issue of issues) {
      const error: FieldError = { type: 'reenter', message: issue.message, ref: options.fields[issue.path]?.ref };
      set(errors, issue.path, error);
    }
    return { values: {}, errors };
  };
}
