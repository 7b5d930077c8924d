import { makeStyles, tokens } from '@fluentui/react-components';

/** The width below which the portal lays itself out for a phone (Teams mobile is 360–430 px wide). */
export const phoneWidth = '@media (max-width: 600px)';

/**
 * A field whose drop-down lists long names (groups, countries): a `<select>` is as wide as its
 * longest option, which would widen the page on a phone. These keep it within its column.
 */
export const useFittedSelectStyles = makeStyles({
  field: { gridTemplateColumns: 'minmax(0, 1fr)', minWidth: '0', maxWidth: '100%' },
  select: { maxWidth: '100%', minWidth: '0' },
});

const cellOnAPhone = {
  display: 'flex',
  alignItems: 'center',
  gap: tokens.spacingHorizontalS,
  height: 'auto',
  minHeight: '24px',
  width: 'auto',
  padding: `2px ${tokens.spacingHorizontalS}`,
  overflowWrap: 'anywhere',
  ':empty': { display: 'none' },
} as const;

/**
 * A table that turns into stacked rows on a phone: the header row is hidden and each cell takes its
 * own line, named by its column (`data-label` on the cell) so nothing needs sideways scrolling.
 * On wider screens the classes change nothing.
 */
export const useStackedTableStyles = makeStyles({
  table: { [phoneWidth]: { display: 'block', width: '100%' } },
  header: { [phoneWidth]: { display: 'none' } },
  body: { [phoneWidth]: { display: 'block' } },
  row: {
    [phoneWidth]: {
      display: 'flex',
      flexDirection: 'column',
      alignItems: 'stretch',
      height: 'auto',
      padding: `${tokens.spacingVerticalS} 0`,
    },
  },
  cell: {
    [phoneWidth]: {
      ...cellOnAPhone,
      '::before': {
        content: 'attr(data-label)',
        flexShrink: 0,
        minWidth: '88px',
        color: tokens.colorNeutralForeground3,
        fontWeight: tokens.fontWeightSemibold,
      },
    },
  },
  /** The cell that heads a stacked row (a name, a file): first, and saying enough without its column's name. */
  lead: { [phoneWidth]: { ...cellOnAPhone, order: -1, fontWeight: tokens.fontWeightSemibold } },
});
