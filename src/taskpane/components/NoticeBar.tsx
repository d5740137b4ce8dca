import { type Lang, t } from "../strings";
import type { Notice } from "../useFinsam";
import { MessageBox } from "./MessageBox";

/**
 * A notice with its dismiss button: at the top of the pane, or beside the action that made it. The
 * button is the dismiss icon, named for screen readers, so at 350 px the text keeps the width.
 */
export function NoticeBar({ notice, lang, onDismiss }: { notice: Notice; lang: Lang; onDismiss: () => void }) {
  return (
    <MessageBox intent={notice.intent} dismiss={{ label: t(lang, "dismiss"), onDismiss }}>
      {notice.message[lang]}
    </MessageBox>
  );
}
