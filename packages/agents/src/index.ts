// The twin's agents: `TemplateRegistry` knows every agent template (config/agents/ and the fleet's), `parseTemplate`
// checks one.
export { parseTemplate, readTemplate } from './templates/template-file.ts';
export { TemplateRegistry, type TemplateSource } from './templates/template-registry.ts';
