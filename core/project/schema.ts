/**
 * The project file: one JSON document that says which exports to read, how to map them, how to filter,
 * join and enable. Validated with zod; `roster-audit schema` prints the JSON Schema derived from it.
 */
import { z } from 'zod';
import { DUPLICATE_POLICIES, SYSTEM_KINDS } from '../types';

const sourceId = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, 'a source id is 1-40 lower-case letters, digits, "-" or "_", starting with a letter');

/** A mapping entry: a column name, a dotted path (`profile.email`) or an expression (`lower(Work_Email)`). */
const mappingValue = z.string().min(1, 'a mapping entry names a column, a path or an expression');

const attributeName = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, 'an attribute name is snake_case: lower-case letters, digits and "_", starting with a letter');

export const processorSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('normalize-email'),
    /** Attributes to normalize (trim, lower-case, strip `mailto:`); default `email`. */
    attributes: z.array(attributeName).default(['email']),
  }),
  z.strictObject({
    type: z.literal('geocode'),
    /** The attribute holding a country name or ISO code; default `country`. */
    from: attributeName.default('country'),
  }),
  z.strictObject({
    type: z.literal('password-expiry'),
    from: attributeName.default('password_last_set'),
    maxAgeDays: z.number().int().min(1).max(3650),
  }),
  z.strictObject({
    type: z.literal('split-name'),
    /** The attribute holding a full name; fills first_name/last_name where empty. */
    from: attributeName.default('display_name'),
  }),
  z.strictObject({
    type: z.literal('compose-name'),
    /** Fills display_name from first_name and last_name where empty. */
    format: z.enum(['first last', 'last, first']).default('first last'),
  }),
]);
export type ProcessorConfig = z.infer<typeof processorSchema>;

export const filterSchema = z.strictObject({
  /** A short name shown in every count and list. */
  name: z.string().min(1).max(80),
  /** An expression over the mapped attributes; records for which it is true are excluded. */
  when: z.string().min(1),
  /** Switch a rule off without deleting it. */
  enabled: z.boolean().default(true),
});
export type FilterConfig = z.infer<typeof filterSchema>;

export const ENCODINGS = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;

export const sourceSchema = z.strictObject({
  id: sourceId,
  label: z.string().optional(),
  system: z.enum(SYSTEM_KINDS),
  /** Export files, relative to the project file. Several files = pages of one export. */
  files: z.array(z.string().min(1)).min(1, 'a source needs at least one file'),
  format: z.enum(['auto', 'csv', 'json', 'ndjson']).default('auto'),
  /** CSV options; everything is detected when left out. */
  csv: z
    .strictObject({
      delimiter: z.string().min(1).max(4).optional(),
      encoding: z.enum(ENCODINGS).default('auto'),
    })
    .optional(),
  /** JSON options: where the user array is, when it is not a top-level array or a known envelope. */
  json: z.strictObject({ recordsPath: z.string().min(1).optional() }).optional(),
  /** The source's own user id: a column, path or expression. */
  externalId: mappingValue,
  /** Standard or custom attribute -> column, path or expression. */
  mapping: z.record(attributeName, mappingValue),
  processors: z.array(processorSchema).default([]),
  filters: z.array(filterSchema).default([]),
  /** Which preset or guess produced this source, for display. */
  preset: z.string().optional(),
});
export type SourceConfig = z.infer<typeof sourceSchema>;

export const KEY_NORMALIZERS = ['trim', 'lower', 'strip-leading-zeros', 'remove-whitespace'] as const;
export type KeyNormalizer = (typeof KEY_NORMALIZERS)[number];

export const joinSchema = z.strictObject({
  /** The joining key: a mapped attribute every source should have. */
  key: attributeName.default('email'),
  /** Tried in order for a secondary record the key does not link. */
  fallbackKeys: z.array(attributeName).default([]),
  /** How key values are normalized before comparison (and before hashing the user id). */
  normalize: z.array(z.enum(KEY_NORMALIZERS)).default(['trim', 'lower']),
  /** Which record wins when several records of one source share a key. */
  duplicatePolicy: z.enum(DUPLICATE_POLICIES).default('prefer-active'),
});
export type JoinConfig = z.infer<typeof joinSchema>;

export const enablementSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('all') }),
  z.strictObject({
    mode: z.literal('list'),
    /** Joining keys or emails of the users to enable (normalized like the key). */
    users: z.array(z.string().min(1)),
  }),
  z.strictObject({
    mode: z.literal('rule'),
    /** An expression over merged attributes; users for whom it is true are enabled. */
    rule: z.string().min(1),
  }),
]);
export type EnablementConfig = z.infer<typeof enablementSchema>;

export const deletionSchema = z.strictObject({
  /** Days a user missing from the primary source waits before deletion. */
  windowDays: z.number().int().min(1).max(365).default(7),
  /** The mass-deletion safeguard trips when new deletion candidates exceed either threshold. */
  safeguardCount: z.number().int().min(1).default(500),
  safeguardShare: z.number().gt(0).max(1).default(0.2),
});

export const projectSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(1).default(1),
  name: z.string().min(1).max(120),
  /** The export date the run stands for; default: the newest input file's date. */
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD')
    .optional(),
  sources: z.array(sourceSchema).min(1, 'a project needs at least one source'),
  /** The id of the primary source: only its users become roster users. */
  primary: sourceId,
  join: joinSchema.default({ key: 'email', fallbackKeys: [], normalize: ['trim', 'lower'], duplicatePolicy: 'prefer-active' }),
  /** Per attribute, the sources to take it from, in order (first non-empty wins). Default: the primary. */
  attributes: z.record(attributeName, z.array(sourceId).min(1)).default({}),
  enablement: enablementSchema.default({ mode: 'all' }),
  deletion: deletionSchema.default({ windowDays: 7, safeguardCount: 500, safeguardShare: 0.2 }),
});

/** A validated project, defaults filled in. */
export type Project = z.infer<typeof projectSchema>;
/** A project as written by hand (defaults optional). */
export type ProjectInput = z.input<typeof projectSchema>;
