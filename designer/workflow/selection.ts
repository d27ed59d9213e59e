/** What the properties panel shows: one state or one transition, by id. */
export type Selection = { kind: 'state'; id: string } | { kind: 'transition'; id: string };
