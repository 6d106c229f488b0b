import { authSecrets } from '../auth/send-with-auth';
import type { EndpointResolver, ResolvedEndpoint } from '../endpoint/endpoint';
import type { HttpClient } from '../http/http-types';
import type { Scrubber } from '../redaction/scrubber';

/** The run's endpoints: each one's secrets join the run's scrubber as it is resolved. */
export function endpointsLearnedBy(resolver: EndpointResolver, scrubber: Scrubber): EndpointResolver {
  const learn = (endpoint: ResolvedEndpoint | undefined): ResolvedEndpoint | undefined => {
    if (endpoint !== undefined) scrubber.add(...authSecrets(endpoint.auth));
    return endpoint;
  };
  return {
    get: async (id) => learn(await resolver.get(id)),
    getByName: async (name) => learn(await resolver.getByName(name)),
  };
}

/**
 * The run's HTTP client: every call carries the run's scrubber, so the tokens it obtains (those a
 * script gets from `http.authenticate` too) are scrubbed from every record of the run.
 */
export function httpScrubbedBy(http: HttpClient, scrubber: Scrubber): HttpClient {
  return {
    send: (spec, onExchange) => http.send({ ...spec, scrubber }, onExchange),
    accessToken: (spec, onExchange) => http.accessToken({ ...spec, scrubber }, onExchange),
    checkAuthentication: (spec, onExchange) => http.checkAuthentication({ ...spec, scrubber }, onExchange),
    close: () => http.close(),
  };
}
