/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Feed($first: Int, $after: String, $types: [ActivityType!]) {\n  feed(first: $first, after: $after, types: $types) {\n    edges { cursor node { id type user { username } level subject { username } workout { title } } }\n    pageInfo { hasNextPage hasPreviousPage endCursor } } }": typeof types.FeedDocument,
    "query UserActivity($id: ID!, $first: Int, $after: String, $types: [ActivityType!]) {\n  user(id: $id) { activity(first: $first, after: $after, types: $types) {\n    edges { node { type createdAt } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }": typeof types.UserActivityDocument,
    "query DemoViewer { viewer { level workoutCount stats(days: 30) { workoutCount currentStreakDays }\n      exerciseProgress(exerciseId: \"\", weeks: 6) { weekStart }\n      workouts(first: 1) { edges { node { title setCount } } } }\n      feed(first: 10) { edges { node { type user { username } createdAt } } } }": typeof types.DemoViewerDocument,
    "\n  mutation CreateConversation($input: CreateConversationInput!) {\n    createConversation(input: $input) {\n      conversation { id title memberCount unreadCount lastMessage { id } lastMessageAt }\n      errors { code message field }\n    }\n  }": typeof types.CreateConversationDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message { id sequenceNumber body sender { id } conversation { id } }\n      errors { code message field }\n    }\n  }": typeof types.SendMessageDocument,
    "\n  mutation MarkRead($input: MarkConversationReadInput!) {\n    markConversationRead(input: $input) {\n      conversation { id unreadCount viewerLastReadSequenceNumber }\n      errors { code field }\n    }\n  }": typeof types.MarkReadDocument,
    "\n  mutation Leave($input: LeaveConversationInput!) {\n    leaveConversation(input: $input) {\n      conversation { id memberCount }\n      errors { code field }\n    }\n  }": typeof types.LeaveDocument,
    "\n  mutation LogWorkout($input: LogWorkoutInput!) {\n    logWorkout(input: $input) {\n      workout { id title startedAt durationSeconds totalVolumeKg setCount xpEarned\n        sets { id position reps weightKg estimatedOneRepMaxKg exercise { name } } user { id } }\n      user { id xp level workoutCount }\n      errors { code message field }\n    }\n  }": typeof types.LogWorkoutDocument,
    "\n  subscription FanoutMessageAdded($id: ID!) { messageAdded(conversationId: $id) { sequenceNumber body } }": typeof types.FanoutMessageAddedDocument,
    "\n  subscription MessageAdded($id: ID!, $after: Int) {\n    messageAdded(conversationId: $id, afterSequenceNumber: $after) {\n      sequenceNumber body sender { id } conversation { id lastMessage { sequenceNumber } }\n    }\n  }": typeof types.MessageAddedDocument,
    "\n  query Messages($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    conversation(id: $id) {\n      messages(first: $first, after: $after, last: $last, before: $before) {\n        edges { cursor node { sequenceNumber } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }": typeof types.MessagesDocument,
    "\n  query Unread($id: ID!) { conversation(id: $id) { unreadCount memberCount } }": typeof types.UnreadDocument,
    "\n  query MetricsProfile($username: String!) {\n    userByUsername(username: $username) { username followerCount workouts(first: 5) { edges { node { title } } } }\n  }": typeof types.MetricsProfileDocument,
    "\n  mutation MetricsFollow($userId: ID!) { follow(input: { userId: $userId }) { errors { code } user { followerCount } } }": typeof types.MetricsFollowDocument,
    "\n  subscription MetricsMessageAdded($id: ID!) { messageAdded(conversationId: $id) { sequenceNumber } }": typeof types.MetricsMessageAddedDocument,
    "mutation FollowUser($input: FollowInput!) {\n  follow(input: $input) { user { id followerCount viewerIsFollowing } viewer { id followingCount } errors { code field } } }": typeof types.FollowUserDocument,
    "mutation UnfollowUser($input: FollowInput!) {\n  unfollow(input: $input) { user { id followerCount viewerIsFollowing } viewer { id followingCount } errors { code field } } }": typeof types.UnfollowUserDocument,
    "query NestedPages($n: Int) { users(first: $n, search: \"nested_\") { edges { node {\n    workouts(first: 10) { edges { node { sets { exercise { activations { muscle { name } } } } } } }\n    followers(first: 5) { edges { node { username } } }\n  } } } }": typeof types.NestedPagesDocument,
    "query NestedEverything($n: Int) { users(first: $n, search: \"nested_\") { edges { node {\n    viewerIsFollowing stats { workoutCount currentStreakDays }\n    workouts(first: 3) { edges { node { user { username } sets { exercise { name } } } } }\n    following(first: 5) { edges { node { username } } }\n    activity(first: 5) { edges { node { type workout { title user { username } } subject { username } } } }\n  } } } }": typeof types.NestedEverythingDocument,
    "\n  mutation DeleteWorkout($input: DeleteWorkoutInput!) {\n    deleteWorkout(input: $input) { deletedWorkoutId user { xp workoutCount } errors { code field } }\n  }": typeof types.DeleteWorkoutDocument,
    "query UserStatsOf($id: ID!, $days: Int) {\n  user(id: $id) { stats(days: $days) { workoutCount totalVolumeKg bestEstimatedOneRepMaxKg currentStreakDays } } }": typeof types.UserStatsOfDocument,
    "query ExerciseProgressOf($id: ID!, $exerciseId: ID!, $weeks: Int) {\n  user(id: $id) { exerciseProgress(exerciseId: $exerciseId, weeks: $weeks) { weekStart bestEstimatedOneRepMaxKg changeKg } } }": typeof types.ExerciseProgressOfDocument,
    "\n  query TrustedProfile($username: String!) { userByUsername(username: $username) { username } }": typeof types.TrustedProfileDocument,
};
const documents: Documents = {
    "query Feed($first: Int, $after: String, $types: [ActivityType!]) {\n  feed(first: $first, after: $after, types: $types) {\n    edges { cursor node { id type user { username } level subject { username } workout { title } } }\n    pageInfo { hasNextPage hasPreviousPage endCursor } } }": types.FeedDocument,
    "query UserActivity($id: ID!, $first: Int, $after: String, $types: [ActivityType!]) {\n  user(id: $id) { activity(first: $first, after: $after, types: $types) {\n    edges { node { type createdAt } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }": types.UserActivityDocument,
    "query DemoViewer { viewer { level workoutCount stats(days: 30) { workoutCount currentStreakDays }\n      exerciseProgress(exerciseId: \"\", weeks: 6) { weekStart }\n      workouts(first: 1) { edges { node { title setCount } } } }\n      feed(first: 10) { edges { node { type user { username } createdAt } } } }": types.DemoViewerDocument,
    "\n  mutation CreateConversation($input: CreateConversationInput!) {\n    createConversation(input: $input) {\n      conversation { id title memberCount unreadCount lastMessage { id } lastMessageAt }\n      errors { code message field }\n    }\n  }": types.CreateConversationDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message { id sequenceNumber body sender { id } conversation { id } }\n      errors { code message field }\n    }\n  }": types.SendMessageDocument,
    "\n  mutation MarkRead($input: MarkConversationReadInput!) {\n    markConversationRead(input: $input) {\n      conversation { id unreadCount viewerLastReadSequenceNumber }\n      errors { code field }\n    }\n  }": types.MarkReadDocument,
    "\n  mutation Leave($input: LeaveConversationInput!) {\n    leaveConversation(input: $input) {\n      conversation { id memberCount }\n      errors { code field }\n    }\n  }": types.LeaveDocument,
    "\n  mutation LogWorkout($input: LogWorkoutInput!) {\n    logWorkout(input: $input) {\n      workout { id title startedAt durationSeconds totalVolumeKg setCount xpEarned\n        sets { id position reps weightKg estimatedOneRepMaxKg exercise { name } } user { id } }\n      user { id xp level workoutCount }\n      errors { code message field }\n    }\n  }": types.LogWorkoutDocument,
    "\n  subscription FanoutMessageAdded($id: ID!) { messageAdded(conversationId: $id) { sequenceNumber body } }": types.FanoutMessageAddedDocument,
    "\n  subscription MessageAdded($id: ID!, $after: Int) {\n    messageAdded(conversationId: $id, afterSequenceNumber: $after) {\n      sequenceNumber body sender { id } conversation { id lastMessage { sequenceNumber } }\n    }\n  }": types.MessageAddedDocument,
    "\n  query Messages($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    conversation(id: $id) {\n      messages(first: $first, after: $after, last: $last, before: $before) {\n        edges { cursor node { sequenceNumber } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }": types.MessagesDocument,
    "\n  query Unread($id: ID!) { conversation(id: $id) { unreadCount memberCount } }": types.UnreadDocument,
    "\n  query MetricsProfile($username: String!) {\n    userByUsername(username: $username) { username followerCount workouts(first: 5) { edges { node { title } } } }\n  }": types.MetricsProfileDocument,
    "\n  mutation MetricsFollow($userId: ID!) { follow(input: { userId: $userId }) { errors { code } user { followerCount } } }": types.MetricsFollowDocument,
    "\n  subscription MetricsMessageAdded($id: ID!) { messageAdded(conversationId: $id) { sequenceNumber } }": types.MetricsMessageAddedDocument,
    "mutation FollowUser($input: FollowInput!) {\n  follow(input: $input) { user { id followerCount viewerIsFollowing } viewer { id followingCount } errors { code field } } }": types.FollowUserDocument,
    "mutation UnfollowUser($input: FollowInput!) {\n  unfollow(input: $input) { user { id followerCount viewerIsFollowing } viewer { id followingCount } errors { code field } } }": types.UnfollowUserDocument,
    "query NestedPages($n: Int) { users(first: $n, search: \"nested_\") { edges { node {\n    workouts(first: 10) { edges { node { sets { exercise { activations { muscle { name } } } } } } }\n    followers(first: 5) { edges { node { username } } }\n  } } } }": types.NestedPagesDocument,
    "query NestedEverything($n: Int) { users(first: $n, search: \"nested_\") { edges { node {\n    viewerIsFollowing stats { workoutCount currentStreakDays }\n    workouts(first: 3) { edges { node { user { username } sets { exercise { name } } } } }\n    following(first: 5) { edges { node { username } } }\n    activity(first: 5) { edges { node { type workout { title user { username } } subject { username } } } }\n  } } } }": types.NestedEverythingDocument,
    "\n  mutation DeleteWorkout($input: DeleteWorkoutInput!) {\n    deleteWorkout(input: $input) { deletedWorkoutId user { xp workoutCount } errors { code field } }\n  }": types.DeleteWorkoutDocument,
    "query UserStatsOf($id: ID!, $days: Int) {\n  user(id: $id) { stats(days: $days) { workoutCount totalVolumeKg bestEstimatedOneRepMaxKg currentStreakDays } } }": types.UserStatsOfDocument,
    "query ExerciseProgressOf($id: ID!, $exerciseId: ID!, $weeks: Int) {\n  user(id: $id) { exerciseProgress(exerciseId: $exerciseId, weeks: $weeks) { weekStart bestEstimatedOneRepMaxKg changeKg } } }": types.ExerciseProgressOfDocument,
    "\n  query TrustedProfile($username: String!) { userByUsername(username: $username) { username } }": types.TrustedProfileDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Feed($first: Int, $after: String, $types: [ActivityType!]) {\n  feed(first: $first, after: $after, types: $types) {\n    edges { cursor node { id type user { username } level subject { username } workout { title } } }\n    pageInfo { hasNextPage hasPreviousPage endCursor } } }"): (typeof documents)["query Feed($first: Int, $after: String, $types: [ActivityType!]) {\n  feed(first: $first, after: $after, types: $types) {\n    edges { cursor node { id type user { username } level subject { username } workout { title } } }\n    pageInfo { hasNextPage hasPreviousPage endCursor } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UserActivity($id: ID!, $first: Int, $after: String, $types: [ActivityType!]) {\n  user(id: $id) { activity(first: $first, after: $after, types: $types) {\n    edges { node { type createdAt } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }"): (typeof documents)["query UserActivity($id: ID!, $first: Int, $after: String, $types: [ActivityType!]) {\n  user(id: $id) { activity(first: $first, after: $after, types: $types) {\n    edges { node { type createdAt } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DemoViewer { viewer { level workoutCount stats(days: 30) { workoutCount currentStreakDays }\n      exerciseProgress(exerciseId: \"\", weeks: 6) { weekStart }\n      workouts(first: 1) { edges { node { title setCount } } } }\n      feed(first: 10) { edges { node { type user { username } createdAt } } } }"): (typeof documents)["query DemoViewer { viewer { level workoutCount stats(days: 30) { workoutCount currentStreakDays }\n      exerciseProgress(exerciseId: \"\", weeks: 6) { weekStart }\n      workouts(first: 1) { edges { node { title setCount } } } }\n      feed(first: 10) { edges { node { type user { username } createdAt } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateConversation($input: CreateConversationInput!) {\n    createConversation(input: $input) {\n      conversation { id title memberCount unreadCount lastMessage { id } lastMessageAt }\n      errors { code message field }\n    }\n  }"): (typeof documents)["\n  mutation CreateConversation($input: CreateConversationInput!) {\n    createConversation(input: $input) {\n      conversation { id title memberCount unreadCount lastMessage { id } lastMessageAt }\n      errors { code message field }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message { id sequenceNumber body sender { id } conversation { id } }\n      errors { code message field }\n    }\n  }"): (typeof documents)["\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message { id sequenceNumber body sender { id } conversation { id } }\n      errors { code message field }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkRead($input: MarkConversationReadInput!) {\n    markConversationRead(input: $input) {\n      conversation { id unreadCount viewerLastReadSequenceNumber }\n      errors { code field }\n    }\n  }"): (typeof documents)["\n  mutation MarkRead($input: MarkConversationReadInput!) {\n    markConversationRead(input: $input) {\n      conversation { id unreadCount viewerLastReadSequenceNumber }\n      errors { code field }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Leave($input: LeaveConversationInput!) {\n    leaveConversation(input: $input) {\n      conversation { id memberCount }\n      errors { code field }\n    }\n  }"): (typeof documents)["\n  mutation Leave($input: LeaveConversationInput!) {\n    leaveConversation(input: $input) {\n      conversation { id memberCount }\n      errors { code field }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogWorkout($input: LogWorkoutInput!) {\n    logWorkout(input: $input) {\n      workout { id title startedAt durationSeconds totalVolumeKg setCount xpEarned\n        sets { id position reps weightKg estimatedOneRepMaxKg exercise { name } } user { id } }\n      user { id xp level workoutCount }\n      errors { code message field }\n    }\n  }"): (typeof documents)["\n  mutation LogWorkout($input: LogWorkoutInput!) {\n    logWorkout(input: $input) {\n      workout { id title startedAt durationSeconds totalVolumeKg setCount xpEarned\n        sets { id position reps weightKg estimatedOneRepMaxKg exercise { name } } user { id } }\n      user { id xp level workoutCount }\n      errors { code message field }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FanoutMessageAdded($id: ID!) { messageAdded(conversationId: $id) { sequenceNumber body } }"): (typeof documents)["\n  subscription FanoutMessageAdded($id: ID!) { messageAdded(conversationId: $id) { sequenceNumber body } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MessageAdded($id: ID!, $after: Int) {\n    messageAdded(conversationId: $id, afterSequenceNumber: $after) {\n      sequenceNumber body sender { id } conversation { id lastMessage { sequenceNumber } }\n    }\n  }"): (typeof documents)["\n  subscription MessageAdded($id: ID!, $after: Int) {\n    messageAdded(conversationId: $id, afterSequenceNumber: $after) {\n      sequenceNumber body sender { id } conversation { id lastMessage { sequenceNumber } }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Messages($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    conversation(id: $id) {\n      messages(first: $first, after: $after, last: $last, before: $before) {\n        edges { cursor node { sequenceNumber } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }"): (typeof documents)["\n  query Messages($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    conversation(id: $id) {\n      messages(first: $first, after: $after, last: $last, before: $before) {\n        edges { cursor node { sequenceNumber } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Unread($id: ID!) { conversation(id: $id) { unreadCount memberCount } }"): (typeof documents)["\n  query Unread($id: ID!) { conversation(id: $id) { unreadCount memberCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MetricsProfile($username: String!) {\n    userByUsername(username: $username) { username followerCount workouts(first: 5) { edges { node { title } } } }\n  }"): (typeof documents)["\n  query MetricsProfile($username: String!) {\n    userByUsername(username: $username) { username followerCount workouts(first: 5) { edges { node { title } } } }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MetricsFollow($userId: ID!) { follow(input: { userId: $userId }) { errors { code } user { followerCount } } }"): (typeof documents)["\n  mutation MetricsFollow($userId: ID!) { follow(input: { userId: $userId }) { errors { code } user { followerCount } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MetricsMessageAdded($id: ID!) { messageAdded(conversationId: $id) { sequenceNumber } }"): (typeof documents)["\n  subscription MetricsMessageAdded($id: ID!) { messageAdded(conversationId: $id) { sequenceNumber } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FollowUser($input: FollowInput!) {\n  follow(input: $input) { user { id followerCount viewerIsFollowing } viewer { id followingCount } errors { code field } } }"): (typeof documents)["mutation FollowUser($input: FollowInput!) {\n  follow(input: $input) { user { id followerCount viewerIsFollowing } viewer { id followingCount } errors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UnfollowUser($input: FollowInput!) {\n  unfollow(input: $input) { user { id followerCount viewerIsFollowing } viewer { id followingCount } errors { code field } } }"): (typeof documents)["mutation UnfollowUser($input: FollowInput!) {\n  unfollow(input: $input) { user { id followerCount viewerIsFollowing } viewer { id followingCount } errors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NestedPages($n: Int) { users(first: $n, search: \"nested_\") { edges { node {\n    workouts(first: 10) { edges { node { sets { exercise { activations { muscle { name } } } } } } }\n    followers(first: 5) { edges { node { username } } }\n  } } } }"): (typeof documents)["query NestedPages($n: Int) { users(first: $n, search: \"nested_\") { edges { node {\n    workouts(first: 10) { edges { node { sets { exercise { activations { muscle { name } } } } } } }\n    followers(first: 5) { edges { node { username } } }\n  } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NestedEverything($n: Int) { users(first: $n, search: \"nested_\") { edges { node {\n    viewerIsFollowing stats { workoutCount currentStreakDays }\n    workouts(first: 3) { edges { node { user { username } sets { exercise { name } } } } }\n    following(first: 5) { edges { node { username } } }\n    activity(first: 5) { edges { node { type workout { title user { username } } subject { username } } } }\n  } } } }"): (typeof documents)["query NestedEverything($n: Int) { users(first: $n, search: \"nested_\") { edges { node {\n    viewerIsFollowing stats { workoutCount currentStreakDays }\n    workouts(first: 3) { edges { node { user { username } sets { exercise { name } } } } }\n    following(first: 5) { edges { node { username } } }\n    activity(first: 5) { edges { node { type workout { title user { username } } subject { username } } } }\n  } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWorkout($input: DeleteWorkoutInput!) {\n    deleteWorkout(input: $input) { deletedWorkoutId user { xp workoutCount } errors { code field } }\n  }"): (typeof documents)["\n  mutation DeleteWorkout($input: DeleteWorkoutInput!) {\n    deleteWorkout(input: $input) { deletedWorkoutId user { xp workoutCount } errors { code field } }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UserStatsOf($id: ID!, $days: Int) {\n  user(id: $id) { stats(days: $days) { workoutCount totalVolumeKg bestEstimatedOneRepMaxKg currentStreakDays } } }"): (typeof documents)["query UserStatsOf($id: ID!, $days: Int) {\n  user(id: $id) { stats(days: $days) { workoutCount totalVolumeKg bestEstimatedOneRepMaxKg currentStreakDays } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ExerciseProgressOf($id: ID!, $exerciseId: ID!, $weeks: Int) {\n  user(id: $id) { exerciseProgress(exerciseId: $exerciseId, weeks: $weeks) { weekStart bestEstimatedOneRepMaxKg changeKg } } }"): (typeof documents)["query ExerciseProgressOf($id: ID!, $exerciseId: ID!, $weeks: Int) {\n  user(id: $id) { exerciseProgress(exerciseId: $exerciseId, weeks: $weeks) { weekStart bestEstimatedOneRepMaxKg changeKg } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrustedProfile($username: String!) { userByUsername(username: $username) { username } }"): (typeof documents)["\n  query TrustedProfile($username: String!) { userByUsername(username: $username) { username } }"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;