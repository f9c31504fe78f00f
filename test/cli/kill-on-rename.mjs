// Test hook, loaded with `node --import`: the process kills itself with SIGKILL at its third
// rename, when the temporary file of the third generated file is written and not yet renamed,
// as `kill -9` in the middle of a write leaves things.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";

const rename = fs.renameSync;
let renames = 0;
fs.renameSync = (...args) => {
  if (++renames === 3) process.kill(process.pid, "SIGKILL");
  return rename(...args);
};
// The write stage imports renameSync by name: make that binding the patched one too.
syncBuiltinESMExports();
