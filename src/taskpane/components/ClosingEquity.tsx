import { Badge } from "@fluentui/react-components";
import type { PlanYear } from "../../domain";
import { t } from "../strings";
import type { PaneFormat } from "../paneFormat";
import { useViewStyles } from "./styles";

/**
 * A year's closing equity as `text`, red below zero and orange above the recommended maximum, with a
 * badge saying which: Översikt's and Flerårsplan's tables alike.
 */
export function ClosingEquity({ y, text, fmt }: { y: PlanYear; text: string; fmt: PaneFormat }) {
  const view = useViewStyles();
  const negative = y.closingEquity.isNegative() && !y.closingEquity.isZero();
  const above = !negative && y.closingEquity.greaterThan(y.maxEquity);
  return (
    <>
      <span className={negative ? view.bad : above ? view.warn : undefined}>{text}</span>
      {(negative || above) && (
        <>
          <br />
          <Badge appearance="outline" color={negative ? "danger" : "warning"} size="small">
            {t(fmt.lang, negative ? "negative" : "aboveMax")}
          </Badge>
        </>
      )}
    </>
  );
}
