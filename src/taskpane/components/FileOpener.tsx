import { Body1, Button, Caption1, Label, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { type Lang, t } from "../strings";
import { useViewStyles } from "./styles";

export interface FileOpenerProps {
  readonly lang: Lang;
  readonly busy: boolean;
  readonly fileName: string | undefined;
  readonly canDownload: boolean;
  readonly onOpenExample: () => void;
  readonly onOpenFile: (bytes: Uint8Array, fileName: string) => void;
  readonly onDownload: () => void;
}

const useStyles = makeStyles({
  box: {
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  field: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  file: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    maxWidth: "100%",
  },
});

/** In a plain browser: open the example workbook or one the user picks, and download the annotated copy. */
export function FileOpener({
  lang,
  busy,
  fileName,
  canDownload,
  onOpenExample,
  onOpenFile,
  onDownload,
}: FileOpenerProps) {
  const styles = useStyles();
  const view = useViewStyles();
  const inputId = useId();
  return (
    <section className={mergeClasses(view.section, styles.box)} aria-label={t(lang, "workbookHeading")}>
      <Body1 as="p" className={view.heading}>
        {fileName ? t(lang, "openedFile", { name: fileName }) : t(lang, "browserIntro")}
      </Body1>
      <div className={view.actions}>
        <Button
          size={fileName ? "small" : "medium"}
          appearance={fileName ? "secondary" : "primary"}
          disabled={busy}
          onClick={onOpenExample}
        >
          {t(lang, "openExample")}
        </Button>
        {canDownload && (
          <Button size="small" disabled={busy} onClick={onDownload}>
            {t(lang, "download")}
          </Button>
        )}
      </div>
      <div className={styles.field}>
        <Label htmlFor={inputId} weight="semibold">
          {t(lang, "pickFile")}
        </Label>
        <input
          id={inputId}
          className={styles.file}
          type="file"
          // .xls and .xlsb are taken too, so that the user is told how to save them as .xlsx.
          accept=".xlsx,.xlsm,.xls,.xlsb,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12"
          disabled={busy}
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            if (!file) return;
            void file.arrayBuffer().then((buffer) => {
              onOpenFile(new Uint8Array(buffer), file.name);
              input.value = "";
            });
          }}
        />
      </div>
      {canDownload && (
        <Caption1 as="p" className={view.caption}>
          {t(lang, "downloadHelp")}
        </Caption1>
      )}
    </section>
  );
}
