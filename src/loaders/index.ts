import type { Sql } from '../db/client';
import { activityLoaders } from './activity';
import { catalogueLoaders } from './catalogue';
import { interactionLoaders } from './interactions';
import { leaderboardLoaders } from './leaderboards';
import { messagingLoaders } from './messaging';
import { socialLoaders } from './social';
import { trainingLoaders } from './training';
import { userLoaders } from './users';

/**
 * Every loader of one request. Viewer-specific loaders are built with the viewer's id, so a cache
 * can never answer for someone else.
 */
export function createLoaders(sql: Sql, viewerId: number | null) {
  return {
    ...userLoaders(sql),
    ...catalogueLoaders(sql),
    ...trainingLoaders(sql),
    ...socialLoaders(sql, viewerId),
    ...activityLoaders(sql, viewerId),
    ...messagingLoaders(sql, viewerId),
    ...interactionLoaders(sql, viewerId),
    ...leaderboardLoaders(sql),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
