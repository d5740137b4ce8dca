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
  caption: {
    margin: 0,
    color: tokens.colorNeutralForeground3,
  },
  table: {
    width: "100%",
    tableLayout: "auto",
  },
  number: {
    textAlign: "end",
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
  },
  headerNumber: {
    textAlign: "end",
    "& > *": { justifyContent: "flex-end" },
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
