import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  mergeClasses,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { ScrollBox } from "./ScrollBox";
import { useViewStyles } from "./styles";

/** A column: its heading, and whether it holds amounts (right-aligned, tabular figures, never wrapped). */
export interface MoneyColumn {
  readonly header: ReactNode;
  readonly numeric?: boolean;
}

export interface MoneyRow {
  readonly key: string;
  readonly cells: readonly ReactNode[];
  /** A total: in bold. */
  readonly total?: boolean;
}

/**
 * A table of amounts, named by the heading with id `labelledBy`, in a box of its own that scrolls
 * sideways where the pane is narrower than the table, never the whole pane.
 */
export function MoneyTable(props: {
  labelledBy: string;
  columns: readonly MoneyColumn[];
  rows: readonly MoneyRow[];
  /** A small table, or the compact type for four columns and more in 350 px. */
  compact?: boolean;
}) {
  const view = useViewStyles();
  const { columns } = props;
  return (
    <ScrollBox labelledBy={props.labelledBy}>
      <Table
        size={props.compact ? "extra-small" : "small"}
        className={props.compact ? view.compact : view.table}
        aria-labelledby={props.labelledBy}
      >
        <TableHeader>
          <TableRow>
            {columns.map((c, i) => (
              <TableHeaderCell key={i} className={c.numeric ? view.headerNumber : undefined}>
                {c.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.rows.map((row) => (
            <TableRow key={row.key} className={row.total ? view.total : undefined}>
              {row.cells.map((cell, i) => (
                <TableCell key={i} className={mergeClasses(columns[i]?.numeric && view.number)}>
                  {cell}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollBox>
  );
}
