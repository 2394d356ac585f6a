// The auth of a client whose spec declares no security scheme it can send: every call through the
// unsigned pipeline. Generated clients of such specs pass it, so they bundle no scheme code.
import type { AuthStrategy } from '../client.ts';

export const noAuth: AuthStrategy = ({ loginPipeline }) => ({ pipeline: loginPipeline, pipelineFor: () => loginPipeline, secrets: () => [], partition: '' });
