import {
  Body1,
  Caption1,
  Dropdown,
  Field,
  FluentProvider,
  Option,
  Title2,
  makeStyles,
  tokens,
  type Theme,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { DEFAULT_LANG, LANG_NAMES, LANGS, t, type Lang } from "./i18n";

export interface AppProps {
  /** The Fluent theme matching Office's (index.tsx reads Office's theme; components never call Office.js). */
  readonly theme: Theme;
  /** Whether the pane runs inside Excel, or in a plain browser. */
  readonly inExcel: boolean;
  readonly initialLang?: Lang;
}

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  text: {
    margin: 0,
  },
});

export function App({ theme, inExcel, initialLang = DEFAULT_LANG }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  return (
    <FluentProvider theme={theme}>
      <main className={styles.root} aria-labelledby="finsam-title">
        <Title2 as="h1" id="finsam-title" className={styles.text}>
          {t(lang, "title")}
        </Title2>
        <Body1 as="p" className={styles.text}>
          {t(lang, "intro")}
        </Body1>
        <Body1 as="p" className={styles.text}>
          {t(lang, "plan")}
        </Body1>
        <Body1 as="p" className={styles.text}>
          {t(lang, "privacy")}
        </Body1>
        <Caption1 as="p" role="status" className={styles.text}>
          {t(lang, inExcel ? "inExcel" : "outsideExcel")}
        </Caption1>
        <Field label={t(lang, "language")}>
          <Dropdown
            value={LANG_NAMES[lang]}
            selectedOptions={[lang]}
            onOptionSelect={(_, data) => {
              const next = LANGS.find((l) => l === data.optionValue);
              if (next) setLang(next);
            }}
          >
            {LANGS.map((l) => (
              <Option key={l} value={l} lang={l}>
                {LANG_NAMES[l]}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </main>
    </FluentProvider>
  );
}
