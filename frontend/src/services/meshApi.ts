import { FleetList, MeshStatus } from '@pagi/contracts';
import { getJson } from './http.ts';

export const getMeshStatus = (signal?: AbortSignal) => getJson('/api/phoenix/status', MeshStatus, { signal });
export const getFleet = (signal?: AbortSignal) => getJson('/api/phoenix/fleet', FleetList, { signal });
