import type { ImportBindings, ImportEndpointChoice } from '@flowyard/engine/schemas';

/** Binding to the endpoint of the same name is what people almost always want, so it starts chosen. */
export function defaultBindings(endpoints: readonly ImportEndpointChoice[]): ImportBindings {
  return Object.fromEntries(endpoints.map((endpoint) => [endpoint.exportId, endpoint.match?.id ?? null]));
}

/** How many endpoints the import will bind to existing ones and how many it creates (flagged "needs credentials"). */
export function bindingCounts(endpoints: readonly ImportEndpointChoice[], bindings: ImportBindings): { bound: number; created: number } {
  let bound = 0;
  for (const endpoint of endpoints) if (endpoint.match !== null && bindings[endpoint.exportId] === endpoint.match.id) bound += 1;
  return { bound, created: endpoints.length - bound };
}
