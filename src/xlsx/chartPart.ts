import JSZip from "jszip";
import { sheetRef } from "../grid";
import type { ChartSpec } from "../plan/types";
import { decodeXml, escapeXml } from "./xlsxParts";

/**
 * ExcelJS writes no charts, so the board sheet's line chart (and the
 * follow-up's clustered columns) is added to the
 * saved .xlsx as the three parts Excel itself writes: a chart
 * (DrawingML), a drawing that anchors it on the sheet, and the
 * relationships and content types that tie them in. The chart reads its
 * numbers from the sheet's formulas; the cached values are the engine's.
 */
export async function addChart(xlsx: Uint8Array, sheetName: string, chart: ChartSpec): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const sheetPath = await sheetPathOf(zip, sheetName);
  const n = nextFree(zip, "xl/drawings/drawing", ".xml");
  const c = nextFree(zip, "xl/charts/chart", ".xml");
  const drawingPath = `xl/drawings/drawing${n}.xml`;
  const chartPath = `xl/charts/chart${c}.xml`;

  zip.file(chartPath, chart.kind === "bar" ? barChartXml(sheetName, chart) : chartXml(sheetName, chart));
  zip.file(drawingPath, drawingXml(chart));
  zip.file(
    `xl/drawings/_rels/drawing${n}.xml.rels`,
    relsXml([{ id: "rId1", type: "chart", target: `../charts/chart${c}.xml` }]),
  );

  const sheetFile = sheetPath.split("/").pop()!;
  const sheetRelsPath = `xl/worksheets/_rels/${sheetFile}.rels`;
  const existing = await zip.file(sheetRelsPath)?.async("string");
  const relId = `rIdFinsamChart${n}`;
  const rel = `<Relationship Id="${relId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing${n}.xml"/>`;
  zip.file(sheetRelsPath, existing ? existing.replace("</Relationships>", `${rel}</Relationships>`) : relsXml([], rel));

  const sheetXml = await zip.file(sheetPath)!.async("string");
  // <drawing> goes after the page setup elements and before legacyDrawing, tableParts and extLst.
  const drawing = `<drawing r:id="${relId}"/>`;
  const before =
    /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(
      sheetXml,
    );
  const withDrawing = before
    ? `${sheetXml.slice(0, before.index)}${drawing}${sheetXml.slice(before.index)}`
    : sheetXml.replace("</worksheet>", `${drawing}</worksheet>`);
  zip.file(sheetPath, ensureRelationshipNamespace(withDrawing));

  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      `<Override PartName="/${drawingPath}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
        `<Override PartName="/${chartPath}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`,
    ),
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

async function sheetPathOf(zip: JSZip, sheetName: string): Promise<string> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    if (name === undefined || decodeXml(name) !== sheetName || !id) continue;
    const rel = new RegExp(`<Relationship\\b[^>]*Id="${id}"[^>]*>`).exec(rels)?.[0];
    const target = rel && /\bTarget="([^"]*)"/.exec(rel)?.[1];
    if (target) return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  }
  throw new Error(`Bladet ${sheetName} finns inte i arbetsboken.`);
}

function nextFree(zip: JSZip, prefix: string, suffix: string): number {
  let n = 1;
  while (zip.file(`${prefix}${n}${suffix}`)) n++;
  return n;
}

function ensureRelationshipNamespace(xml: string): string {
  if (/<worksheet\b[^>]*xmlns:r=/.test(xml)) return xml;
  return xml.replace(
    /<worksheet\b/,
    '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  );
}

function relsXml(rels: readonly { id: string; type: string; target: string }[], extra = ""): string {
  const items = rels
    .map(
      (r) =>
        `<Relationship Id="${r.id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${r.type}" Target="${r.target}"/>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}${extra}</Relationships>`;
}

function drawingXml(chart: ChartSpec): string {
  const anchor = (tag: string, at: { column: number; row: number }) =>
    `<xdr:${tag}><xdr:col>${at.column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<xdr:twoCellAnchor>${anchor("from", chart.from)}${anchor("to", chart.to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

/** Line colours: the scenarios in strong colours, a limit dashed (its scenario's colour, else orange), zero grey. */
const COLOURS = ["1F6FB2", "C0392B", "2E8B57"];

function chartXml(sheet: string, chart: ChartSpec): string {
  const years = chart.series[0]?.cache.length ?? 0;
  const series = chart.series
    .map((s, i) => {
      const isMax = s.role === "limit";
      const isZero = s.role === "zero";
      const own = s.group === undefined ? undefined : COLOURS[s.group % COLOURS.length];
      const colour = isZero ? "808080" : isMax ? (own ?? "E67E22") : (own ?? COLOURS[i % COLOURS.length] ?? "1F6FB2");
      const dash = isMax ? `<a:prstDash val="dash"/>` : "";
      const points = s.cache.map((v, k) => `<c:pt idx="${k}"><c:v>${v}</c:v></c:pt>`).join("");
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeXml(sheetRef(sheet, s.nameCell))}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeXml(s.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
        `<c:spPr><a:ln w="${isZero ? 12700 : 28575}"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>${dash}</a:ln></c:spPr>` +
        `<c:marker><c:symbol val="${isZero || isMax ? "none" : "circle"}"/></c:marker>` +
        `<c:cat><c:numRef><c:f>${escapeXml(sheetRef(sheet, chart.categories))}</c:f></c:numRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(sheetRef(sheet, s.values))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${years}"/>${points}</c:numCache></c:numRef></c:val>` +
        `<c:smooth val="0"/></c:ser>`
      );
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}` +
    `<c:marker val="1"/><c:axId val="50010"/><c:axId val="50020"/></c:lineChart>` +
    `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="0" sourceLinked="0"/><c:tickLblPos val="low"/><c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="${escapeXml(chart.axisFormat ?? "#,##0")}" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`
  );
}

/** Budget and forecast: blue and orange bars, one pair a budget line, the lines' labels along the axis. */
const BAR_COLOURS = ["1F6FB2", "E67E22", "2E8B57"];

function barChartXml(sheet: string, chart: ChartSpec): string {
  const labels = chart.categoryLabels ?? [];
  const labelCache = labels.map((l, k) => `<c:pt idx="${k}"><c:v>${escapeXml(l)}</c:v></c:pt>`).join("");
  const categories =
    `<c:cat><c:strRef><c:f>${escapeXml(sheetRef(sheet, chart.categories))}</c:f>` +
    `<c:strCache><c:ptCount val="${labels.length}"/>${labelCache}</c:strCache></c:strRef></c:cat>`;
  const series = chart.series
    .map((s, i) => {
      const points = s.cache.map((v, k) => `<c:pt idx="${k}"><c:v>${v}</c:v></c:pt>`).join("");
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeXml(sheetRef(sheet, s.nameCell))}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeXml(s.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${BAR_COLOURS[i % BAR_COLOURS.length] ?? "1F6FB2"}"/></a:solidFill></c:spPr>` +
        `<c:invertIfNegative val="0"/>${categories}` +
        `<c:val><c:numRef><c:f>${escapeXml(sheetRef(sheet, s.values))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${s.cache.length}"/>${points}</c:numCache></c:numRef></c:val>` +
        `</c:ser>`
      );
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="80"/><c:axId val="50030"/><c:axId val="50040"/></c:barChart>` +
    `<c:catAx><c:axId val="50030"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="low"/><c:crossAx val="50040"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="50040"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="${escapeXml(chart.axisFormat ?? "#,##0")}" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50030"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`
  );
}
