import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

export type Intent = "success" | "error" | "warning" | "info";

/**
 * A message in Fluent's status colours, drawn as Fluent's MessageBar is (an intent icon, the text, a
 * dismiss cross) in plain markup: MessageBar brings its icons and motion to the first load, and this
 * box is on the first screen. The icons are Fluent's filled status icons' shapes, as SVG.
 */
const ICON: Record<Intent, ReactNode> = {
  success: (
    <path d="M10 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16Zm3.36 5.65a.5.5 0 0 0-.71 0L9 11.29 7.35 9.65a.5.5 0 1 0-.7.7l2 2c.19.2.5.2.7 0l4-4a.5.5 0 0 0 0-.7Z" />
  ),
  error: (
    <path d="M10 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16Zm0 10.5a.75.75 0 1 0 0 1.5.75.75 0 0 0 0-1.5ZM10 6a.5.5 0 0 0-.5.41v4.68a.5.5 0 0 0 1 0V6.41A.5.5 0 0 0 10 6Z" />
  ),
  warning: (
    <path d="M8.68 2.79a1.5 1.5 0 0 1 2.64 0l6.5 12.5A1.5 1.5 0 0 1 16.5 17.5h-13a1.5 1.5 0 0 1-1.32-2.21l6.5-12.5ZM10 13.5a.75.75 0 1 0 0 1.5.75.75 0 0 0 0-1.5Zm0-7a.5.5 0 0 0-.5.41v4.68a.5.5 0 0 0 1 0V6.91a.5.5 0 0 0-.5-.41Z" />
  ),
  info: (
    <path d="M10 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16Zm0 6.5a.5.5 0 0 0-.5.41v4.68a.5.5 0 0 0 1 0V9a.5.5 0 0 0-.5-.5Zm0-2.25a.75.75 0 1 0 0 1.5.75.75 0 0 0 0-1.5Z" />
  ),
};

const useStyles = makeStyles({
  box: {
    display: "flex",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    minWidth: 0,
  },
  success: {
    backgroundColor: tokens.colorStatusSuccessBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusSuccessBorder1}`,
    "& > svg": { color: tokens.colorStatusSuccessForeground3 },
  },
  error: {
    backgroundColor: tokens.colorStatusDangerBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusDangerBorder1}`,
    "& > svg": { color: tokens.colorStatusDangerForeground3 },
  },
  warning: {
    backgroundColor: tokens.colorStatusWarningBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusWarningBorder1}`,
    "& > svg": { color: tokens.colorStatusWarningForeground3 },
  },
  info: {
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    "& > svg": { color: tokens.colorNeutralForeground3 },
  },
  icon: { flexShrink: 0, marginBlockStart: "2px", fill: "currentColor" },
  body: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  title: { fontWeight: tokens.fontWeightSemibold, marginInlineEnd: tokens.spacingHorizontalXS },
  dismiss: {
    flexShrink: 0,
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    width: "24px",
    height: "24px",
    padding: 0,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground2,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover, color: tokens.colorNeutralForeground2Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

export interface MessageBoxProps {
  readonly intent: Intent;
  /** A bold lead-in before the text ("Ingen budget hittades"). */
  readonly title?: string;
  readonly children: ReactNode;
  /** With a dismiss cross: what it does, for screen readers and as its tooltip ("Stäng meddelandet"). */
  readonly dismiss?: { readonly label: string; readonly onDismiss: () => void };
  readonly className?: string;
}

export function MessageBox({ intent, title, children, dismiss, className }: MessageBoxProps) {
  const styles = useStyles();
  return (
    <div className={mergeClasses(styles.box, styles[intent], className)} data-intent={intent}>
      <svg className={styles.icon} width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        {ICON[intent]}
      </svg>
      <div className={styles.body}>
        {title && <span className={styles.title}>{title}</span>}
        {children}
      </div>
      {dismiss && (
        <button
          type="button"
          className={styles.dismiss}
          aria-label={dismiss.label}
          title={dismiss.label}
          onClick={dismiss.onDismiss}
        >
          <svg width="16" height="16" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path d="M4.5 4.5l11 11m0-11-11 11" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
          </svg>
        </button>
      )}
    </div>
  );
}
