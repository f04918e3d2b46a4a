// Original file: exchange.proto

export interface Subscribe {
  topic?: string;
}

export interface Subscribe__Output {
  topic: string;
}
