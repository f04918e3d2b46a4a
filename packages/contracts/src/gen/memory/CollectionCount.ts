// Original file: memory.proto

export interface CollectionCount {
  name?: string;
  count?: number | string;
}

export interface CollectionCount__Output {
  name: string;
  count: number;
}
