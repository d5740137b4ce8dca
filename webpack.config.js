/* eslint-disable no-undef */
// Builds the task pane and the ribbon commands into dist/, in the style of Microsoft's office-addin templates.
// `npm run build` (production) must work offline: nothing here touches the network or the dev certificates.

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

/** Where `npm run dev-server` serves the add-in; manifest.xml points here. */
const DEV_URL = "https://localhost:3000/";
/** The address a production build refuses: it stood here before the origin became a setting. */
const PLACEHOLDER_URL = "https://finsam-budget.example.se/";

/**
 * Where the production add-in is hosted, from FINSAM_ORIGIN (the environment, or `--env FINSAM_ORIGIN=…`):
 * every address in dist/manifest.xml follows it. A production build without one, or with the
 * placeholder, stops with a Swedish message (docs/driftsattning.md says what to give).
 */
/** A build stopped for a reason the person building can mend: the Swedish sentence, no stack trace. */
function buildStop(message) {
  const error = new Error(message);
  error.stack = message;
  return error;
}

function productionOrigin(env) {
  const given = (env && env.FINSAM_ORIGIN) || process.env.FINSAM_ORIGIN;
  const example = "till exempel FINSAM_ORIGIN=https://tillagg.region.se/finsam/ npm run build";
  if (!given) {
    throw buildStop(`FINSAM_ORIGIN saknas: ange adressen där tillägget ska ligga, ${example}.`);
  }
  let url;
  try {
    url = new URL(given);
  } catch {
    throw buildStop(`FINSAM_ORIGIN (${given}) är ingen adress: ange en hel adress, ${example}.`);
  }
  if (url.protocol !== "https:") {
    throw buildStop(`FINSAM_ORIGIN (${given}) måste börja med https://: Office läser bara tillägg över HTTPS.`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw buildStop(`FINSAM_ORIGIN (${given}) får inte ha frågor, ankare eller inloggning: bara servern och mappen.`);
  }
  const origin = url.href.endsWith("/") ? url.href : `${url.href}/`;
  if (origin === PLACEHOLDER_URL) {
    throw buildStop(`FINSAM_ORIGIN är platshållaren ${PLACEHOLDER_URL}: ange er egen adress, ${example}.`);
  }
  return origin;
}

/**
 * Office.js is not part of the build: taskpane.html and commands.html load it from the Office CDN
 * (https://appsforoffice.microsoft.com/lib/1/hosted/office.js), as Microsoft's templates do and as
 * "Referencing the Office JavaScript API library" requires (a copy is for development only, and
 * AppSource requires the CDN). The build itself stays offline: the CDN address is only text in the pages.
 */
const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The initial JavaScript the task pane may load before `webpack` warns. */
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
  const origin = dev ? DEV_URL : productionOrigin(env);

  const config = {
    // Source maps in development only: a production build publishes no map (nothing in dist/ to leave out).
    devtool: dev ? "source-map" : false,
    // Rebuilds (the test suite builds every run) reuse node_modules/.cache; the output is the same.
    cache: { type: "filesystem", buildDependencies: { config: [__filename] } },
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // In production a file's name carries a hash of its content, so a host may cache it for a year and
      // an update is a new name (docs/driftsattning.md); the pages and the manifest keep their names.
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      // Chunks loaded on demand (the xlsx chunk of the browser mode) keep their names before the hash.
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
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
          // What the chunks loaded on demand (analys, followup, xlsx) have in common, in one copy, so a
          // class (Decimal, WorkbookError) is one class whichever chunk loaded it first: a chunk per set
          // of chunks sharing modules, named after them ("followup~xlsx"), so the analysis never loads ExcelJS.
          shared: {
            chunks: "async",
            minChunks: 2,
            enforce: true,
            name: (module, chunks) =>
              chunks
                .map((chunk) => chunk.name)
                .sort()
                .join("~"),
          },
        },
      },
    },
    performance: {
      hints: dev ? false : "warning",
      maxAssetSize: PERFORMANCE_BUDGET_BYTES,
      maxEntrypointSize: PERFORMANCE_BUDGET_BYTES,
      // The xlsx chunk (ExcelJS, the file port) is loaded only in a plain browser, never inside Excel.
      // So is its Web Worker (xlsx-worker.js, ExcelJS reading the file under a time budget), and the
      // Uppföljning chunk (the SIE reader, iconv-lite), when that tab is first opened.
      assetFilter: (file) => file.endsWith(".js") && !/^(xlsx|xlsx-worker|followup)[.~]|~(xlsx|followup)\./.test(file),
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
      // The ribbon's Analysera shows why it wrote nothing here, in Office's dialog (src/commands/commands.ts).
      new HtmlWebpackPlugin({
        filename: "notice.html",
        template: "./src/commands/notice.html",
        chunks: [],
      }),
      new HtmlWebpackPlugin({
        filename: "help.html",
        template: "./src/help/help.html",
        chunks: [],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // The pages' two small scripts of their own, ES5 as written (files, not inline: the host's CSP).
          { from: "src/taskpane/webview-check.js", to: "[name][ext]" },
          { from: "src/commands/notice.js", to: "[name][ext]" },
          // The pane in a plain browser opens it with "Öppna exempelarbetsboken".
          { from: "assets/exempel-budget.xlsx", to: "assets/[name][ext]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : content.toString().split(DEV_URL).join(origin);
            },
          },
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
module.exports.PLACEHOLDER_URL = PLACEHOLDER_URL;
module.exports.productionOrigin = productionOrigin;
module.exports.OFFICE_JS_URL = OFFICE_JS_URL;
