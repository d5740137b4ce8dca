import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Decimal, type ScenarioPlan } from "../../domain";
import { type Lang, t } from "../strings/withPlan";
import type { PaneFormat } from "../paneFormat";

export interface EquityChartProps {
  /** The compared scenarios' plans (at most three), named as on screen; the first gives the maximum. */
  readonly plans: readonly ScenarioPlan[];
  readonly fmt: PaneFormat;
}

/** The drawing's own units; the SVG scales to the pane's width. */
const W = 360;
const H = 210;
const M = { left: 76, right: 14, top: 12, bottom: 26 };

/** Each scenario's line: a dash pattern and a marker shape of its own, so colour is never the only difference. */
const DASHES = [undefined, "7 4", "2 3"] as const;
const SHAPES = ["circle", "square", "triangle"] as const;
const MAX_DASH = "9 3 2 3";

const useStyles = makeStyles({
  figure: { margin: 0 },
  svg: {
    display: "block",
    width: "100%",
    height: "auto",
    fontFamily: tokens.fontFamilyBase,
    overflow: "visible",
  },
  axisText: { fill: tokens.colorNeutralForeground2, fontSize: "10px" },
  // Dotted, so that where every colour is the same (high contrast) the grid is not taken for a line.
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1, strokeDasharray: "1 3" },
  zero: { stroke: tokens.colorNeutralForeground1, strokeWidth: 1.5 },
  max: { stroke: tokens.colorPaletteDarkOrangeForeground1, strokeWidth: 2, fill: "none" },
  line: { fill: "none", strokeWidth: 2.5, strokeLinejoin: "round" },
  s0: { stroke: tokens.colorBrandForeground1, fill: tokens.colorBrandForeground1 },
  s1: { stroke: tokens.colorPaletteBerryForeground1, fill: tokens.colorPaletteBerryForeground1 },
  s2: { stroke: tokens.colorPaletteTealForeground2, fill: tokens.colorPaletteTealForeground2 },
  below: { stroke: tokens.colorPaletteRedForeground1, strokeWidth: 2, fill: "none" },
  above: { stroke: tokens.colorPaletteDarkOrangeForeground1, strokeWidth: 2, fill: "none" },
  legend: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
  },
  legendItem: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  swatch: { flexShrink: 0, width: "28px", height: "12px", overflow: "visible" },
});

const SERIES = ["s0", "s1", "s2"] as const;

/** A marker's path, centred on (x, y). */
function marker(shape: (typeof SHAPES)[number], x: number, y: number, r = 3.5): string {
  switch (shape) {
    case "circle":
      return `M${n(x - r)} ${n(y)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;
    case "square":
      return `M${n(x - r)} ${n(y - r)}h${2 * r}v${2 * r}h${-2 * r}Z`;
    case "triangle":
      return `M${n(x)} ${n(y - r - 1)}L${n(x + r + 0.5)} ${n(y + r)}L${n(x - r - 0.5)} ${n(y + r)}Z`;
  }
}

const ring = (x: number, y: number, r = 7) =>
  `M${n(x - r)} ${n(y)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;
const diamond = (x: number, y: number, r = 8) =>
  `M${n(x)} ${n(y - r)}L${n(x + r)} ${n(y)}L${n(x)} ${n(y + r)}L${n(x - r)} ${n(y)}Z`;

/** A coordinate in the drawing, to a tenth of a unit. */
const n = (v: number) => Math.round(v * 10) / 10;

/** Round steps for the amount axis: 1, 2, 2,5 or 5 × a power of ten, about four of them. */
function ticks(lo: number, hi: number): number[] {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const out: number[] = [];
  for (let v = Math.floor(lo / step) * step; v <= hi + step / 1000; v += step) out.push(Math.round(v / step) * step);
  if (out[out.length - 1]! < hi) out.push(out[out.length - 1]! + step);
  return out;
}

/**
 * Closing equity per compared scenario over the plan years, against the recommended maximum and zero:
 * an inline SVG (role="img", its aria-label says every number), a legend, colours from Fluent's tokens
 * only, and each line with its own dash pattern and marker. A year below zero is ringed, a year above
 * the maximum gets a diamond.
 */
export function EquityChart({ plans, fmt }: EquityChartProps) {
  const styles = useStyles();
  const { lang } = fmt;
  const first = plans[0];
  if (!first) return null;
  const years = first.years.map((y) => y.year);
  const maxes = first.years.map((y) => y.maxEquity.toNumber());
  const series = plans.map((p) => years.map((year) => p.years.find((y) => y.year === year)?.closingEquity));
  const all = [0, ...maxes, ...series.flatMap((s) => s.flatMap((v) => (v ? [v.toNumber()] : [])))];
  const axis = ticks(Math.min(...all), Math.max(...all));
  const lo = axis[0]!;
  const hi = axis[axis.length - 1]!;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const pad = years.length > 1 ? 14 : plotW / 2;
  const x = (i: number) => M.left + pad + (years.length > 1 ? (i * (plotW - 2 * pad)) / (years.length - 1) : 0);
  const y = (v: number) => M.top + plotH - ((v - lo) / (hi - lo || 1)) * plotH;
  const line = (values: readonly (number | undefined)[]) =>
    values
      .map((v, i) =>
        v === undefined ? "" : `${i === 0 || values[i - 1] === undefined ? "M" : "L"}${n(x(i))} ${n(y(v))}`,
      )
      .join("");

  const maxName = plans.length > 1 ? t(lang, "plan.maxLineOf", { name: first.scenario.name }) : t(lang, "plan.maxLine");
  const summary = chartSummary(plans, fmt, maxName);

  const alerts = plans.flatMap((p, s) =>
    p.years.flatMap((py): { key: string; kind: "below" | "above"; d: string }[] => {
      const i = years.indexOf(py.year);
      const v = py.closingEquity.toNumber();
      if (py.closingEquity.isNegative() && !py.closingEquity.isZero())
        return [{ key: `b${s}-${i}`, kind: "below", d: ring(x(i), y(v)) }];
      if (py.closingEquity.greaterThan(py.maxEquity))
        return [{ key: `a${s}-${i}`, kind: "above", d: diamond(x(i), y(v)) }];
      return [];
    }),
  );

  return (
    <figure className={styles.figure}>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={summary}
        focusable="false"
        data-testid="equity-chart"
      >
        {axis.map((v) => (
          <g key={v}>
            <line className={styles.grid} x1={M.left} x2={W - M.right} y1={n(y(v))} y2={n(y(v))} />
            <text className={styles.axisText} x={M.left - 6} y={n(y(v))} textAnchor="end" dominantBaseline="middle">
              {fmt.money(new Decimal(v))}
            </text>
          </g>
        ))}
        {years.map((year, i) => (
          <text key={year} className={styles.axisText} x={n(x(i))} y={H - 8} textAnchor="middle">
            {year}
          </text>
        ))}
        <path className={styles.zero} data-line="zero" d={`M${M.left} ${n(y(0))}H${W - M.right}`} />
        <path className={styles.max} data-line="max" strokeDasharray={MAX_DASH} d={line(maxes)} />
        {series.map((values, s) => {
          const numbers = values.map((v) => v?.toNumber());
          return (
            <g key={plans[s]!.scenario.id} className={styles[SERIES[s % 3]!]}>
              <path className={styles.line} data-line="scenario" strokeDasharray={DASHES[s % 3]} d={line(numbers)} />
              {numbers.map((v, i) =>
                v === undefined ? null : (
                  <path key={i} data-marker={SHAPES[s % 3]} d={marker(SHAPES[s % 3]!, x(i), y(v))} />
                ),
              )}
            </g>
          );
        })}
        {alerts.map((a) => (
          <path key={a.key} className={styles[a.kind]} data-alert={a.kind} d={a.d} />
        ))}
      </svg>
      <figcaption>
        <ChartLegend plans={plans} maxName={maxName} alerts={alerts} lang={lang} />
      </figcaption>
    </figure>
  );
}

/** What the chart shows in words, every number, for its aria-label. */
function chartSummary(plans: readonly ScenarioPlan[], fmt: PaneFormat, maxName: string): string {
  const { lang } = fmt;
  const first = plans[0]!;
  const years = first.years.map((y) => y.year);
  return t(lang, "plan.chartLabel", {
    first: years[0]!,
    last: years[years.length - 1]!,
    series: [
      ...plans.map((p) => {
        const values = p.years.map((y) =>
          t(lang, "plan.chartValue", { amount: fmt.money(y.closingEquity), year: y.year }),
        );
        const below = p.years
          .filter((y) => y.closingEquity.isNegative() && !y.closingEquity.isZero())
          .map((y) => y.year);
        const above = p.years.filter((y) => y.closingEquity.greaterThan(y.maxEquity)).map((y) => y.year);
        return [
          t(lang, "plan.chartSeries", { name: p.scenario.name, values: values.join(", ") }),
          ...(below.length > 0 ? [t(lang, "plan.chartBelow", { years: below.join(", ") })] : []),
          ...(above.length > 0 ? [t(lang, "plan.chartAbove", { years: above.join(", ") })] : []),
        ].join(" ");
      }),
      t(lang, "plan.chartSeries", {
        name: maxName,
        values: first.years
          .map((y) => t(lang, "plan.chartValue", { amount: fmt.money(y.maxEquity), year: y.year }))
          .join(", "),
      }),
    ].join(" "),
  });
}

/** The legend: each scenario's line and marker, the maximum, zero, and the alert marks that occur. */
function ChartLegend(props: {
  plans: readonly ScenarioPlan[];
  maxName: string;
  alerts: readonly { kind: "below" | "above" }[];
  lang: Lang;
}) {
  const { plans, maxName, alerts, lang } = props;
  const styles = useStyles();
  return (
    <ul className={styles.legend} aria-label={t(lang, "plan.legend")}>
      {plans.map((p, s) => (
        <li key={p.scenario.id} className={styles.legendItem}>
          <svg className={mergeClasses(styles.swatch, styles[SERIES[s % 3]!])} viewBox="0 0 28 12" aria-hidden="true">
            <path className={styles.line} strokeDasharray={DASHES[s % 3]} d="M1 6H27" />
            <path d={marker(SHAPES[s % 3]!, 14, 6)} />
          </svg>
          {p.scenario.name}
        </li>
      ))}
      <li className={styles.legendItem}>
        <svg className={styles.swatch} viewBox="0 0 28 12" aria-hidden="true">
          <path className={styles.max} strokeDasharray={MAX_DASH} d="M1 6H27" />
        </svg>
        {maxName}
      </li>
      <li className={styles.legendItem}>
        <svg className={styles.swatch} viewBox="0 0 28 12" aria-hidden="true">
          <path className={styles.zero} d="M1 6H27" />
        </svg>
        {t(lang, "plan.zeroLine")}
      </li>
      {alerts.some((a) => a.kind === "below") && (
        <li className={styles.legendItem}>
          <svg className={styles.swatch} viewBox="0 0 28 12" aria-hidden="true">
            <path className={styles.below} d={ring(14, 6, 5)} />
          </svg>
          {t(lang, "plan.markerBelow")}
        </li>
      )}
      {alerts.some((a) => a.kind === "above") && (
        <li className={styles.legendItem}>
          <svg className={styles.swatch} viewBox="0 0 28 12" aria-hidden="true">
            <path className={styles.above} d={diamond(14, 6, 5)} />
          </svg>
          {t(lang, "plan.markerAbove")}
        </li>
      )}
    </ul>
  );
}
