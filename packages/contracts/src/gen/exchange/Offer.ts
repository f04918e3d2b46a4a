// Original file: exchange.proto

export interface Offer {
  topic?: string;
  domain?: string;
  description?: string;
}

export interface Offer__Output {
  topic: string;
  domain: string;
  description: string;
}
