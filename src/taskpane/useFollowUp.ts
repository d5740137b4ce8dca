/**
 * Uppföljning's state, a slice of its own: where the outcome comes from (the workbook's follow-up columns
 * or a SIE file, read here and not in the view), the period, the account mapping and the forecasts the
 * user chose, and the follow-up the app/ use cases give for them. Loaded with the view, on first open.
 */
import { useEffect, useMemo, useState } from "react";
import type { AnalysisOutcome } from "../app/analyseWorkbook";
import { followUpOnMapping, type LedgerFollowUp } from "../app/followUpFromLedger";
import { followUpFromSheet, sheetColumns, type SheetFollowUp } from "../app/followUpFromSheet";
import type { LedgerMapping } from "../app/followUpMemory";
import { openLedger, type Ledger } from "../app/openLedger";
import type { Decimal, Finding, ForecastChoice } from "../domain";
import type { ForecastDrafts } from "./components/ForecastEditor";
import { type Lang, t } from "./strings/withFollowUp";

export type FollowUpSource = "sheet" | "sie";

/** A SIE file as read: its ledger and its name. */
export interface LoadedLedger {
  readonly ledger: Ledger;
  readonly fileName: string;
}

/** An outcome that maps to no budget line: listed beside the lines, not in the forecast. */
export interface Loose {
  readonly label: string;
  readonly amount: Decimal;
}

export interface FollowUpSources {
  /** The mapping the workbook keeps, if any. */
  readonly readMapping: () => Promise<LedgerMapping | undefined>;
  /** The forecasts per line the workbook keeps (Finsam_Prognoser), if any. */
  readonly readForecasts: () => Promise<{ choices?: Map<string, ForecastChoice>; findings: readonly Finding[] }>;
}

export function useFollowUp(outcome: Extract<AnalysisOutcome, { kind: "ok" }>, lang: Lang, sources: FollowUpSources) {
  const { readMapping, readForecasts } = sources;
  const [loaded, setLoaded] = useState<LoadedLedger | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [mapping, setMapping] = useState<{ value: LedgerMapping; kept: boolean } | undefined>(undefined);
  const labels = useMemo(() => outcome.analysis.budget.costs.map((l) => l.label), [outcome]);
  const columns = useMemo(() => sheetColumns(outcome.analysis), [outcome]);
  const [chosen, setSource] = useState<FollowUpSource>("sheet");
  // A workbook analysed again without follow-up columns falls back to the SIE file.
  const source: FollowUpSource = columns ? chosen : "sie";
  const [months, setMonths] = useState<number>(columns?.monthsElapsed ?? 12);
  // The user's forecasts per line, for either source: a typed forecast is about the line, not the file.
  const [choices, setChoices] = useState<ReadonlyMap<string, ForecastChoice>>(new Map());
  const [drafts, setDrafts] = useState<ForecastDrafts>({});
  // Whether the choices are the ones the workbook keeps, and what was wrong with a kept value.
  const [forecastsKept, setForecastsKept] = useState(false);
  const [keptFindings, setKeptFindings] = useState<readonly Finding[]>([]);
  useEffect(() => {
    let live = true;
    void readForecasts().then((kept) => {
      if (!live) return;
      if (kept.choices) {
        setChoices(kept.choices);
        setForecastsKept(true);
      }
      setKeptFindings(kept.findings);
    });
    return () => {
      live = false;
    };
  }, [readForecasts]);

  /** Reads the picked SIE file and proposes (or takes the workbook's) mapping; a bad file says why. */
  const openFile = async (file: File) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const opened = await openLedger(bytes, file.name, outcome.analysis, readMapping);
    if (!opened.ok) {
      setError(t(lang, "followUp.badFile", { detail: opened.detail[lang] }));
      return;
    }
    setLoaded({ ledger: opened.ledger, fileName: file.name });
    setPeriod(opened.period);
    setMapping({ value: opened.mapping, kept: opened.mappingSource === "workbook" });
    setError(undefined);
  };

  const fromSie = useMemo(() => {
    if (!loaded || !mapping) return undefined;
    return followUpOnMapping(outcome.analysis, loaded.ledger, loaded.fileName, {
      mapping: mapping.value,
      source: mapping.kept ? "workbook" : "proposed",
      choices,
      ...(period ? { period } : {}),
    });
  }, [outcome, loaded, mapping, period, choices]);
  const fromSheet = useMemo(
    () => (columns ? followUpFromSheet(outcome.analysis, columns, { monthsElapsed: months, choices }) : undefined),
    [outcome, columns, months, choices],
  );
  const result: LedgerFollowUp | SheetFollowUp | undefined = source === "sheet" ? fromSheet : fromSie;
  const loose: Loose[] =
    result && !("kind" in result)
      ? result.outcome.unmapped.map((u) => ({ label: `${u.account} ${u.name}`, amount: u.amount }))
      : [];

  /** A line's forecast chosen (or put back to the method's), and the text typed for it. */
  const setChoice = (label: string, choice: ForecastChoice | undefined, draft: string | undefined) => {
    const next = new Map(choices);
    if (choice) next.set(label, choice);
    else next.delete(label);
    setChoices(next);
    setForecastsKept(false);
    const rest = Object.fromEntries(Object.entries(drafts).filter(([l]) => l !== label));
    setDrafts(draft === undefined ? rest : { ...rest, [label]: draft });
  };

  return {
    source,
    setSource,
    columns,
    months,
    setMonths,
    loaded,
    error,
    openFile,
    period,
    setPeriod,
    labels,
    mapping,
    editMapping: (value: LedgerMapping) => setMapping({ value, kept: false }),
    mappingSaved: () => setMapping((m) => (m ? { value: m.value, kept: true } : m)),
    unmapped: fromSie?.outcome.unmapped.map((u) => ({ account: u.account, name: u.name })) ?? [],
    result,
    loose,
    choices,
    drafts,
    setChoice,
    forecastsKept,
    forecastsSaved: () => setForecastsKept(true),
    keptFindings,
  };
}

export type FollowUpState = ReturnType<typeof useFollowUp>;
