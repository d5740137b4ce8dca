/* eslint-disable no-undef */
// Builds the task pane and the ribbon commands into dist/, in the style of Microsoft's office-addin templates.
// `npm run build` (production) must work offline: nothing here touches the network or the dev certificates.

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

/** Where `npm run dev-server` serves the add-in; manifest.xml points here. */
const DEV_URL = "https://localhost:3000/";
/** Where the production add-in is hosted: the production build writes dist/manifest.xml with this origin. */
const PRODUCTION_URL = "https://finsam-budget.example.se/"; // CHANGE THIS TO THE REAL PRODUCTION LOCATION

/**
 * Office.js is served from our own origin (dist/office-js/), so the add-in loads nothing from a CDN.
 * office.js loads two more files from the folder it was loaded from (see getOfficeJsBasePath in
 * office.debug.js): `<locale>/office_strings.js` for Office's UI language (falling back to en-us), and one
 * host file named `<host>-<platform>-<version>[-core].js`. These are the Excel host files for Windows,
 * the web, Mac and iPad; Excel 2013 and the retired Android and Windows Mobile hosts are left out (the
 * manifest asks for ExcelApi 1.7, which none of them has). o15apptofilemappingtable.js is what office.js
 * loads when it is not inside Office (a plain browser): with it, Office.onReady resolves with no host.
 * Office's telemetry scripts (telemetry/, ariatelemetry/) are deliberately not copied: office.js turns
 * telemetry off when they fail to load, so the add-in sends nothing anywhere.
 * The npm package is a snapshot of Office.js (see its README): update @microsoft/office-js to update it.
 */
const OFFICE_JS_FILES = [
  "office.js",
  "o15apptofilemappingtable.js",
  "excel-win32-16.00.js",
  "excel-win32-16.01.js",
  "excel-win32-16.01-core.js",
  "excel-web-16.00.js",
  "excel-web-16.00-core.js",
  "excel-mac-16.00.js",
  "excel-mac-16.00-core.js",
  "excel-ios-16.00.js",
  "sv-se/office_strings.js",
  "en-us/office_strings.js",
];
const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

/** The initial JavaScript the task pane may load before `webpack` warns (office-js/ excluded). */
const PERFORMANCE_BUDGET_BYTES = 1_000_000;

/** The dev certificates, only when serving: a build must not need them (tests and CI build offline). */
async function getHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);

  const config = {
    devtool: "source-map",
    // Rebuilds (the test suite builds every run) reuse node_modules/.cache; the output is the same.
    cache: { type: "filesystem", buildDependencies: { config: [__filename] } },
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Chunks loaded on demand (the xlsx chunk of the browser mode) keep their names.
      chunkFilename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // iconv-lite (the SIE reader's code page 437) asks for Node's Buffer through safer-buffer: the
      // buffer package stands in for it in the browser. Only the Uppföljning chunk imports it.
      fallback: { buffer: require.resolve("buffer/") },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Types are checked by `npm run typecheck` (tsc --noEmit); the build only transpiles.
            options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: true } },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // No other splitting: the browser mode's chunk (xlsx.js) keeps ExcelJS inside it.
          default: false,
          defaultVendors: false,
          // React and Fluent UI change less often than our code: one vendor chunk for the task pane.
          // The commands page stays a single small file without React.
          vendor: {
            test: /[\\/]node_modules[\\/]/,
            name: "vendor",
            chunks: (chunk) => chunk.name === "taskpane",
            enforce: true,
          },
        },
      },
    },
    performance: {
      hints: dev ? false : "warning",
      maxAssetSize: PERFORMANCE_BUDGET_BYTES,
      maxEntrypointSize: PERFORMANCE_BUDGET_BYTES,
      // The xlsx chunk (ExcelJS, the file port) is loaded only in a plain browser, never inside Excel.
      // So is the Uppföljning chunk (the SIE reader, iconv-lite), when that tab is first opened.
      assetFilter: (file) =>
        file.endsWith(".js") &&
        !file.startsWith("office-js/") &&
        !file.startsWith("xlsx.") &&
        !file.startsWith("followup."),
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["vendor", "taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "help.html",
        template: "./src/help/help.html",
        chunks: [],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // The pane in a plain browser opens it with "Öppna exempelarbetsboken".
          { from: "assets/exempel-budget.xlsx", to: "assets/[name][ext]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : content.toString().split(DEV_URL).join(PRODUCTION_URL);
            },
          },
          ...OFFICE_JS_FILES.map((file) => ({
            from: path.join(OFFICE_JS_DIR, file),
            to: `office-js/${file}`,
            // Microsoft's files as they ship: already minified, and not ours to rewrite.
            info: { minimized: true },
          })),
        ],
      }),
    ],
  };

  if (serving) {
    config.devServer = {
      hot: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await getHttpsOptions() },
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
    };
  }

  return config;
};

module.exports.DEV_URL = DEV_URL;
module.exports.PRODUCTION_URL = PRODUCTION_URL;
module.exports.OFFICE_JS_FILES = OFFICE_JS_FILES;
