import { FlowyardError, isFlowyardError, restApiPrefix, userSearchSchema, type RestUserList, type UserView } from '@flowyard/engine';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { AppServices } from '../compose';
import { authenticateApiCaller } from '../builtin/api-caller';
import { sendApiError } from '../builtin/api-response';

type Handler = (req: Request, res: Response, caller: UserView) => Promise<void>;

/**
 * Flowyard's public REST API (`/api/v1`, documented in the README), which the built-in Flowyard
 * endpoint calls. Callers authenticate with an API key or a run credential; every answer is
 * limited to what that user may see (SPEC §9).
 */
export function mountRestApi(app: Express, services: AppServices): void {
  const api = express.Router();

  const route = (handler: Handler) => async (req: Request, res: Response, next: NextFunction) => {
    try {
      const caller = await authenticateApiCaller(services, req.headers, { runCredentials: true });
      if (isFlowyardError(caller)) return sendApiError(res, caller);
      await handler(req, res, caller);
    } catch (error) {
      if (isFlowyardError(error)) return sendApiError(res, error);
      next(error);
    }
  };

  /** `GET /api/v1/users?search=<text>`: `{ users }` whose name or email contains the text (all visible ones without it). */
  api.get(
    '/users',
    route(async (req, res, caller) => {
      const raw = req.query.search ?? '';
      const parsed = userSearchSchema.safeParse({ text: raw });
      if (!parsed.success) {
        const message = typeof raw === 'string' ? (parsed.error.issues[0]?.message ?? 'Search text is not valid') : 'Give search once, as text';
        throw new FlowyardError('VALIDATION_FAILED', message);
      }
      const answer: RestUserList = { users: await services.users.searchAs(caller, parsed.data.text) };
      res.setHeader('Cache-Control', 'no-store').json(answer);
    }),
  );

  /** `GET /api/v1/users/<id>`: one user, when the caller may see them. */
  api.get(
    '/users/:id',
    route(async (req, res, caller) => {
      const id = req.params.id;
      if (typeof id !== 'string' || id === '') throw new FlowyardError('VALIDATION_FAILED', 'Give a user id');
      res.setHeader('Cache-Control', 'no-store').json(await services.users.getAs(caller, id));
    }),
  );

  api.use((req, res) => {
    sendApiError(res, new FlowyardError('NOT_FOUND', `There is no ${req.method} ${restApiPrefix}${req.path} in the REST API`));
  });
  app.use(restApiPrefix, api);
}
