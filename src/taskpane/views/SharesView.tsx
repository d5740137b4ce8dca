import { Button, Caption1, Field, Radio, RadioGroup } from "@fluentui/react-components";
import { ActionRow } from "../components/ActionRow";
import { MoneyTable } from "../components/MoneyTable";
import { useState } from "react";
import type { AnalysisOutcome } from "../../app/analyseWorkbook";
import { sharesToWrite, type ShareWriteMode } from "../../app/writeShares";
import { Decimal, type MemberShare } from "../../domain";
import { Section } from "../components/Section";
import { useViewStyles } from "../components/styles";
import { t } from "../strings";
import type { PaneFormat } from "../paneFormat";

export interface SharesViewProps {
  readonly outcome: Extract<AnalysisOutcome, { kind: "ok" }>;
  readonly fmt: PaneFormat;
  readonly busy: boolean;
  readonly canUndo: boolean;
  readonly onWrite: (mode: ShareWriteMode) => void;
  readonly onUndo: () => void;
}

const PARTY_SHARE: Record<string, Decimal> = {
  stat: new Decimal(0.5),
  fk: new Decimal(0.25),
  af: new Decimal(0.25),
  region: new Decimal(0.25),
};

/** Medlemsavgifter: each party and kommun per year, computed against the sheet, and writing the computed ones in. */
export function SharesView({ outcome, fmt, busy, canUndo, onWrite, onUndo }: SharesViewProps) {
  const styles = useViewStyles();
  const { lang } = fmt;
  const [mode, setMode] = useState<ShareWriteMode>("formula");
  const { analysis } = outcome;
  const years = [...new Set(analysis.members.map((m) => m.year))].sort((a, b) => a - b);
  const pending = sharesToWrite(outcome);

  /** Population and share, each kept on one line. */
  const detail = (m: MemberShare, kommuner: readonly MemberShare[]) => {
    if (m.party !== "kommun") return <span className={styles.nowrap}>{fmt.percent(PARTY_SHARE[m.party]!, 0)}</span>;
    const weights = kommuner.reduce((sum, k) => sum.plus(k.weight ?? 0), new Decimal(0));
    const parts: string[] = [];
    if (m.population) parts.push(t(lang, "population", { population: fmt.count(m.population) }));
    if (m.weight && !weights.isZero()) parts.push(fmt.percent(m.weight.dividedBy(weights)));
    return parts.map((part, i) => (
      <span key={i}>
        {i > 0 && " · "}
        <span className={styles.nowrap}>{part}</span>
      </span>
    ));
  };

  return (
    <div>
      <Section id="shares-write" title={t(lang, "writeShares")}>
        <Caption1 as="p" className={styles.caption} role="status">
          {pending > 0 ? t(lang, "writeCount", { count: pending }) : t(lang, "nothingToWrite")}
        </Caption1>
        <Field label={t(lang, "writeMode")}>
          <RadioGroup
            layout="vertical"
            value={mode}
            onChange={(_, data) => setMode(data.value === "value" ? "value" : "formula")}
          >
            <Radio value="formula" label={t(lang, "writeFormula")} />
            <Radio value="value" label={t(lang, "writeValue")} />
          </RadioGroup>
        </Field>
        <ActionRow lang={lang} busy={busy} canUndo={canUndo} onUndo={onUndo}>
          <Button appearance="primary" disabled={busy || pending === 0} onClick={() => onWrite(mode)}>
            {t(lang, "writeShares")}
          </Button>
        </ActionRow>
      </Section>

      <Caption1 as="p" className={styles.caption}>
        {t(lang, "shareHelp")}
      </Caption1>
      {years.map((year) => {
        const members = analysis.members.filter((m) => m.year === year);
        const kommuner = members.filter((m) => m.party === "kommun");
        const id = `shares-${year}`;
        return (
          <Section key={year} id={id} title={t(lang, "contributionsHeading", { year })}>
            <MoneyTable
              labelledBy={id}
              compact
              columns={[
                { header: t(lang, "colMember") },
                { header: t(lang, "colComputed"), numeric: true },
                { header: t(lang, "colSheet"), numeric: true },
                { header: t(lang, "colDiff"), numeric: true },
              ]}
              rows={members.map((m) => {
                const difference = m.sheetAmount?.value.minus(m.computedAmount);
                const off = difference && !difference.isZero();
                return {
                  key: `${m.party}-${m.name}`,
                  cells: [
                    <>
                      <div>{m.name}</div>
                      <Caption1 className={styles.caption}>{detail(m, kommuner)}</Caption1>
                    </>,
                    fmt.money(m.computedAmount),
                    m.sheetAmount ? fmt.money(m.sheetAmount.value) : t(lang, "notInSheet"),
                    off ? (
                      <span className={difference.abs().greaterThan(1) ? styles.warn : undefined}>
                        {fmt.diff(difference)}
                      </span>
                    ) : (
                      ""
                    ),
                  ],
                };
              })}
            />
          </Section>
        );
      })}
    </div>
  );
}
