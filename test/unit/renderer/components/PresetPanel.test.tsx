import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { describeSource } from '../../../../core/presets/preview';
import { PresetPanel } from '../../../../renderer/components/project/PresetPanel';
import type { SourceInput } from '../../../../renderer/lib/project-edit';

const fixture = resolve(__dirname, '../../../fixtures/presets/okta-users-api/users.json');
const empty: SourceInput = { id: 'source2', system: 'other', files: ['users.json'], externalId: 'id', mapping: {} };
const preview = describeSource(empty, [{ source: 'source2', name: 'users.json', bytes: new Uint8Array(readFileSync(fixture)) }]);

describe('PresetPanel', () => {
  it('says which export it recognized and pre-fills a new source from it, naming the preset', () => {
    const onChange = vi.fn();
    render(<PresetPanel source={empty} preview={preview} onChange={onChange} />);
    expect(screen.getByTestId('preset-panel').textContent).toMatch(/Recognized as Okta/);
    expect(onChange).toHaveBeenCalledTimes(1);
    const applied = onChange.mock.calls[0][0] as SourceInput;
    expect(applied).toMatchObject({ id: 'source2', files: ['users.json'], system: 'idam', preset: 'okta-users-api', externalId: 'id' });
    expect(applied.mapping.email).toBe('profile.email');
  });

  it('does not overwrite a source that already has a mapping, until asked', () => {
    const onChange = vi.fn();
    const mapped: SourceInput = { ...empty, mapping: { email: 'profile.login' }, preset: 'okta-users-api' };
    render(<PresetPanel source={mapped} preview={preview} onChange={onChange} />);
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText(/Preset/), { target: { value: 'guess' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use its mapping and filters' }));
    expect(onChange.mock.calls[0][0]).toMatchObject({ preset: 'guess' });
  });
});
