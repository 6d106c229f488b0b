import { appRouter } from './app-router';
import { createCallerFactory } from './init';

/** Calls procedures in-process with a given context (tests, scripts). */
export const createCaller = createCallerFactory(appRouter);
