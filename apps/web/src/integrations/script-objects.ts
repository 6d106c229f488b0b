import type { IntegrationKind } from '@flowyard/engine/schemas';
import type { ObjectGroup } from '../steps/script/AvailableObjects';
import type { ObjectMember } from '../steps/script/script-completions';

const requestMembers: ObjectMember[] = [
  { name: 'method', detail: "'POST', 'GET', …" },
  { name: 'headers', detail: 'lower-case names; credentials [redacted]' },
  { name: 'parameters', detail: 'query and form fields' },
  { name: 'body', detail: 'the raw body text' },
];

const responseMembers: ObjectMember[] = [
  { name: 'status', detail: 'HTTP status answered (default 202)' },
  { name: 'body', detail: 'text, or an object sent as JSON' },
  { name: 'headers', detail: "response.headers['X-Name'] = '…'" },
];

const callbackMembers: ObjectMember[] = [
  { name: 'event', detail: "'run.failed', 'step.failed', …" },
  { name: 'workflow', detail: '{ id, name }' },
  { name: 'flow', detail: '{ id, name }' },
  { name: 'run', detail: '{ id, status, startedAt, endedAt, summary }' },
  { name: 'step', detail: '{ id, name, error } or null' },
  { name: 'actedAs', detail: '{ id, name, email }' },
];

const flowsMembers: ObjectMember[] = [{ name: 'start', apply: 'start(', detail: "flows.start('Flow name', payload) → run id" }];

/** What completion offers after `request.`, `response.`, `callback.` and `flows.` in an integration script of `kind`. */
export function integrationMembers(kind: IntegrationKind): Record<string, readonly ObjectMember[]> {
  return kind === 'inbound'
    ? { request: requestMembers, response: responseMembers, flows: flowsMembers }
    : { callback: callbackMembers, request: requestMembers, flows: flowsMembers };
}

/** The sidebar's groups for the objects only integration scripts have. */
export function integrationObjectGroups(kind: IntegrationKind): ObjectGroup[] {
  if (kind === 'inbound') {
    return [
      {
        title: 'Request',
        items: [
          { code: 'request.method', snippet: 'request.method' },
          { code: 'request.headers', snippet: "request.headers['content-type']" },
          { code: 'request.parameters', snippet: 'request.parameters' },
          { code: 'request.body', snippet: 'request.body' },
          { code: 'JSON.parse(request.body)', snippet: 'JSON.parse(request.body)' },
        ],
      },
      {
        title: 'Response',
        items: [
          { code: 'response.status', snippet: 'response.status = 200;' },
          { code: 'response.body', snippet: 'response.body = { ok: true };' },
          { code: 'response.headers', snippet: "response.headers['X-Name'] = '';" },
        ],
      },
    ];
  }
  return [
    {
      title: 'Callback',
      items: [
        { code: 'callback.event', snippet: 'callback.event' },
        { code: 'callback.flow.name', snippet: 'callback.flow.name' },
        { code: 'callback.run.status', snippet: 'callback.run.status' },
        { code: 'callback.run.summary', snippet: 'callback.run.summary' },
        { code: 'callback.step', snippet: 'callback.step' },
        { code: 'callback.actedAs.name', snippet: 'callback.actedAs.name' },
        { code: 'JSON.parse(request.body)', snippet: 'JSON.parse(request.body)' },
      ],
    },
  ];
}
