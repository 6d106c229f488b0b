export * from './export-file';
export { checkExportFile, type ExportFileCheck } from './check-export-file';
export { buildExportFile, type ExportSource } from './build-export';
export { remapFlowGraph, type ImportIdMaps } from './remap-graph';
export { jsonPath } from './json-path';
export * from './import-result';
