import { CodedError, SummarizeRequest } from '@pagi/contracts';
import { bindService, loadProto } from '@pagi/runtime';
import type { OrchestratorServiceHandlers } from '@pagi/runtime/gen/orchestrator/OrchestratorService.ts';
import type { TranscriptSummarizer } from '../transcript/summarizer.ts';

/** orchestrator.OrchestratorService: transcript summaries for callers that speak gRPC. */
export function orchestratorService(deps: { summarizer: TranscriptSummarizer }): ReturnType<typeof bindService> {
  const proto = loadProto('orchestrator');
  return bindService<OrchestratorServiceHandlers>(
    'orchestrator.OrchestratorService',
    proto.orchestrator.OrchestratorService.service,
    {
      SummarizeTranscript: async (req) => {
        const parsed = SummarizeRequest.safeParse({ transcript_text: req.transcript_text.trim() });
        if (!parsed.success) {
          throw new CodedError('invalid_request', 'transcript_text must be between 1 and 200000 characters');
        }
        return deps.summarizer.summarize(parsed.data.transcript_text);
      },
    },
  );
}
