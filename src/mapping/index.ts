// The mapping contract (../shared/reference/mapping.md) as data: the one place every transform,
// the report and the runtime client read it from.
export * from "./docs.js";
export * from "./rules.js";
export * from "./transport.js";
export * from "./request.js";
export * from "./result.js";
export * from "./sdk.js";
export * from "./dependencies.js";
