// Original file: orchestrator.proto

export interface TemplateError {
  file?: string;
  message?: string;
}

export interface TemplateError__Output {
  file: string;
  message: string;
}
