import { signInSchema, type SignInInput } from '@flowyard/engine/schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { Waypoints } from 'lucide-react';
import { useForm } from 'react-hook-form';
import { Redirect, useLocation, useSearch } from 'wouter';
import type { z } from 'zod';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { useDocumentTitle } from '../lib/use-document-title';
import { Button } from '../ui/Button';
import { Field, FormError, TextInput } from '../ui/Field';
import { isUnauthorized } from './is-unauthorized';
import { safeNextPath } from './sign-in-redirect';
import { useSessionQuery, useSetSession } from './use-session';

/** `/sign-in`: email and password; afterwards back to the page the person came from (`?next=`). */
export function SignInPage() {
  useDocumentTitle('Sign in');
  const trpc = useTRPC();
  const session = useSessionQuery();
  const setSession = useSetSession();
  const [, navigate] = useLocation();
  const next = safeNextPath(new URLSearchParams(useSearch()).get('next'));
  const signIn = useMutation(trpc.auth.signIn.mutationOptions());
  const form = useForm<SignInInput, unknown, z.output<typeof signInSchema>>({ resolver: zodResolver(signInSchema), defaultValues: { email: '', password: '' } });

  const submit = form.handleSubmit(async (values) => {
    try {
      const user = await signIn.mutateAsync(values);
      setSession(user);
      navigate(next, { replace: true });
    } catch (error) {
      // One message for a wrong email and a wrong password: which one it was is nobody's business.
      const message = isUnauthorized(error) ? 'Wrong email or password' : readApiError(error).message;
      form.setError('root.server', { type: 'server', message });
      form.resetField('password', { keepError: true });
      form.setFocus('password');
    }
  });

  if (session.data) return <Redirect to={next} replace />;
  const { errors, isSubmitting } = form.formState;

  return (
    <main className="flex min-h-full items-center justify-center bg-zinc-50 px-4 py-16">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex flex-col items-center gap-3 text-center">
          <span className="flex size-10 items-center justify-center rounded-lg bg-indigo-600 text-white">
            <Waypoints aria-hidden className="size-5" />
          </span>
          <h1 className="text-xl font-semibold tracking-tight text-zinc-900">Sign in to Flowyard</h1>
        </div>
        <form noValidate onSubmit={submit} className="flex flex-col gap-4 rounded-xl border border-zinc-200 bg-white p-6 shadow-sm">
          <Field label="Email" error={errors.email?.message}>
            {(control) => <TextInput type="email" autoComplete="username" autoFocus {...control} {...form.register('email')} />}
          </Field>
          <Field label="Password" error={errors.password?.message}>
            {(control) => <TextInput type="password" autoComplete="current-password" {...control} {...form.register('password')} />}
          </Field>
          <FormError>{errors.root?.server?.message}</FormError>
          <Button type="submit" variant="primary" disabled={isSubmitting}>
            {isSubmitting ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
      </div>
    </main>
  );
}
