import type { TemplateRegistry } from '@pagi/agents';
import type { FastifyInstance } from 'fastify';

/** Agents over HTTP: the templates this twin knows, and the files that did not load (with why). */
export function registerAgentRoutes(app: FastifyInstance, templates: TemplateRegistry): void {
  app.get('/api/agents/templates', async () => templates.list());
}
