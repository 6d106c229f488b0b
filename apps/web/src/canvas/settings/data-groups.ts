import type { UpstreamStep } from '@flowyard/engine/schemas';
import type { CanvasNode } from '../flow-store';
import { outputFields, searchFields, type DataField, type DataSearch } from './data-tree';
import { recordedOutputs, type RunRecords } from './last-run-data';
import { testPayloadOutputs } from './payload-references';
import { referenceText, type ReferenceShape } from './reference-text';

/** What Available data shows for one upstream step: recorded fields, or its declared outputs. */
export type DataGroup =
  | { step: UpstreamStep; source: 'run' | 'test payload'; fields: DataField[] }
  | { step: UpstreamStep; source: 'declared'; references: string[] };

/** A group as a search leaves it: `search` for its fields, the declared references that match, and whether anything does. */
export type SearchedGroup = DataGroup & { search: DataSearch | null; shownReferences: string[]; visible: boolean };

/**
 * Each upstream step's data: the fields of its output in the run (when it recorded any), else a
 * Manual Trigger's test payload, else its declared outputs as references.
 */
export function dataGroups(steps: readonly (UpstreamStep & { node?: CanvasNode | undefined })[], run: RunRecords | null, shape: ReferenceShape): DataGroup[] {
  return steps.map((step): DataGroup => {
    const recorded = run === null ? null : recordedOutputs(run, step.nodeId);
    if (recorded !== null) return { step, source: 'run', fields: outputFields(recorded, step.outputs) };
    const payload = run === null && step.node?.type === 'manual-trigger' ? testPayloadOutputs(step.node.data.config.testPayload) : null;
    if (payload !== null) return { step, source: 'test payload', fields: outputFields(payload, step.outputs) };
    const references = step.outputs.flatMap((output) => referenceText(step.referenceName, output, [], shape) ?? []);
    return { step, source: 'declared', references };
  });
}

/** The groups under a search: fields matching by key or value, references by their text; a matching step name keeps all of its group. */
export function searchGroups(groups: readonly DataGroup[], query: string): SearchedGroup[] {
  const needle = query.trim().toLowerCase();
  return groups.map((group): SearchedGroup => {
    const nameHit = needle !== '' && (group.step.stepName.toLowerCase().includes(needle) || group.step.referenceName.toLowerCase().includes(needle));
    if (needle === '' || nameHit) {
      return { ...group, search: null, shownReferences: group.source === 'declared' ? group.references : [], visible: true };
    }
    if (group.source === 'declared') {
      const shownReferences = group.references.filter((reference) => reference.toLowerCase().includes(needle));
      return { ...group, search: null, shownReferences, visible: shownReferences.length > 0 };
    }
    const search = searchFields(group.fields, needle);
    return { ...group, search, shownReferences: [], visible: search.matches.size > 0 };
  });
}
