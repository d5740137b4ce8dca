import {
  Button,
  Caption1,
  Field,
  Input,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { ScrollBox } from "./ScrollBox";
import { useId } from "react";
import type { FollowUp, ForecastChoice, ForecastMethod } from "../../domain";
import { type Lang, t } from "../strings/withFollowUp";
import { forecastText, parseForecast } from "../forecastDraft";
import { useViewStyles } from "./styles";

/** What the user is typing per line, kept apart from the choice so a bad amount never reaches the numbers. */
export type ForecastDrafts = Readonly<Record<string, string>>;

export interface ForecastEditorProps {
  readonly followUp: FollowUp;
  readonly drafts: ForecastDrafts;
  readonly lang: Lang;
  readonly busy: boolean;
  readonly methodText: (method: ForecastMethod) => string;
  /** A line's choice changed (undefined: back to the default), and the text typed for it. */
  readonly onChange: (label: string, choice: ForecastChoice | undefined, draft: string | undefined) => void;
  /** The choices came from the workbook's Finsam_Prognoser. */
  readonly kept: boolean;
  readonly onSave: () => void;
}

const METHODS: readonly ForecastMethod[] = ["typed", "scaled", "budget"];

/** Per budget line: how its forecast is made and, when typed, the amount (Rule 6: the method shows on each line). */
export function ForecastEditor({
  followUp,
  drafts,
  lang,
  busy,
  methodText,
  onChange,
  kept,
  onSave,
}: ForecastEditorProps) {
  const styles = useViewStyles();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Subtitle2 as="h2" id={id} className={styles.heading}>
        {t(lang, "followUp.forecastsHeading")}
      </Subtitle2>
      <Caption1 as="p" className={styles.caption}>
        {t(lang, "followUp.forecastsHint")}
      </Caption1>
      {kept && (
        <Caption1 as="p" className={styles.caption}>
          {t(lang, "followUp.forecastsKept")}
        </Caption1>
      )}
      <ScrollBox labelledBy={id}>
        <Table size="extra-small" className={styles.compact} aria-labelledby={id}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t(lang, "followUp.colLine")}</TableHeaderCell>
              <TableHeaderCell>{t(lang, "followUp.colMethod")}</TableHeaderCell>
              <TableHeaderCell>{t(lang, "followUp.colForecast")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {followUp.rows.map((r) => {
              const draft = drafts[r.label];
              const read = draft === undefined ? undefined : parseForecast(draft, lang);
              const error = read && "error" in read ? read.error : undefined;
              return (
                <TableRow key={r.label}>
                  <TableCell>{r.label}</TableCell>
                  <TableCell>
                    <Select
                      className={styles.fit}
                      size="small"
                      aria-label={t(lang, "followUp.methodFor", { line: r.label })}
                      value={r.method}
                      disabled={busy}
                      onChange={(_, data) => {
                        const method = data.value as ForecastMethod;
                        if (method === "typed") {
                          onChange(r.label, { method, amount: r.forecast }, forecastText(r.forecast));
                        } else onChange(r.label, { method }, undefined);
                      }}
                    >
                      {METHODS.map((m) => (
                        <option key={m} value={m}>
                          {methodText(m)}
                        </option>
                      ))}
                    </Select>
                  </TableCell>
                  <TableCell>
                    {r.method === "typed" ? (
                      <Field
                        validationState={error ? "error" : "none"}
                        {...(error ? { validationMessage: error } : {})}
                      >
                        <Input
                          size="small"
                          aria-label={t(lang, "followUp.amountFor", { line: r.label })}
                          value={draft ?? forecastText(r.forecast)}
                          autoComplete="off"
                          disabled={busy}
                          onChange={(_, data) => {
                            const next = parseForecast(data.value, lang);
                            // A bad amount stays in the box with its message; the numbers keep the last good one.
                            onChange(
                              r.label,
                              "amount" in next
                                ? { method: "typed", amount: next.amount }
                                : { method: "typed", amount: r.forecast },
                              data.value,
                            );
                          }}
                        />
                      </Field>
                    ) : (
                      <span className={styles.nowrap}>{forecastText(r.forecast)}</span>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </ScrollBox>
      <div className={styles.actions}>
        <Button disabled={busy} onClick={onSave}>
          {t(lang, "followUp.saveForecasts")}
        </Button>
      </div>
    </section>
  );
}
