import {
  Button,
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { ScrollBox } from "./ScrollBox";
import type { FoundPart, PartName } from "../../app/budgetParts";
import type { Lang } from "../strings";
import { useViewStyles } from "./styles";

export interface PartsFoundProps {
  readonly parts: readonly FoundPart[];
  readonly lang: Lang;
  /** Inside Excel: selects the part's range; absent where the pane cannot (a file). */
  readonly onGoTo?: (sheet: string, range: string) => void;
}

/** Each part's name in the pane's languages, in the order a budget is read. */
const PART_NAME: Readonly<Record<PartName, Readonly<Record<Lang, string>>>> = {
  years: { sv: "År", en: "Years" },
  unit: { sv: "Enhet", en: "Unit" },
  members: { sv: "Medlemmar", en: "Members" },
  contributionTotal: { sv: "Summa medlemsavgifter", en: "Contributions' total" },
  population: { sv: "Befolkning", en: "Population" },
  income: { sv: "Övriga intäkter", en: "Other income" },
  drawdowns: { sv: "Ianspråktaget eget kapital", en: "Equity drawn down" },
  costs: { sv: "Kostnader", en: "Costs" },
  costTotal: { sv: "Summa kostnader", en: "Cost total" },
  frame: { sv: "Budgetram", en: "Budget frame" },
  openingEquity: { sv: "Ingående eget kapital", en: "Opening equity" },
  closingEquity: { sv: "Utgående eget kapital", en: "Closing equity" },
  followUp: { sv: "Uppföljning", en: "Follow-up" },
};

const ORDER = Object.keys(PART_NAME) as PartName[];

const TEXT = {
  sv: {
    heading: "Så lästes arbetsboken",
    help: "Varje del av budgeten, var den lästes och vad som avgjorde det. Står en del fel, peka ut rätt celler nedan.",
    part: "Del",
    where: "Var",
    why: "Varför",
    goTo: "Gå till {ref}",
  },
  en: {
    heading: "How the workbook was read",
    help: "Each part of the budget, where it was read and what decided it (the reader's note is in Swedish). Where a part is wrong, point at the right cells below.",
    part: "Part",
    where: "Where",
    why: "Why",
    goTo: "Go to {ref}",
  },
} as const;

/** The parts as the reader found them (the analysis's location), for the user to check before pointing at cells. */
export function PartsFound({ parts, lang, onGoTo }: PartsFoundProps) {
  const view = useViewStyles();
  const text = TEXT[lang];
  const sorted = [...parts].sort((a, b) => ORDER.indexOf(a.part) - ORDER.indexOf(b.part));
  return (
    <section className={view.section} aria-labelledby="settings-parts">
      <Subtitle2 as="h2" id="settings-parts" className={view.heading}>
        {text.heading}
      </Subtitle2>
      <Caption1 as="p" className={view.caption}>
        {text.help}
      </Caption1>
      <ScrollBox labelledBy="settings-parts">
        <Table size="small" aria-labelledby="settings-parts">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{text.part}</TableHeaderCell>
              <TableHeaderCell>{text.where}</TableHeaderCell>
              <TableHeaderCell>{text.why}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {sorted.map((p) => (
              <TableRow key={`${p.part}-${p.ref}`} data-part={p.part}>
                <TableCell>{PART_NAME[p.part][lang]}</TableCell>
                <TableCell>
                  {onGoTo ? (
                    <Button
                      appearance="transparent"
                      size="small"
                      title={text.goTo.replace("{ref}", p.ref)}
                      onClick={() => onGoTo(p.sheet, p.range)}
                    >
                      {p.ref}
                    </Button>
                  ) : (
                    p.ref
                  )}
                </TableCell>
                <TableCell lang="sv">{p.evidence}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollBox>
    </section>
  );
}
