import { Field, Select } from "@fluentui/react-components";
import type { BudgetChoice } from "../../app/analyseWorkbook";
import { type Lang, t } from "../strings";
import { MessageBox } from "./MessageBox";
import { useViewStyles } from "./styles";

export interface BudgetChooserProps {
  readonly budgets: readonly BudgetChoice[];
  readonly chosen: number;
  readonly lang: Lang;
  readonly disabled: boolean;
  readonly onChoose: (sheet: string) => void;
}

/** A workbook that keeps several förbund's budgets: says so, names which is shown, and lets the user choose. */
export function BudgetChooser({ budgets, chosen, lang, disabled, onChoose }: BudgetChooserProps) {
  const view = useViewStyles();
  return (
    <MessageBox intent="warning">
      <Field label={t(lang, "severalBudgets", { count: budgets.length })}>
        <Select
          className={view.fit}
          value={budgets[chosen]?.sheet}
          disabled={disabled}
          onChange={(_, data) => onChoose(data.value)}
        >
          {budgets.map((b) => (
            <option key={b.sheet} value={b.sheet}>
              {t(lang, "budgetOnSheet", { name: b.name, sheet: b.sheet })}
            </option>
          ))}
        </Select>
      </Field>
    </MessageBox>
  );
}
