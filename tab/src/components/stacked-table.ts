import { makeStyles, tokens } from '@fluentui/react-components';

/** The width below which the portal lays itself out for a phone (Teams mobile is 360–430 px wide). */
export const phoneWidth = '@media (max-width: 600px)';

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
      display: 'flex',
      alignItems: 'center',
      gap: tokens.spacingHorizontalS,
      height: 'auto',
      minHeight: '24px',
      width: 'auto !important',
      padding: `2px ${tokens.spacingHorizontalS}`,
      overflowWrap: 'anywhere',
      '::before': {
        content: 'attr(data-label)',
        flexShrink: 0,
        minWidth: '88px',
        color: tokens.colorNeutralForeground3,
        fontWeight: tokens.fontWeightSemibold,
      },
      ':empty': { display: 'none' },
    },
  },
  /** A cell whose text says enough without its column's name (a person's name heading the row). */
  lead: { [phoneWidth]: { fontWeight: tokens.fontWeightSemibold, '::before': { display: 'none' } } },
});
