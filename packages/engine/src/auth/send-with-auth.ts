import type { ResolvedAuth } from '../endpoint/auth';
import type { HttpResponse } from '../http/http-types';
import type { SendAttempt } from './auth-strategy';
import { basicAuth } from './basic-auth';
import { noneAuth } from './none-auth';

// One case per auth type; adding a type to `authTypes` makes these switches fail to compile until handled.

/** Sends a request with the endpoint's authentication, making as many attempts as the auth type needs. */
export function sendWithAuth(auth: ResolvedAuth, attempt: SendAttempt): Promise<HttpResponse> {
  switch (auth.type) {
    case 'none':
      return noneAuth.send(auth, attempt);
    case 'basic':
      return basicAuth.send(auth, attempt);
  }
}

/** The secrets of an endpoint's authentication, to keep them out of run records. */
export function authSecrets(auth: ResolvedAuth): string[] {
  switch (auth.type) {
    case 'none':
      return noneAuth.secrets(auth);
    case 'basic':
      return basicAuth.secrets(auth);
  }
}
