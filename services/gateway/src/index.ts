// @pagi/gateway's public API: the gateway's HTTP app, for in-process use (benchmarks).
export { buildGatewayApp } from './http/gateway-app.ts';
