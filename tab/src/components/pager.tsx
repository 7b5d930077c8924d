import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useT } from '../i18n/use-t';

const useStyles = makeStyles({
  pager: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    marginTop: tokens.spacingVerticalS,
  },
});

/** Previous, "51–100 of 230", Next: shown only when the entries need more than one page. */
export function Pager({
  offset,
  total,
  pageSize,
  onOffset,
}: {
  offset: number;
  total: number;
  pageSize: number;
  onOffset: (offset: number) => void;
}) {
  const styles = useStyles();
  const t = useT();
  if (total <= pageSize) return null;
  return (
    <div className={styles.pager}>
      <Button disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - pageSize))}>
        {t('tab-common.previous')}
      </Button>
      <Text>
        {t('tab-common.range', { from: offset + 1, to: Math.min(total, offset + pageSize), total })}
      </Text>
      <Button disabled={offset + pageSize >= total} onClick={() => onOffset(offset + pageSize)}>
        {t('tab-common.next')}
      </Button>
    </div>
  );
}
