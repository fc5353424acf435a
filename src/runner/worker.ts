// Piscina worker: each thread loads the plug-ins it needs once and processes one file per task.
import { tuneAsParent } from "../core/tiering.js";

tuneAsParent();

export { processFile as default } from "./process-file.js";
