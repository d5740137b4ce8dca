import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { t, type Lang } from "../i18n";
import type { Notice } from "../useFinsam";

/** A notice with its dismiss button: at the top of the pane, or beside the action that made it. */
export function NoticeBar({ notice, lang, onDismiss }: { notice: Notice; lang: Lang; onDismiss: () => void }) {
  return (
    <MessageBar intent={notice.intent} layout="multiline">
      <MessageBarBody>{notice.message[lang]}</MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" size="small" onClick={onDismiss}>
            {t(lang, "dismiss")}
          </Button>
        }
      />
    </MessageBar>
  );
}
