import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  scroll: {
    overflowX: "auto",
    maxWidth: "100%",
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
});

/**
 * A table's own box, that scrolls sideways where the table is wider than the pane (320 px, more plan
 * years, long names), so the pane itself never does; reachable and scrollable by keyboard.
 */
export function ScrollBox({
  label,
  labelledBy,
  children,
}: {
  /** The box's name: the table's own (labelledBy, an element's id), or a text. */
  label?: string;
  labelledBy?: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <div
      className={styles.scroll}
      // A group, not a region: its section is the landmark already, named by the same heading.
      role="group"
      {...(labelledBy ? { "aria-labelledby": labelledBy } : { "aria-label": label })}
      tabIndex={0}
    >
      {children}
    </div>
  );
}
