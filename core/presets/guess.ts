/**
 * guessSource: a mapping for an export no preset knows, from its header or field names and its values
 * (email-looking, id-looking, names, booleans, dates). Every attribute it maps carries a confidence and
 * the reason; nothing is applied without the user seeing it (the source says `preset: "guess"`).
 */
import { ProposalBuilder, ref } from './builder';
import {
  looksBoolean,
  looksLikeDate,
  looksLikeEmail,
  looksLikeFullName,
  looksLikeId,
  looksLikeName,
  normalizeName,
  shareOf,
  uniqueness,
  valuesAt,
} from './sample';
import type { PresetSample, SourceProposal } from './types';
import type { SystemKind } from '../types';

/** What the values of one field look like. */
interface FieldStats {
  field: string;
  /** The field's own name (last path segment), normalized. */
  name: string;
  email: number;
  bool: number;
  date: number;
  id: number;
  fullName: number;
  name1: number;
  unique: number;
  filled: number;
}

/** One attribute's rule: which names suggest it and which values confirm it. */
interface Rule {
  attribute: string;
  names: RegExp;
  values?: (s: FieldStats) => boolean;
  /** The values say what they are: email-looking values with any name are an email. */
  valuesAlone?: (s: FieldStats) => boolean;
  describe: string;
}

const RULES: Rule[] = [
  {
    attribute: 'email',
    names:
      /^(e?mail|emailaddress|workemail|primaryemail|businessemail|mailaddress|emailprimarywork|workemailaddress)$/,
    values: (s) => s.email >= 0.8,
    valuesAlone: (s) => s.email >= 0.9 && s.unique >= 0.9,
    describe: 'email addresses',
  },
  {
    attribute: 'employee_id',
    names: /^(employee|emp|worker|staff|personnel|person|badge)(id|number|no|num|nr|code)$/,
    values: (s) => s.id >= 0.9 && s.unique >= 0.9,
    describe: 'unique ids',
  },
  {
    attribute: 'user_name',
    names: /^(username|userid|login|loginname|samaccountname|uid|handle|accountname|userprincipalname|upn)$/,
    values: (s) => s.id >= 0.8 || s.email >= 0.8,
    describe: 'user names',
  },
  {
    attribute: 'first_name',
    names: /^(first|given|fore|preferredfirst|legalfirst)(name)?$/,
    values: (s) => s.name1 >= 0.8,
    describe: 'first names',
  },
  {
    attribute: 'last_name',
    names: /^(last|family|sur|legallast|preferredlast)(name)?$/,
    values: (s) => s.name1 >= 0.8,
    describe: 'last names',
  },
  {
    attribute: 'display_name',
    names: /^(display|full|real|preferred|legal|worker|person)?name$/,
    values: (s) => s.fullName >= 0.6,
    describe: 'full names',
  },
  {
    attribute: 'department',
    names: /^(department|dept|division|team|orgunit|organization|organisation|businessunit|departmentname)$/,
    describe: 'departments',
  },
  {
    attribute: 'title',
    names: /^(jobtitle|title|position|jobprofile|role|businesstitle|designation)$/,
    describe: 'job titles',
  },
  {
    attribute: 'manager_id',
    names: /^(manager|supervisor|reportsto|linemanager)(employee)?(id|number|no)?$/,
    values: (s) => s.id >= 0.9 && s.email < 0.5,
    describe: 'ids',
  },
  {
    attribute: 'manager_email',
    names: /^(manager|supervisor|reportsto)e?mail$/,
    values: (s) => s.email >= 0.8,
    describe: 'email addresses',
  },
  {
    attribute: 'country',
    names: /^(country|countrycode|countryname|workcountry|locationcountry|nation)$/,
    describe: 'countries',
  },
  { attribute: 'city', names: /^(city|town|locality|workcity|locationcity)$/, describe: 'cities' },
  {
    attribute: 'active',
    names:
      /^(active|enabled|isactive|accountenabled|status|employmentstatus|workerstatus|accountstatus|userstatus|state)$/,
    describe: 'a status',
  },
  {
    attribute: 'start_date',
    names:
      /^(hire|start|joined|joining|original hire|employmentstart)(date)?$|^(hiredate|startdate|dateofhire|dateofjoining)$/,
    values: (s) => s.date >= 0.8,
    describe: 'dates',
  },
  {
    attribute: 'termination_date',
    names: /^(termination|terminated|end|leave|leaving|exit|separation)(date)?$/,
    values: (s) => s.date >= 0.8,
    describe: 'dates',
  },
  {
    attribute: 'last_login',
    names: /^last(login|logon|signin|seen|activity)(date|time|datetime|at)?$/,
    values: (s) => s.date >= 0.5,
    describe: 'dates',
  },
  { attribute: 'is_bot', names: /^(isbot|bot)$/, values: (s) => s.bool >= 0.9, describe: 'yes/no values' },
];

const ID_NAMES = /^(id|uid|guid|uuid|objectid|userid|accountid|sysid|key|recordid|personid)$/;

function statsOf(sample: PresetSample, field: string): FieldStats {
  // A CSV header is a name as it is ("Personnel No."); a JSON path is named by its last segment.
  const last =
    sample.format === 'csv'
      ? field
      : (field
          .replace(/\[\d+\]/g, '')
          .split('.')
          .pop() ?? field);
  const test = (f: (v: unknown) => boolean) => shareOf(sample, field, f);
  return {
    field,
    name: normalizeName(last),
    email: test(looksLikeEmail),
    bool: test(looksBoolean),
    date: test(looksLikeDate),
    id: test(looksLikeId),
    fullName: test(looksLikeFullName),
    name1: test(looksLikeName),
    unique: uniqueness(sample, field),
    filled: sample.records.length === 0 ? 0 : valuesAt(sample, field).length / sample.records.length,
  };
}

/** A candidate: an attribute, a field, how sure, and why. */
interface Candidate {
  attribute: string;
  field: string;
  confidence: number;
  reason: string;
}

function candidates(stats: FieldStats[]): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of RULES) {
    for (const s of stats) {
      const named = rule.names.test(s.name);
      const fits = rule.values ? rule.values(s) : s.filled > 0;
      if (named && fits)
        out.push({
          attribute: rule.attribute,
          field: s.field,
          confidence: rule.values ? 0.9 : 0.75,
          reason: `name "${s.field}" and values look like ${rule.describe}`,
        });
      else if (named)
        out.push({
          attribute: rule.attribute,
          field: s.field,
          confidence: 0.5,
          reason: `name "${s.field}" suggests it (values not confirmed)`,
        });
      else if (rule.valuesAlone?.(s))
        out.push({
          attribute: rule.attribute,
          field: s.field,
          confidence: 0.6,
          reason: `values of "${s.field}" look like ${rule.describe}`,
        });
    }
  }
  return out.sort((a, b) => b.confidence - a.confidence);
}

/** The system kind an export's attributes suggest. */
function systemOf(mapped: (a: string) => boolean): SystemKind {
  if (mapped('is_bot')) return 'chat';
  if (
    mapped('employee_id') &&
    ['start_date', 'termination_date', 'manager_id', 'department', 'title'].some(mapped)
  )
    return 'hris';
  return 'other';
}

/** Proposes a source configuration for an export no preset recognizes. */
export function guessSource(
  sample: PresetSample,
): SourceProposal & { system: SystemKind; confidence: number } {
  const stats = sample.columns.map((c) => statsOf(sample, c));
  const taken = new Set<string>();
  const chosen: Candidate[] = [];
  for (const c of candidates(stats)) {
    if (taken.has(c.field) || chosen.some((x) => x.attribute === c.attribute)) continue;
    taken.add(c.field);
    chosen.push(c);
  }
  const has = (a: string) => chosen.some((c) => c.attribute === a);
  const system = systemOf(has);
  const b = new ProposalBuilder(sample, { id: 'guess', label: 'Guessed from names and values', system });
  for (const c of chosen) {
    if (c.attribute === 'active') mapActive(b, sample, c);
    else b.field(c.attribute, c.field, c.confidence, c.reason);
  }
  const id = stats.find((s) => ID_NAMES.test(s.name) && s.unique === 1 && s.id >= 0.9 && s.filled === 1);
  if (id)
    b.externalId(id.field, [id.field], `"${id.field}" is named like an id and unique in the sample`, 0.8);
  for (const attribute of ['employee_id', 'email', 'user_name']) {
    const entry = b.entry(attribute);
    if (entry) b.externalId(entry, [], `no id field; using the ${attribute} as the source's own id`, 0.6);
  }
  b.filter('inactive', 'active == false', ['active']);
  if (has('is_bot')) b.filter('bots', 'is_bot == true', ['is_bot']);
  if (!has('email') && !has('employee_id'))
    b.note('No email or employee id found: this source cannot join until one is mapped.');
  const proposal = b.build();
  const mappedConfidences = proposal.attributes
    .filter((a) => a.attribute !== 'externalId')
    .map((a) => a.confidence);
  const confidence =
    mappedConfidences.length === 0
      ? 0
      : Math.round((mappedConfidences.reduce((x, y) => x + y, 0) / mappedConfidences.length) * 100) / 100;
  return { ...proposal, system, confidence };
}

/** `active` from a yes/no column as it is, or from a status word. */
function mapActive(b: ProposalBuilder, sample: PresetSample, c: Candidate): void {
  const v = ref(c.field);
  const words = valuesAt(sample, c.field).map((x) => String(x).trim().toLowerCase());
  if (words.length > 0 && shareOf(sample, c.field, looksBoolean) >= 0.9) {
    b.field('active', c.field, Math.max(c.confidence, 0.85), `"${c.field}" holds yes/no values`);
  } else if (words.includes('active')) {
    b.expression(
      'active',
      `lower(trim(${v})) == "active"`,
      [c.field],
      `"${c.field}" is Active (its values: ${[...new Set(words)].slice(0, 4).join(', ')})`,
      0.7,
    );
  } else if (words.some((w) => /terminat|inactive|left|disabled/.test(w))) {
    b.expression(
      'active',
      `!(lower(trim(${v})) in ["terminated", "inactive", "left", "disabled"])`,
      [c.field],
      `"${c.field}" is not terminated/inactive`,
      0.6,
    );
  }
}
