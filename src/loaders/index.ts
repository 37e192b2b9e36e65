import type { Sql } from '../db/client';
import { activityLoaders } from './activity';
import { catalogueLoaders } from './catalogue';
import { interactionLoaders } from './interactions';
import { leaderboardLoaders } from './leaderboards';
import { messagingLoaders } from './messaging';
import { recordLoaders } from './records';
import { socialLoaders } from './social';
import { teamLoaders } from './teams';
import { trainingLoaders } from './training';
import { userLoaders } from './users';

/**
 * Every loader of one request, on the client its statements go to (the primary, or the replica the
 * request was routed to). New per request, and renewed for each event of a subscription, so a cache
 * never outlives the answer that filled it; viewer-specific loaders are built with the viewer's id,
 * so a cache never answers for someone else.
 */
export function createLoaders(sql: Sql, viewerId: number | null): Loaders {
  return new Loaders(sql, viewerId);
}

/**
 * Each group of loaders is built the first time one of its loaders is read: building a group builds
 * its SQL fragments, which costs more than a small read spends on everything else, and most requests
 * touch one or two groups.
 */
export class Loaders {
  readonly #sql: Sql;
  readonly #viewerId: number | null;
  #users?: ReturnType<typeof userLoaders>;
  #catalogue?: ReturnType<typeof catalogueLoaders>;
  #training?: ReturnType<typeof trainingLoaders>;
  #records?: ReturnType<typeof recordLoaders>;
  #social?: ReturnType<typeof socialLoaders>;
  #activity?: ReturnType<typeof activityLoaders>;
  #messaging?: ReturnType<typeof messagingLoaders>;
  #interactions?: ReturnType<typeof interactionLoaders>;
  #leaderboards?: ReturnType<typeof leaderboardLoaders>;
  #teams?: ReturnType<typeof teamLoaders>;

  constructor(sql: Sql, viewerId: number | null) {
    this.#sql = sql;
    this.#viewerId = viewerId;
  }

  // Users; the folds of the social and messaging groups prime them.
  #userGroup() {
    this.#users ??= userLoaders(this.#sql);
    return this.#users;
  }
  get userById() {
    return this.#userGroup().userById;
  }
  get userByUsername() {
    return this.#userGroup().userByUsername;
  }

  // Muscles and exercises.
  #catalogueGroup() {
    this.#catalogue ??= catalogueLoaders(this.#sql);
    return this.#catalogue;
  }
  get muscleById() {
    return this.#catalogueGroup().muscleById;
  }
  get exerciseById() {
    return this.#catalogueGroup().exerciseById;
  }
  get activationsByExerciseId() {
    return this.#catalogueGroup().activationsByExerciseId;
  }
  get exercisesByMuscleId() {
    return this.#catalogueGroup().exercisesByMuscleId;
  }
  get allMuscles() {
    return this.#catalogueGroup().allMuscles;
  }

  // Workouts and their sets.
  #trainingGroup() {
    this.#training ??= trainingLoaders(this.#sql, this.#viewerId);
    return this.#training;
  }
  get workoutById() {
    return this.#trainingGroup().workoutById;
  }
  get setsByWorkoutId() {
    return this.#trainingGroup().setsByWorkoutId;
  }
  get workoutsByUserId() {
    return this.#trainingGroup().workoutsByUserId;
  }
  get statsByUserId() {
    return this.#trainingGroup().statsByUserId;
  }
  get progressByUserId() {
    return this.#trainingGroup().progressByUserId;
  }

  // Personal records.
  #recordGroup() {
    this.#records ??= recordLoaders(this.#sql, this.#viewerId);
    return this.#records;
  }
  get recordsByUserId() {
    return this.#recordGroup().recordsByUserId;
  }
  get recordsByWorkoutId() {
    return this.#recordGroup().recordsByWorkoutId;
  }
  get recordByKey() {
    return this.#recordGroup().recordByKey;
  }
  get muscleLoadByUserId() {
    return this.#recordGroup().muscleLoadByUserId;
  }

  // Follows.
  #socialGroup() {
    this.#social ??= socialLoaders(this.#sql, this.#viewerId, this.#userGroup());
    return this.#social;
  }
  get followersByUserId() {
    return this.#socialGroup().followersByUserId;
  }
  get followingByUserId() {
    return this.#socialGroup().followingByUserId;
  }
  get viewerFollows() {
    return this.#socialGroup().viewerFollows;
  }
  get viewerHasBlocked() {
    return this.#socialGroup().viewerHasBlocked;
  }
  get blockedByUserId() {
    return this.#socialGroup().blockedByUserId;
  }
  get userByUsernameWithFollowers() {
    return this.#socialGroup().userByUsernameWithFollowers;
  }

  // Activity events.
  #activityGroup() {
    this.#activity ??= activityLoaders(this.#sql, this.#viewerId);
    return this.#activity;
  }
  get eventById() {
    return this.#activityGroup().eventById;
  }
  get activityByUserId() {
    return this.#activityGroup().activityByUserId;
  }
  get ownActivity() {
    return this.#activityGroup().ownActivity;
  }

  // Conversations and messages.
  #messagingGroup() {
    this.#messaging ??= messagingLoaders(this.#sql, this.#viewerId, this.#userGroup());
    return this.#messaging;
  }
  get conversationById() {
    return this.#messagingGroup().conversationById;
  }
  get messageById() {
    return this.#messagingGroup().messageById;
  }
  get unreadCountByConversationId() {
    return this.#messagingGroup().unreadCountByConversationId;
  }
  get reactionsByMessageId() {
    return this.#messagingGroup().reactionsByMessageId;
  }
  get messagesByConversationId() {
    return this.#messagingGroup().messagesByConversationId;
  }
  get conversationWithMessages() {
    return this.#messagingGroup().conversationWithMessages;
  }
  get membersByConversationId() {
    return this.#messagingGroup().membersByConversationId;
  }
  get conversationsByUserId() {
    return this.#messagingGroup().conversationsByUserId;
  }

  // Likes, comments and notifications.
  #interactionGroup() {
    this.#interactions ??= interactionLoaders(this.#sql, this.#viewerId);
    return this.#interactions;
  }
  get viewerHasLiked() {
    return this.#interactionGroup().viewerHasLiked;
  }
  get likesByWorkoutId() {
    return this.#interactionGroup().likesByWorkoutId;
  }
  get commentById() {
    return this.#interactionGroup().commentById;
  }
  get commentsByWorkoutId() {
    return this.#interactionGroup().commentsByWorkoutId;
  }
  get notificationById() {
    return this.#interactionGroup().notificationById;
  }
  get notificationsByUserId() {
    return this.#interactionGroup().notificationsByUserId;
  }
  get unreadNotificationCount() {
    return this.#interactionGroup().unreadNotificationCount;
  }

  // Leaderboards.
  #leaderboardGroup() {
    this.#leaderboards ??= leaderboardLoaders(this.#sql);
    return this.#leaderboards;
  }
  get leaderboardRankByUserId() {
    return this.#leaderboardGroup().leaderboardRankByUserId;
  }

  // Teams and goals.
  #teamGroup() {
    this.#teams ??= teamLoaders(this.#sql, this.#viewerId);
    return this.#teams;
  }
  get teamById() {
    return this.#teamGroup().teamById;
  }
  get goalById() {
    return this.#teamGroup().goalById;
  }
  get ownerIdByTeamId() {
    return this.#teamGroup().ownerIdByTeamId;
  }
  get viewerTeamRole() {
    return this.#teamGroup().viewerTeamRole;
  }
  get membersByTeamId() {
    return this.#teamGroup().membersByTeamId;
  }
  get goalsByTeamId() {
    return this.#teamGroup().goalsByTeamId;
  }
  get contributionsByGoalId() {
    return this.#teamGroup().contributionsByGoalId;
  }
  get teamsByUserId() {
    return this.#teamGroup().teamsByUserId;
  }
}
