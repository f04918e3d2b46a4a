import type { CreateToolResponse__Output } from '@pagi/contracts/gen/build/CreateToolResponse.ts';
import { ClientHolder, createClient, fromServiceError, loadProto, unary } from '@pagi/runtime';
import type { BuildServiceClient } from '@pagi/runtime/gen/build/BuildService.ts';

/** A compile in the build service's sandbox takes seconds; this bounds a stuck one. */
const CREATE_DEADLINE_MS = 180_000;

/** The build service as the orchestrator uses it: compiling a tool the fleet agreed to install. */
export class BuildClient {
  private readonly holder: ClientHolder<BuildServiceClient>;

  constructor(address: string, token: string) {
    const proto = loadProto('build');
    this.holder = new ClientHolder(() => createClient(proto.build.BuildService, address, token));
  }

  async createTool(name: string, code: string): Promise<CreateToolResponse__Output> {
    try {
      return await unary(
        this.holder.get(),
        'CreateTool',
        { tool_name: name, tool_code: code },
        { deadlineMs: CREATE_DEADLINE_MS },
      );
    } catch (err) {
      this.holder.reset(err);
      throw fromServiceError('build', err);
    }
  }

  close(): void {
    this.holder.close();
  }
}
