/**
 * Uppföljning: the budget year against the bookkeeping, or against the
 * workbook's own follow-up columns where it has them. Loaded on first open
 * (React.lazy in App.tsx), with the SIE reader and iconv-lite, so the pane
 * Excel loads first does not carry them.
 */
import {
  Button,
  Caption1,
  Field,
  Label,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { MoneyTable } from "../components/MoneyTable";
import { MessageBox } from "../components/MessageBox";
import { ScrollBox } from "../components/ScrollBox";
import { useId, type ReactNode } from "react";
import type { AnalysisOutcome } from "../../app/analyseWorkbook";
import type { LedgerFollowUp } from "../../app/followUpFromLedger";
import type { SheetFollowUp } from "../../app/followUpFromSheet";
import type { LedgerMapping } from "../../app/followUpMemory";
import { INCOME_LINE, type Ledger } from "../../app/openLedger";
import type { Finding, FollowUp, ForecastChoice, ForecastMethod, Message } from "../../domain";
import { ForecastEditor } from "../components/ForecastEditor";
import { Section } from "../components/Section";
import { ActionRow } from "../components/ActionRow";
import { useViewStyles } from "../components/styles";
import { type Lang, t } from "../strings/withFollowUp";
import type { PaneFormat } from "../paneFormat";
import { useFollowUp, type FollowUpSource, type FollowUpState, type Loose } from "../useFollowUp";

export interface FollowUpViewProps {
  readonly outcome: Extract<AnalysisOutcome, { kind: "ok" }>;
  readonly fmt: PaneFormat;
  readonly busy: boolean;
  readonly canUndo: boolean;
  /** The mapping the workbook keeps, if any. */
  readonly readMapping: () => Promise<LedgerMapping | undefined>;
  readonly onSaveMapping: (mapping: LedgerMapping) => Promise<boolean>;
  readonly onWrite: (followUp: LedgerFollowUp | SheetFollowUp) => void;
  /** The forecasts per line the workbook keeps (Finsam_Prognoser), if any. */
  readonly readForecasts: () => Promise<{ choices?: Map<string, ForecastChoice>; findings: readonly Finding[] }>;
  readonly onSaveForecasts: (
    choices: ReadonlyMap<string, ForecastChoice>,
    notice: Message,
    failed: Message,
  ) => Promise<boolean>;
  readonly onUndo: () => void;
}

const NONE = "";

/** Uppföljning: where the outcome comes from, then the follow-up, the forecasts and the mapping. */
export default function FollowUpView(props: FollowUpViewProps) {
  const { outcome, fmt, busy, canUndo } = props;
  const styles = useViewStyles();
  const { lang } = fmt;
  const state = useFollowUp(outcome, lang, props);
  const { source, columns, loaded, mapping, result } = state;

  return (
    <div>
      <Caption1 as="p" className={styles.caption}>
        {t(lang, "followUp.intro")}
      </Caption1>
      {columns && (
        <Field label={t(lang, "followUp.sourceLabel")}>
          <RadioGroup value={source} onChange={(_, data) => state.setSource(data.value as FollowUpSource)}>
            <Radio value="sheet" label={t(lang, "followUp.sourceSheet", { range: columns.range })} />
            <Radio value="sie" label={t(lang, "followUp.sourceSie")} />
          </RadioGroup>
        </Field>
      )}
      {source === "sheet" && columns && <SheetSource state={state} range={columns.range} lang={lang} />}
      {source === "sie" && <SieSource state={state} lang={lang} busy={busy} />}
      {result && (
        <>
          <Lines f={result.followUp} loose={state.loose} fmt={fmt} />
          <Words f={result.followUp} fmt={fmt} />
          <Findings findings={[...state.keptFindings, ...result.findings]} lang={lang} />
          <ForecastEditor
            followUp={result.followUp}
            drafts={state.drafts}
            lang={lang}
            busy={busy}
            methodText={(m) => methodText(lang, m, result.followUp.monthsElapsed)}
            onChange={state.setChoice}
            kept={state.forecastsKept}
            onSave={() =>
              void props
                .onSaveForecasts(
                  state.choices,
                  { sv: t("sv", "followUp.forecastsSaved"), en: t("en", "followUp.forecastsSaved") },
                  { sv: t("sv", "followUp.failForecasts"), en: t("en", "followUp.failForecasts") },
                )
                .then((done) => done && state.forecastsSaved())
            }
          />
          <section className={styles.section}>
            <ActionRow lang={lang} busy={busy} canUndo={canUndo} onUndo={props.onUndo}>
              <Button appearance="primary" disabled={busy} onClick={() => props.onWrite(result)}>
                {t(lang, "followUp.write")}
              </Button>
            </ActionRow>
            <Caption1 as="p" className={styles.caption}>
              {t(lang, "followUp.kind" in result ? "followUp.writeHintSheet" : "followUp.writeHint")}
            </Caption1>
          </section>
        </>
      )}
      {source === "sie" && loaded && mapping && (
        <MappingEditor
          ledger={loaded.ledger}
          labels={state.labels}
          mapping={mapping.value}
          unmapped={state.unmapped}
          kept={mapping.kept}
          lang={lang}
          busy={busy}
          onChange={state.editMapping}
          onSave={async () => {
            if (await props.onSaveMapping(mapping.value)) state.mappingSaved();
          }}
        />
      )}
    </div>
  );
}

/** The workbook's own follow-up columns: which, and how many months the outcome covers. */
function SheetSource({ state, range, lang }: { state: FollowUpState; range: string; lang: Lang }) {
  const styles = useViewStyles();
  const monthNames = t(lang, "followUp.monthNames").split(",");
  return (
    <section className={styles.section}>
      <Caption1 as="p" className={styles.caption}>
        {t(lang, "followUp.sheetRead", { range })}
      </Caption1>
      <Field
        label={t(lang, "followUp.period")}
        hint={t(
          lang,
          state.columns?.monthsElapsed !== undefined ? "followUp.monthsFromHeader" : "followUp.monthsUnknown",
        )}
      >
        <Select
          className={styles.fit}
          value={String(state.months)}
          onChange={(_, data) => state.setMonths(Number(data.value))}
        >
          {monthNames.map((name, i) => (
            <option key={name} value={String(i + 1)}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
    </section>
  );
}

/** The SIE file: the picker, what was read from it (or why it could not be), and the period to follow up. */
function SieSource({ state, lang, busy }: { state: FollowUpState; lang: Lang; busy: boolean }) {
  const styles = useViewStyles();
  const inputId = useId();
  const { loaded, error } = state;
  return (
    <>
      <section className={styles.section}>
        <Label htmlFor={inputId} weight="semibold">
          {t(lang, "followUp.sieFile")}
        </Label>
        <input
          id={inputId}
          type="file"
          accept=".se,.si,.sie,text/plain"
          disabled={busy}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) void state.openFile(file);
          }}
        />
        {loaded && (
          <Caption1 as="p" className={styles.caption}>
            {t(lang, "followUp.read", {
              file: loaded.fileName,
              start: loaded.ledger.year.start,
              end: loaded.ledger.year.end,
              source:
                loaded.ledger.source === "psaldo"
                  ? t(lang, "followUp.sourcePsaldo")
                  : t(lang, "followUp.sourceVouchers", { count: loaded.ledger.voucherCount }),
              checksum: loaded.ledger.checksum,
            })}
          </Caption1>
        )}
        {error && <MessageBox intent="error">{error}</MessageBox>}
      </section>
      {loaded ? (
        <Field label={t(lang, "followUp.period")}>
          <Select className={styles.fit} value={state.period ?? ""} onChange={(_, data) => state.setPeriod(data.value)}>
            {loaded.ledger.periods.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <Caption1 as="p" className={styles.caption}>
          {t(lang, "followUp.noFollowUp")}
        </Caption1>
      )}
    </>
  );
}

function methodText(lang: PaneFormat["lang"], method: ForecastMethod, months: number): string {
  if (method === "typed") return t(lang, "followUp.methodTyped");
  if (method === "scaled") return t(lang, "followUp.methodScaled", { months });
  return t(lang, "followUp.methodBudget");
}

/** Per budget line: budget, utfall, forecast and its method, deviation; the totals; what maps to no line. */
function Lines({ f, loose: unmapped, fmt }: { f: FollowUp; loose: readonly Loose[]; fmt: PaneFormat }) {
  const styles = useViewStyles();
  const { lang } = fmt;
  const id = useId();
  const loose = [...unmapped, ...f.withoutLine.map((w) => ({ label: w.label, amount: w.outcome }))];
  return (
    <Section id={id} title={t(lang, "followUp.linesHeading", { year: f.year })}>
      <MoneyTable
        labelledBy={id}
        compact
        columns={[
          { header: t(lang, "followUp.colLine") },
          { header: t(lang, "followUp.colBudget"), numeric: true },
          { header: t(lang, "followUp.colOutcome"), numeric: true },
          { header: t(lang, "followUp.colForecast"), numeric: true },
          { header: t(lang, "followUp.colDeviation"), numeric: true },
        ]}
        rows={[
          ...f.rows.map((r) => ({
            key: r.label,
            cells: [
              <>
                <div>{r.label}</div>
                <Caption1 block className={styles.caption}>
                  {methodText(lang, r.method, f.monthsElapsed)}
                </Caption1>
              </>,
              fmt.money(r.budget.value),
              fmt.money(r.outcome),
              fmt.money(r.forecast),
              <>
                <div className={r.deviation.isPositive() && !r.deviation.isZero() ? styles.warn : undefined}>
                  {fmt.diff(r.deviation)}
                </div>
                {r.deviationPercent && (
                  <Caption1 block className={styles.caption}>
                    {fmt.percent(r.deviationPercent)}
                  </Caption1>
                )}
              </>,
            ],
          })),
          {
            key: "total",
            total: true,
            cells: [
              t(lang, "followUp.total"),
              fmt.money(f.total.budget),
              fmt.money(f.total.outcome),
              fmt.money(f.total.forecast),
              fmt.diff(f.total.deviation),
            ],
          },
        ]}
      />
      {loose.length > 0 && (
        <>
          <Subtitle2 as="h3" className={styles.heading}>
            {t(lang, "followUp.unmappedHeading")}
          </Subtitle2>
          <ul aria-label={t(lang, "followUp.unmappedHeading")}>
            {loose.map((l) => (
              <li key={l.label}>
                {l.label}: {fmt.money(l.amount)}
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

/** The forecast's result and closing equity in words (Rule 4 and 5 on the year's end). */
function Words({ f, fmt }: { f: FollowUp; fmt: PaneFormat }) {
  const styles = useViewStyles();
  const { lang } = fmt;
  const sentences = [
    f.closingEquity !== undefined
      ? t(lang, "followUp.words", {
          forecast: fmt.money(f.total.forecast),
          result: fmt.diff(f.result),
          closing: fmt.money(f.closingEquity),
          max: fmt.money(f.maxEquity),
        })
      : t(lang, "followUp.wordsNoEquity", { forecast: fmt.money(f.total.forecast), result: fmt.diff(f.result) }),
  ];
  if (f.frame && f.total.forecast.greaterThan(f.frame.value)) {
    sentences.push(t(lang, "followUp.overFrame", { frame: fmt.money(f.frame.value) }));
  }
  if (f.closingEquity?.isNegative()) sentences.push(t(lang, "followUp.equityNegative"));
  else if (f.closingEquity?.greaterThan(f.maxEquity)) sentences.push(t(lang, "followUp.equityAbove"));
  return (
    <p className={styles.heading} data-testid="follow-up-words">
      {sentences.join(" ")}
    </p>
  );
}

/** Rule 4–6's findings on the follow-up, in the user's language. */
function Findings({ findings, lang }: { findings: readonly Finding[]; lang: PaneFormat["lang"] }) {
  const styles = useViewStyles();
  const id = useId();
  return (
    <Section id={id} title={t(lang, "followUp.findingsHeading")}>
      {findings.length === 0 ? (
        <Caption1 as="p" className={styles.caption}>
          {t(lang, "followUp.noFindings")}
        </Caption1>
      ) : (
        <ul aria-labelledby={id}>
          {findings.map((x, i) => (
            <li key={i} data-code={x.code} className={x.severity === "error" ? styles.bad : styles.warn}>
              {x.message[lang]}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

interface MappingEditorProps {
  readonly ledger: Ledger;
  readonly labels: readonly string[];
  readonly mapping: LedgerMapping;
  /** Accounts whose outcome maps to no line: each can be given one here. */
  readonly unmapped: readonly { readonly account: string; readonly name: string }[];
  readonly kept: boolean;
  readonly lang: PaneFormat["lang"];
  readonly busy: boolean;
  readonly onChange: (mapping: LedgerMapping) => void;
  readonly onSave: () => Promise<void>;
}

/** Each object of the insatser's dimension and each account range → a budget line, editable, and saved. */
function MappingEditor({ ledger, labels, mapping, unmapped, kept, lang, busy, onChange, onSave }: MappingEditorProps) {
  const styles = useViewStyles();
  const id = useId();
  const dimension = mapping.dimension ?? ledger.objects[0]?.dimension;
  const objects = ledger.objects.filter((o) => o.dimension === dimension);
  const targets = [...labels, INCOME_LINE];
  const lineSelect = (label: string, value: string | undefined, set: (line: string) => void) => (
    <Select
      className={styles.fit}
      size="small"
      aria-label={label}
      value={value ?? NONE}
      onChange={(_, data) => set(data.value)}
    >
      <option value={NONE}>{t(lang, "followUp.noLine")}</option>
      {targets.map((target) => (
        <option key={target} value={target}>
          {target === INCOME_LINE ? t(lang, "followUp.income") : target}
        </option>
      ))}
    </Select>
  );
  const setObject = (objectId: string, line: string) => {
    const next = { ...mapping.objects };
    if (line === NONE) delete next[objectId];
    else next[objectId] = line;
    onChange({ ...mapping, ...(dimension ? { dimension } : {}), objects: next });
  };
  const setRange = (i: number, line: string) =>
    onChange({
      ...mapping,
      accounts:
        line === NONE
          ? mapping.accounts.filter((_, k) => k !== i)
          : mapping.accounts.map((r, k) => (k === i ? { ...r, line } : r)),
    });
  const addAccount = (account: string, line: string) => {
    if (line !== NONE) onChange({ ...mapping, accounts: [...mapping.accounts, { from: account, to: account, line }] });
  };
  return (
    <Section id={id} title={t(lang, "followUp.mapping")}>
      <Caption1 as="p" className={styles.caption}>
        {t(lang, kept ? "followUp.mappingKept" : "followUp.mappingSource")}
      </Caption1>
      <MappingTable
        heading={t(lang, "followUp.objectsOf", {
          dimension: `${dimension} ${ledger.dimensions[dimension!] ?? ""}`.trim(),
        })}
        lineHeading={t(lang, "followUp.colLine")}
        rows={objects.map((o) => ({
          key: o.id,
          label: `${o.id} ${o.name}`,
          line: lineSelect(`${o.id} ${o.name}`, mapping.objects[o.id], (line) => setObject(o.id, line)),
        }))}
      />
      <MappingTable
        heading={t(lang, "followUp.accounts")}
        lineHeading={t(lang, "followUp.colLine")}
        rows={mapping.accounts.map((r, i) => {
          const span = r.from === r.to ? r.from : `${r.from}–${r.to}`;
          return { key: `${r.from}-${r.to}`, label: span, line: lineSelect(span, r.line, (line) => setRange(i, line)) };
        })}
      />
      <MappingTable
        heading={t(lang, "followUp.unmappedHeading")}
        lineHeading={t(lang, "followUp.colLine")}
        rows={unmapped.map((u) => ({
          key: u.account,
          label: `${u.account} ${u.name}`,
          line: lineSelect(`${u.account} ${u.name}`, undefined, (line) => addAccount(u.account, line)),
        }))}
      />
      <div className={styles.actions}>
        <Button disabled={busy} onClick={() => void onSave()}>
          {t(lang, "followUp.saveMapping")}
        </Button>
      </div>
    </Section>
  );
}

/** One part of the mapping: what is mapped (objects, account ranges, unmapped accounts) and its line. */
function MappingTable(props: {
  heading: string;
  lineHeading: string;
  rows: readonly { key: string; label: string; line: ReactNode }[];
}) {
  const styles = useViewStyles();
  if (props.rows.length === 0) return null;
  return (
    <ScrollBox label={props.heading}>
      <Table size="extra-small" className={styles.compact}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{props.heading}</TableHeaderCell>
            <TableHeaderCell>{props.lineHeading}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.rows.map((r) => (
            <TableRow key={r.key}>
              <TableCell>{r.label}</TableCell>
              <TableCell>{r.line}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollBox>
  );
}
