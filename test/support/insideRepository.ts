// The repository stands alone: a test reads its files from the repository (and its own temporary
// files), never from beside it (../shared). Every read through node:fs outside those places throws.
import fs from "node:fs";
import { tmpdir } from "node:os";
import { resolve, sep } from "node:path";

const ROOT = resolve(__dirname, "../..");
const ALLOWED = [ROOT, resolve(tmpdir()), "/tmp", "/dev"].map((dir) => dir + sep);

/** The team's sources beside the repository: never read, even where the clone lies in a temporary folder. */
const SHARED = resolve(ROOT, "../shared") + sep;

/** Whether a test may read this path: the repository, a temporary folder, a device; never ../shared. */
export function readable(path: unknown): boolean {
  if (typeof path !== "string" && !(path instanceof URL)) return true; // a file descriptor
  const full = resolve(path instanceof URL ? path.pathname : path) + sep;
  if (full.startsWith(SHARED)) return false;
  return ALLOWED.some((dir) => full.startsWith(dir));
}

const exists = fs.existsSync;

/**
 * The read, refused where the path is outside and there: the refusal thrown, rejected or passed to the
 * callback as the original would fail. A path outside that does not exist fails as it would anyway
 * (webpack and jest look for package.json files up the tree).
 */
function guard<T extends (...args: never[]) => unknown>(
  name: string,
  read: T,
  style: "sync" | "promise" | "callback",
): T {
  return function (this: unknown, ...args: Parameters<T>) {
    if (!readable(args[0]) && exists(args[0] as unknown as string)) {
      const error = Object.assign(
        new Error(`${name}(${String(args[0])}): outside the repository; copy what the test needs into test/fixtures`),
        { code: "EACCES" },
      );
      if (style === "promise") return Promise.reject(error);
      const callback = args[args.length - 1] as unknown;
      if (style === "callback" && typeof callback === "function") {
        process.nextTick(() => (callback as (e: Error) => void)(error));
        return undefined;
      }
      throw error;
    }
    return read.apply(this, args);
  } as T;
}

const SYNC = ["readFileSync", "openSync", "readdirSync", "createReadStream"] as const;
const CALLBACK = ["readFile", "open", "readdir"] as const;
const target = fs as unknown as Record<string, (...args: never[]) => unknown>;
const promises = fs.promises as unknown as Record<string, (...args: never[]) => unknown>;
const wrap = (
  on: Record<string, (...args: never[]) => unknown>,
  name: string,
  label: string,
  style: "sync" | "promise" | "callback",
) => {
  if (!(on[name] as { guarded?: boolean }).guarded) {
    on[name] = Object.assign(guard(label, on[name]!, style), { guarded: true });
  }
};
for (const name of SYNC) wrap(target, name, `fs.${name}`, "sync");
for (const name of CALLBACK) wrap(target, name, `fs.${name}`, "callback");
for (const name of CALLBACK) wrap(promises, name, `fs.promises.${name}`, "promise");
