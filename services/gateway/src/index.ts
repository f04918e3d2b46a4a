// @pagi/gateway's public API: the gateway's HTTP app, for in-process use (benchmarks).

export { GATEWAY_ROUTE_ACCESS, gatewayAccess } from './auth/route-access.ts';
export { buildGatewayApp } from './http/gateway-app.ts';
