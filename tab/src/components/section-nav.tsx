import {
  Button,
  Menu,
  MenuButton,
  MenuItem,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  makeStyles,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from '@fluentui/react-components';
import { MoreHorizontalRegular } from '@fluentui/react-icons';
import { useIntl } from 'react-intl';
import { phoneWidth } from './phone-layout';

/** A portal section as the navigation offers it. */
export interface Section {
  path: string;
  label: string;
}

const useStyles = makeStyles({
  // The tabs take what the header leaves them; the overflow measures this box, so it must not grow past it.
  nav: {
    flex: '1 1 0',
    minWidth: 0,
    overflow: 'hidden',
    [phoneWidth]: { flex: '0 1 auto', overflow: 'visible' },
  },
  tabs: { flexWrap: 'nowrap', [phoneWidth]: { display: 'none' } },
  sectionMenu: { display: 'none', [phoneWidth]: { display: 'block' } },
  more: { flexShrink: 0 },
});

/**
 * The portal's sections. Wide enough, they are tabs; when the window narrows (a Teams side panel, a
 * small laptop) the tabs that no longer fit move, last first, into a "More" menu, and the current one
 * always stays in sight. On a phone one menu button names the section and opens every other.
 * Every section stays one or two clicks away at any width, however many sections there are.
 */
export function SectionNav({
  sections,
  current,
  onSelect,
}: {
  sections: readonly Section[];
  current: string;
  onSelect: (path: string) => void;
}) {
  const styles = useStyles();
  const intl = useIntl();
  const sectionsWord = intl.formatMessage({ id: 'tab-shell.sections' });
  return (
    <nav aria-label={sectionsWord} className={styles.nav}>
      <Overflow minimumVisible={1}>
        <TabList
          className={styles.tabs}
          selectedValue={current}
          onTabSelect={(_e, data) => onSelect(String(data.value))}
        >
          {sections.map((s) => (
            <OverflowItem key={s.path} id={s.path} priority={s.path === current ? 2 : 1}>
              <Tab value={s.path}>{s.label}</Tab>
            </OverflowItem>
          ))}
          <MoreSections sections={sections} onSelect={onSelect} />
        </TabList>
      </Overflow>
      <div className={styles.sectionMenu}>
        <Menu
          checkedValues={{ section: [current] }}
          onCheckedValueChange={(_e, data) => data.checkedItems[0] && onSelect(data.checkedItems[0])}
        >
          <MenuTrigger disableButtonEnhancement>
            <MenuButton appearance="subtle">
              {sections.find((s) => s.path === current)?.label ?? sectionsWord}
            </MenuButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {sections.map((s) => (
                <MenuItemRadio key={s.path} name="section" value={s.path}>
                  {s.label}
                </MenuItemRadio>
              ))}
            </MenuList>
          </MenuPopover>
        </Menu>
      </div>
    </nav>
  );
}

/** The "More" button: shown only while some tabs do not fit, listing exactly those. */
function MoreSections({
  sections,
  onSelect,
}: {
  sections: readonly Section[];
  onSelect: (path: string) => void;
}) {
  const styles = useStyles();
  const intl = useIntl();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        {/* Inside the tab list, so it is a tab (opening a menu) to assistive technology: a tab list owns tabs only. */}
        <Button
          ref={ref}
          role="tab"
          aria-selected={false}
          className={styles.more}
          appearance="transparent"
          icon={<MoreHorizontalRegular />}
          aria-label={intl.formatMessage({ id: 'tab-shell.moreSections' }, { count: overflowCount })}
        >
          {intl.formatMessage({ id: 'tab-shell.more' })}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {sections.map((s) => (
            <HiddenSection key={s.path} section={s} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

function HiddenSection({ section, onSelect }: { section: Section; onSelect: (path: string) => void }) {
  const visible = useIsOverflowItemVisible(section.path);
  if (visible) return null;
  return <MenuItem onClick={() => onSelect(section.path)}>{section.label}</MenuItem>;
}
