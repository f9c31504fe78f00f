#!/usr/bin/env node
/** The syscallgen command: everything is in the library; this only hands it the arguments. */
import { main } from "./main.js";

process.exitCode = await main(process.argv);
