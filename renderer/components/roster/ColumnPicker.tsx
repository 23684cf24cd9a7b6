import type { RosterColumn } from './roster-columns';

/** A drop-down list of checkboxes, one per column (native <details>: keyboard reachable as it is). */
export function ColumnPicker({ columns, picked, onChange }: { columns: RosterColumn[]; picked: string[]; onChange(next: string[]): void }) {
  const set = new Set(picked);
  const toggle = (id: string) => onChange(set.has(id) ? picked.filter((c) => c !== id) : [...picked, id]);
  return (
    <details className="column-picker">
      <summary data-testid="column-picker">Columns ({columns.filter((c) => set.has(c.id)).length})</summary>
      <fieldset className="column-list">
        <legend className="sr-only">Columns to show</legend>
        {columns.map((c) => (
          <label key={c.id}>
            <input type="checkbox" checked={set.has(c.id)} onChange={() => toggle(c.id)} />
            {c.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
