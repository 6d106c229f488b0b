import { endpointNameKey } from '../endpoint/endpoint-name';
import type { FieldIssue } from '../errors/flowyard-error';
import { builtinEndpointExportId, exportFileSchema, exportFormat, exportVersion, maxExportFileBytes, type ExportFile } from './export-file';
import { jsonPath } from './json-path';
import { checkJsonValue, isJsonProblem, jsonDepthLimitText, jsonTextTooDeep, MAX_JSON_DEPTH } from '../json/json-limits';

export type ExportFileCheck = { ok: true; file: ExportFile } | { ok: false; problems: FieldIssue[] };

type JsonObject = { [key: string]: unknown };

/**
 * Validates an export file whole (SPEC §8): its JSON text (or the parsed value), the format
 * and version, every field, and the references between its parts. Every problem comes back
 * with its JSON path (`flows[0].graph.nodes[2].data.config.endpointId`), not just the first.
 */
export function checkExportFile(input: unknown): ExportFileCheck {
  // Refused before anything walks it recursively (JSON.stringify, the schema, the problem messages).
  const tooDeep = typeof input === 'string' ? jsonTextTooDeep(input) : isTooDeep(checkJsonValue(input ?? null));
  if (tooDeep) return fail('', `The file nests deeper than ${MAX_JSON_DEPTH} levels; ${jsonDepthLimitText}`);
  const text = typeof input === 'string' ? input : JSON.stringify(input ?? null);
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > maxExportFileBytes) {
    return fail('', `The file is ${megabytes(bytes)} MiB; an import file may be at most ${megabytes(maxExportFileBytes)} MiB`);
  }
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return fail('', `The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (!isObject(value)) return fail('', 'The file must hold a JSON object (a Flowyard workflow export)');
  // Another format or version would fail everywhere; its one real problem is said alone.
  if (value.format !== exportFormat) {
    return fail('format', `This is not a Flowyard workflow export (format must be "${exportFormat}", not ${describe(value.format)})`);
  }
  if (value.version !== exportVersion) {
    return fail('version', `This Flowyard reads export version ${exportVersion}; the file has version ${describe(value.version)}`);
  }

  const parsed = exportFileSchema.safeParse(value);
  const problems: FieldIssue[] = parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message }));
  problems.push(...crossReferenceProblems(value));
  if (!parsed.success || problems.length > 0) return { ok: false, problems: dedupe(problems) };
  return { ok: true, file: parsed.data };
}

/**
 * Duplicates and dangling references, checked on the raw value so they are reported even
 * when other parts of the file are invalid.
 */
function crossReferenceProblems(file: JsonObject): FieldIssue[] {
  const problems: FieldIssue[] = [];
  const endpoints = records(file.endpoints);
  const customSteps = records(file.customSteps);
  const endpointIds = unique(problems, 'endpoints', endpoints, ['exportId'], (v) => v, 'Another endpoint has the export id');
  unique(problems, 'endpoints', endpoints, ['name'], endpointNameKey, 'Another endpoint is named');
  const stepIds = unique(problems, 'customSteps', customSteps, ['exportId'], (v) => v, 'Another custom step has the export id');
  unique(problems, 'customSteps', customSteps, ['step', 'name'], endpointNameKey, 'Another custom step is named');
  unique(problems, 'constants', records(file.constants), ['name'], endpointNameKey, 'Another constant is named');
  unique(problems, 'libraries', records(file.libraries), ['name'], endpointNameKey, 'Another library is named');

  for (const [flowIndex, flow] of records(file.flows)) {
    const graph = flow.graph;
    for (const [nodeIndex, node] of records(isObject(graph) ? graph.nodes : undefined)) {
      if (node.type !== 'http-request' && node.type !== 'custom-step') continue;
      const data = node.data;
      const config = isObject(data) ? data.config : undefined;
      if (!isObject(config)) continue;
      const name = isObject(data) && typeof data.name === 'string' ? data.name : String(node.id);
      const at = ['flows', flowIndex, 'graph', 'nodes', nodeIndex, 'data', 'config'];
      if (typeof config.endpointId === 'string' && config.endpointId !== builtinEndpointExportId && !endpointIds.has(config.endpointId)) {
        problems.push({ path: jsonPath([...at, 'endpointId']), message: `Step "${name}" uses endpoint "${config.endpointId}", which is not in the file's endpoints` });
      }
      if (node.type === 'custom-step' && typeof config.customStepId === 'string' && !stepIds.has(config.customStepId)) {
        problems.push({ path: jsonPath([...at, 'customStepId']), message: `Step "${name}" is an instance of custom step "${config.customStepId}", which is not in the file's custom steps` });
      }
    }
  }
  return problems;
}

/** Reports repeated values (by key) of `field` across a list; returns the set of values seen. */
function unique(
  problems: FieldIssue[],
  list: string,
  items: [number, JsonObject][],
  field: [string, ...string[]],
  key: (value: string) => string,
  message: string,
): Set<string> {
  const seen = new Set<string>();
  const keys = new Set<string>();
  for (const [index, item] of items) {
    const value = valueAt(item, field);
    if (typeof value !== 'string') continue;
    seen.add(value);
    const k = key(value);
    if (keys.has(k)) problems.push({ path: jsonPath([list, index, ...field]), message: `${message} "${value}"` });
    keys.add(k);
  }
  return seen;
}

function valueAt(item: JsonObject, path: readonly string[]): unknown {
  let value: unknown = item;
  for (const key of path) value = isObject(value) ? value[key] : undefined;
  return value;
}

/** The object entries of an array, with their indexes (anything else is the schema's to report). */
function records(value: unknown): [number, JsonObject][] {
  if (!Array.isArray(value)) return [];
  const out: [number, JsonObject][] = [];
  value.forEach((item: unknown, index) => {
    if (isObject(item)) out.push([index, item]);
  });
  return out;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function dedupe(problems: FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function fail(path: string, message: string): ExportFileCheck {
  return { ok: false, problems: [{ path, message }] };
}

function describe(value: unknown): string {
  return value === undefined ? 'none' : JSON.stringify(value);
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
}

function isTooDeep(check: ReturnType<typeof checkJsonValue>): boolean {
  return isJsonProblem(check) && check.kind === 'too-deep';
}
