// The type pass's thread (see type-pass-thread.ts): analyse, post the hints back, exit.
import { parentPort, workerData } from "node:worker_threads";
import { analyseProject } from "../analysis/index.js";
import type { TypePassInput } from "./type-pass-thread.js";

const { root, files, texts } = workerData as TypePassInput;
const hints = await analyseProject(root, files, new Map(texts));
parentPort!.postMessage([...hints]);
