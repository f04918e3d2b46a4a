// Original file: exchange.proto

export interface RedactionCount {
  type?: string;
  count?: number;
}

export interface RedactionCount__Output {
  type: string;
  count: number;
}
