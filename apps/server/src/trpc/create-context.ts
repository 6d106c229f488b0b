import type { FlowyardDb } from '@flowyard/db';
import { FlowyardError } from '@flowyard/engine';
import { TRPCError } from '@trpc/server';
import type { IncomingMessage } from 'node:http';
import type { AppServices } from '../app-services';
import type { Context } from './context';

/** Builds a request's context, resolving its user; a request without one is FORBIDDEN. */
export async function createContext(db: FlowyardDb, services: AppServices, req: IncomingMessage | undefined): Promise<Context> {
  const user = await services.resolveUser(req);
  if (!user) {
    const cause = new FlowyardError('FORBIDDEN', 'Sign in to use Flowyard');
    throw new TRPCError({ code: 'FORBIDDEN', message: cause.message, cause });
  }
  return { db, services, user };
}
