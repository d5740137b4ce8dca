import {
  Overflow,
  OverflowItem,
  makeStyles,
  mergeClasses,
  tokens,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from "@fluentui/react-components";
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { createPortal } from "react-dom";

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
  host: { position: "relative" },
  tabs: {
    // One line, always in the same order: the tabs that do not fit go into the menu at the end.
    display: "flex",
    flexWrap: "nowrap",
    minWidth: 0,
    overflow: "hidden",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tab: {
    position: "relative",
    flexShrink: 0,
    display: "inline-grid",
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalS}`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    cursor: "pointer",
    // The selection's bar under the label, as Fluent's Tab draws it.
    "::after": {
      content: '""',
      position: "absolute",
      insetInline: tokens.spacingHorizontalS,
      bottom: 0,
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
    },
    ":hover": { color: tokens.colorNeutralForeground2Hover },
    ":hover::after": { backgroundColor: tokens.colorNeutralStroke1Hover },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    "::after": { backgroundColor: tokens.colorCompoundBrandStroke },
    ":hover::after": { backgroundColor: tokens.colorCompoundBrandStrokeHover },
  },
  /** Label and a hidden bold copy in one cell: the tab is as wide selected as not, so nothing jumps. */
  label: { gridArea: "1 / 1" },
  reserve: { gridArea: "1 / 1", visibility: "hidden", fontWeight: tokens.fontWeightSemibold },
  menu: {
    position: "absolute",
    insetInlineEnd: 0,
    top: "100%",
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    minWidth: "10rem",
    padding: tokens.spacingVerticalXS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow16,
  },
  item: {
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalS}`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    textAlign: "start",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

/**
 * The pane's views as tabs in a stable order (WAI-ARIA's tabs pattern, activated by Enter or Space), with
 * Fluent's overflow: in a narrow pane the tabs that do not fit move, in order, into a menu at the end;
 * the chosen tab always stays visible. Plain buttons rather than Fluent's TabList and Menu, whose focus
 * and positioning libraries would double what the first screen loads.
 */
export function ViewTabs<Id extends string>({ tabs, selected, onSelect, label, moreLabel }: ViewTabsProps<Id>) {
  const styles = useStyles();
  const host = useRef<HTMLDivElement>(null);
  return (
    <div ref={host} className={styles.host}>
      <Overflow minimumVisible={2}>
        <div role="tablist" aria-label={label} className={styles.tabs} onKeyDown={moveAmongTabs}>
          {tabs.map((tab) => (
            <OverflowItem key={tab.id} id={tab.id} priority={tab.id === selected ? 2 : 1}>
              <button
                type="button"
                role="tab"
                id={`tab-${tab.id}`}
                aria-selected={tab.id === selected}
                aria-controls={tab.id === selected ? `panel-${tab.id}` : undefined}
                tabIndex={tab.id === selected ? 0 : -1}
                className={mergeClasses(styles.tab, tab.id === selected && styles.selected)}
                onClick={() => onSelect(tab.id)}
              >
                <span className={styles.label}>{tab.label}</span>
                <span className={styles.reserve} aria-hidden="true">
                  {tab.label}
                </span>
              </button>
            </OverflowItem>
          ))}
          <MoreTabs tabs={tabs} onSelect={onSelect} label={moreLabel} host={host} />
        </div>
      </Overflow>
    </div>
  );
}

/** The arrow keys, Home and End move the focus among the tabs shown (the ⋯ tab included); Enter or Space opens one. */
function moveAmongTabs(event: KeyboardEvent<HTMLElement>): void {
  // Keys in the ⋯ menu reach here too (React's events follow its tree through the portal): not the tabs'.
  if ((event.target as HTMLElement).getAttribute("role") !== "tab") return;
  const shown = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]')].filter(
    (tab) => !tab.hasAttribute("data-overflowing"),
  );
  moveFocus(event, shown, { ArrowRight: 1, ArrowLeft: -1 });
}

/** Moves the focus by the key's step among these elements, round at the ends; Home and End to the first and last. */
function moveFocus(event: KeyboardEvent, among: readonly HTMLElement[], steps: Readonly<Record<string, number>>): void {
  const at = among.indexOf(document.activeElement as HTMLElement);
  const next =
    event.key === "Home"
      ? 0
      : event.key === "End"
        ? among.length - 1
        : steps[event.key] !== undefined
          ? (at + steps[event.key]! + among.length) % among.length
          : undefined;
  if (next === undefined) return;
  event.preventDefault();
  among[next]?.focus();
}

/** The ⋯ tab and its menu of the tabs that do not fit, in their order; nothing while all fit. */
function MoreTabs<Id extends string>({
  tabs,
  onSelect,
  label,
  host,
}: {
  tabs: readonly ViewTab<Id>[];
  onSelect: (id: Id) => void;
  label: string;
  host: RefObject<HTMLDivElement | null>;
}) {
  const styles = useStyles();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  const [open, setOpen] = useState(false);
  if (!isOverflowing) return null;
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) ref.current?.focus();
  };
  const name = `${label} (${overflowCount})`;
  return (
    <>
      {/* A tab of the tab list (only tabs may stand in one), its name saying how many views it holds. */}
      <button
        ref={ref}
        type="button"
        role="tab"
        aria-selected={false}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={name}
        tabIndex={-1}
        className={styles.tab}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key !== "ArrowDown") return;
          event.preventDefault();
          setOpen(true);
        }}
      >
        ⋯
      </button>
      {open &&
        host.current &&
        createPortal(
          <MoreMenu
            tabs={tabs}
            label={name}
            anchor={ref.current}
            onClose={close}
            onPick={(id) => {
              close(false);
              onSelect(id);
              // The chosen tab takes the place of one that no longer fits: the focus follows it there.
              requestAnimationFrame(() => document.getElementById(`tab-${id}`)?.focus());
            }}
          />,
          host.current,
        )}
    </>
  );
}

/**
 * The menu (WAI-ARIA's menu button pattern): the focus on its first item, the arrow keys, Home and End
 * move it, Escape closes it and goes back to ⋯, Tab or a click elsewhere closes it.
 */
function MoreMenu<Id extends string>({
  tabs,
  label,
  anchor,
  onClose,
  onPick,
}: {
  tabs: readonly ViewTab<Id>[];
  label: string;
  anchor: HTMLElement | null;
  onClose: (refocus: boolean) => void;
  onPick: (id: Id) => void;
}) {
  const styles = useStyles();
  const menu = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !anchor?.contains(target)) closeRef.current(false);
    };
    document.addEventListener("pointerdown", away);
    return () => document.removeEventListener("pointerdown", away);
  }, [anchor]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onClose(true);
      return;
    }
    if (event.key === "Tab") {
      onClose(false);
      return;
    }
    moveFocus(event, [...event.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]')], {
      ArrowDown: 1,
      ArrowUp: -1,
    });
  };
  return (
    <div ref={menu} role="menu" aria-label={label} className={styles.menu} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <HiddenTab key={tab.id} tab={tab} className={styles.item} onPick={onPick} />
      ))}
    </div>
  );
}

function HiddenTab<Id extends string>({
  tab,
  className,
  onPick,
}: {
  tab: ViewTab<Id>;
  className: string;
  onPick: (id: Id) => void;
}) {
  const visible = useIsOverflowItemVisible(tab.id);
  if (visible) return null;
  return (
    <button type="button" role="menuitem" tabIndex={-1} className={className} onClick={() => onPick(tab.id)}>
      {tab.label}
    </button>
  );
}
