import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  makeStyles,
  tokens,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from "@fluentui/react-components";

export interface ViewTab<Id extends string> {
  readonly id: Id;
  readonly label: string;
}

export interface ViewTabsProps<Id extends string> {
  readonly tabs: readonly ViewTab<Id>[];
  readonly selected: Id;
  readonly onSelect: (id: Id) => void;
  /** The tab list's name, and the overflow button's ("Fler vyer"). */
  readonly label: string;
  readonly moreLabel: string;
}

const useStyles = makeStyles({
  tabs: {
    // One line, always in the same order: the tabs that do not fit go into the menu at the end.
    flexWrap: "nowrap",
    minWidth: 0,
    overflow: "hidden",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tab: {
    flexShrink: 0,
    paddingInline: tokens.spacingHorizontalXXS,
    "& > span": { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  },
});

/**
 * The pane's views as tabs in a stable order, with Fluent's overflow for a TabList: in a narrow pane the
 * tabs that do not fit move, in order, into a menu at the end; the chosen tab always stays visible.
 */
export function ViewTabs<Id extends string>({ tabs, selected, onSelect, label, moreLabel }: ViewTabsProps<Id>) {
  const styles = useStyles();
  return (
    <Overflow minimumVisible={2}>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={selected}
        onTabSelect={(_, data) => onSelect(data.value as Id)}
        aria-label={label}
      >
        {tabs.map((tab) => (
          <OverflowItem key={tab.id} id={tab.id} priority={tab.id === selected ? 2 : 1}>
            <Tab
              id={`tab-${tab.id}`}
              className={styles.tab}
              value={tab.id}
              aria-controls={tab.id === selected ? `panel-${tab.id}` : undefined}
            >
              {tab.label}
            </Tab>
          </OverflowItem>
        ))}
        <MoreTabs tabs={tabs} onSelect={onSelect} label={moreLabel} />
      </TabList>
    </Overflow>
  );
}

/** The menu of the tabs that do not fit, in their order; nothing while all fit. */
function MoreTabs<Id extends string>({
  tabs,
  onSelect,
  label,
}: {
  tabs: readonly ViewTab<Id>[];
  onSelect: (id: Id) => void;
  label: string;
}) {
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        {/* A tab of the tab list (only tabs may stand in one), its name saying how many views it holds. */}
        <Button ref={ref} role="tab" appearance="transparent" size="small" aria-label={`${label} (${overflowCount})`}>
          ⋯
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {tabs.map((tab) => (
            <HiddenTab key={tab.id} tab={tab} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

function HiddenTab<Id extends string>({ tab, onSelect }: { tab: ViewTab<Id>; onSelect: (id: Id) => void }) {
  const visible = useIsOverflowItemVisible(tab.id);
  if (visible) return null;
  return <MenuItem onClick={() => onSelect(tab.id)}>{tab.label}</MenuItem>;
}
