import { Field, Select } from '@fluentui/react-components';
import { useMemo } from 'react';
import { useApi } from '../api/use-api';
import { useFittedSelectStyles } from './phone-layout';

const regionNames =
  typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(undefined, { type: 'region' }) : undefined;

/** Picks the region phone numbers are read in, listed by country name with the calling code. */
export function RegionPicker({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const fitted = useFittedSelectStyles();
  const { data } = useApi<{ regions: Array<{ code: string; callingCode: string }> }>('/api/v1/regions');
  const options = useMemo(
    () =>
      (data?.regions ?? [{ code: value, callingCode: '' }])
        .map((r) => ({ ...r, name: regionNames?.of(r.code) ?? r.code }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [data, value],
  );
  return (
    <Field
      className={fitted.field}
      label="Region"
      hint="Numbers without a country code are read in this region."
    >
      <Select
        className={fitted.select}
        select={{ className: fitted.select }}
        value={value}
        onChange={(_e, d) => onChange(d.value)}
      >
        {options.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name} ({r.code}
            {r.callingCode ? ` +${r.callingCode}` : ''})
          </option>
        ))}
      </Select>
    </Field>
  );
}
