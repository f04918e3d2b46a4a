// @pagi/telemetry's public API: the pieces of the service, for in-process use (the gateway's tests).

export { TELEMETRY_ROUTE_ACCESS, telemetryAccess } from './http/route-access.ts';
export { buildTelemetryApp } from './http/telemetry-app.ts';
export { MediaStore } from './media/media-store.ts';
export { readHostSample } from './sampler/host-reader.ts';
export { SharedSampler } from './sampler/shared-sampler.ts';
