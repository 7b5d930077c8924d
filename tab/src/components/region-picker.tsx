import { Field, Select } from '@fluentui/react-components';
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { useApi } from '../api/use-api';
import { useT } from '../i18n/use-t';
import { useFittedSelectStyles } from './phone-layout';

/** Unicode isolates keep "+91" reading left to right inside an Arabic option (an option cannot hold markup). */
const leftToRight = (text: string): string => `\u2066${text}\u2069`;

/** Picks the region phone numbers are read in, listed by country name with the calling code. */
export function RegionPicker({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const fitted = useFittedSelectStyles();
  const intl = useIntl();
  const t = useT();
  const { data } = useApi<{ regions: Array<{ code: string; callingCode: string }> }>('/api/v1/regions');
  const options = useMemo(
    () =>
      (data?.regions ?? [{ code: value, callingCode: '' }])
        .map((r) => ({ ...r, name: intl.formatDisplayName(r.code, { type: 'region' }) ?? r.code }))
        .sort((a, b) => a.name.localeCompare(b.name, intl.locale)),
    [data, value, intl],
  );
  return (
    <Field className={fitted.field} label={t('tab-groups.region')} hint={t('tab-groups.region.hint')}>
      <Select
        className={fitted.select}
        select={{ className: fitted.select }}
        value={value}
        onChange={(_e, d) => onChange(d.value)}
      >
        {options.map((r) => (
          <option key={r.code} value={r.code}>
            {t('tab-groups.region.option', {
              name: r.name,
              code: r.code,
              callingCode: r.callingCode ? ` ${leftToRight(`+${r.callingCode}`)}` : '',
            })}
          </option>
        ))}
      </Select>
    </Field>
  );
}
