// Original file: exchange.proto

import type { Offer as _exchange_Offer, Offer__Output as _exchange_Offer__Output } from '../exchange/Offer.ts';
import type {
  SearchHit as _exchange_SearchHit,
  SearchHit__Output as _exchange_SearchHit__Output,
} from '../exchange/SearchHit.ts';

export interface Response {
  ok?: boolean;
  reason?: string;
  stored?: number;
  duplicates?: number;
  deleted?: number;
  hits?: _exchange_SearchHit[];
  status?: string;
  offers?: _exchange_Offer[];
}

export interface Response__Output {
  ok: boolean;
  reason: string;
  stored: number;
  duplicates: number;
  deleted: number;
  hits: _exchange_SearchHit__Output[];
  status: string;
  offers: _exchange_Offer__Output[];
}
