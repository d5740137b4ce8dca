/**
 * What the user chooses and keeps in the workbook, each one undoable step through the core: the
 * settings, the named scenarios, and the board sheet made from them. Each calls its app/ use case.
 */
import { useCallback, useMemo } from "react";
import type { Message, Scenario } from "../domain";
import { both, type Lang } from "./strings";
import type { PaneCore } from "./paneCore";
import { loadEngine } from "./loadEngine";
import type { SettingsDraft } from "./settingsDraft";

export function useSettingsWrites(core: PaneCore) {
  const { port, status, run, analyseOn, sessionSettings, setSessionSettings, setNotice, unit, clock } = core;
  const saveSettings = useCallback(
    async (draft: SettingsDraft): Promise<Readonly<Record<string, true>> | undefined> => {
      if (!port) return undefined;
      const { defaultSettings, saveSettings: saveSettingsTo, settingsFromDraft, settingsToSave } = await loadEngine();
      const checked = settingsFromDraft(draft, status.kind === "ok" ? status.analysis.settings : defaultSettings());
      if (!checked.ok) return checked.errors;
      const settings = checked.value;
      await run(
        "writing",
        async () => {
          const session = await saveSettingsTo(port, settingsToSave(draft, settings));
          setSessionSettings(session);
          await analyseOn(port, true, session);
          setNotice({
            intent: "success",
            message: both("saved"),
          });
        },
        both("failSave"),
      );
      return undefined;
    },
    [port, status, run, analyseOn],
  );

  const saveScenarios = useCallback(
    async (named: readonly Scenario[], notice: Message): Promise<boolean> => {
      if (!port || status.kind !== "ok") return false;
      const current = status.analysis.settings;
      let done = false;
      await run(
        "writing",
        async () => {
          const { saveScenarios: saveScenariosTo } = await loadEngine();
          const session = await saveScenariosTo(port, { current, named, session: sessionSettings });
          setSessionSettings(session);
          await analyseOn(port, true, session);
          setNotice({ intent: "success", message: notice });
          done = true;
        },
        both("plan.failSave"),
      );
      return done;
    },
    [port, status, run, analyseOn, sessionSettings],
  );

  const createBoard = useCallback(
    async (scenarios: readonly Scenario[]) => {
      if (!port || status.kind !== "ok" || scenarios.length === 0) return;
      const outcome = status;
      await run(
        "writing",
        async () => {
          const { createBoardOfScenarios } = await loadEngine();
          const onPage = await createBoardOfScenarios(port, { outcome, scenarios, unit }, clock);
          const names = (lang: Lang) =>
            new Intl.ListFormat(lang === "sv" ? "sv-SE" : "en-GB").format(
              onPage.map((name) => (lang === "sv" ? `”${name}”` : `“${name}”`)),
            );
          setNotice({
            intent: "success",
            message: {
              sv: both("plan.boardDone", { names: names("sv") }).sv,
              en: both("plan.boardDone", { names: names("en") }).en,
            },
            at: "board",
          });
        },
        both("plan.failBoard"),
        "board",
      );
    },
    [port, status, run, unit, clock],
  );

  return useMemo(() => ({ saveSettings, saveScenarios, createBoard }), [saveSettings, saveScenarios, createBoard]);
}
