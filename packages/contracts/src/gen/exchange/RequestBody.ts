// Original file: exchange.proto

import type {
  ListOffers as _exchange_ListOffers,
  ListOffers__Output as _exchange_ListOffers__Output,
} from '../exchange/ListOffers.ts';
import type { Revoke as _exchange_Revoke, Revoke__Output as _exchange_Revoke__Output } from '../exchange/Revoke.ts';
import type { Search as _exchange_Search, Search__Output as _exchange_Search__Output } from '../exchange/Search.ts';
import type { Share as _exchange_Share, Share__Output as _exchange_Share__Output } from '../exchange/Share.ts';
import type {
  Subscribe as _exchange_Subscribe,
  Subscribe__Output as _exchange_Subscribe__Output,
} from '../exchange/Subscribe.ts';

export interface RequestBody {
  from?: string;
  from_twin?: string;
  to?: string;
  sent_at_ms?: number | string;
  nonce?: string;
  share?: _exchange_Share | null;
  revoke?: _exchange_Revoke | null;
  search?: _exchange_Search | null;
  subscribe?: _exchange_Subscribe | null;
  list_offers?: _exchange_ListOffers | null;
  kind?: 'share' | 'revoke' | 'search' | 'subscribe' | 'list_offers';
}

export interface RequestBody__Output {
  from: string;
  from_twin: string;
  to: string;
  sent_at_ms: number;
  nonce: string;
  share?: _exchange_Share__Output | null;
  revoke?: _exchange_Revoke__Output | null;
  search?: _exchange_Search__Output | null;
  subscribe?: _exchange_Subscribe__Output | null;
  list_offers?: _exchange_ListOffers__Output | null;
  kind?: 'share' | 'revoke' | 'search' | 'subscribe' | 'list_offers';
}
