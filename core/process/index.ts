/**
 * Stage 3a, process: built-in, ordered, pure processors per source (normalize-email, geocode,
 * password-expiry, split-name, compose-name).
 */
export { PROCESSORS, compileProcessors, applyProcessors, applyProcessorsInPlace } from './registry';
export type { CompiledProcessor, CompiledProcessors } from './registry';
export type { Attributes, ProcessContext, Processor, ProcessorOptions, ProcessorType } from './types';
export { normalizeEmail } from './normalize-email';
export { lookupCountry, foldName } from './countries';
export type { CountryInfo } from './countries';
export { splitName } from './split-name';
export { composeName } from './compose-name';
