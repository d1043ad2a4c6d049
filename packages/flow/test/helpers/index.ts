export { Conversation, roundTrip } from "./conversation.ts";
export { deepFreeze, type EventOf, messages, ofType, said, single, types } from "./events.ts";
export { buildFlow, chain, type EdgeInput, type FlowInput, type NodeInput } from "./flow.ts";
export {
  FakeAi,
  FakeHttp,
  fakeClock,
  fakePorts,
  fakeRandom,
  type HttpScript,
  type ObjectScript,
  type TextScript,
  usage,
} from "./ports.ts";
