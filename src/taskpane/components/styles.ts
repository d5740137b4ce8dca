import { makeStyles, tokens } from "@fluentui/react-components";

/** Styles the views share: Fluent tokens only, so Office's dark and high-contrast themes apply. */
export const useViewStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    marginBlockEnd: tokens.spacingVerticalL,
  },
  heading: {
    margin: 0,
  },
  /** A field no wider than the pane, however long its options (a Select sizes itself to the longest). */
  fit: {
    maxWidth: "100%",
    minWidth: 0,
    "& select": { maxWidth: "100%", textOverflow: "ellipsis" },
  },
  caption: {
    margin: 0,
    color: tokens.colorNeutralForeground3,
  },
  table: {
    width: "100%",
    tableLayout: "auto",
  },
  /** A table of four columns in a pane of 350 px: the smaller type and no wasted width. */
  compact: {
    width: "100%",
    tableLayout: "auto",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    "& td, & th": { paddingInline: tokens.spacingHorizontalXXS },
  },
  number: {
    width: "1%",
    textAlign: "end",
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
  },
  headerNumber: {
    width: "1%",
    textAlign: "end",
    "& > *": { justifyContent: "flex-end" },
  },
  nowrap: {
    whiteSpace: "nowrap",
  },
  total: {
    fontWeight: tokens.fontWeightSemibold,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  bad: {
    color: tokens.colorPaletteRedForeground1,
  },
  warn: {
    color: tokens.colorPaletteDarkOrangeForeground1,
  },
});
