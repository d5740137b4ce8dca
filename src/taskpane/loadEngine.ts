/**
 * The pane's engine (engine.ts) and its views (views/AnalysedViews.tsx) share one chunk, "analys",
 * loaded on demand: the first screen shows without it, and it is on its way before the user can click.
 */
export const loadEngine = () => import(/* webpackChunkName: "analys" */ "./engine");
