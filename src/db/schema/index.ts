export * from './accounts';
export * from './interactions';
export * from './leaderboards';
export * from './messaging';
export * from './teams';
export * from './training';
export * from './users';
