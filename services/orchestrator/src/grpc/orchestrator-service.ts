import { bindService, invalidArgument, loadProto } from '@pagi/kit';
import { SummarizeRequest } from '@pagi/kit/contracts/platform.ts';
import type { OrchestratorServiceHandlers } from '@pagi/kit/gen/orchestrator/OrchestratorService.ts';
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
          throw invalidArgument('transcript_text must be between 1 and 200000 characters');
        }
        return deps.summarizer.summarize(parsed.data.transcript_text);
      },
    },
  );
}
