export { findScriptEndpointNames, type EndpointNameLiteral, type LiteralQuote, type ScriptEndpointNames } from './script-endpoint-names';
export { customStepEndpointLiterals, customStepEndpointNames, scriptIndexVersion, type ScriptEndpointName } from './custom-step-endpoint-names';
export { rewriteScriptEndpointNames } from './rewrite-endpoint-names';
export { jsStringLiteral } from './js-string-literal';
export { findScriptObjectRefs, requiredLibraryKey, type ScriptObjectRef, type ScriptObjectRefs } from './script-object-refs';
export { scriptSyntaxProblem, type ScriptSyntaxProblem } from './script-ast';
