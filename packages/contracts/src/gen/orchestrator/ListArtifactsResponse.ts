// Original file: orchestrator.proto

import type {
  ArtifactVersion as _orchestrator_ArtifactVersion,
  ArtifactVersion__Output as _orchestrator_ArtifactVersion__Output,
} from '../orchestrator/ArtifactVersion.ts';

export interface ListArtifactsResponse {
  artifacts?: _orchestrator_ArtifactVersion[];
}

export interface ListArtifactsResponse__Output {
  artifacts: _orchestrator_ArtifactVersion__Output[];
}
