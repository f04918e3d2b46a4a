// Original file: orchestrator.proto

import type {
  AgentTemplateInfo as _orchestrator_AgentTemplateInfo,
  AgentTemplateInfo__Output as _orchestrator_AgentTemplateInfo__Output,
} from '../orchestrator/AgentTemplateInfo.ts';
import type {
  TemplateError as _orchestrator_TemplateError,
  TemplateError__Output as _orchestrator_TemplateError__Output,
} from '../orchestrator/TemplateError.ts';

export interface ListAgentTemplatesResponse {
  templates?: _orchestrator_AgentTemplateInfo[];
  errors?: _orchestrator_TemplateError[];
}

export interface ListAgentTemplatesResponse__Output {
  templates: _orchestrator_AgentTemplateInfo__Output[];
  errors: _orchestrator_TemplateError__Output[];
}
