import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import type { ManagedGroup } from '../api/types';

const useStyles = makeStyles({
  chart: {
    display: 'grid',
    gridTemplateColumns: 'minmax(120px, 220px) 1fr auto',
    gap: '6px 12px',
    alignItems: 'center',
  },
  bar: {
    display: 'flex',
    height: '14px',
    borderRadius: '7px',
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground4,
  },
  joined: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  invited: { backgroundColor: tokens.colorBrandBackground },
  declined: { backgroundColor: tokens.colorPaletteRedBackground3 },
  legend: { display: 'flex', gap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalS },
  swatch: {
    display: 'inline-block',
    width: '10px',
    height: '10px',
    borderRadius: '2px',
    marginInlineEnd: '4px',
  },
  figure: { margin: 0 },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

/** Invited vs joined per group as stacked bars, biggest groups first; each bar also says it in words. */
export function AdoptionChart({ groups }: { groups: ManagedGroup[] }) {
  const styles = useStyles();
  const intl = useIntl();
  const say = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const rows = [...groups]
    .map((g) => ({ ...g, total: g.adoption.invited + g.adoption.joined + g.adoption.declined }))
    .filter((g) => g.total > 0)
    .sort((a, b) => b.total - a.total)
    .slice(0, 15);
  const widest = Math.max(1, ...rows.map((r) => r.total));
  const pct = (n: number) => `${(n / widest) * 100}%`;
  return (
    <figure aria-label={say('tab-people.adoption.label')} className={styles.figure}>
      <div className={styles.legend} aria-hidden="true">
        <Text size={200}>
          <span className={`${styles.swatch} ${styles.joined}`} />
          {say('tab-people.adoption.joined')}
        </Text>
        <Text size={200}>
          <span className={`${styles.swatch} ${styles.invited}`} />
          {say('tab-people.adoption.invited')}
        </Text>
        <Text size={200}>
          <span className={`${styles.swatch} ${styles.declined}`} />
          {say('tab-people.adoption.declined')}
        </Text>
      </div>
      <div className={styles.chart}>
        {rows.map((r) => {
          const words = say('tab-people.adoption.row', { name: r.name, ...r.adoption });
          return (
            <div key={r.id} style={{ display: 'contents' }}>
              <Text className={styles.name} title={r.name}>
                {r.name}
              </Text>
              <div className={styles.bar} role="img" aria-label={words} title={words}>
                <span className={styles.joined} style={{ width: pct(r.adoption.joined) }} />
                <span className={styles.invited} style={{ width: pct(r.adoption.invited) }} />
                <span className={styles.declined} style={{ width: pct(r.adoption.declined) }} />
              </div>
              <Text size={200}>
                {say('tab-people.adoption.share', { share: r.adoption.joined / r.total })}
              </Text>
            </div>
          );
        })}
      </div>
    </figure>
  );
}
