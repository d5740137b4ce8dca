import { Button } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { type Lang, t } from "../strings";
import { useViewStyles } from "./styles";

/** A view's action and Ångra beside it: every write the pane makes is one step Ångra takes back. */
export function ActionRow(props: {
  lang: Lang;
  busy: boolean;
  canUndo: boolean;
  onUndo: () => void;
  /** The action's buttons, the primary first. */
  children: ReactNode;
}) {
  const view = useViewStyles();
  return (
    <div className={view.actions}>
      {props.children}
      <Button disabled={props.busy || !props.canUndo} onClick={props.onUndo}>
        {t(props.lang, "undo")}
      </Button>
    </div>
  );
}
