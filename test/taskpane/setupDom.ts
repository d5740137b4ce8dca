/** What jsdom lacks and Fluent UI or the engine use: matchMedia, ResizeObserver, TextEncoder/Decoder. */
import { TextDecoder, TextEncoder } from "node:util";

const g = globalThis as Record<string, unknown>;
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;

if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

if (!("ResizeObserver" in window)) {
  g.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

/**
 * jsdom lays nothing out, so its offsetParent is always null, and tabster (Fluent's keyboard
 * navigation: arrow keys in a TabList, Tab between groups) takes every element for display:none.
 * As a browser does: null only inside a hidden or display:none element.
 */
Object.defineProperty(HTMLElement.prototype, "offsetParent", {
  configurable: true,
  get(this: HTMLElement) {
    for (let e: HTMLElement | null = this; e; e = e.parentElement) {
      if (e.hidden || window.getComputedStyle(e).display === "none") return null;
    }
    return this.parentElement ?? document.body;
  },
});

/** tabster also takes a page whose <body> measures 0 × 0 for one in a hidden frame: give it a pane's size. */
HTMLBodyElement.prototype.getBoundingClientRect = function (): DOMRect {
  return { x: 0, y: 0, top: 0, left: 0, width: 400, height: 800, right: 400, bottom: 800, toJSON: () => ({}) };
};

/** jsdom's Blob (and so File) has no arrayBuffer(); a browser's has. */
if (typeof Blob.prototype.arrayBuffer !== "function") {
  Blob.prototype.arrayBuffer = function (this: Blob): Promise<ArrayBuffer> {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(this);
    });
  };
}

// A whole pane renders and analyses a real workbook in each test: on a busy 2-core machine that can pass
// jest's 5 s default with nothing wrong. The tests wait for what the user sees, never for a time.
jest.setTimeout(30_000);

/**
 * jsdom lays nothing out, so every width is 0, and Fluent's overflow (the pane's tabs) would take a tab
 * list of 0 px for too narrow to show more than two tabs. As a pane of ordinary width: a tab list is wide
 * enough for its tabs (the e2e test measures real widths, 320–500 px, in Chromium).
 */
Object.defineProperty(HTMLElement.prototype, "clientWidth", {
  configurable: true,
  get(this: HTMLElement) {
    return this.getAttribute("role") === "tablist" ? 1000 : 0;
  },
});
