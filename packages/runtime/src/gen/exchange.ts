import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type {
  ListOffers as _exchange_ListOffers,
  ListOffers__Output as _exchange_ListOffers__Output,
} from '@pagi/contracts/gen/exchange/ListOffers.ts';
import type {
  Offer as _exchange_Offer,
  Offer__Output as _exchange_Offer__Output,
} from '@pagi/contracts/gen/exchange/Offer.ts';
import type {
  RedactionCount as _exchange_RedactionCount,
  RedactionCount__Output as _exchange_RedactionCount__Output,
} from '@pagi/contracts/gen/exchange/RedactionCount.ts';
import type {
  RequestBody as _exchange_RequestBody,
  RequestBody__Output as _exchange_RequestBody__Output,
} from '@pagi/contracts/gen/exchange/RequestBody.ts';
import type {
  Response as _exchange_Response,
  Response__Output as _exchange_Response__Output,
} from '@pagi/contracts/gen/exchange/Response.ts';
import type {
  Revoke as _exchange_Revoke,
  Revoke__Output as _exchange_Revoke__Output,
} from '@pagi/contracts/gen/exchange/Revoke.ts';
import type {
  Search as _exchange_Search,
  Search__Output as _exchange_Search__Output,
} from '@pagi/contracts/gen/exchange/Search.ts';
import type {
  SearchHit as _exchange_SearchHit,
  SearchHit__Output as _exchange_SearchHit__Output,
} from '@pagi/contracts/gen/exchange/SearchHit.ts';
import type {
  Share as _exchange_Share,
  Share__Output as _exchange_Share__Output,
} from '@pagi/contracts/gen/exchange/Share.ts';
import type {
  SharedMemory as _exchange_SharedMemory,
  SharedMemory__Output as _exchange_SharedMemory__Output,
} from '@pagi/contracts/gen/exchange/SharedMemory.ts';
import type {
  Subscribe as _exchange_Subscribe,
  Subscribe__Output as _exchange_Subscribe__Output,
} from '@pagi/contracts/gen/exchange/Subscribe.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new (...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  exchange: {
    ListOffers: MessageTypeDefinition<_exchange_ListOffers, _exchange_ListOffers__Output>;
    Offer: MessageTypeDefinition<_exchange_Offer, _exchange_Offer__Output>;
    RedactionCount: MessageTypeDefinition<_exchange_RedactionCount, _exchange_RedactionCount__Output>;
    RequestBody: MessageTypeDefinition<_exchange_RequestBody, _exchange_RequestBody__Output>;
    Response: MessageTypeDefinition<_exchange_Response, _exchange_Response__Output>;
    Revoke: MessageTypeDefinition<_exchange_Revoke, _exchange_Revoke__Output>;
    Search: MessageTypeDefinition<_exchange_Search, _exchange_Search__Output>;
    SearchHit: MessageTypeDefinition<_exchange_SearchHit, _exchange_SearchHit__Output>;
    Share: MessageTypeDefinition<_exchange_Share, _exchange_Share__Output>;
    SharedMemory: MessageTypeDefinition<_exchange_SharedMemory, _exchange_SharedMemory__Output>;
    Subscribe: MessageTypeDefinition<_exchange_Subscribe, _exchange_Subscribe__Output>;
  };
}
