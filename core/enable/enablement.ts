/**
 * Enablement: which roster users the assistant is switched on for, each with the reason in words.
 * `all`, a `list` of keys or emails (normalized like the joining key), or a `rule` over merged attributes.
 */
import type { EnablementConfig, KeyNormalizer } from '../project/schema';
import type { Issue } from '../issues';
import type { Scalar } from '../types';
import { compileExpression } from '../expr';
import { normalizeKey } from '../join/keys';

export interface EnablementDecision {
  enabled: boolean;
  reason: string;
}

export type Enabler = (user: { key: string; attributes: Record<string, Scalar> }) => EnablementDecision;

const show = (value: unknown) => (value === null || value === undefined ? 'empty' : JSON.stringify(value));

/** Compiles the enablement config; a rule that does not parse is an issue naming `enablement.rule`. */
export function compileEnablement(
  config: EnablementConfig,
  normalizers: readonly KeyNormalizer[],
): { enabler: Enabler | null; issues: Issue[] } {
  switch (config.mode) {
    case 'all':
      return { enabler: () => ({ enabled: true, reason: 'enabled: the project enables everyone (enablement mode "all")' }), issues: [] };
    case 'list': {
      const listed = new Set(config.users.map((u) => normalizeKey(u, normalizers)).filter((u): u is string => u !== null));
      return {
        enabler: (user) => {
          const email = normalizeKey(user.attributes.email ?? null, normalizers);
          if (listed.has(user.key)) return { enabled: true, reason: `enabled: key "${user.key}" is in enablement.users` };
          if (email !== null && listed.has(email)) return { enabled: true, reason: `enabled: email "${email}" is in enablement.users` };
          return { enabled: false, reason: `not enabled: neither key "${user.key}" nor the email is in enablement.users` };
        },
        issues: [],
      };
    }
    case 'rule': {
      const compiled = compileExpression(config.rule, { key: 'enablement.rule', kind: 'rule' });
      if (!compiled.ok) return { enabler: null, issues: [compiled.issue] };
      const { expr } = compiled;
      const because = (attributes: Record<string, Scalar>) =>
        expr.identifiers.filter((n) => n !== 'attributes').map((n) => `${n} is ${show(attributes[n])}`).join(', ');
      return {
        enabler: (user) => {
          let value: unknown;
          try {
            // The names the rule reads, not a spread of every attribute: V8 gives each spread copy its own
            // hidden class, allocated where the collector sweeps least often (issue 6: a million users).
            const activation: Record<string, unknown> = Object.create(null);
            for (const id of expr.identifiers) {
              activation[id] = id === 'key' ? user.key : Object.hasOwn(user.attributes, id) ? (user.attributes[id] ?? null) : null;
            }
            value = expr.run(activation);
          } catch (error) {
            return { enabled: false, reason: `not enabled: rule \`${config.rule}\` could not be evaluated (${error instanceof Error ? error.message : String(error)})` };
          }
          const why = because(user.attributes);
          if (value === true) return { enabled: true, reason: `enabled: rule \`${config.rule}\` is true${why ? ` because ${why}` : ''}` };
          return { enabled: false, reason: `not enabled: rule \`${config.rule}\` is ${value === false ? 'false' : `not true (${show(value)})`}${why ? ` because ${why}` : ''}` };
        },
        issues: [],
      };
    }
  }
}
