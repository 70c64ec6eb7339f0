/** A namespace's translation: exactly the Indonesian namespace's keys, so a missing or stray key does not compile. */
export type Translation<Source> = { readonly [K in keyof Source]: string };
