// Node entry: everything in schemas plus the runtime (HTTP client, authentication, runner).
export * from './schemas';
export { createHttpClient, type HttpClientOptions } from './http/http-client';
export { mapHttpError } from './http/map-http-error';
export type { CertificateDetails } from './http/tls-check';
export type { AuthStrategy, SendAttempt } from './auth/auth-strategy';
export { authSecrets, sendWithAuth } from './auth/send-with-auth';
export { basicAuthorization } from './auth/basic-auth';
export { compileFlow, type CompiledFlow, type CompiledNode, type TriggerPlan } from './runner/compile-flow';
export { noScripting, runFlow, type FlowScripting, type RunFlowOptions } from './runner/run-flow';
export * from './script/index';
