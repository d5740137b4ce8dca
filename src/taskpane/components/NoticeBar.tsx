import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { type Lang, t } from "../strings";
import type { Notice } from "../useFinsam";

/**
 * A notice with its dismiss button: at the top of the pane, or beside the action that made it. The
 * button is Fluent's dismiss icon, named for screen readers, so at 350 px the text keeps the width.
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
            icon={<DismissRegular />}
            aria-label={t(lang, "dismiss")}
            title={t(lang, "dismiss")}
            onClick={onDismiss}
          />
        }
      />
    </MessageBar>
  );
}
