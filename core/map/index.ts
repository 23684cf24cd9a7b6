/**
 * Stage 2, map: a source's raw records -> the standard user object (plus custom attributes) and the
 * source's own id, through its mapping of attribute -> column, path or expression.
 */
export { compileMapping } from './compile';
export type { CompiledMapping, MappedAttribute } from './compile';
export { mapRecord } from './record';
export type { MappedRecord } from './record';
export { attributeType, coerce, UNCOERCIBLE } from './coerce';
export type { TargetType } from './coerce';
export { isSimplePath, pathGetter } from './paths';
export { closestName } from './suggest';
export * from './standard';
