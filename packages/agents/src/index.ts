// The twin's agents: `TemplateRegistry` knows every agent template (config/agents/ and the fleet's), `parseTemplate`
// checks one; `PlaybookStore` keeps playbooks as versioned YAML files, made from a run's steps that worked and filled
// in with parameters; `nextFire` reads a schedule's cron expression in its time zone.
export { parameterize, renderPlaybook, stepsThatWorked } from './playbooks/playbook-params.ts';
export { PlaybookStore, readPlaybook } from './playbooks/playbook-store.ts';
export { checkSchedule, firesBetween, nextFire } from './schedules/cron.ts';
export { parseTemplate, readTemplate } from './templates/template-file.ts';
export { TemplateRegistry, type TemplateSource } from './templates/template-registry.ts';
