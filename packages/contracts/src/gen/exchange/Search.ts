// Original file: exchange.proto

export interface Search {
  query?: string;
  domains?: string[];
  top_k?: number;
}

export interface Search__Output {
  query: string;
  domains: string[];
  top_k: number;
}
