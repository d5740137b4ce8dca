import {
  Button,
  Caption1,
  Field,
  Input,
  Radio,
  RadioGroup,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import {
  foundMapping,
  FIELD_NAMES,
  MAPPING_FIELDS,
  partsFound,
  selectionText,
  type MappingField,
} from "../../app/budgetParts";
import { WorkbookError } from "../../app/workbookPort";
import { defaultSettings, Decimal, type Settings, type Unit } from "../../domain";
import { NumberField } from "../components/NumberField";
import { PartsFound } from "../components/PartsFound";
import { Section } from "../components/Section";
import { useViewStyles } from "../components/styles";
import { type Lang, LANG_NAMES, LANGS, t, type TextKey } from "../strings";
import { UNIT_NAME, type PaneFormat } from "../paneFormat";
import { draftFromSettings, kommunEntries, parseNumber, type SettingsDraft } from "../settingsDraft";
import type { PaneStatus } from "../useFinsam";

export interface SettingsViewProps {
  readonly status: PaneStatus;
  readonly fmt: PaneFormat;
  readonly busy: boolean;
  /** The settings this session holds beyond the workbook's, if any. */
  readonly sessionSettings: Settings | undefined;
  readonly onUnit: (unit: Unit) => void;
  readonly onLang: (lang: Lang) => void;
  /** Inside Excel: the user's selection; absent where there is none (a file). */
  readonly selectedRange?: () => Promise<{ readonly sheet: string; readonly address: string }>;
  /** Inside Excel: selects a range, to show where a part was read; absent where the pane cannot. */
  readonly onGoTo?: (sheet: string, range: string) => void;
  /** Saves; gives back the fields that are wrong, if any. */
  readonly onSave: (draft: SettingsDraft) => Promise<Readonly<Record<string, true>> | undefined>;
}

/** The units amounts can be shown in. */
const UNITS: readonly Unit[] = ["kr", "tkr", "Mkr"];

const FIELD_LABEL: Record<MappingField, TextKey> = {
  budgetSheet: "mapBudgetSheet",
  yearHeader: "mapYears",
  members: "mapMembers",
  costs: "mapCosts",
  population: "mapPopulation",
  openingEquity: "mapEquity",
  unit: "mapUnit",
  budgetColumn: "mapBudgetColumn",
  planColumns: "mapPlanColumns",
};

const useStyles = makeStyles({
  row: {
    display: "flex",
    alignItems: "flex-end",
    columnGap: tokens.spacingHorizontalS,
    "& > :first-child": { flexGrow: 1, minWidth: 0 },
  },
  step: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr) auto",
    alignItems: "end",
    columnGap: tokens.spacingHorizontalS,
  },
  input: {
    minWidth: 0,
    width: "100%",
  },
  remove: {
    minWidth: "auto",
  },
});

/** Inställningar: where the budget is, the kommun key, the equity rule, the unit. Saved as names in the workbook. */
export function SettingsView(props: SettingsViewProps) {
  const { status, fmt, busy, sessionSettings, onUnit, onLang, selectedRange, onGoTo, onSave } = props;
  const { lang } = fmt;
  const view = useViewStyles();
  const ok = status.kind === "ok" ? status : undefined;
  const settings = sessionSettings ?? ok?.analysis.settings ?? defaultSettings();
  const kommuner = kommunEntries(ok);
  const found = foundMapping(ok);
  const year = ok?.analysis.budget.budgetYear;
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFromSettings(settings, kommuner, year));
  const [errors, setErrors] = useState<Readonly<Record<string, true>>>({});
  /** Why "Använd markerade celler" could not read the selection (several areas, cell edit mode), by field. */
  const [selectionError, setSelectionError] = useState<{ readonly field: MappingField; readonly text: string }>();
  const takeSelection = (field: MappingField) =>
    selectedRange?.().then(
      (s) => {
        setMapping(field, selectionText(s));
        setSelectionError(undefined);
      },
      (error: unknown) =>
        setSelectionError({
          field,
          text: error instanceof WorkbookError ? error.userMessage[lang] : t(lang, "selectionFailed"),
        }),
    );
  // A new analysis (or a new workbook) starts the form again from what it found.
  const [basis, setBasis] = useState(status);
  if (basis !== status) {
    setBasis(status);
    setDraft(draftFromSettings(settings, kommuner, year));
    setErrors({});
  }

  const update = (change: Partial<SettingsDraft>) => setDraft((old) => ({ ...old, ...change }));
  const setMapping = (field: MappingField, value: string) =>
    setDraft((old) => ({ ...old, mapping: { ...old.mapping, [field]: value } }));
  const form: SettingsForm = { draft, update, setMapping, errors, lang };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void onSave(draft).then((wrong) => setErrors(wrong ?? {}));
      }}
    >
      {ok && <PartsFound parts={partsFound(ok)} lang={lang} {...(onGoTo ? { onGoTo } : {})} />}

      <MappingSection
        form={form}
        found={found}
        busy={busy}
        takeSelection={selectedRange ? takeSelection : undefined}
        selectionError={selectionError}
      />
      <KeySection form={form} fmt={fmt} />
      <EquitySection form={form} />
      <UnitSection lang={lang} fmt={fmt} ok={ok} onLang={onLang} onUnit={onUnit} />
      <div className={view.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {t(lang, "saveSettings")}
        </Button>
      </div>
    </form>
  );
}

/** What each part of the form reads and changes: the draft, its errors, the language. */
interface SettingsForm {
  readonly draft: SettingsDraft;
  readonly update: (change: Partial<SettingsDraft>) => void;
  readonly setMapping: (field: MappingField, value: string) => void;
  readonly errors: Readonly<Record<string, true>>;
  readonly lang: Lang;
}

/** Where the budget is: the budget year and each part as a range, typed or taken from the selection. */
function MappingSection(props: {
  form: SettingsForm;
  found: Partial<Record<MappingField, string>>;
  busy: boolean;
  takeSelection: ((field: MappingField) => void) | undefined;
  selectionError: { readonly field: MappingField; readonly text: string } | undefined;
}) {
  const { form, found, busy, takeSelection, selectionError } = props;
  const { draft, update, setMapping, errors, lang } = form;
  const styles = useStyles();
  const view = useViewStyles();
  return (
    <Section id="settings-mapping" title={t(lang, "mappingHeading")}>
      <Caption1 as="p" className={view.caption}>
        {t(lang, "mappingHelp")}
      </Caption1>
      <NumberField
        label={t(lang, "mapBudgetYear")}
        whole
        value={draft.budgetYear}
        placeholder="2025"
        problem={errors.budgetYear ? t(lang, "invalidYear") : undefined}
        onChange={(budgetYear) => update({ budgetYear })}
      />
      {MAPPING_FIELDS.map((field) => {
        const label = t(lang, FIELD_LABEL[field]);
        return (
          <div key={field} className={styles.row}>
            <Field
              label={`${label} (${FIELD_NAMES[field]})`}
              hint={found[field] ? t(lang, "mapFound", { ref: found[field] }) : undefined}
              validationState={errors[`map.${field}`] || selectionError?.field === field ? "error" : "none"}
              validationMessage={
                selectionError?.field === field
                  ? selectionError.text
                  : errors[`map.${field}`]
                    ? t(lang, "invalidRange")
                    : undefined
              }
            >
              <Input
                className={styles.input}
                value={draft.mapping[field]}
                placeholder={found[field] ?? "Blad!B2:B5"}
                onChange={(_, data) => setMapping(field, data.value)}
              />
            </Field>
            {takeSelection && (
              <Button
                aria-label={t(lang, "useSelectionFor", { field: label })}
                disabled={busy}
                onClick={() => void takeSelection(field)}
              >
                {t(lang, "useSelection")}
              </Button>
            )}
          </div>
        );
      })}
    </Section>
  );
}

/** The kommun key: by population, or fixed per cent per kommun with their sum. */
function KeySection({ form, fmt }: { form: SettingsForm; fmt: PaneFormat }) {
  const { draft, update, errors, lang } = form;
  const view = useViewStyles();
  const fixedSum = draft.fixedPercents.reduce((sum, p) => sum.plus(parseNumber(p.percent) ?? 0), new Decimal(0));
  return (
    <Section id="settings-key" title={t(lang, "keyHeading")}>
      <RadioGroup
        aria-labelledby="settings-key"
        value={draft.keyKind}
        onChange={(_, data) => update({ keyKind: data.value === "fixed" ? "fixed" : "population" })}
      >
        <Radio value="population" label={t(lang, "keyPopulation")} />
        <Radio value="fixed" label={t(lang, "keyFixed")} />
      </RadioGroup>
      {draft.keyKind === "fixed" && (
        <>
          {draft.fixedPercents.map((p, i) => (
            <NumberField
              key={p.name}
              label={t(lang, "fixedPercentFor", { name: p.name })}
              value={p.percent}
              problem={errors[`fixed.${i}`] ? t(lang, "notANumber") : undefined}
              onChange={(percent) =>
                update({ fixedPercents: draft.fixedPercents.map((q, j) => (j === i ? { ...q, percent } : q)) })
              }
            />
          ))}
          <Caption1 as="p" className={view.caption} role="status">
            {t(lang, "fixedSum", { sum: fmt.percent(fixedSum.dividedBy(100), 2) })}
          </Caption1>
        </>
      )}
    </Section>
  );
}

/** The equity rule: the staircase's steps, and the förbund's own target band. */
function EquitySection({ form }: { form: SettingsForm }) {
  const { draft, update, errors, lang } = form;
  const styles = useStyles();
  const view = useViewStyles();
  return (
    <Section id="settings-equity" title={t(lang, "staircaseHeading")}>
      {draft.staircase.map((step, i) => (
        <div key={i} className={styles.step}>
          <NumberField
            label={t(lang, "stepFrom", { n: i + 1 })}
            value={step.from}
            invalid={errors[`step.${i}.from`]}
            onChange={(from) => update({ staircase: draft.staircase.map((s, j) => (j === i ? { ...s, from } : s)) })}
          />
          <NumberField
            label={t(lang, "stepMax", { n: i + 1 })}
            value={step.maxPercent}
            invalid={errors[`step.${i}.max`]}
            onChange={(maxPercent) =>
              update({ staircase: draft.staircase.map((s, j) => (j === i ? { ...s, maxPercent } : s)) })
            }
          />
          <Button
            className={styles.remove}
            aria-label={t(lang, "removeStep", { n: i + 1 })}
            disabled={draft.staircase.length === 1}
            onClick={() => update({ staircase: draft.staircase.filter((_, j) => j !== i) })}
          >
            −
          </Button>
        </div>
      ))}
      <div className={view.actions}>
        <Button onClick={() => update({ staircase: [...draft.staircase, { from: "", maxPercent: "" }] })}>
          {t(lang, "addStep")}
        </Button>
      </div>
      {draft.staircase.length > 1 && (
        <Caption1 as="p" className={view.caption}>
          {t(lang, "staircaseNote")}
        </Caption1>
      )}
      <Subtitle2 as="h3" className={view.heading}>
        {t(lang, "targetHeading")}
      </Subtitle2>
      <NumberField
        label={t(lang, "targetCentre")}
        value={draft.targetCentre}
        problem={errors.targetCentre ? t(lang, "notANumber") : undefined}
        onChange={(targetCentre) => update({ targetCentre })}
      />
      <NumberField
        label={t(lang, "targetTolerance")}
        value={draft.targetTolerance}
        problem={errors.targetTolerance ? t(lang, "notANumber") : undefined}
        onChange={(targetTolerance) => update({ targetTolerance })}
      />
    </Section>
  );
}

/** The language and the unit amounts are shown in (the sheet's own unit said). */
function UnitSection(props: {
  lang: Lang;
  fmt: PaneFormat;
  ok: Extract<SettingsViewProps["status"], { kind: "ok" }> | undefined;
  onLang: (lang: Lang) => void;
  onUnit: (unit: Unit) => void;
}) {
  const { lang, fmt, ok, onLang, onUnit } = props;
  const view = useViewStyles();
  return (
    <Section id="settings-unit" title={t(lang, "unitAndLanguage")}>
      {ok && (
        <Caption1 as="p" className={view.caption}>
          {t(lang, "sheetUnit", { unit: ok.analysis.budget.unit })}
        </Caption1>
      )}
      <Field label={t(lang, "languageChoice")}>
        <RadioGroup
          layout="horizontal"
          value={lang}
          onChange={(_, data) => onLang(LANGS.find((l) => l === data.value) ?? lang)}
        >
          {LANGS.map((l) => (
            <Radio key={l} value={l} label={LANG_NAMES[l]} lang={l} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={t(lang, "displayUnit")}>
        <RadioGroup
          layout="horizontal"
          value={fmt.unit}
          onChange={(_, data) => onUnit(UNITS.find((u) => u === data.value) ?? "kr")}
        >
          {UNITS.map((u) => (
            <Radio key={u} value={u} label={UNIT_NAME[lang][u]} />
          ))}
        </RadioGroup>
      </Field>
    </Section>
  );
}
