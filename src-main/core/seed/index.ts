/** Realistic, reproducible PST traffic for benchmarks, tests and (later) training mode. */
export { DEFAULT_SEED, DEFAULT_SEED_END, DEFAULT_SEED_SPAN_MS, generateInbound, generateSeed } from './generator';
export type { SeedConversation, SeedMessage, SeedOptions, SeedRequester } from './generator';
export { generateHistory, type HistoryEvent } from './history';
export { outcomeAt, roughWorkingDaysLater, type ConversationOutcome } from './outcome';
export { INSTITUTIONS, type Institution } from './people';
export { Rng } from './random';
export type { MessageKind } from './texts';
export { DATA_REQUESTS, DATA_REQUESTS_EN, fillDataRequest, KECAMATAN_BULELENG, TOPIC_WEIGHTS, TOPICS, type Topic } from './topics';
