import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { type Lang, t } from "../strings";
import type { Notice } from "../useFinsam";

/** A dismiss cross drawn as Fluent's Dismiss icon is: a plain SVG, where the icon package would add to the first load. */
const DismissIcon = () => (
  <svg width="1em" height="1em" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
    <path d="M4.5 4.5l11 11m0-11-11 11" stroke="currentColor" strokeLinecap="round" />
  </svg>
);

/**
 * A notice with its dismiss button: at the top of the pane, or beside the action that made it. The
 * button is the dismiss icon, named for screen readers, so at 350 px the text keeps the width.
 */
export function NoticeBar({ notice, lang, onDismiss }: { notice: Notice; lang: Lang; onDismiss: () => void }) {
  return (
    <MessageBar intent={notice.intent} layout="multiline">
      <MessageBarBody>{notice.message[lang]}</MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            size="small"
            icon={<DismissIcon />}
            aria-label={t(lang, "dismiss")}
            title={t(lang, "dismiss")}
            onClick={onDismiss}
          />
        }
      />
    </MessageBar>
  );
}
