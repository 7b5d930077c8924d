import { Badge, makeStyles, Tree, TreeItem, TreeItemLayout, tokens } from '@fluentui/react-components';
import { type IntlShape, useIntl } from 'react-intl';
import type { ManagedGroup } from '../api/types';
import { GroupPhoto } from './group-photo';
import { phoneWidth } from './phone-layout';
import { memberCountLabel } from './states';

const useStyles = makeStyles({
  // On a phone the badges stack beside the name instead of squeezing their words into each other.
  aside: {
    [phoneWidth]: {
      flexDirection: 'column',
      alignItems: 'flex-end',
      justifyContent: 'center',
      gap: tokens.spacingVerticalXXS,
      height: 'auto',
      padding: `${tokens.spacingVerticalXS} 0`,
    },
  },
  badge: { whiteSpace: 'nowrap' },
});

type Classes = ReturnType<typeof useStyles>;

interface Node {
  group: ManagedGroup;
  children: Node[];
}

/** Builds the hierarchy; a group whose parent is not visible to the viewer becomes a root. */
export function buildForest(groups: ManagedGroup[]): Node[] {
  const nodes = new Map(groups.map((g) => [g.id, { group: g, children: [] as Node[] }]));
  const roots: Node[] = [];
  for (const node of nodes.values()) {
    const parent = node.group.parentId ? nodes.get(node.group.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** An organisation group's Microsoft 365 team, at a glance. */
const teamBadges: Record<
  ManagedGroup['teamState'],
  { label: string; color: 'subtle' | 'informative' | 'success' | 'danger' }
> = {
  'not-provisioned': { label: 'tab-groups.tree.noTeam', color: 'subtle' },
  provisioning: { label: 'tab-groups.tree.teamBeingCreated', color: 'informative' },
  provisioned: { label: 'tab-groups.tree.team', color: 'success' },
  failed: { label: 'tab-groups.tree.teamFailed', color: 'danger' },
};

function renderNode(node: Node, open: (id: string) => void, classes: Classes, intl: IntlShape) {
  const { group } = node;
  const layout = (
    <TreeItemLayout
      iconBefore={<GroupPhoto groupId={group.id} etag={group.photoEtag} name={group.name} size={24} />}
      aside={{
        className: classes.aside,
        children: (
          <>
            <Badge appearance="outline" className={classes.badge}>
              {memberCountLabel(group.memberCount, intl)}
            </Badge>
            {group.organisationId ? (
              <Badge appearance="tint" color={teamBadges[group.teamState].color} className={classes.badge}>
                {intl.formatMessage({ id: teamBadges[group.teamState].label })}
              </Badge>
            ) : (
              <Badge color="informative" className={classes.badge}>
                {intl.formatMessage({ id: 'tab-groups.tree.personal' })}
              </Badge>
            )}
          </>
        ),
      }}
    >
      {group.name}
    </TreeItemLayout>
  );
  return (
    <TreeItem
      key={group.id}
      itemType={node.children.length > 0 ? 'branch' : 'leaf'}
      value={group.id}
      onClick={(e) => {
        // Clicking the chevron expands; clicking the name opens the group.
        if (
          (e.target as HTMLElement).closest(
            '[data-fui-tree-item-layout-expand-icon], .fui-TreeItemLayout__expandIcon',
          )
        )
          return;
        open(group.id);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') open(group.id);
      }}
    >
      {layout}
      {node.children.length > 0 && (
        <Tree>{node.children.map((child) => renderNode(child, open, classes, intl))}</Tree>
      )}
    </TreeItem>
  );
}

/** The group hierarchy as a keyboard-navigable tree (arrow keys move and expand, Enter opens). */
export function GroupTree({ groups, onOpen }: { groups: ManagedGroup[]; onOpen: (id: string) => void }) {
  const classes = useStyles();
  const intl = useIntl();
  const forest = buildForest(groups);
  return (
    <Tree
      aria-label={intl.formatMessage({ id: 'tab-groups.tree' })}
      defaultOpenItems={groups.map((g) => g.id)}
    >
      {forest.map((node) => renderNode(node, onOpen, classes, intl))}
    </Tree>
  );
}
