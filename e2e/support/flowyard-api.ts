import type { APIRequestContext } from '@playwright/test';
import { arrayOf, field, isJsonObject, numberField, stringField, TrpcHttp, type JsonObject } from './trpc-http';

export type TestAuth =
  | { type: 'none' }
  | { type: 'basic'; username: string; password: string; preemptive: boolean }
  | { type: 'oauth2' | 'salesforce'; tokenUrl: string; username: string; password: string; clientId: string; clientSecret: string }
  | { type: 'slack' | 'msgraph' }
  | { type: 'remedy' | 'servicenow'; username: string; password: string };

export interface CreatedEndpoint {
  id: string;
  name: string;
  baseUrl: string;
}

export interface HttpStepSpec {
  name: string;
  endpointId: string | null;
  method?: string;
  path?: string;
}

export interface CreatedFlow {
  id: string;
  name: string;
  triggerNodeId: string;
  triggerName: string;
  stepNodeId: string;
  stepName: string;
}

/** The SPEC §9 roles by their API ids. */
export type TestRole = 'admin' | 'developer' | 'rest' | 'standard';

export interface CreatedUser {
  id: string;
  name: string;
  email: string;
}

/** A flow graph as `flows.save` takes it; the server validates it, so tests spell nodes as plain JSON. */
export interface TestGraph {
  nodes: { id: string; type: string; position: { x: number; y: number }; data: { name: string; config: Record<string, unknown> } }[];
  edges: { id: string; source: string; target: string; sourceHandle: string | null }[];
  notes?: JsonObject[];
}

type TestNode = TestGraph['nodes'][number];
type TestEdge = TestGraph['edges'][number];

function asTestNode(node: unknown): TestNode {
  const data = field(node, 'data');
  const position = field(node, 'position');
  const config = field(data, 'config');
  if (!isJsonObject(config)) throw new Error(`expected a node config object, got ${JSON.stringify(config)}`);
  return {
    id: stringField(node, 'id'),
    type: stringField(node, 'type'),
    position: { x: numberField(position, 'x'), y: numberField(position, 'y') },
    data: { name: stringField(data, 'name'), config },
  };
}

function asTestEdge(edge: unknown): TestEdge {
  const handle = field(edge, 'sourceHandle');
  return { id: stringField(edge, 'id'), source: stringField(edge, 'source'), target: stringField(edge, 'target'), sourceHandle: typeof handle === 'string' ? handle : null };
}

function notesOf(graph: unknown): Pick<TestGraph, 'notes'> {
  const notes = field(graph, 'notes');
  return notes === undefined ? {} : { notes: arrayOf(notes, 'graph.notes').filter(isJsonObject) };
}

/** A custom step body as `customSteps.create` takes it; omitted settings get the API's defaults. */
export interface CustomStepSpec {
  name: string;
  description?: string;
  inputs?: { id: string; label: string; required?: boolean; defaultValue?: string }[];
  outputs?: { id: string; label: string }[];
  includeEndpoint?: boolean;
  endpointLabel?: string;
  script: string;
}

/**
 * Seeds data through the public tRPC API (docs/architecture.md) so that a test can focus
 * on the screen it is about; building through the UI is covered by its own test.
 */
export class FlowyardApi {
  private readonly trpc: TrpcHttp;
  private workflowId: string | null = null;

  constructor(request: APIRequestContext) {
    this.trpc = new TrpcHttp(request);
  }

  /** The id of the "Default" workflow a fresh install has. */
  async defaultWorkflowId(): Promise<string> {
    if (this.workflowId) return this.workflowId;
    const workflows = arrayOf(await this.trpc.query('workflows.list'), 'workflows.list');
    const chosen = workflows.find((w) => stringField(w, 'name') === 'Default') ?? workflows[0];
    if (chosen === undefined) throw new Error('workflows.list returned no workflow');
    this.workflowId = stringField(chosen, 'id');
    return this.workflowId;
  }

  async createEndpoint(spec: { name: string; baseUrl: string; auth: TestAuth }): Promise<CreatedEndpoint> {
    const created = await this.trpc.mutation('endpoints.create', {
      workflowId: await this.defaultWorkflowId(),
      name: spec.name,
      baseUrl: spec.baseUrl,
      trustSelfSigned: false,
      auth: spec.auth,
    });
    return { id: stringField(created, 'id'), name: stringField(created, 'name'), baseUrl: stringField(created, 'baseUrl') };
  }

  /** Saves an endpoint's settings as the API's update does (secrets absent: kept, unless the address moves). */
  async updateEndpoint(id: string, spec: { name: string; baseUrl: string; auth: TestAuth }): Promise<void> {
    await this.trpc.mutation('endpoints.update', { id, name: spec.name, baseUrl: spec.baseUrl, trustSelfSigned: false, auth: spec.auth });
  }

  /** Creates an empty flow. */
  async createFlow(name: string): Promise<{ id: string; name: string; version: number }> {
    const created = await this.trpc.mutation('flows.create', { workflowId: await this.defaultWorkflowId(), name });
    return { id: stringField(created, 'id'), name, version: numberField(created, 'version') };
  }

  /** Creates a flow "Manual Trigger → <step>" and saves its graph. */
  async createHttpFlow(name: string, step: HttpStepSpec): Promise<CreatedFlow> {
    const { id, version } = await this.createFlow(name);
    const triggerNodeId = 'trigger-1';
    const triggerName = 'Manual Trigger';
    const stepNodeId = 'http-1';
    await this.trpc.mutation('flows.save', {
      id,
      version,
      graph: {
        nodes: [
          { id: triggerNodeId, type: 'manual-trigger', position: { x: 120, y: 60 }, data: { name: triggerName, config: { testPayload: '{}' } } },
          {
            id: stepNodeId,
            type: 'http-request',
            position: { x: 120, y: 260 },
            data: {
              name: step.name,
              config: {
                endpointId: step.endpointId,
                method: step.method ?? 'GET',
                path: step.path ?? '',
                headers: [],
                body: '',
                autoEncodeURI: true,
                timeoutMs: 10_000,
              },
            },
          },
        ],
        edges: [{ id: `${triggerNodeId}->${stepNodeId}`, source: triggerNodeId, target: stepNodeId, sourceHandle: null }],
      },
    });
    return { id, name, triggerNodeId, triggerName, stepNodeId, stepName: step.name };
  }

  /** Saves `graph` over the flow's first version (a flow fresh from createFlow). */
  async saveGraph(flow: { id: string; version: number }, graph: TestGraph): Promise<void> {
    await this.trpc.mutation('flows.save', { id: flow.id, version: flow.version, graph });
  }

  /** Creates a flow and saves `graph` into it. */
  async createFlowWithGraph(name: string, graph: TestGraph): Promise<{ id: string; name: string }> {
    const flow = await this.createFlow(name);
    await this.saveGraph(flow, graph);
    return { id: flow.id, name };
  }

  /** The flow as stored: its version, its graph as plain JSON, and its step names in graph order. */
  async getFlow(id: string): Promise<{ version: number; graph: TestGraph; stepNames: string[] }> {
    const flow = await this.trpc.query('flows.get', { id });
    const graph = field(flow, 'graph');
    const nodes = arrayOf(field(graph, 'nodes'), 'graph.nodes');
    return {
      version: numberField(flow, 'version'),
      // Handed back to flows.save as it came, so the server validates it again.
      graph: { nodes: nodes.map(asTestNode), edges: arrayOf(field(graph, 'edges'), 'graph.edges').map(asTestEdge), ...notesOf(graph) },
      stepNames: nodes.map((node) => stringField(field(node, 'data'), 'name')),
    };
  }

  /** Saves `graph` over the flow's stored version, as another editor would. */
  async saveOver(id: string, graph: TestGraph): Promise<void> {
    const { version } = await this.getFlow(id);
    await this.trpc.mutation('flows.save', { id, version, graph });
  }

  /** Creates a custom step definition in the Steps library (the API fills in the defaults). */
  async createCustomStep(step: CustomStepSpec): Promise<{ id: string; name: string }> {
    const created = await this.trpc.mutation('customSteps.create', { workflowId: await this.defaultWorkflowId(), step });
    return { id: stringField(created, 'id'), name: step.name };
  }

  /** Starts a run as the Run button does; rejects with the API's error (e.g. unresolved references). */
  async startRun(flowId: string, payload: unknown, triggerNodeId?: string): Promise<string> {
    const started = await this.trpc.mutation('runs.start', { flowId, payload, ...(triggerNodeId ? { triggerNodeId } : {}) });
    return stringField(started, 'runId');
  }

  /** Creates a user (as the signed-in admin); roles are the API's ids. */
  async createUser(user: { name: string; email: string; role: TestRole; password: string }): Promise<CreatedUser> {
    const created = await this.trpc.mutation('users.create', user);
    return { id: stringField(created, 'id'), name: stringField(created, 'name'), email: stringField(created, 'email') };
  }

  /** Creates an API key for the user and returns the key itself (the API shows it only this once). */
  async createApiKey(userId: string, name: string): Promise<string> {
    return stringField(await this.trpc.mutation('apiKeys.create', { userId, name }), 'key');
  }

  /** How many steps use the endpoint, per the API's usage index. */
  async endpointUsageCount(id: string): Promise<number> {
    return numberField(await this.trpc.query('endpoints.usage', { id }), 'total');
  }
}
