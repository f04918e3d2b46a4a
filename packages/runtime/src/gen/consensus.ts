import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type {
  AppliedBody as _consensus_AppliedBody,
  AppliedBody__Output as _consensus_AppliedBody__Output,
} from '@pagi/contracts/gen/consensus/AppliedBody.ts';
import type {
  DecisionBody as _consensus_DecisionBody,
  DecisionBody__Output as _consensus_DecisionBody__Output,
} from '@pagi/contracts/gen/consensus/DecisionBody.ts';
import type {
  Envelope as _consensus_Envelope,
  Envelope__Output as _consensus_Envelope__Output,
} from '@pagi/contracts/gen/consensus/Envelope.ts';
import type {
  ProposalBody as _consensus_ProposalBody,
  ProposalBody__Output as _consensus_ProposalBody__Output,
} from '@pagi/contracts/gen/consensus/ProposalBody.ts';
import type {
  ProposalState as _consensus_ProposalState,
  ProposalState__Output as _consensus_ProposalState__Output,
} from '@pagi/contracts/gen/consensus/ProposalState.ts';
import type {
  Signed as _consensus_Signed,
  Signed__Output as _consensus_Signed__Output,
} from '@pagi/contracts/gen/consensus/Signed.ts';
import type {
  SyncRequest as _consensus_SyncRequest,
  SyncRequest__Output as _consensus_SyncRequest__Output,
} from '@pagi/contracts/gen/consensus/SyncRequest.ts';
import type {
  SyncResponse as _consensus_SyncResponse,
  SyncResponse__Output as _consensus_SyncResponse__Output,
} from '@pagi/contracts/gen/consensus/SyncResponse.ts';
import type {
  VoteBody as _consensus_VoteBody,
  VoteBody__Output as _consensus_VoteBody__Output,
} from '@pagi/contracts/gen/consensus/VoteBody.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new (...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  consensus: {
    AppliedBody: MessageTypeDefinition<_consensus_AppliedBody, _consensus_AppliedBody__Output>;
    DecisionBody: MessageTypeDefinition<_consensus_DecisionBody, _consensus_DecisionBody__Output>;
    Envelope: MessageTypeDefinition<_consensus_Envelope, _consensus_Envelope__Output>;
    ProposalBody: MessageTypeDefinition<_consensus_ProposalBody, _consensus_ProposalBody__Output>;
    ProposalState: MessageTypeDefinition<_consensus_ProposalState, _consensus_ProposalState__Output>;
    Signed: MessageTypeDefinition<_consensus_Signed, _consensus_Signed__Output>;
    SyncRequest: MessageTypeDefinition<_consensus_SyncRequest, _consensus_SyncRequest__Output>;
    SyncResponse: MessageTypeDefinition<_consensus_SyncResponse, _consensus_SyncResponse__Output>;
    VoteBody: MessageTypeDefinition<_consensus_VoteBody, _consensus_VoteBody__Output>;
  };
}
