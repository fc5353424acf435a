// What starting an emulator returns, and the options both emulators share.
import type { Delivery, EmulatorServer, Handler, RequestLogEntry } from "./http-kit.js";
import type { Recording } from "./recording.js";

export interface EmulatorOptions {
  /** The only API key the emulator accepts. */
  apiKey?: string;
  /** GETs of a job before it reaches its final state (default 2: queued, processing, then done). */
  pollsBeforeDone?: number;
  /** Port on 127.0.0.1 (default 0: any free port). */
  port?: number;
  recording?: Recording;
}

export interface Emulator {
  url: string;
  port: number;
  apiKey: string;
  /** Every request received, in order, with the status answered and the error message if any. */
  requests: RequestLogEntry[];
  /** Responses/callbacks that broke the spec and operations the emulator does not support: must stay empty. */
  violations: string[];
  /** Callback/webhook deliveries attempted (only loopback receivers are contacted). */
  deliveries: Delivery[];
  waitForDeliveries(count: number): Promise<Delivery[]>;
  close(): Promise<void>;
}

export async function startEmulator(server: EmulatorServer, handlers: Record<string, Handler>, apiKey: string, port?: number): Promise<Emulator> {
  server.addHandlers(handlers);
  await server.listen(port);
  return {
    url: server.url,
    port: server.port,
    apiKey,
    requests: server.requests,
    violations: server.violations,
    deliveries: server.deliveries,
    waitForDeliveries: (count) => server.waitForDeliveries(count),
    close: () => server.close(),
  };
}
