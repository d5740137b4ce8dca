/* global document */
// The baseline of `npm run bench` for the task pane: the least a Fluent UI pane can be, a FluentProvider
// and one Button, built by the same webpack config as the real pane (scripts/bench-pane.ts).
import { Button, FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";

const container = document.getElementById("container");
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Button appearance="primary">Analysera</Button>
    </FluentProvider>,
  );
}
