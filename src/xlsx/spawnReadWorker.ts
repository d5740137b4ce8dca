/**
 * The pane's reading worker (readGrid.worker.ts). Apart from readInWebWorker.ts because only webpack
 * understands `new Worker(new URL(…, import.meta.url))`: it bundles the worker as xlsx-worker.js.
 */
import type { ReadWorker } from "./readInWebWorker";

export function spawnReadWorker(): ReadWorker {
  return new Worker(/* webpackChunkName: "xlsx-worker" */ new URL("./readGrid.worker.ts", import.meta.url));
}
