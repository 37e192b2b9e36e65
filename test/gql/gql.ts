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
    "\n  mutation DeleteAccount($input: DeleteAccountInput!) {\n    deleteAccount(input: $input) { deletedUserId errors { code message field } }\n  }": typeof types.DeleteAccountDocument,
    "query DeletionViewer { viewer { id username } }": typeof types.DeletionViewerDocument,
    "\n  mutation DeletionReact($input: ReactionInput!) { addReaction(input: $input) { errors { code } } }": typeof types.DeletionReactDocument,
    "\n  query DeletionMessages($id: ID!) {\n    conversation(id: $id) {\n      memberCount\n      messages(first: 50) {\n        edges { node { sequenceNumber body sender {\n          id username displayName country xp level workoutCount followerCount followingCount\n          rank(kind: XP_ALL_TIME) { rank }\n        } } }\n      }\n    }\n  }": typeof types.DeletionMessagesDocument,
    "\n  query DeletionTeam($id: ID!) { team(id: $id) { memberCount owner { id } members(first: 10) { edges { node { role user { id } } } } } }": typeof types.DeletionTeamDocument,
    "\n  query DeletionBoard($kind: LeaderboardKind!) {\n    leaderboard(kind: $kind, first: 100) { entryCount edges { node { rank score user { id } } } }\n  }": typeof types.DeletionBoardDocument,
    "\n  query DeletionExerciseBoard($exerciseId: ID!) {\n    exerciseLeaderboard(exerciseId: $exerciseId, first: 100) { entryCount edges { node { rank score user { id } } } }\n  }": typeof types.DeletionExerciseBoardDocument,
    "\n  mutation DeletionFollow($input: FollowInput!) { follow(input: $input) { errors { code field } } }": typeof types.DeletionFollowDocument,
    "\n  subscription DeletionMemberLeft($id: ID!) {\n    conversationEvents(conversationId: $id) {\n      __typename\n      ... on MemberLeftEvent { user { id displayName } memberCount }\n    }\n  }": typeof types.DeletionMemberLeftDocument,
    "\n  query DeletionDirectory($search: String) { users(first: 20, search: $search) { edges { node { id } } } }": typeof types.DeletionDirectoryDocument,
    "\n  subscription DeletionNotificationAdded { notificationAdded { sequenceNumber } }": typeof types.DeletionNotificationAddedDocument,
    "query IdentityViewer { viewer { id username displayName country } }": typeof types.IdentityViewerDocument,
    "\n  mutation IdentityDeleteAccount($input: DeleteAccountInput!) {\n    deleteAccount(input: $input) { deletedUserId errors { code field } }\n  }\n": typeof types.IdentityDeleteAccountDocument,
    "\n  mutation CreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) {\n      viewer { id username displayName country defaultWorkoutVisibility }\n      errors { code message field }\n    }\n  }": typeof types.CreateAccountDocument,
    "\n  mutation IdentityUpdateProfile($name: String!) {\n    updateProfile(input: { displayName: $name }) { user { id } errors { code } }\n  }": typeof types.IdentityUpdateProfileDocument,
    "\n  subscription IdentityNotifications { notificationAdded { kind actor { id } } }": typeof types.IdentityNotificationsDocument,
    "query Feed($first: Int, $after: String, $types: [ActivityType!]) {\n  feed(first: $first, after: $after, types: $types) {\n    edges { cursor node { id type user { username } level subject { username } workout { title } } }\n    pageInfo { hasNextPage hasPreviousPage endCursor } } }": typeof types.FeedDocument,
    "query UserActivity($id: ID!, $first: Int, $after: String, $types: [ActivityType!]) {\n  user(id: $id) { activity(first: $first, after: $after, types: $types) {\n    edges { node { type createdAt } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }": typeof types.UserActivityDocument,
    "mutation ActivityFollow($input: FollowInput!) { follow(input: $input) { errors { code } } }": typeof types.ActivityFollowDocument,
    "mutation ActivityUnfollow($input: FollowInput!) { unfollow(input: $input) { errors { code } } }": typeof types.ActivityUnfollowDocument,
    "query ActivityNode($id: ID!) { node(id: $id) { id } }": typeof types.ActivityNodeDocument,
    "query AuthViewer { viewer { username } }": typeof types.AuthViewerDocument,
    "query AnonymousReads { viewer { username } muscles { name } }": typeof types.AnonymousReadsDocument,
    "mutation AuthUpdateProfile { updateProfile(input: { displayName: \"X\" }) { user { id } errors { code } } }": typeof types.AuthUpdateProfileDocument,
    "\n  query BlockRelation($id: ID!) {\n    user(id: $id) { followerCount followingCount viewerIsFollowing viewerHasBlocked }\n  }": typeof types.BlockRelationDocument,
    "\n  query BlockedUsers($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      blockedUsers(first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } }\n    }\n  }": typeof types.BlockedUsersDocument,
    "\n  mutation BlockingAddReaction($input: ReactionInput!) { addReaction(input: $input) { errors { code } } }": typeof types.BlockingAddReactionDocument,
    "query UpkeepBoard($kind: LeaderboardKind!) {\n  leaderboard(kind: $kind) {\n    refreshedAt weekStart entryCount\n    edges { node { rank score previousRank rankChange topPercent user { username } } }\n  }\n}": typeof types.UpkeepBoardDocument,
    "query UpkeepScopedBoard($kind: LeaderboardKind!, $country: String, $scope: LeaderboardScope) {\n  leaderboard(kind: $kind, country: $country, scope: $scope) { edges { node { rank previousRank rankChange user { username } } } }\n}": typeof types.UpkeepScopedBoardDocument,
    "mutation UpkeepLog($input: LogWorkoutInput!) { logWorkout(input: $input) { errors { message } } }": typeof types.UpkeepLogDocument,
    "mutation UpkeepProfile($input: UpdateProfileInput!) { updateProfile(input: $input) { errors { message } } }": typeof types.UpkeepProfileDocument,
    "query CliViewer { viewer { id username } }": typeof types.CliViewerDocument,
    "query Jit($id: ID!) { user(id: $id) { username followers(first: 1) { edges { cursor } } } }": typeof types.JitDocument,
    "query CompiledExecutionUser { bad: user(id: \"nope\") { id } viewer { id } }": typeof types.CompiledExecutionUserDocument,
    "\n  subscription ConversationEvents($id: ID!) {\n    conversationEvents(conversationId: $id) {\n      __typename\n      ... on MessageAddedEvent { message { sequenceNumber body sender { id } } }\n      ... on MessageEditedEvent { message { sequenceNumber body editedAt } }\n      ... on ReactionsChangedEvent { message { sequenceNumber reactions { emoji count viewerHasReacted } } }\n      ... on ReadMarkMovedEvent { user { id } upToSequenceNumber }\n      ... on MemberLeftEvent { user { id } memberCount }\n    }\n  }": typeof types.ConversationEventsDocument,
    "mutation ConversationEventsEditMessage($input: EditMessageInput!) { editMessage(input: $input) { errors { code } } }": typeof types.ConversationEventsEditMessageDocument,
    "mutation ConversationEventsAddReaction($input: ReactionInput!) { addReaction(input: $input) { errors { code } } }": typeof types.ConversationEventsAddReactionDocument,
    "mutation ConversationEventsRemoveReaction($input: ReactionInput!) { removeReaction(input: $input) { errors { code } } }": typeof types.ConversationEventsRemoveReactionDocument,
    "query ReportUsers { users(first: 5) { edges { node { username } } } }": typeof types.ReportUsersDocument,
    "\n  query DemoTeams {\n    viewer {\n      teams(first: 5) {\n        edges { node { name memberCount viewerRole\n          goals(first: 5) { edges { node { id title metric target progress completedAt startsAt endsAt } } } } }\n      }\n    }\n  }": typeof types.DemoTeamsDocument,
    "query DemoViewer($exerciseId: ID!) {\n      viewer { level workoutCount stats(days: 30) { workoutCount currentStreakDays }\n        exerciseProgress(exerciseId: $exerciseId, weeks: 6) { weekStart }\n        workouts(first: 1) { edges { node { title setCount } } } }\n      feed(first: 10) { edges { node { type user { username } createdAt } } } }": typeof types.DemoViewerDocument,
    "query DemoSocial { viewer { unreadNotificationCount notifications(first: 50) { edges { node { kind sequenceNumber } } }\n           workouts(first: 1) { edges { node { likeCount commentCount } } } } }": typeof types.DemoSocialDocument,
    "mutation BaselineWorkout($input: LogWorkoutInput!) { logWorkout(input: $input) { workout { id } errors { code } } }": typeof types.BaselineWorkoutDocument,
    "subscription MessageAddedOfBadId($id: ID!) { messageAdded(conversationId: $id) { id } }": typeof types.MessageAddedOfBadIdDocument,
    "\n  query WorkoutLikes($id: ID!, $first: Int, $after: String) {\n    workout(id: $id) {\n      likeCount viewerHasLiked\n      likes(first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } }\n    }\n  }": typeof types.WorkoutLikesDocument,
    "\n  query WorkoutComments($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    workout(id: $id) {\n      commentCount\n      comments(first: $first, after: $after, last: $last, before: $before) {\n        edges { node { id body author { id } workout { id } } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }": typeof types.WorkoutCommentsDocument,
    "query InteractionsNode($id: ID!) { node(id: $id) { ... on Comment { body author { id } } } }": typeof types.InteractionsNodeDocument,
    "mutation InteractionsDeleteWorkout($input: DeleteWorkoutInput!) { deleteWorkout(input: $input) { deletedWorkoutId errors { code } } }": typeof types.InteractionsDeleteWorkoutDocument,
    "query InteractionsViewer { viewer { notifications { edges { node { sequenceNumber kind workout { id } comment { id } actor { id } } } } } }": typeof types.InteractionsViewerDocument,
    "\n      query Page($id: ID!, $first: Int!) { user(id: $id) { workouts(first: $first) { edges { node {\n        likeCount viewerHasLiked commentCount\n        comments(first: 2) { edges { node { body author { username } } } pageInfo { hasNextPage } }\n      } } } } }": typeof types.PageDocument,
    "\n  mutation LikeWorkout($input: WorkoutLikeInput!) {\n    likeWorkout(input: $input) { workout { id likeCount viewerHasLiked } errors { code message field } }\n  }": typeof types.LikeWorkoutDocument,
    "\n  mutation UnlikeWorkout($input: WorkoutLikeInput!) {\n    unlikeWorkout(input: $input) { workout { id likeCount viewerHasLiked } errors { code message field } }\n  }": typeof types.UnlikeWorkoutDocument,
    "\n  mutation CommentOnWorkout($input: CommentOnWorkoutInput!) {\n    commentOnWorkout(input: $input) {\n      comment { id body author { id } workout { id commentCount } }\n      errors { code message field }\n    }\n  }": typeof types.CommentOnWorkoutDocument,
    "\n  mutation DeleteComment($input: DeleteCommentInput!) {\n    deleteComment(input: $input) { deletedCommentId workout { id commentCount } errors { code field } }\n  }": typeof types.DeleteCommentDocument,
    "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) { viewer { id unreadNotificationCount } errors { code field } }\n  }": typeof types.MarkNotificationsReadDocument,
    "\n  query Notifications($first: Int, $after: String) {\n    viewer {\n      unreadNotificationCount\n      notifications(first: $first, after: $after) {\n        edges { cursor node {\n          id kind sequenceNumber read emoji actor { id }\n          workout { id } comment { id body } message { id }\n        } }\n        pageInfo { hasNextPage hasPreviousPage endCursor }\n      }\n    }\n  }": typeof types.NotificationsDocument,
    "\n  mutation CreateConversation($input: CreateConversationInput!) {\n    createConversation(input: $input) {\n      conversation { id title memberCount unreadCount lastMessage { id } lastMessageAt }\n      errors { code message field }\n    }\n  }": typeof types.CreateConversationDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message { id sequenceNumber body sender { id } conversation { id } }\n      errors { code message field }\n    }\n  }": typeof types.SendMessageDocument,
    "\n  mutation MarkRead($input: MarkConversationReadInput!) {\n    markConversationRead(input: $input) {\n      conversation { id unreadCount viewerLastReadSequenceNumber }\n      errors { code field }\n    }\n  }": typeof types.MarkReadDocument,
    "\n  mutation Leave($input: LeaveConversationInput!) {\n    leaveConversation(input: $input) {\n      conversation { id memberCount }\n      errors { code field }\n    }\n  }": typeof types.LeaveDocument,
    "\n  mutation SetWorkoutVisibility($input: SetWorkoutVisibilityInput!) {\n    setWorkoutVisibility(input: $input) { workout { id visibility } errors { code field } }\n  }": typeof types.SetWorkoutVisibilityDocument,
    "\n  mutation BlockUser($input: BlockInput!) {\n    blockUser(input: $input) {\n      user { id followerCount followingCount viewerHasBlocked viewerIsFollowing }\n      viewer { id followerCount followingCount }\n      errors { code message field }\n    }\n  }": typeof types.BlockUserDocument,
    "\n  mutation UnblockUser($input: BlockInput!) {\n    unblockUser(input: $input) {\n      user { id viewerHasBlocked viewerIsFollowing }\n      viewer { id }\n      errors { code field }\n    }\n  }": typeof types.UnblockUserDocument,
    "\n  mutation PrivacyFollow($input: FollowInput!) { follow(input: $input) { errors { code field } } }": typeof types.PrivacyFollowDocument,
    "\n  mutation PrivacyUnfollow($input: FollowInput!) { unfollow(input: $input) { errors { code field } } }": typeof types.PrivacyUnfollowDocument,
    "\n  mutation TeamsCreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      team { id name description joinPolicy memberCount viewerRole owner { id } }\n      errors { code message field }\n    }\n  }": typeof types.TeamsCreateTeamDocument,
    "\n  mutation TeamsJoinTeam($input: TeamInput!) {\n    joinTeam(input: $input) { team { id memberCount viewerRole } errors { code field } }\n  }": typeof types.TeamsJoinTeamDocument,
    "\n  mutation TeamsLeaveTeam($input: TeamInput!) {\n    leaveTeam(input: $input) { team { id memberCount viewerRole owner { id } } errors { code field } }\n  }": typeof types.TeamsLeaveTeamDocument,
    "\n  mutation TeamsInviteToTeam($input: InviteToTeamInput!) {\n    inviteToTeam(input: $input) { team { id } errors { code field } }\n  }": typeof types.TeamsInviteToTeamDocument,
    "\n  mutation TeamsCreateTeamGoal($input: CreateTeamGoalInput!) {\n    createTeamGoal(input: $input) {\n      goal { id title metric target startsAt endsAt progress completedAt team { id } }\n      errors { code message field }\n    }\n  }": typeof types.TeamsCreateTeamGoalDocument,
    "\n  mutation TeamsDeleteTeamGoal($input: DeleteTeamGoalInput!) {\n    deleteTeamGoal(input: $input) { deletedGoalId team { id goals { edges { node { id } } } } errors { code field } }\n  }": typeof types.TeamsDeleteTeamGoalDocument,
    "\n  query TeamsGoal($id: ID!, $first: Int, $after: String) {\n    node(id: $id) {\n      ... on TeamGoal {\n        id progress completedAt target\n        contributions(first: $first, after: $after) {\n          edges { cursor node { amount rank user { id } } }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }": typeof types.TeamsGoalDocument,
    "\n  query TeamsLeaderboard($metric: GoalMetric!, $first: Int, $after: String) {\n    teamLeaderboard(metric: $metric, first: $first, after: $after) {\n      edges { cursor node { rank score team { id memberCount } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }": typeof types.TeamsLeaderboardDocument,
    "\n  mutation TeamsLogDistance($input: LogWorkoutInput!) {\n    logWorkout(input: $input) { workout { id distanceMeters xpEarned setCount } errors { code field } }\n  }": typeof types.TeamsLogDistanceDocument,
    "\n  mutation TeamsDeleteWorkout($input: DeleteWorkoutInput!) { deleteWorkout(input: $input) { errors { code } } }": typeof types.TeamsDeleteWorkoutDocument,
    "\n  mutation LogWorkout($input: LogWorkoutInput!) {\n    logWorkout(input: $input) {\n      workout { id title startedAt durationSeconds totalVolumeKg setCount xpEarned\n        sets { id position reps weightKg estimatedOneRepMaxKg exercise { name } } user { id } }\n      user { id xp level workoutCount }\n      errors { code message field }\n    }\n  }": typeof types.LogWorkoutDocument,
    "query LiveBoard($kind: LeaderboardKind!, $country: String, $scope: LeaderboardScope, $first: Int, $after: String) {\n  leaderboard(kind: $kind, country: $country, scope: $scope, first: $first, after: $after) {\n    refreshedAt edges { node { rank score user { username } } } pageInfo { hasNextPage endCursor }\n  }\n}": typeof types.LiveBoardDocument,
    "query LiveExerciseBoard($exerciseId: ID!, $country: String, $first: Int, $after: String) {\n  exerciseLeaderboard(exerciseId: $exerciseId, country: $country, first: $first, after: $after) {\n    refreshedAt edges { node { rank score user { username } } } pageInfo { hasNextPage endCursor }\n  }\n}": typeof types.LiveExerciseBoardDocument,
    "query Around($kind: LeaderboardKind!, $country: String, $userId: ID, $radius: Int) {\n  leaderboardAround(kind: $kind, country: $country, userId: $userId, radius: $radius) { rank score user { username } }\n}": typeof types.AroundDocument,
    "query LeaderboardsLiveUser($id: ID!) { user(id: $id) { rank(kind: XP_ALL_TIME) { rank } } }": typeof types.LeaderboardsLiveUserDocument,
    "\n  query PropertyBoard($kind: LeaderboardKind!, $country: String, $scope: LeaderboardScope, $first: Int, $after: String) {\n    leaderboard(kind: $kind, country: $country, scope: $scope, first: $first, after: $after) {\n      entryCount refreshedAt\n      edges { cursor node { rank score topPercent previousRank rankChange user { username } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }": typeof types.PropertyBoardDocument,
    "\n  query PropertyExerciseBoard($exerciseId: ID!, $country: String, $first: Int, $after: String) {\n    exerciseLeaderboard(exerciseId: $exerciseId, country: $country, first: $first, after: $after) {\n      entryCount refreshedAt\n      edges { cursor node { rank score topPercent previousRank rankChange user { username } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }": typeof types.PropertyExerciseBoardDocument,
    "\n  query PropertyRanks($ids: [ID!]!) {\n    nodes(ids: $ids) { ... on User { username\n      xp: rank(kind: XP_ALL_TIME) { rank score topPercent }\n      xpInCountry: rank(kind: XP_ALL_TIME, withinCountry: true) { rank score topPercent }\n      volume: rank(kind: VOLUME_THIS_WEEK) { rank score topPercent }\n      volumeInCountry: rank(kind: VOLUME_THIS_WEEK, withinCountry: true) { rank score topPercent }\n    } }\n  }": typeof types.PropertyRanksDocument,
    "\n  query PropertyAround($kind: LeaderboardKind!, $country: String, $userId: ID, $radius: Int) {\n    leaderboardAround(kind: $kind, country: $country, userId: $userId, radius: $radius) {\n      rank score topPercent user { username }\n    }\n  }": typeof types.PropertyAroundDocument,
    "\n  mutation PropertyLog($input: LogWorkoutInput!) {\n    logWorkout(input: $input) { workout { id } errors { code field } }\n  }": typeof types.PropertyLogDocument,
    "\n  mutation PropertyDelete($id: ID!) { deleteWorkout(input: { workoutId: $id }) { errors { code field } } }": typeof types.PropertyDeleteDocument,
    "\n  mutation PropertyProfile($input: UpdateProfileInput!) { updateProfile(input: $input) { errors { code field } } }": typeof types.PropertyProfileDocument,
    "\n  mutation PropertyFollow($id: ID!) { follow(input: { userId: $id }) { errors { code field } } }": typeof types.PropertyFollowDocument,
    "\n  mutation PropertyUnfollow($id: ID!) { unfollow(input: { userId: $id }) { errors { code field } } }": typeof types.PropertyUnfollowDocument,
    "\n  query PropertyFresh($userId: ID!, $exerciseId: ID!) {\n    xp: leaderboard(kind: XP_ALL_TIME, country: \"IS\") { entryCount edges { node { rank score topPercent user { username } } } }\n    volume: leaderboard(kind: VOLUME_THIS_WEEK, country: \"IS\") { entryCount edges { node { rank score topPercent user { username } } } }\n    lift: exerciseLeaderboard(exerciseId: $exerciseId, country: \"IS\") { entryCount edges { node { rank score topPercent user { username } } } }\n    around: leaderboardAround(kind: VOLUME_THIS_WEEK, userId: $userId, radius: 0) { score user { username } }\n    user(id: $userId) { xp volume: rank(kind: VOLUME_THIS_WEEK) { score } xpInCountry: rank(kind: XP_ALL_TIME, withinCountry: true) { rank score } }\n  }": typeof types.PropertyFreshDocument,
    "query Board($kind: LeaderboardKind!, $country: String, $first: Int, $after: String) {\n  leaderboard(kind: $kind, country: $country, first: $first, after: $after) {\n    refreshedAt weekStart\n    edges { cursor node { rank score user { username } } }\n    pageInfo { hasNextPage hasPreviousPage endCursor }\n  }\n}": typeof types.BoardDocument,
    "query Ranks($id: ID!) {\n  user(id: $id) {\n    xp: rank(kind: XP_ALL_TIME) { rank score user { username } }\n    xpInCountry: rank(kind: XP_ALL_TIME, withinCountry: true) { rank }\n    volume: rank(kind: VOLUME_THIS_WEEK) { rank score }\n  }\n}": typeof types.RanksDocument,
    "query LeaderboardsUsers { users(first: 20) { edges { node { username rank(kind: XP_ALL_TIME) { rank } } } } }": typeof types.LeaderboardsUsersDocument,
    "mutation LeaderboardsUpdateProfile($input: UpdateProfileInput!) { updateProfile(input: $input) { errors { field } } }": typeof types.LeaderboardsUpdateProfileDocument,
    "query NodesWithWorkouts($ids: [ID!]!) { nodes(ids: $ids) { ... on User { workouts(first: 100) { edges { node { sets { reps } } } } } } }": typeof types.NodesWithWorkoutsDocument,
    "query NodeIds($ids: [ID!]!) { nodes(ids: $ids) { id } }": typeof types.NodeIdsDocument,
    "query NodesWithSetWeights($ids: [ID!]!) { nodes(ids: $ids) { ... on User { workouts(first: 100) { edges { node { sets { reps weightKg } } } } } } }": typeof types.NodesWithSetWeightsDocument,
    "query FeedOfTypes($types: [ActivityType!]) { feed(first: 100, types: $types) { edges { node { id createdAt user { id username } } } } }": typeof types.FeedOfTypesDocument,
    "\n  subscription FanoutMessageAdded($id: ID!) { messageAdded(conversationId: $id) { sequenceNumber body } }": typeof types.FanoutMessageAddedDocument,
    "\n  subscription MessageAdded($id: ID!, $after: Int) {\n    messageAdded(conversationId: $id, afterSequenceNumber: $after) {\n      sequenceNumber body sender { id } conversation { id lastMessage { sequenceNumber } }\n    }\n  }": typeof types.MessageAddedDocument,
    "\n  query Messages($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    conversation(id: $id) {\n      messages(first: $first, after: $after, last: $last, before: $before) {\n        edges { cursor node { sequenceNumber } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }": typeof types.MessagesDocument,
    "\n  query Unread($id: ID!) { conversation(id: $id) { unreadCount memberCount } }": typeof types.UnreadDocument,
    "mutation CreateConversationWithMembers($input: CreateConversationInput!) { createConversation(input: $input) {\n        conversation { title memberCount unreadCount lastMessage { id } lastMessageAt\n          members { edges { node { id } } } }\n        errors { code field } } }": typeof types.CreateConversationWithMembersDocument,
    "mutation CreateConversationErrors($input: CreateConversationInput!) { createConversation(input: $input) { conversation { id } errors { code field } } }": typeof types.CreateConversationErrorsDocument,
    "mutation CreateConversationWithoutMembers { createConversation(input: { title: \"x\", memberIds: [] }) { errors { code } } }": typeof types.CreateConversationWithoutMembersDocument,
    "mutation CreateCrowdedConversation($input: CreateConversationInput!) { createConversation(input: $input) { errors { code field } } }": typeof types.CreateCrowdedConversationDocument,
    "query LastMessage($id: ID!) { conversation(id: $id) { lastMessage { id body } lastMessageAt } }": typeof types.LastMessageDocument,
    "mutation MessagingEditMessage($input: EditMessageInput!) { editMessage(input: $input) {\n      message { body editedAt } errors { code field } } }": typeof types.MessagingEditMessageDocument,
    "query MessageIdsMatching($q: String!) { searchMessages(query: $q) { edges { node { id } } } }": typeof types.MessageIdsMatchingDocument,
    "query ConversationScreen($id: ID!, $n: Int!) { conversation(id: $id) { title unreadCount\n      messages(last: $n) { edges { node { body sender { username } reactions { emoji count viewerHasReacted }\n        conversation { title memberCount } } } } } }": typeof types.ConversationScreenDocument,
    "fragment ConversationScreenParts on Conversation { id title memberCount lastSequenceNumber\n    viewerLastReadSequenceNumber createdAt lastMessageAt\n    messages(first: $first, after: $after, last: $last, before: $before) {\n      edges { cursor node { id sequenceNumber body createdAt editedAt\n        sender { id username displayName createdAt level followerCount country }\n        reactions { emoji count viewerHasReacted } } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }": typeof types.ConversationScreenPartsFragmentDoc,
    "query ConversationFolded($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    conversation(id: $id) { ...ConversationScreenParts } }": typeof types.ConversationFoldedDocument,
    "query ConversationUnfolded($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    node(id: $id) { ...ConversationScreenParts } }": typeof types.ConversationUnfoldedDocument,
    "query UnfoldedProfile($name: String!) { userByUsername(username: $name) {\n        followers(first: 2) { edges { node { username } } } } }": typeof types.UnfoldedProfileDocument,
    "query AliasedMessagePages($id: ID!) { conversation(id: $id) {\n        a: messages(first: 1) { edges { node { sequenceNumber } } } b: messages(last: 1) { edges { node { sequenceNumber } } } } }": typeof types.AliasedMessagePagesDocument,
    "query DirectedMessagePage($id: ID!, $withPage: Boolean!) { conversation(id: $id) {\n        messages(last: 2) @include(if: $withPage) { edges { node { sequenceNumber } } } } }": typeof types.DirectedMessagePageDocument,
    "query SkippedSender($id: ID!) { conversation(id: $id) {\n        messages(last: 1) { edges { node { sequenceNumber sender @skip(if: true) { username } } } } } }": typeof types.SkippedSenderDocument,
    "mutation MessagingAddReaction($input: ReactionInput!) { addReaction(input: $input) {\n      message { reactions { emoji count viewerHasReacted } } errors { code field } } }": typeof types.MessagingAddReactionDocument,
    "mutation MessagingRemoveReaction($input: ReactionInput!) { removeReaction(input: $input) {\n      message { reactions { emoji count viewerHasReacted } } errors { code field } } }": typeof types.MessagingRemoveReactionDocument,
    "query Inbox($first: Int, $after: String) { viewer { conversations(first: $first, after: $after) {\n      edges { node { title unreadCount } } pageInfo { hasNextPage endCursor } } } }": typeof types.InboxDocument,
    "query OthersInbox($id: ID!) { user(id: $id) { conversations { edges { node { id } } } } }": typeof types.OthersInboxDocument,
    "query InboxScreen($n: Int!) { viewer { conversations(first: $n) { edges { node { title unreadCount memberCount\n      lastMessage { body sender { username } reactions { emoji } } members(first: 5) { edges { node { username } } } } } } } }": typeof types.InboxScreenDocument,
    "query MessagingSearchMessages($q: String!, $c: ID, $first: Int, $after: String) {\n      searchMessages(query: $q, conversationId: $c, first: $first, after: $after) {\n        edges { node { body } } pageInfo { hasNextPage endCursor } } }": typeof types.MessagingSearchMessagesDocument,
    "query ConversationAsStranger($c: ID!, $m: ID!) { conversation(id: $c) { id } node(id: $m) { id }\n        nodes(ids: [$c, $m]) { id } c: node(id: $c) { id } }": typeof types.ConversationAsStrangerDocument,
    "query ConversationAnonymously($c: ID!) { conversation(id: $c) { id } }": typeof types.ConversationAnonymouslyDocument,
    "mutation StrangerAddsReaction($input: ReactionInput!) {\n      addReaction(input: $input) { message { id } errors { code field } } }": typeof types.StrangerAddsReactionDocument,
    "mutation StrangerRemovesReaction($input: ReactionInput!) {\n      removeReaction(input: $input) { message { id } errors { code field } } }": typeof types.StrangerRemovesReactionDocument,
    "mutation StrangerEdits($input: EditMessageInput!) { editMessage(input: $input) { errors { code field } } }": typeof types.StrangerEditsDocument,
    "query ConversationAfterLeaving($c: ID!, $m: ID!) { conversation(id: $c) { id } node(id: $m) { id } }": typeof types.ConversationAfterLeavingDocument,
    "query ConversationAndMessageNodes($c: ID!, $m: ID!) { nodes(ids: [$c, $m]) { id ... on Conversation { title } ... on Message { body sender { id } } } }": typeof types.ConversationAndMessageNodesDocument,
    "\n  subscription NotificationAdded($after: Int) {\n    notificationAdded(afterSequenceNumber: $after) {\n      sequenceNumber kind read actor { id } workout { id likeCount } comment { body }\n    }\n  }": typeof types.NotificationAddedDocument,
    "mutation NotificationsFollow($input: FollowInput!) { follow(input: $input) { errors { code } } }": typeof types.NotificationsFollowDocument,
    "mutation NotificationsUnfollow($input: FollowInput!) { unfollow(input: $input) { errors { code } } }": typeof types.NotificationsUnfollowDocument,
    "mutation NotificationsAddReaction($input: ReactionInput!) { addReaction(input: $input) { errors { code } } }": typeof types.NotificationsAddReactionDocument,
    "mutation NotificationsRemoveReaction($input: ReactionInput!) { removeReaction(input: $input) { errors { code } } }": typeof types.NotificationsRemoveReactionDocument,
    "query NotificationsNode($id: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id } }": typeof types.NotificationsNodeDocument,
    "query NotificationsUser($id: ID!) { user(id: $id) { unreadNotificationCount notifications { edges { node { id } } } } }": typeof types.NotificationsUserDocument,
    "\n  query MetricsProfile($username: String!) {\n    userByUsername(username: $username) { username followerCount workouts(first: 5) { edges { node { title } } } }\n  }": typeof types.MetricsProfileDocument,
    "\n  mutation MetricsFollow($userId: ID!) { follow(input: { userId: $userId }) { errors { code } user { followerCount } } }": typeof types.MetricsFollowDocument,
    "\n  subscription MetricsMessageAdded($id: ID!) { messageAdded(conversationId: $id) { sequenceNumber } }": typeof types.MetricsMessageAddedDocument,
    "query PaginationUser($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n  user(id: $id) { workouts(first: $first, after: $after, last: $last, before: $before) {\n    edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }": typeof types.PaginationUserDocument,
    "query PaginationFeed($after: String) { feed(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }": typeof types.PaginationFeedDocument,
    "subscription BouncedMessageAdded($id: ID!) { messageAdded(conversationId: $id) { sequenceNumber body } }": typeof types.BouncedMessageAddedDocument,
    "mutation BouncedCreateConversation($input: CreateConversationInput!) {\n  createConversation(input: $input) { conversation { id } errors { code } } }": typeof types.BouncedCreateConversationDocument,
    "mutation BouncedLogWorkout($input: LogWorkoutInput!) {\n  logWorkout(input: $input) { errors { field } } }": typeof types.BouncedLogWorkoutDocument,
    "query BouncedBoard { leaderboard(kind: XP_ALL_TIME, first: 1) { edges { node { rank user { username } } } } }": typeof types.BouncedBoardDocument,
    "mutation BouncedSendMessage($input: SendMessageInput!) {\n  sendMessage(input: $input) { message { sequenceNumber } errors { code } } }": typeof types.BouncedSendMessageDocument,
    "\n  subscription PrivacyNotificationReplay($after: Int) {\n    notificationAdded(afterSequenceNumber: $after) { sequenceNumber workout { id } comment { id } }\n  }": typeof types.PrivacyNotificationReplayDocument,
    "\n  mutation MatrixLike($input: WorkoutLikeInput!) { likeWorkout(input: $input) { errors { code } } }": typeof types.MatrixLikeDocument,
    "\n  mutation MatrixComment($input: CommentOnWorkoutInput!) { commentOnWorkout(input: $input) { errors { code } } }": typeof types.MatrixCommentDocument,
    "mutation ProfileUpdateProfile($input: UpdateProfileInput!) {\n  updateProfile(input: $input) {\n    user { displayName country ghostMode leaderboardOptIn }\n    errors { code message field }\n  }\n}": typeof types.ProfileUpdateProfileDocument,
    "query GhostMode($id: ID!) { user(id: $id) { ghostMode } }": typeof types.GhostModeDocument,
    "mutation RaceCountersFollow($input: FollowInput!) { follow(input: $input) { errors { code } } }": typeof types.RaceCountersFollowDocument,
    "mutation RaceCountersUnfollow($input: FollowInput!) { unfollow(input: $input) { errors { code } } }": typeof types.RaceCountersUnfollowDocument,
    "mutation RaceInteractionsLikeWorkout($input: WorkoutLikeInput!) { likeWorkout(input: $input) { errors { code } } }": typeof types.RaceInteractionsLikeWorkoutDocument,
    "mutation RaceInteractionsFollow($input: FollowInput!) { follow(input: $input) { errors { code } } }": typeof types.RaceInteractionsFollowDocument,
    "mutation RaceInteractionsAddReaction($input: ReactionInput!) { addReaction(input: $input) { errors { code } } }": typeof types.RaceInteractionsAddReactionDocument,
    "\n  mutation Log($input: LogWorkoutInput!) {\n    logWorkout(input: $input) {\n      workout { id }\n      personalRecords { id kind valueKg previousValueKg achievedAt exercise { name } set { position reps weightKg } workout { id } user { username } }\n      errors { code field }\n    }\n  }": typeof types.LogDocument,
    "\n  mutation Delete($id: ID!) { deleteWorkout(input: { workoutId: $id }) { deletedWorkoutId errors { code } } }": typeof types.DeleteDocument,
    "\n  query Records($id: ID!, $exerciseId: ID, $kind: RecordKind, $first: Int, $after: String) {\n    node(id: $id) { ... on User {\n      personalRecords(exerciseId: $exerciseId, kind: $kind, first: $first, after: $after) {\n        edges { cursor node { id kind valueKg previousValueKg exercise { name } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    } }\n  }": typeof types.RecordsDocument,
    "query RecordsFeed { feed(types: [PERSONAL_RECORD]) { edges { node { type workout { id } records { kind valueKg previousValueKg exercise { name } } } } } }": typeof types.RecordsFeedDocument,
    "query RecordNode($id: ID!) { node(id: $id) { ... on PersonalRecord { id valueKg } } }": typeof types.RecordNodeDocument,
    "query RecordValue($id: ID!) { node(id: $id) { ... on PersonalRecord { valueKg } } }": typeof types.RecordValueDocument,
    "query RecordsWorkout($id: ID!) { workout(id: $id) { personalRecords { kind valueKg } } }": typeof types.RecordsWorkoutDocument,
    "query RecordsOfUsers($ids: [ID!]!) { nodes(ids: $ids) { ... on User { personalRecords(first: 5) { edges { node { kind set { reps } workout { title } } } }\n         workouts(first: 5) { edges { node { personalRecords { kind } } } } } } }": typeof types.RecordsOfUsersDocument,
    "query MuscleLoad($id: ID!) { node(id: $id) { ... on User { muscleLoad { muscle { name } loadKg setCount } } } }": typeof types.MuscleLoadDocument,
    "query MuscleLoadOf60Days($id: ID!) { node(id: $id) { ... on User { muscleLoad(days: 60) { loadKg } } } }": typeof types.MuscleLoadOf60DaysDocument,
    "query MuscleLoadOfDays($id: ID!, $d: Int) { node(id: $id) { ... on User { muscleLoad(days: $d) { loadKg } } } }": typeof types.MuscleLoadOfDaysDocument,
    "mutation ReplicasUpdateProfile($name: String!) { updateProfile(input: { displayName: $name }) { user { displayName } errors { code } } }": typeof types.ReplicasUpdateProfileDocument,
    "query ReplicasViewer { viewer { displayName } }": typeof types.ReplicasViewerDocument,
    "query SeedInteractionsViewer { viewer { unreadNotificationCount } }": typeof types.SeedInteractionsViewerDocument,
    "query DemoConversations { viewer { conversations { edges { node { title unreadCount memberCount messages(last: 1) { edges { node { body reactions { emoji count } } } } } } } } }": typeof types.DemoConversationsDocument,
    "mutation FollowUser($input: FollowInput!) {\n  follow(input: $input) { user { id followerCount viewerIsFollowing } viewer { id followingCount } errors { code field } } }": typeof types.FollowUserDocument,
    "mutation UnfollowUser($input: FollowInput!) {\n  unfollow(input: $input) { user { id followerCount viewerIsFollowing } viewer { id followingCount } errors { code field } } }": typeof types.UnfollowUserDocument,
    "query FollowersAndFollowing($id: ID!, $after: String) { user(id: $id) {\n      followers(first: 2, after: $after) { edges { node { username } } pageInfo { hasNextPage hasPreviousPage endCursor } }\n      following { edges { node { username } } } } }": typeof types.FollowersAndFollowingDocument,
    "fragment ProfileWithFollowers on User { username followerCount followingCount workoutCount xp\n    followers(first: $first) { edges { cursor node { username level } } pageInfo { hasNextPage hasPreviousPage endCursor } } }": typeof types.ProfileWithFollowersFragmentDoc,
    "query Profile($name: String!, $first: Int) {\n    userByUsername(username: $name) { ...ProfileWithFollowers } }": typeof types.ProfileDocument,
    "query ProfileById($id: ID!, $first: Int) { user(id: $id) { ...ProfileWithFollowers } }": typeof types.ProfileByIdDocument,
    "query LaterFollowersPage($name: String!, $after: String) { userByUsername(username: $name) { followers(first: 1, after: $after) { edges { node { username } } pageInfo { hasPreviousPage } } } }": typeof types.LaterFollowersPageDocument,
    "query AliasedFollowerPages($name: String!) { userByUsername(username: $name) { a: followers(first: 1) { edges { node { username } } } b: followers(first: 2) { edges { node { username } } } } }": typeof types.AliasedFollowerPagesDocument,
    "query SocialNodes($ids: [ID!]!) { nodes(ids: $ids) { ... on User { username viewerIsFollowing } } }": typeof types.SocialNodesDocument,
    "query NestedPages($n: Int) { users(first: $n, search: \"nested_\") { edges { node {\n    workouts(first: 10) { edges { node { sets { exercise { activations { muscle { name } } } } } } }\n    followers(first: 5) { edges { node { username } } }\n  } } } }": typeof types.NestedPagesDocument,
    "query NestedEverything($n: Int) { users(first: $n, search: \"nested_\") { edges { node {\n    viewerIsFollowing stats { workoutCount currentStreakDays }\n    workouts(first: 3) { edges { node { user { username } sets { exercise { name } } } } }\n    following(first: 5) { edges { node { username } } }\n    activity(first: 5) { edges { node { type workout { title user { username } } subject { username } } } }\n  } } } }": typeof types.NestedEverythingDocument,
    "subscription LimitedMessageAdded($id: ID!) { messageAdded(conversationId: $id, afterSequenceNumber: 0) { body } }": typeof types.LimitedMessageAddedDocument,
    "\n  subscription TeamGoalProgress($goalId: ID!) {\n    teamGoalProgress(goalId: $goalId) { id progress completedAt contributions(first: 3) { edges { node { amount } } } }\n  }": typeof types.TeamGoalProgressDocument,
    "\n  query TeamsTeamPage($id: ID!) {\n    team(id: $id) {\n      id name memberCount viewerRole owner { id }\n      members(first: 10) { edges { node { role joinedAt user { id } } } }\n      goals(first: 10) { edges { node { id endsAt } } }\n    }\n  }": typeof types.TeamsTeamPageDocument,
    "\n  query TeamsUserTeams($id: ID!) { user(id: $id) { teams(first: 10) { edges { node { id name } } } } }": typeof types.TeamsUserTeamsDocument,
    "\n  query TeamsSearch($search: String) { teams(search: $search, first: 10) { edges { node { name } } } }": typeof types.TeamsSearchDocument,
    "\n  query TeamsNotifications {\n    viewer { notifications(first: 20) { edges { node { kind sequenceNumber actor { id } team { id } goal { id } } } } }\n  }": typeof types.TeamsNotificationsDocument,
    "mutation TeamsGoalByMember($input: CreateTeamGoalInput!) { createTeamGoal(input: $input) { goal { id } errors { code field } } }": typeof types.TeamsGoalByMemberDocument,
    "mutation TeamsGoalTooLong($input: CreateTeamGoalInput!) { createTeamGoal(input: $input) { errors { code field } } }": typeof types.TeamsGoalTooLongDocument,
    "\n  mutation DeleteWorkout($input: DeleteWorkoutInput!) {\n    deleteWorkout(input: $input) { deletedWorkoutId user { xp workoutCount } errors { code field } }\n  }": typeof types.DeleteWorkoutDocument,
    "query WorkoutId($id: ID!) { workout(id: $id) { id } }": typeof types.WorkoutIdDocument,
    "query WorkoutAndNode($id: ID!) { workout(id: $id) { id setCount user { id } }\n      node(id: $id) { ... on Workout { title } } }": typeof types.WorkoutAndNodeDocument,
    "query UserWorkouts($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n      user(id: $id) { workouts(first: $first, after: $after, last: $last, before: $before) {\n        edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor startCursor } } } }": typeof types.UserWorkoutsDocument,
    "query UserStatsOf($id: ID!, $days: Int) {\n  user(id: $id) { stats(days: $days) { workoutCount totalVolumeKg bestEstimatedOneRepMaxKg currentStreakDays } } }": typeof types.UserStatsOfDocument,
    "query UsersStats { users(first: 20) { edges { node { stats(days: 30) { workoutCount currentStreakDays } } } } }": typeof types.UsersStatsDocument,
    "query ExerciseProgressOf($id: ID!, $exerciseId: ID!, $weeks: Int) {\n  user(id: $id) { exerciseProgress(exerciseId: $exerciseId, weeks: $weeks) { weekStart bestEstimatedOneRepMaxKg changeKg } } }": typeof types.ExerciseProgressOfDocument,
    "\n  query TrustedProfile($username: String!) { userByUsername(username: $username) { username } }": typeof types.TrustedProfileDocument,
    "query Users($first: Int, $after: String, $last: Int, $before: String, $search: String) {\n  users(first: $first, after: $after, last: $last, before: $before, search: $search) {\n    edges { cursor node { username } }\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n  }\n}": typeof types.UsersDocument,
    "query UserAndByUsername($id: ID!) { user(id: $id) { username } userByUsername(username: \"FINDER\") { id } }": typeof types.UserAndByUsernameDocument,
    "query UserId($id: ID!) { user(id: $id) { id } }": typeof types.UserIdDocument,
    "query UserIdOf($id: ID!) { user(id: $id) { id } }": typeof types.UserIdOfDocument,
    "query MixedNodes($ids: [ID!]!) { nodes(ids: $ids) { id __typename ... on User { username } ... on Muscle { name } } }": typeof types.MixedNodesDocument,
    "query NodeOfLiteralId { node(id: \"%%%\") { id } }": typeof types.NodeOfLiteralIdDocument,
    "query UserDisplayName($id: ID!) { user(id: $id) { displayName } }": typeof types.UserDisplayNameDocument,
    "query ThreeUsers($a: ID!, $b: ID!, $c: ID!) {\n      a: user(id: $a) { username } b: user(id: $b) { username } c: user(id: $c) { username } }": typeof types.ThreeUsersDocument,
    "query NodeId($id: ID!) { node(id: $id) { id } }": typeof types.NodeIdDocument,
    "\n  mutation UpdateDefaultVisibility($input: UpdateProfileInput!) {\n    updateProfile(input: $input) { user { defaultWorkoutVisibility } errors { code field } }\n  }": typeof types.UpdateDefaultVisibilityDocument,
    "\n  query DefaultWorkoutVisibility($id: ID!) { user(id: $id) { defaultWorkoutVisibility } }": typeof types.DefaultWorkoutVisibilityDocument,
    "\n  query VisibleWorkouts($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    user(id: $id) {\n      workouts(first: $first, after: $after, last: $last, before: $before) {\n        edges { cursor node { id visibility } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }": typeof types.VisibleWorkoutsDocument,
    "\n  query VisibleFeed($first: Int, $after: String) {\n    feed(first: $first, after: $after) {\n      edges { node { id type workout { id } } }\n      pageInfo { hasNextPage hasPreviousPage endCursor }\n    }\n  }": typeof types.VisibleFeedDocument,
    "\n  query VisibleActivity($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      activity(first: $first, after: $after, types: [WORKOUT_LOGGED]) {\n        edges { node { workout { id } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }": typeof types.VisibleActivityDocument,
    "\n  query VisibilityAggregates($id: ID!, $exercise: ID!) {\n    user(id: $id) {\n      xp level workoutCount\n      stats(days: 30) { workoutCount totalVolumeKg bestEstimatedOneRepMaxKg currentStreakDays }\n      exerciseProgress(exerciseId: $exercise) { weekStart bestEstimatedOneRepMaxKg }\n      muscleLoad(days: 30) { loadKg setCount muscle { name } }\n      rank(kind: XP_ALL_TIME) { score }\n    }\n  }": typeof types.VisibilityAggregatesDocument,
    "\n  query VisibilityCounts($id: ID!) { workout(id: $id) { likeCount commentCount } }": typeof types.VisibilityCountsDocument,
    "mutation VisLike($id: ID!) { likeWorkout(input: { workoutId: $id }) { errors { code } } }": typeof types.VisLikeDocument,
    "mutation VisComment($id: ID!) { commentOnWorkout(input: { workoutId: $id, body: \"Nice\" }) { errors { code } } }": typeof types.VisCommentDocument,
};
const documents: Documents = {
    "\n  mutation DeleteAccount($input: DeleteAccountInput!) {\n    deleteAccount(input: $input) { deletedUserId errors { code message field } }\n  }": types.DeleteAccountDocument,
    "query DeletionViewer { viewer { id username } }": types.DeletionViewerDocument,
    "\n  mutation DeletionReact($input: ReactionInput!) { addReaction(input: $input) { errors { code } } }": types.DeletionReactDocument,
    "\n  query DeletionMessages($id: ID!) {\n    conversation(id: $id) {\n      memberCount\n      messages(first: 50) {\n        edges { node { sequenceNumber body sender {\n          id username displayName country xp level workoutCount followerCount followingCount\n          rank(kind: XP_ALL_TIME) { rank }\n        } } }\n      }\n    }\n  }": types.DeletionMessagesDocument,
    "\n  query DeletionTeam($id: ID!) { team(id: $id) { memberCount owner { id } members(first: 10) { edges { node { role user { id } } } } } }": types.DeletionTeamDocument,
    "\n  query DeletionBoard($kind: LeaderboardKind!) {\n    leaderboard(kind: $kind, first: 100) { entryCount edges { node { rank score user { id } } } }\n  }": types.DeletionBoardDocument,
    "\n  query DeletionExerciseBoard($exerciseId: ID!) {\n    exerciseLeaderboard(exerciseId: $exerciseId, first: 100) { entryCount edges { node { rank score user { id } } } }\n  }": types.DeletionExerciseBoardDocument,
    "\n  mutation DeletionFollow($input: FollowInput!) { follow(input: $input) { errors { code field } } }": types.DeletionFollowDocument,
    "\n  subscription DeletionMemberLeft($id: ID!) {\n    conversationEvents(conversationId: $id) {\n      __typename\n      ... on MemberLeftEvent { user { id displayName } memberCount }\n    }\n  }": types.DeletionMemberLeftDocument,
    "\n  query DeletionDirectory($search: String) { users(first: 20, search: $search) { edges { node { id } } } }": types.DeletionDirectoryDocument,
    "\n  subscription DeletionNotificationAdded { notificationAdded { sequenceNumber } }": types.DeletionNotificationAddedDocument,
    "query IdentityViewer { viewer { id username displayName country } }": types.IdentityViewerDocument,
    "\n  mutation IdentityDeleteAccount($input: DeleteAccountInput!) {\n    deleteAccount(input: $input) { deletedUserId errors { code field } }\n  }\n": types.IdentityDeleteAccountDocument,
    "\n  mutation CreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) {\n      viewer { id username displayName country defaultWorkoutVisibility }\n      errors { code message field }\n    }\n  }": types.CreateAccountDocument,
    "\n  mutation IdentityUpdateProfile($name: String!) {\n    updateProfile(input: { displayName: $name }) { user { id } errors { code } }\n  }": types.IdentityUpdateProfileDocument,
    "\n  subscription IdentityNotifications { notificationAdded { kind actor { id } } }": types.IdentityNotificationsDocument,
    "query Feed($first: Int, $after: String, $types: [ActivityType!]) {\n  feed(first: $first, after: $after, types: $types) {\n    edges { cursor node { id type user { username } level subject { username } workout { title } } }\n    pageInfo { hasNextPage hasPreviousPage endCursor } } }": types.FeedDocument,
    "query UserActivity($id: ID!, $first: Int, $after: String, $types: [ActivityType!]) {\n  user(id: $id) { activity(first: $first, after: $after, types: $types) {\n    edges { node { type createdAt } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }": types.UserActivityDocument,
    "mutation ActivityFollow($input: FollowInput!) { follow(input: $input) { errors { code } } }": types.ActivityFollowDocument,
    "mutation ActivityUnfollow($input: FollowInput!) { unfollow(input: $input) { errors { code } } }": types.ActivityUnfollowDocument,
    "query ActivityNode($id: ID!) { node(id: $id) { id } }": types.ActivityNodeDocument,
    "query AuthViewer { viewer { username } }": types.AuthViewerDocument,
    "query AnonymousReads { viewer { username } muscles { name } }": types.AnonymousReadsDocument,
    "mutation AuthUpdateProfile { updateProfile(input: { displayName: \"X\" }) { user { id } errors { code } } }": types.AuthUpdateProfileDocument,
    "\n  query BlockRelation($id: ID!) {\n    user(id: $id) { followerCount followingCount viewerIsFollowing viewerHasBlocked }\n  }": types.BlockRelationDocument,
    "\n  query BlockedUsers($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      blockedUsers(first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } }\n    }\n  }": types.BlockedUsersDocument,
    "\n  mutation BlockingAddReaction($input: ReactionInput!) { addReaction(input: $input) { errors { code } } }": types.BlockingAddReactionDocument,
    "query UpkeepBoard($kind: LeaderboardKind!) {\n  leaderboard(kind: $kind) {\n    refreshedAt weekStart entryCount\n    edges { node { rank score previousRank rankChange topPercent user { username } } }\n  }\n}": types.UpkeepBoardDocument,
    "query UpkeepScopedBoard($kind: LeaderboardKind!, $country: String, $scope: LeaderboardScope) {\n  leaderboard(kind: $kind, country: $country, scope: $scope) { edges { node { rank previousRank rankChange user { username } } } }\n}": types.UpkeepScopedBoardDocument,
    "mutation UpkeepLog($input: LogWorkoutInput!) { logWorkout(input: $input) { errors { message } } }": types.UpkeepLogDocument,
    "mutation UpkeepProfile($input: UpdateProfileInput!) { updateProfile(input: $input) { errors { message } } }": types.UpkeepProfileDocument,
    "query CliViewer { viewer { id username } }": types.CliViewerDocument,
    "query Jit($id: ID!) { user(id: $id) { username followers(first: 1) { edges { cursor } } } }": types.JitDocument,
    "query CompiledExecutionUser { bad: user(id: \"nope\") { id } viewer { id } }": types.CompiledExecutionUserDocument,
    "\n  subscription ConversationEvents($id: ID!) {\n    conversationEvents(conversationId: $id) {\n      __typename\n      ... on MessageAddedEvent { message { sequenceNumber body sender { id } } }\n      ... on MessageEditedEvent { message { sequenceNumber body editedAt } }\n      ... on ReactionsChangedEvent { message { sequenceNumber reactions { emoji count viewerHasReacted } } }\n      ... on ReadMarkMovedEvent { user { id } upToSequenceNumber }\n      ... on MemberLeftEvent { user { id } memberCount }\n    }\n  }": types.ConversationEventsDocument,
    "mutation ConversationEventsEditMessage($input: EditMessageInput!) { editMessage(input: $input) { errors { code } } }": types.ConversationEventsEditMessageDocument,
    "mutation ConversationEventsAddReaction($input: ReactionInput!) { addReaction(input: $input) { errors { code } } }": types.ConversationEventsAddReactionDocument,
    "mutation ConversationEventsRemoveReaction($input: ReactionInput!) { removeReaction(input: $input) { errors { code } } }": types.ConversationEventsRemoveReactionDocument,
    "query ReportUsers { users(first: 5) { edges { node { username } } } }": types.ReportUsersDocument,
    "\n  query DemoTeams {\n    viewer {\n      teams(first: 5) {\n        edges { node { name memberCount viewerRole\n          goals(first: 5) { edges { node { id title metric target progress completedAt startsAt endsAt } } } } }\n      }\n    }\n  }": types.DemoTeamsDocument,
    "query DemoViewer($exerciseId: ID!) {\n      viewer { level workoutCount stats(days: 30) { workoutCount currentStreakDays }\n        exerciseProgress(exerciseId: $exerciseId, weeks: 6) { weekStart }\n        workouts(first: 1) { edges { node { title setCount } } } }\n      feed(first: 10) { edges { node { type user { username } createdAt } } } }": types.DemoViewerDocument,
    "query DemoSocial { viewer { unreadNotificationCount notifications(first: 50) { edges { node { kind sequenceNumber } } }\n           workouts(first: 1) { edges { node { likeCount commentCount } } } } }": types.DemoSocialDocument,
    "mutation BaselineWorkout($input: LogWorkoutInput!) { logWorkout(input: $input) { workout { id } errors { code } } }": types.BaselineWorkoutDocument,
    "subscription MessageAddedOfBadId($id: ID!) { messageAdded(conversationId: $id) { id } }": types.MessageAddedOfBadIdDocument,
    "\n  query WorkoutLikes($id: ID!, $first: Int, $after: String) {\n    workout(id: $id) {\n      likeCount viewerHasLiked\n      likes(first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } }\n    }\n  }": types.WorkoutLikesDocument,
    "\n  query WorkoutComments($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    workout(id: $id) {\n      commentCount\n      comments(first: $first, after: $after, last: $last, before: $before) {\n        edges { node { id body author { id } workout { id } } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }": types.WorkoutCommentsDocument,
    "query InteractionsNode($id: ID!) { node(id: $id) { ... on Comment { body author { id } } } }": types.InteractionsNodeDocument,
    "mutation InteractionsDeleteWorkout($input: DeleteWorkoutInput!) { deleteWorkout(input: $input) { deletedWorkoutId errors { code } } }": types.InteractionsDeleteWorkoutDocument,
    "query InteractionsViewer { viewer { notifications { edges { node { sequenceNumber kind workout { id } comment { id } actor { id } } } } } }": types.InteractionsViewerDocument,
    "\n      query Page($id: ID!, $first: Int!) { user(id: $id) { workouts(first: $first) { edges { node {\n        likeCount viewerHasLiked commentCount\n        comments(first: 2) { edges { node { body author { username } } } pageInfo { hasNextPage } }\n      } } } } }": types.PageDocument,
    "\n  mutation LikeWorkout($input: WorkoutLikeInput!) {\n    likeWorkout(input: $input) { workout { id likeCount viewerHasLiked } errors { code message field } }\n  }": types.LikeWorkoutDocument,
    "\n  mutation UnlikeWorkout($input: WorkoutLikeInput!) {\n    unlikeWorkout(input: $input) { workout { id likeCount viewerHasLiked } errors { code message field } }\n  }": types.UnlikeWorkoutDocument,
    "\n  mutation CommentOnWorkout($input: CommentOnWorkoutInput!) {\n    commentOnWorkout(input: $input) {\n      comment { id body author { id } workout { id commentCount } }\n      errors { code message field }\n    }\n  }": types.CommentOnWorkoutDocument,
    "\n  mutation DeleteComment($input: DeleteCommentInput!) {\n    deleteComment(input: $input) { deletedCommentId workout { id commentCount } errors { code field } }\n  }": types.DeleteCommentDocument,
    "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) { viewer { id unreadNotificationCount } errors { code field } }\n  }": types.MarkNotificationsReadDocument,
    "\n  query Notifications($first: Int, $after: String) {\n    viewer {\n      unreadNotificationCount\n      notifications(first: $first, after: $after) {\n        edges { cursor node {\n          id kind sequenceNumber read emoji actor { id }\n          workout { id } comment { id body } message { id }\n        } }\n        pageInfo { hasNextPage hasPreviousPage endCursor }\n      }\n    }\n  }": types.NotificationsDocument,
    "\n  mutation CreateConversation($input: CreateConversationInput!) {\n    createConversation(input: $input) {\n      conversation { id title memberCount unreadCount lastMessage { id } lastMessageAt }\n      errors { code message field }\n    }\n  }": types.CreateConversationDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message { id sequenceNumber body sender { id } conversation { id } }\n      errors { code message field }\n    }\n  }": types.SendMessageDocument,
    "\n  mutation MarkRead($input: MarkConversationReadInput!) {\n    markConversationRead(input: $input) {\n      conversation { id unreadCount viewerLastReadSequenceNumber }\n      errors { code field }\n    }\n  }": types.MarkReadDocument,
    "\n  mutation Leave($input: LeaveConversationInput!) {\n    leaveConversation(input: $input) {\n      conversation { id memberCount }\n      errors { code field }\n    }\n  }": types.LeaveDocument,
    "\n  mutation SetWorkoutVisibility($input: SetWorkoutVisibilityInput!) {\n    setWorkoutVisibility(input: $input) { workout { id visibility } errors { code field } }\n  }": types.SetWorkoutVisibilityDocument,
    "\n  mutation BlockUser($input: BlockInput!) {\n    blockUser(input: $input) {\n      user { id followerCount followingCount viewerHasBlocked viewerIsFollowing }\n      viewer { id followerCount followingCount }\n      errors { code message field }\n    }\n  }": types.BlockUserDocument,
    "\n  mutation UnblockUser($input: BlockInput!) {\n    unblockUser(input: $input) {\n      user { id viewerHasBlocked viewerIsFollowing }\n      viewer { id }\n      errors { code field }\n    }\n  }": types.UnblockUserDocument,
    "\n  mutation PrivacyFollow($input: FollowInput!) { follow(input: $input) { errors { code field } } }": types.PrivacyFollowDocument,
    "\n  mutation PrivacyUnfollow($input: FollowInput!) { unfollow(input: $input) { errors { code field } } }": types.PrivacyUnfollowDocument,
    "\n  mutation TeamsCreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      team { id name description joinPolicy memberCount viewerRole owner { id } }\n      errors { code message field }\n    }\n  }": types.TeamsCreateTeamDocument,
    "\n  mutation TeamsJoinTeam($input: TeamInput!) {\n    joinTeam(input: $input) { team { id memberCount viewerRole } errors { code field } }\n  }": types.TeamsJoinTeamDocument,
    "\n  mutation TeamsLeaveTeam($input: TeamInput!) {\n    leaveTeam(input: $input) { team { id memberCount viewerRole owner { id } } errors { code field } }\n  }": types.TeamsLeaveTeamDocument,
    "\n  mutation TeamsInviteToTeam($input: InviteToTeamInput!) {\n    inviteToTeam(input: $input) { team { id } errors { code field } }\n  }": types.TeamsInviteToTeamDocument,
    "\n  mutation TeamsCreateTeamGoal($input: CreateTeamGoalInput!) {\n    createTeamGoal(input: $input) {\n      goal { id title metric target startsAt endsAt progress completedAt team { id } }\n      errors { code message field }\n    }\n  }": types.TeamsCreateTeamGoalDocument,
    "\n  mutation TeamsDeleteTeamGoal($input: DeleteTeamGoalInput!) {\n    deleteTeamGoal(input: $input) { deletedGoalId team { id goals { edges { node { id } } } } errors { code field } }\n  }": types.TeamsDeleteTeamGoalDocument,
    "\n  query TeamsGoal($id: ID!, $first: Int, $after: String) {\n    node(id: $id) {\n      ... on TeamGoal {\n        id progress completedAt target\n        contributions(first: $first, after: $after) {\n          edges { cursor node { amount rank user { id } } }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }": types.TeamsGoalDocument,
    "\n  query TeamsLeaderboard($metric: GoalMetric!, $first: Int, $after: String) {\n    teamLeaderboard(metric: $metric, first: $first, after: $after) {\n      edges { cursor node { rank score team { id memberCount } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }": types.TeamsLeaderboardDocument,
    "\n  mutation TeamsLogDistance($input: LogWorkoutInput!) {\n    logWorkout(input: $input) { workout { id distanceMeters xpEarned setCount } errors { code field } }\n  }": types.TeamsLogDistanceDocument,
    "\n  mutation TeamsDeleteWorkout($input: DeleteWorkoutInput!) { deleteWorkout(input: $input) { errors { code } } }": types.TeamsDeleteWorkoutDocument,
    "\n  mutation LogWorkout($input: LogWorkoutInput!) {\n    logWorkout(input: $input) {\n      workout { id title startedAt durationSeconds totalVolumeKg setCount xpEarned\n        sets { id position reps weightKg estimatedOneRepMaxKg exercise { name } } user { id } }\n      user { id xp level workoutCount }\n      errors { code message field }\n    }\n  }": types.LogWorkoutDocument,
    "query LiveBoard($kind: LeaderboardKind!, $country: String, $scope: LeaderboardScope, $first: Int, $after: String) {\n  leaderboard(kind: $kind, country: $country, scope: $scope, first: $first, after: $after) {\n    refreshedAt edges { node { rank score user { username } } } pageInfo { hasNextPage endCursor }\n  }\n}": types.LiveBoardDocument,
    "query LiveExerciseBoard($exerciseId: ID!, $country: String, $first: Int, $after: String) {\n  exerciseLeaderboard(exerciseId: $exerciseId, country: $country, first: $first, after: $after) {\n    refreshedAt edges { node { rank score user { username } } } pageInfo { hasNextPage endCursor }\n  }\n}": types.LiveExerciseBoardDocument,
    "query Around($kind: LeaderboardKind!, $country: String, $userId: ID, $radius: Int) {\n  leaderboardAround(kind: $kind, country: $country, userId: $userId, radius: $radius) { rank score user { username } }\n}": types.AroundDocument,
    "query LeaderboardsLiveUser($id: ID!) { user(id: $id) { rank(kind: XP_ALL_TIME) { rank } } }": types.LeaderboardsLiveUserDocument,
    "\n  query PropertyBoard($kind: LeaderboardKind!, $country: String, $scope: LeaderboardScope, $first: Int, $after: String) {\n    leaderboard(kind: $kind, country: $country, scope: $scope, first: $first, after: $after) {\n      entryCount refreshedAt\n      edges { cursor node { rank score topPercent previousRank rankChange user { username } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }": types.PropertyBoardDocument,
    "\n  query PropertyExerciseBoard($exerciseId: ID!, $country: String, $first: Int, $after: String) {\n    exerciseLeaderboard(exerciseId: $exerciseId, country: $country, first: $first, after: $after) {\n      entryCount refreshedAt\n      edges { cursor node { rank score topPercent previousRank rankChange user { username } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }": types.PropertyExerciseBoardDocument,
    "\n  query PropertyRanks($ids: [ID!]!) {\n    nodes(ids: $ids) { ... on User { username\n      xp: rank(kind: XP_ALL_TIME) { rank score topPercent }\n      xpInCountry: rank(kind: XP_ALL_TIME, withinCountry: true) { rank score topPercent }\n      volume: rank(kind: VOLUME_THIS_WEEK) { rank score topPercent }\n      volumeInCountry: rank(kind: VOLUME_THIS_WEEK, withinCountry: true) { rank score topPercent }\n    } }\n  }": types.PropertyRanksDocument,
    "\n  query PropertyAround($kind: LeaderboardKind!, $country: String, $userId: ID, $radius: Int) {\n    leaderboardAround(kind: $kind, country: $country, userId: $userId, radius: $radius) {\n      rank score topPercent user { username }\n    }\n  }": types.PropertyAroundDocument,
    "\n  mutation PropertyLog($input: LogWorkoutInput!) {\n    logWorkout(input: $input) { workout { id } errors { code field } }\n  }": types.PropertyLogDocument,
    "\n  mutation PropertyDelete($id: ID!) { deleteWorkout(input: { workoutId: $id }) { errors { code field } } }": types.PropertyDeleteDocument,
    "\n  mutation PropertyProfile($input: UpdateProfileInput!) { updateProfile(input: $input) { errors { code field } } }": types.PropertyProfileDocument,
    "\n  mutation PropertyFollow($id: ID!) { follow(input: { userId: $id }) { errors { code field } } }": types.PropertyFollowDocument,
    "\n  mutation PropertyUnfollow($id: ID!) { unfollow(input: { userId: $id }) { errors { code field } } }": types.PropertyUnfollowDocument,
    "\n  query PropertyFresh($userId: ID!, $exerciseId: ID!) {\n    xp: leaderboard(kind: XP_ALL_TIME, country: \"IS\") { entryCount edges { node { rank score topPercent user { username } } } }\n    volume: leaderboard(kind: VOLUME_THIS_WEEK, country: \"IS\") { entryCount edges { node { rank score topPercent user { username } } } }\n    lift: exerciseLeaderboard(exerciseId: $exerciseId, country: \"IS\") { entryCount edges { node { rank score topPercent user { username } } } }\n    around: leaderboardAround(kind: VOLUME_THIS_WEEK, userId: $userId, radius: 0) { score user { username } }\n    user(id: $userId) { xp volume: rank(kind: VOLUME_THIS_WEEK) { score } xpInCountry: rank(kind: XP_ALL_TIME, withinCountry: true) { rank score } }\n  }": types.PropertyFreshDocument,
    "query Board($kind: LeaderboardKind!, $country: String, $first: Int, $after: String) {\n  leaderboard(kind: $kind, country: $country, first: $first, after: $after) {\n    refreshedAt weekStart\n    edges { cursor node { rank score user { username } } }\n    pageInfo { hasNextPage hasPreviousPage endCursor }\n  }\n}": types.BoardDocument,
    "query Ranks($id: ID!) {\n  user(id: $id) {\n    xp: rank(kind: XP_ALL_TIME) { rank score user { username } }\n    xpInCountry: rank(kind: XP_ALL_TIME, withinCountry: true) { rank }\n    volume: rank(kind: VOLUME_THIS_WEEK) { rank score }\n  }\n}": types.RanksDocument,
    "query LeaderboardsUsers { users(first: 20) { edges { node { username rank(kind: XP_ALL_TIME) { rank } } } } }": types.LeaderboardsUsersDocument,
    "mutation LeaderboardsUpdateProfile($input: UpdateProfileInput!) { updateProfile(input: $input) { errors { field } } }": types.LeaderboardsUpdateProfileDocument,
    "query NodesWithWorkouts($ids: [ID!]!) { nodes(ids: $ids) { ... on User { workouts(first: 100) { edges { node { sets { reps } } } } } } }": types.NodesWithWorkoutsDocument,
    "query NodeIds($ids: [ID!]!) { nodes(ids: $ids) { id } }": types.NodeIdsDocument,
    "query NodesWithSetWeights($ids: [ID!]!) { nodes(ids: $ids) { ... on User { workouts(first: 100) { edges { node { sets { reps weightKg } } } } } } }": types.NodesWithSetWeightsDocument,
    "query FeedOfTypes($types: [ActivityType!]) { feed(first: 100, types: $types) { edges { node { id createdAt user { id username } } } } }": types.FeedOfTypesDocument,
    "\n  subscription FanoutMessageAdded($id: ID!) { messageAdded(conversationId: $id) { sequenceNumber body } }": types.FanoutMessageAddedDocument,
    "\n  subscription MessageAdded($id: ID!, $after: Int) {\n    messageAdded(conversationId: $id, afterSequenceNumber: $after) {\n      sequenceNumber body sender { id } conversation { id lastMessage { sequenceNumber } }\n    }\n  }": types.MessageAddedDocument,
    "\n  query Messages($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    conversation(id: $id) {\n      messages(first: $first, after: $after, last: $last, before: $before) {\n        edges { cursor node { sequenceNumber } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }": types.MessagesDocument,
    "\n  query Unread($id: ID!) { conversation(id: $id) { unreadCount memberCount } }": types.UnreadDocument,
    "mutation CreateConversationWithMembers($input: CreateConversationInput!) { createConversation(input: $input) {\n        conversation { title memberCount unreadCount lastMessage { id } lastMessageAt\n          members { edges { node { id } } } }\n        errors { code field } } }": types.CreateConversationWithMembersDocument,
    "mutation CreateConversationErrors($input: CreateConversationInput!) { createConversation(input: $input) { conversation { id } errors { code field } } }": types.CreateConversationErrorsDocument,
    "mutation CreateConversationWithoutMembers { createConversation(input: { title: \"x\", memberIds: [] }) { errors { code } } }": types.CreateConversationWithoutMembersDocument,
    "mutation CreateCrowdedConversation($input: CreateConversationInput!) { createConversation(input: $input) { errors { code field } } }": types.CreateCrowdedConversationDocument,
    "query LastMessage($id: ID!) { conversation(id: $id) { lastMessage { id body } lastMessageAt } }": types.LastMessageDocument,
    "mutation MessagingEditMessage($input: EditMessageInput!) { editMessage(input: $input) {\n      message { body editedAt } errors { code field } } }": types.MessagingEditMessageDocument,
    "query MessageIdsMatching($q: String!) { searchMessages(query: $q) { edges { node { id } } } }": types.MessageIdsMatchingDocument,
    "query ConversationScreen($id: ID!, $n: Int!) { conversation(id: $id) { title unreadCount\n      messages(last: $n) { edges { node { body sender { username } reactions { emoji count viewerHasReacted }\n        conversation { title memberCount } } } } } }": types.ConversationScreenDocument,
    "fragment ConversationScreenParts on Conversation { id title memberCount lastSequenceNumber\n    viewerLastReadSequenceNumber createdAt lastMessageAt\n    messages(first: $first, after: $after, last: $last, before: $before) {\n      edges { cursor node { id sequenceNumber body createdAt editedAt\n        sender { id username displayName createdAt level followerCount country }\n        reactions { emoji count viewerHasReacted } } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }": types.ConversationScreenPartsFragmentDoc,
    "query ConversationFolded($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    conversation(id: $id) { ...ConversationScreenParts } }": types.ConversationFoldedDocument,
    "query ConversationUnfolded($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    node(id: $id) { ...ConversationScreenParts } }": types.ConversationUnfoldedDocument,
    "query UnfoldedProfile($name: String!) { userByUsername(username: $name) {\n        followers(first: 2) { edges { node { username } } } } }": types.UnfoldedProfileDocument,
    "query AliasedMessagePages($id: ID!) { conversation(id: $id) {\n        a: messages(first: 1) { edges { node { sequenceNumber } } } b: messages(last: 1) { edges { node { sequenceNumber } } } } }": types.AliasedMessagePagesDocument,
    "query DirectedMessagePage($id: ID!, $withPage: Boolean!) { conversation(id: $id) {\n        messages(last: 2) @include(if: $withPage) { edges { node { sequenceNumber } } } } }": types.DirectedMessagePageDocument,
    "query SkippedSender($id: ID!) { conversation(id: $id) {\n        messages(last: 1) { edges { node { sequenceNumber sender @skip(if: true) { username } } } } } }": types.SkippedSenderDocument,
    "mutation MessagingAddReaction($input: ReactionInput!) { addReaction(input: $input) {\n      message { reactions { emoji count viewerHasReacted } } errors { code field } } }": types.MessagingAddReactionDocument,
    "mutation MessagingRemoveReaction($input: ReactionInput!) { removeReaction(input: $input) {\n      message { reactions { emoji count viewerHasReacted } } errors { code field } } }": types.MessagingRemoveReactionDocument,
    "query Inbox($first: Int, $after: String) { viewer { conversations(first: $first, after: $after) {\n      edges { node { title unreadCount } } pageInfo { hasNextPage endCursor } } } }": types.InboxDocument,
    "query OthersInbox($id: ID!) { user(id: $id) { conversations { edges { node { id } } } } }": types.OthersInboxDocument,
    "query InboxScreen($n: Int!) { viewer { conversations(first: $n) { edges { node { title unreadCount memberCount\n      lastMessage { body sender { username } reactions { emoji } } members(first: 5) { edges { node { username } } } } } } } }": types.InboxScreenDocument,
    "query MessagingSearchMessages($q: String!, $c: ID, $first: Int, $after: String) {\n      searchMessages(query: $q, conversationId: $c, first: $first, after: $after) {\n        edges { node { body } } pageInfo { hasNextPage endCursor } } }": types.MessagingSearchMessagesDocument,
    "query ConversationAsStranger($c: ID!, $m: ID!) { conversation(id: $c) { id } node(id: $m) { id }\n        nodes(ids: [$c, $m]) { id } c: node(id: $c) { id } }": types.ConversationAsStrangerDocument,
    "query ConversationAnonymously($c: ID!) { conversation(id: $c) { id } }": types.ConversationAnonymouslyDocument,
    "mutation StrangerAddsReaction($input: ReactionInput!) {\n      addReaction(input: $input) { message { id } errors { code field } } }": types.StrangerAddsReactionDocument,
    "mutation StrangerRemovesReaction($input: ReactionInput!) {\n      removeReaction(input: $input) { message { id } errors { code field } } }": types.StrangerRemovesReactionDocument,
    "mutation StrangerEdits($input: EditMessageInput!) { editMessage(input: $input) { errors { code field } } }": types.StrangerEditsDocument,
    "query ConversationAfterLeaving($c: ID!, $m: ID!) { conversation(id: $c) { id } node(id: $m) { id } }": types.ConversationAfterLeavingDocument,
    "query ConversationAndMessageNodes($c: ID!, $m: ID!) { nodes(ids: [$c, $m]) { id ... on Conversation { title } ... on Message { body sender { id } } } }": types.ConversationAndMessageNodesDocument,
    "\n  subscription NotificationAdded($after: Int) {\n    notificationAdded(afterSequenceNumber: $after) {\n      sequenceNumber kind read actor { id } workout { id likeCount } comment { body }\n    }\n  }": types.NotificationAddedDocument,
    "mutation NotificationsFollow($input: FollowInput!) { follow(input: $input) { errors { code } } }": types.NotificationsFollowDocument,
    "mutation NotificationsUnfollow($input: FollowInput!) { unfollow(input: $input) { errors { code } } }": types.NotificationsUnfollowDocument,
    "mutation NotificationsAddReaction($input: ReactionInput!) { addReaction(input: $input) { errors { code } } }": types.NotificationsAddReactionDocument,
    "mutation NotificationsRemoveReaction($input: ReactionInput!) { removeReaction(input: $input) { errors { code } } }": types.NotificationsRemoveReactionDocument,
    "query NotificationsNode($id: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id } }": types.NotificationsNodeDocument,
    "query NotificationsUser($id: ID!) { user(id: $id) { unreadNotificationCount notifications { edges { node { id } } } } }": types.NotificationsUserDocument,
    "\n  query MetricsProfile($username: String!) {\n    userByUsername(username: $username) { username followerCount workouts(first: 5) { edges { node { title } } } }\n  }": types.MetricsProfileDocument,
    "\n  mutation MetricsFollow($userId: ID!) { follow(input: { userId: $userId }) { errors { code } user { followerCount } } }": types.MetricsFollowDocument,
    "\n  subscription MetricsMessageAdded($id: ID!) { messageAdded(conversationId: $id) { sequenceNumber } }": types.MetricsMessageAddedDocument,
    "query PaginationUser($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n  user(id: $id) { workouts(first: $first, after: $after, last: $last, before: $before) {\n    edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }": types.PaginationUserDocument,
    "query PaginationFeed($after: String) { feed(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }": types.PaginationFeedDocument,
    "subscription BouncedMessageAdded($id: ID!) { messageAdded(conversationId: $id) { sequenceNumber body } }": types.BouncedMessageAddedDocument,
    "mutation BouncedCreateConversation($input: CreateConversationInput!) {\n  createConversation(input: $input) { conversation { id } errors { code } } }": types.BouncedCreateConversationDocument,
    "mutation BouncedLogWorkout($input: LogWorkoutInput!) {\n  logWorkout(input: $input) { errors { field } } }": types.BouncedLogWorkoutDocument,
    "query BouncedBoard { leaderboard(kind: XP_ALL_TIME, first: 1) { edges { node { rank user { username } } } } }": types.BouncedBoardDocument,
    "mutation BouncedSendMessage($input: SendMessageInput!) {\n  sendMessage(input: $input) { message { sequenceNumber } errors { code } } }": types.BouncedSendMessageDocument,
    "\n  subscription PrivacyNotificationReplay($after: Int) {\n    notificationAdded(afterSequenceNumber: $after) { sequenceNumber workout { id } comment { id } }\n  }": types.PrivacyNotificationReplayDocument,
    "\n  mutation MatrixLike($input: WorkoutLikeInput!) { likeWorkout(input: $input) { errors { code } } }": types.MatrixLikeDocument,
    "\n  mutation MatrixComment($input: CommentOnWorkoutInput!) { commentOnWorkout(input: $input) { errors { code } } }": types.MatrixCommentDocument,
    "mutation ProfileUpdateProfile($input: UpdateProfileInput!) {\n  updateProfile(input: $input) {\n    user { displayName country ghostMode leaderboardOptIn }\n    errors { code message field }\n  }\n}": types.ProfileUpdateProfileDocument,
    "query GhostMode($id: ID!) { user(id: $id) { ghostMode } }": types.GhostModeDocument,
    "mutation RaceCountersFollow($input: FollowInput!) { follow(input: $input) { errors { code } } }": types.RaceCountersFollowDocument,
    "mutation RaceCountersUnfollow($input: FollowInput!) { unfollow(input: $input) { errors { code } } }": types.RaceCountersUnfollowDocument,
    "mutation RaceInteractionsLikeWorkout($input: WorkoutLikeInput!) { likeWorkout(input: $input) { errors { code } } }": types.RaceInteractionsLikeWorkoutDocument,
    "mutation RaceInteractionsFollow($input: FollowInput!) { follow(input: $input) { errors { code } } }": types.RaceInteractionsFollowDocument,
    "mutation RaceInteractionsAddReaction($input: ReactionInput!) { addReaction(input: $input) { errors { code } } }": types.RaceInteractionsAddReactionDocument,
    "\n  mutation Log($input: LogWorkoutInput!) {\n    logWorkout(input: $input) {\n      workout { id }\n      personalRecords { id kind valueKg previousValueKg achievedAt exercise { name } set { position reps weightKg } workout { id } user { username } }\n      errors { code field }\n    }\n  }": types.LogDocument,
    "\n  mutation Delete($id: ID!) { deleteWorkout(input: { workoutId: $id }) { deletedWorkoutId errors { code } } }": types.DeleteDocument,
    "\n  query Records($id: ID!, $exerciseId: ID, $kind: RecordKind, $first: Int, $after: String) {\n    node(id: $id) { ... on User {\n      personalRecords(exerciseId: $exerciseId, kind: $kind, first: $first, after: $after) {\n        edges { cursor node { id kind valueKg previousValueKg exercise { name } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    } }\n  }": types.RecordsDocument,
    "query RecordsFeed { feed(types: [PERSONAL_RECORD]) { edges { node { type workout { id } records { kind valueKg previousValueKg exercise { name } } } } } }": types.RecordsFeedDocument,
    "query RecordNode($id: ID!) { node(id: $id) { ... on PersonalRecord { id valueKg } } }": types.RecordNodeDocument,
    "query RecordValue($id: ID!) { node(id: $id) { ... on PersonalRecord { valueKg } } }": types.RecordValueDocument,
    "query RecordsWorkout($id: ID!) { workout(id: $id) { personalRecords { kind valueKg } } }": types.RecordsWorkoutDocument,
    "query RecordsOfUsers($ids: [ID!]!) { nodes(ids: $ids) { ... on User { personalRecords(first: 5) { edges { node { kind set { reps } workout { title } } } }\n         workouts(first: 5) { edges { node { personalRecords { kind } } } } } } }": types.RecordsOfUsersDocument,
    "query MuscleLoad($id: ID!) { node(id: $id) { ... on User { muscleLoad { muscle { name } loadKg setCount } } } }": types.MuscleLoadDocument,
    "query MuscleLoadOf60Days($id: ID!) { node(id: $id) { ... on User { muscleLoad(days: 60) { loadKg } } } }": types.MuscleLoadOf60DaysDocument,
    "query MuscleLoadOfDays($id: ID!, $d: Int) { node(id: $id) { ... on User { muscleLoad(days: $d) { loadKg } } } }": types.MuscleLoadOfDaysDocument,
    "mutation ReplicasUpdateProfile($name: String!) { updateProfile(input: { displayName: $name }) { user { displayName } errors { code } } }": types.ReplicasUpdateProfileDocument,
    "query ReplicasViewer { viewer { displayName } }": types.ReplicasViewerDocument,
    "query SeedInteractionsViewer { viewer { unreadNotificationCount } }": types.SeedInteractionsViewerDocument,
    "query DemoConversations { viewer { conversations { edges { node { title unreadCount memberCount messages(last: 1) { edges { node { body reactions { emoji count } } } } } } } } }": types.DemoConversationsDocument,
    "mutation FollowUser($input: FollowInput!) {\n  follow(input: $input) { user { id followerCount viewerIsFollowing } viewer { id followingCount } errors { code field } } }": types.FollowUserDocument,
    "mutation UnfollowUser($input: FollowInput!) {\n  unfollow(input: $input) { user { id followerCount viewerIsFollowing } viewer { id followingCount } errors { code field } } }": types.UnfollowUserDocument,
    "query FollowersAndFollowing($id: ID!, $after: String) { user(id: $id) {\n      followers(first: 2, after: $after) { edges { node { username } } pageInfo { hasNextPage hasPreviousPage endCursor } }\n      following { edges { node { username } } } } }": types.FollowersAndFollowingDocument,
    "fragment ProfileWithFollowers on User { username followerCount followingCount workoutCount xp\n    followers(first: $first) { edges { cursor node { username level } } pageInfo { hasNextPage hasPreviousPage endCursor } } }": types.ProfileWithFollowersFragmentDoc,
    "query Profile($name: String!, $first: Int) {\n    userByUsername(username: $name) { ...ProfileWithFollowers } }": types.ProfileDocument,
    "query ProfileById($id: ID!, $first: Int) { user(id: $id) { ...ProfileWithFollowers } }": types.ProfileByIdDocument,
    "query LaterFollowersPage($name: String!, $after: String) { userByUsername(username: $name) { followers(first: 1, after: $after) { edges { node { username } } pageInfo { hasPreviousPage } } } }": types.LaterFollowersPageDocument,
    "query AliasedFollowerPages($name: String!) { userByUsername(username: $name) { a: followers(first: 1) { edges { node { username } } } b: followers(first: 2) { edges { node { username } } } } }": types.AliasedFollowerPagesDocument,
    "query SocialNodes($ids: [ID!]!) { nodes(ids: $ids) { ... on User { username viewerIsFollowing } } }": types.SocialNodesDocument,
    "query NestedPages($n: Int) { users(first: $n, search: \"nested_\") { edges { node {\n    workouts(first: 10) { edges { node { sets { exercise { activations { muscle { name } } } } } } }\n    followers(first: 5) { edges { node { username } } }\n  } } } }": types.NestedPagesDocument,
    "query NestedEverything($n: Int) { users(first: $n, search: \"nested_\") { edges { node {\n    viewerIsFollowing stats { workoutCount currentStreakDays }\n    workouts(first: 3) { edges { node { user { username } sets { exercise { name } } } } }\n    following(first: 5) { edges { node { username } } }\n    activity(first: 5) { edges { node { type workout { title user { username } } subject { username } } } }\n  } } } }": types.NestedEverythingDocument,
    "subscription LimitedMessageAdded($id: ID!) { messageAdded(conversationId: $id, afterSequenceNumber: 0) { body } }": types.LimitedMessageAddedDocument,
    "\n  subscription TeamGoalProgress($goalId: ID!) {\n    teamGoalProgress(goalId: $goalId) { id progress completedAt contributions(first: 3) { edges { node { amount } } } }\n  }": types.TeamGoalProgressDocument,
    "\n  query TeamsTeamPage($id: ID!) {\n    team(id: $id) {\n      id name memberCount viewerRole owner { id }\n      members(first: 10) { edges { node { role joinedAt user { id } } } }\n      goals(first: 10) { edges { node { id endsAt } } }\n    }\n  }": types.TeamsTeamPageDocument,
    "\n  query TeamsUserTeams($id: ID!) { user(id: $id) { teams(first: 10) { edges { node { id name } } } } }": types.TeamsUserTeamsDocument,
    "\n  query TeamsSearch($search: String) { teams(search: $search, first: 10) { edges { node { name } } } }": types.TeamsSearchDocument,
    "\n  query TeamsNotifications {\n    viewer { notifications(first: 20) { edges { node { kind sequenceNumber actor { id } team { id } goal { id } } } } }\n  }": types.TeamsNotificationsDocument,
    "mutation TeamsGoalByMember($input: CreateTeamGoalInput!) { createTeamGoal(input: $input) { goal { id } errors { code field } } }": types.TeamsGoalByMemberDocument,
    "mutation TeamsGoalTooLong($input: CreateTeamGoalInput!) { createTeamGoal(input: $input) { errors { code field } } }": types.TeamsGoalTooLongDocument,
    "\n  mutation DeleteWorkout($input: DeleteWorkoutInput!) {\n    deleteWorkout(input: $input) { deletedWorkoutId user { xp workoutCount } errors { code field } }\n  }": types.DeleteWorkoutDocument,
    "query WorkoutId($id: ID!) { workout(id: $id) { id } }": types.WorkoutIdDocument,
    "query WorkoutAndNode($id: ID!) { workout(id: $id) { id setCount user { id } }\n      node(id: $id) { ... on Workout { title } } }": types.WorkoutAndNodeDocument,
    "query UserWorkouts($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n      user(id: $id) { workouts(first: $first, after: $after, last: $last, before: $before) {\n        edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor startCursor } } } }": types.UserWorkoutsDocument,
    "query UserStatsOf($id: ID!, $days: Int) {\n  user(id: $id) { stats(days: $days) { workoutCount totalVolumeKg bestEstimatedOneRepMaxKg currentStreakDays } } }": types.UserStatsOfDocument,
    "query UsersStats { users(first: 20) { edges { node { stats(days: 30) { workoutCount currentStreakDays } } } } }": types.UsersStatsDocument,
    "query ExerciseProgressOf($id: ID!, $exerciseId: ID!, $weeks: Int) {\n  user(id: $id) { exerciseProgress(exerciseId: $exerciseId, weeks: $weeks) { weekStart bestEstimatedOneRepMaxKg changeKg } } }": types.ExerciseProgressOfDocument,
    "\n  query TrustedProfile($username: String!) { userByUsername(username: $username) { username } }": types.TrustedProfileDocument,
    "query Users($first: Int, $after: String, $last: Int, $before: String, $search: String) {\n  users(first: $first, after: $after, last: $last, before: $before, search: $search) {\n    edges { cursor node { username } }\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n  }\n}": types.UsersDocument,
    "query UserAndByUsername($id: ID!) { user(id: $id) { username } userByUsername(username: \"FINDER\") { id } }": types.UserAndByUsernameDocument,
    "query UserId($id: ID!) { user(id: $id) { id } }": types.UserIdDocument,
    "query UserIdOf($id: ID!) { user(id: $id) { id } }": types.UserIdOfDocument,
    "query MixedNodes($ids: [ID!]!) { nodes(ids: $ids) { id __typename ... on User { username } ... on Muscle { name } } }": types.MixedNodesDocument,
    "query NodeOfLiteralId { node(id: \"%%%\") { id } }": types.NodeOfLiteralIdDocument,
    "query UserDisplayName($id: ID!) { user(id: $id) { displayName } }": types.UserDisplayNameDocument,
    "query ThreeUsers($a: ID!, $b: ID!, $c: ID!) {\n      a: user(id: $a) { username } b: user(id: $b) { username } c: user(id: $c) { username } }": types.ThreeUsersDocument,
    "query NodeId($id: ID!) { node(id: $id) { id } }": types.NodeIdDocument,
    "\n  mutation UpdateDefaultVisibility($input: UpdateProfileInput!) {\n    updateProfile(input: $input) { user { defaultWorkoutVisibility } errors { code field } }\n  }": types.UpdateDefaultVisibilityDocument,
    "\n  query DefaultWorkoutVisibility($id: ID!) { user(id: $id) { defaultWorkoutVisibility } }": types.DefaultWorkoutVisibilityDocument,
    "\n  query VisibleWorkouts($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    user(id: $id) {\n      workouts(first: $first, after: $after, last: $last, before: $before) {\n        edges { cursor node { id visibility } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }": types.VisibleWorkoutsDocument,
    "\n  query VisibleFeed($first: Int, $after: String) {\n    feed(first: $first, after: $after) {\n      edges { node { id type workout { id } } }\n      pageInfo { hasNextPage hasPreviousPage endCursor }\n    }\n  }": types.VisibleFeedDocument,
    "\n  query VisibleActivity($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      activity(first: $first, after: $after, types: [WORKOUT_LOGGED]) {\n        edges { node { workout { id } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }": types.VisibleActivityDocument,
    "\n  query VisibilityAggregates($id: ID!, $exercise: ID!) {\n    user(id: $id) {\n      xp level workoutCount\n      stats(days: 30) { workoutCount totalVolumeKg bestEstimatedOneRepMaxKg currentStreakDays }\n      exerciseProgress(exerciseId: $exercise) { weekStart bestEstimatedOneRepMaxKg }\n      muscleLoad(days: 30) { loadKg setCount muscle { name } }\n      rank(kind: XP_ALL_TIME) { score }\n    }\n  }": types.VisibilityAggregatesDocument,
    "\n  query VisibilityCounts($id: ID!) { workout(id: $id) { likeCount commentCount } }": types.VisibilityCountsDocument,
    "mutation VisLike($id: ID!) { likeWorkout(input: { workoutId: $id }) { errors { code } } }": types.VisLikeDocument,
    "mutation VisComment($id: ID!) { commentOnWorkout(input: { workoutId: $id, body: \"Nice\" }) { errors { code } } }": types.VisCommentDocument,
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
export function graphql(source: "\n  mutation DeleteAccount($input: DeleteAccountInput!) {\n    deleteAccount(input: $input) { deletedUserId errors { code message field } }\n  }"): (typeof documents)["\n  mutation DeleteAccount($input: DeleteAccountInput!) {\n    deleteAccount(input: $input) { deletedUserId errors { code message field } }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DeletionViewer { viewer { id username } }"): (typeof documents)["query DeletionViewer { viewer { id username } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeletionReact($input: ReactionInput!) { addReaction(input: $input) { errors { code } } }"): (typeof documents)["\n  mutation DeletionReact($input: ReactionInput!) { addReaction(input: $input) { errors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeletionMessages($id: ID!) {\n    conversation(id: $id) {\n      memberCount\n      messages(first: 50) {\n        edges { node { sequenceNumber body sender {\n          id username displayName country xp level workoutCount followerCount followingCount\n          rank(kind: XP_ALL_TIME) { rank }\n        } } }\n      }\n    }\n  }"): (typeof documents)["\n  query DeletionMessages($id: ID!) {\n    conversation(id: $id) {\n      memberCount\n      messages(first: 50) {\n        edges { node { sequenceNumber body sender {\n          id username displayName country xp level workoutCount followerCount followingCount\n          rank(kind: XP_ALL_TIME) { rank }\n        } } }\n      }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeletionTeam($id: ID!) { team(id: $id) { memberCount owner { id } members(first: 10) { edges { node { role user { id } } } } } }"): (typeof documents)["\n  query DeletionTeam($id: ID!) { team(id: $id) { memberCount owner { id } members(first: 10) { edges { node { role user { id } } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeletionBoard($kind: LeaderboardKind!) {\n    leaderboard(kind: $kind, first: 100) { entryCount edges { node { rank score user { id } } } }\n  }"): (typeof documents)["\n  query DeletionBoard($kind: LeaderboardKind!) {\n    leaderboard(kind: $kind, first: 100) { entryCount edges { node { rank score user { id } } } }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeletionExerciseBoard($exerciseId: ID!) {\n    exerciseLeaderboard(exerciseId: $exerciseId, first: 100) { entryCount edges { node { rank score user { id } } } }\n  }"): (typeof documents)["\n  query DeletionExerciseBoard($exerciseId: ID!) {\n    exerciseLeaderboard(exerciseId: $exerciseId, first: 100) { entryCount edges { node { rank score user { id } } } }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeletionFollow($input: FollowInput!) { follow(input: $input) { errors { code field } } }"): (typeof documents)["\n  mutation DeletionFollow($input: FollowInput!) { follow(input: $input) { errors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DeletionMemberLeft($id: ID!) {\n    conversationEvents(conversationId: $id) {\n      __typename\n      ... on MemberLeftEvent { user { id displayName } memberCount }\n    }\n  }"): (typeof documents)["\n  subscription DeletionMemberLeft($id: ID!) {\n    conversationEvents(conversationId: $id) {\n      __typename\n      ... on MemberLeftEvent { user { id displayName } memberCount }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeletionDirectory($search: String) { users(first: 20, search: $search) { edges { node { id } } } }"): (typeof documents)["\n  query DeletionDirectory($search: String) { users(first: 20, search: $search) { edges { node { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DeletionNotificationAdded { notificationAdded { sequenceNumber } }"): (typeof documents)["\n  subscription DeletionNotificationAdded { notificationAdded { sequenceNumber } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IdentityViewer { viewer { id username displayName country } }"): (typeof documents)["query IdentityViewer { viewer { id username displayName country } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IdentityDeleteAccount($input: DeleteAccountInput!) {\n    deleteAccount(input: $input) { deletedUserId errors { code field } }\n  }\n"): (typeof documents)["\n  mutation IdentityDeleteAccount($input: DeleteAccountInput!) {\n    deleteAccount(input: $input) { deletedUserId errors { code field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) {\n      viewer { id username displayName country defaultWorkoutVisibility }\n      errors { code message field }\n    }\n  }"): (typeof documents)["\n  mutation CreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) {\n      viewer { id username displayName country defaultWorkoutVisibility }\n      errors { code message field }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IdentityUpdateProfile($name: String!) {\n    updateProfile(input: { displayName: $name }) { user { id } errors { code } }\n  }"): (typeof documents)["\n  mutation IdentityUpdateProfile($name: String!) {\n    updateProfile(input: { displayName: $name }) { user { id } errors { code } }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription IdentityNotifications { notificationAdded { kind actor { id } } }"): (typeof documents)["\n  subscription IdentityNotifications { notificationAdded { kind actor { id } } }"];
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
export function graphql(source: "mutation ActivityFollow($input: FollowInput!) { follow(input: $input) { errors { code } } }"): (typeof documents)["mutation ActivityFollow($input: FollowInput!) { follow(input: $input) { errors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ActivityUnfollow($input: FollowInput!) { unfollow(input: $input) { errors { code } } }"): (typeof documents)["mutation ActivityUnfollow($input: FollowInput!) { unfollow(input: $input) { errors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ActivityNode($id: ID!) { node(id: $id) { id } }"): (typeof documents)["query ActivityNode($id: ID!) { node(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuthViewer { viewer { username } }"): (typeof documents)["query AuthViewer { viewer { username } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AnonymousReads { viewer { username } muscles { name } }"): (typeof documents)["query AnonymousReads { viewer { username } muscles { name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuthUpdateProfile { updateProfile(input: { displayName: \"X\" }) { user { id } errors { code } } }"): (typeof documents)["mutation AuthUpdateProfile { updateProfile(input: { displayName: \"X\" }) { user { id } errors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BlockRelation($id: ID!) {\n    user(id: $id) { followerCount followingCount viewerIsFollowing viewerHasBlocked }\n  }"): (typeof documents)["\n  query BlockRelation($id: ID!) {\n    user(id: $id) { followerCount followingCount viewerIsFollowing viewerHasBlocked }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BlockedUsers($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      blockedUsers(first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } }\n    }\n  }"): (typeof documents)["\n  query BlockedUsers($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      blockedUsers(first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BlockingAddReaction($input: ReactionInput!) { addReaction(input: $input) { errors { code } } }"): (typeof documents)["\n  mutation BlockingAddReaction($input: ReactionInput!) { addReaction(input: $input) { errors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UpkeepBoard($kind: LeaderboardKind!) {\n  leaderboard(kind: $kind) {\n    refreshedAt weekStart entryCount\n    edges { node { rank score previousRank rankChange topPercent user { username } } }\n  }\n}"): (typeof documents)["query UpkeepBoard($kind: LeaderboardKind!) {\n  leaderboard(kind: $kind) {\n    refreshedAt weekStart entryCount\n    edges { node { rank score previousRank rankChange topPercent user { username } } }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UpkeepScopedBoard($kind: LeaderboardKind!, $country: String, $scope: LeaderboardScope) {\n  leaderboard(kind: $kind, country: $country, scope: $scope) { edges { node { rank previousRank rankChange user { username } } } }\n}"): (typeof documents)["query UpkeepScopedBoard($kind: LeaderboardKind!, $country: String, $scope: LeaderboardScope) {\n  leaderboard(kind: $kind, country: $country, scope: $scope) { edges { node { rank previousRank rankChange user { username } } } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpkeepLog($input: LogWorkoutInput!) { logWorkout(input: $input) { errors { message } } }"): (typeof documents)["mutation UpkeepLog($input: LogWorkoutInput!) { logWorkout(input: $input) { errors { message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpkeepProfile($input: UpdateProfileInput!) { updateProfile(input: $input) { errors { message } } }"): (typeof documents)["mutation UpkeepProfile($input: UpdateProfileInput!) { updateProfile(input: $input) { errors { message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CliViewer { viewer { id username } }"): (typeof documents)["query CliViewer { viewer { id username } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Jit($id: ID!) { user(id: $id) { username followers(first: 1) { edges { cursor } } } }"): (typeof documents)["query Jit($id: ID!) { user(id: $id) { username followers(first: 1) { edges { cursor } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CompiledExecutionUser { bad: user(id: \"nope\") { id } viewer { id } }"): (typeof documents)["query CompiledExecutionUser { bad: user(id: \"nope\") { id } viewer { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConversationEvents($id: ID!) {\n    conversationEvents(conversationId: $id) {\n      __typename\n      ... on MessageAddedEvent { message { sequenceNumber body sender { id } } }\n      ... on MessageEditedEvent { message { sequenceNumber body editedAt } }\n      ... on ReactionsChangedEvent { message { sequenceNumber reactions { emoji count viewerHasReacted } } }\n      ... on ReadMarkMovedEvent { user { id } upToSequenceNumber }\n      ... on MemberLeftEvent { user { id } memberCount }\n    }\n  }"): (typeof documents)["\n  subscription ConversationEvents($id: ID!) {\n    conversationEvents(conversationId: $id) {\n      __typename\n      ... on MessageAddedEvent { message { sequenceNumber body sender { id } } }\n      ... on MessageEditedEvent { message { sequenceNumber body editedAt } }\n      ... on ReactionsChangedEvent { message { sequenceNumber reactions { emoji count viewerHasReacted } } }\n      ... on ReadMarkMovedEvent { user { id } upToSequenceNumber }\n      ... on MemberLeftEvent { user { id } memberCount }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConversationEventsEditMessage($input: EditMessageInput!) { editMessage(input: $input) { errors { code } } }"): (typeof documents)["mutation ConversationEventsEditMessage($input: EditMessageInput!) { editMessage(input: $input) { errors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConversationEventsAddReaction($input: ReactionInput!) { addReaction(input: $input) { errors { code } } }"): (typeof documents)["mutation ConversationEventsAddReaction($input: ReactionInput!) { addReaction(input: $input) { errors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConversationEventsRemoveReaction($input: ReactionInput!) { removeReaction(input: $input) { errors { code } } }"): (typeof documents)["mutation ConversationEventsRemoveReaction($input: ReactionInput!) { removeReaction(input: $input) { errors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ReportUsers { users(first: 5) { edges { node { username } } } }"): (typeof documents)["query ReportUsers { users(first: 5) { edges { node { username } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemoTeams {\n    viewer {\n      teams(first: 5) {\n        edges { node { name memberCount viewerRole\n          goals(first: 5) { edges { node { id title metric target progress completedAt startsAt endsAt } } } } }\n      }\n    }\n  }"): (typeof documents)["\n  query DemoTeams {\n    viewer {\n      teams(first: 5) {\n        edges { node { name memberCount viewerRole\n          goals(first: 5) { edges { node { id title metric target progress completedAt startsAt endsAt } } } } }\n      }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DemoViewer($exerciseId: ID!) {\n      viewer { level workoutCount stats(days: 30) { workoutCount currentStreakDays }\n        exerciseProgress(exerciseId: $exerciseId, weeks: 6) { weekStart }\n        workouts(first: 1) { edges { node { title setCount } } } }\n      feed(first: 10) { edges { node { type user { username } createdAt } } } }"): (typeof documents)["query DemoViewer($exerciseId: ID!) {\n      viewer { level workoutCount stats(days: 30) { workoutCount currentStreakDays }\n        exerciseProgress(exerciseId: $exerciseId, weeks: 6) { weekStart }\n        workouts(first: 1) { edges { node { title setCount } } } }\n      feed(first: 10) { edges { node { type user { username } createdAt } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DemoSocial { viewer { unreadNotificationCount notifications(first: 50) { edges { node { kind sequenceNumber } } }\n           workouts(first: 1) { edges { node { likeCount commentCount } } } } }"): (typeof documents)["query DemoSocial { viewer { unreadNotificationCount notifications(first: 50) { edges { node { kind sequenceNumber } } }\n           workouts(first: 1) { edges { node { likeCount commentCount } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BaselineWorkout($input: LogWorkoutInput!) { logWorkout(input: $input) { workout { id } errors { code } } }"): (typeof documents)["mutation BaselineWorkout($input: LogWorkoutInput!) { logWorkout(input: $input) { workout { id } errors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription MessageAddedOfBadId($id: ID!) { messageAdded(conversationId: $id) { id } }"): (typeof documents)["subscription MessageAddedOfBadId($id: ID!) { messageAdded(conversationId: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkoutLikes($id: ID!, $first: Int, $after: String) {\n    workout(id: $id) {\n      likeCount viewerHasLiked\n      likes(first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } }\n    }\n  }"): (typeof documents)["\n  query WorkoutLikes($id: ID!, $first: Int, $after: String) {\n    workout(id: $id) {\n      likeCount viewerHasLiked\n      likes(first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkoutComments($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    workout(id: $id) {\n      commentCount\n      comments(first: $first, after: $after, last: $last, before: $before) {\n        edges { node { id body author { id } workout { id } } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }"): (typeof documents)["\n  query WorkoutComments($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    workout(id: $id) {\n      commentCount\n      comments(first: $first, after: $after, last: $last, before: $before) {\n        edges { node { id body author { id } workout { id } } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InteractionsNode($id: ID!) { node(id: $id) { ... on Comment { body author { id } } } }"): (typeof documents)["query InteractionsNode($id: ID!) { node(id: $id) { ... on Comment { body author { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InteractionsDeleteWorkout($input: DeleteWorkoutInput!) { deleteWorkout(input: $input) { deletedWorkoutId errors { code } } }"): (typeof documents)["mutation InteractionsDeleteWorkout($input: DeleteWorkoutInput!) { deleteWorkout(input: $input) { deletedWorkoutId errors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InteractionsViewer { viewer { notifications { edges { node { sequenceNumber kind workout { id } comment { id } actor { id } } } } } }"): (typeof documents)["query InteractionsViewer { viewer { notifications { edges { node { sequenceNumber kind workout { id } comment { id } actor { id } } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query Page($id: ID!, $first: Int!) { user(id: $id) { workouts(first: $first) { edges { node {\n        likeCount viewerHasLiked commentCount\n        comments(first: 2) { edges { node { body author { username } } } pageInfo { hasNextPage } }\n      } } } } }"): (typeof documents)["\n      query Page($id: ID!, $first: Int!) { user(id: $id) { workouts(first: $first) { edges { node {\n        likeCount viewerHasLiked commentCount\n        comments(first: 2) { edges { node { body author { username } } } pageInfo { hasNextPage } }\n      } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LikeWorkout($input: WorkoutLikeInput!) {\n    likeWorkout(input: $input) { workout { id likeCount viewerHasLiked } errors { code message field } }\n  }"): (typeof documents)["\n  mutation LikeWorkout($input: WorkoutLikeInput!) {\n    likeWorkout(input: $input) { workout { id likeCount viewerHasLiked } errors { code message field } }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlikeWorkout($input: WorkoutLikeInput!) {\n    unlikeWorkout(input: $input) { workout { id likeCount viewerHasLiked } errors { code message field } }\n  }"): (typeof documents)["\n  mutation UnlikeWorkout($input: WorkoutLikeInput!) {\n    unlikeWorkout(input: $input) { workout { id likeCount viewerHasLiked } errors { code message field } }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CommentOnWorkout($input: CommentOnWorkoutInput!) {\n    commentOnWorkout(input: $input) {\n      comment { id body author { id } workout { id commentCount } }\n      errors { code message field }\n    }\n  }"): (typeof documents)["\n  mutation CommentOnWorkout($input: CommentOnWorkoutInput!) {\n    commentOnWorkout(input: $input) {\n      comment { id body author { id } workout { id commentCount } }\n      errors { code message field }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteComment($input: DeleteCommentInput!) {\n    deleteComment(input: $input) { deletedCommentId workout { id commentCount } errors { code field } }\n  }"): (typeof documents)["\n  mutation DeleteComment($input: DeleteCommentInput!) {\n    deleteComment(input: $input) { deletedCommentId workout { id commentCount } errors { code field } }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) { viewer { id unreadNotificationCount } errors { code field } }\n  }"): (typeof documents)["\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) { viewer { id unreadNotificationCount } errors { code field } }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($first: Int, $after: String) {\n    viewer {\n      unreadNotificationCount\n      notifications(first: $first, after: $after) {\n        edges { cursor node {\n          id kind sequenceNumber read emoji actor { id }\n          workout { id } comment { id body } message { id }\n        } }\n        pageInfo { hasNextPage hasPreviousPage endCursor }\n      }\n    }\n  }"): (typeof documents)["\n  query Notifications($first: Int, $after: String) {\n    viewer {\n      unreadNotificationCount\n      notifications(first: $first, after: $after) {\n        edges { cursor node {\n          id kind sequenceNumber read emoji actor { id }\n          workout { id } comment { id body } message { id }\n        } }\n        pageInfo { hasNextPage hasPreviousPage endCursor }\n      }\n    }\n  }"];
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
export function graphql(source: "\n  mutation SetWorkoutVisibility($input: SetWorkoutVisibilityInput!) {\n    setWorkoutVisibility(input: $input) { workout { id visibility } errors { code field } }\n  }"): (typeof documents)["\n  mutation SetWorkoutVisibility($input: SetWorkoutVisibilityInput!) {\n    setWorkoutVisibility(input: $input) { workout { id visibility } errors { code field } }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BlockUser($input: BlockInput!) {\n    blockUser(input: $input) {\n      user { id followerCount followingCount viewerHasBlocked viewerIsFollowing }\n      viewer { id followerCount followingCount }\n      errors { code message field }\n    }\n  }"): (typeof documents)["\n  mutation BlockUser($input: BlockInput!) {\n    blockUser(input: $input) {\n      user { id followerCount followingCount viewerHasBlocked viewerIsFollowing }\n      viewer { id followerCount followingCount }\n      errors { code message field }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnblockUser($input: BlockInput!) {\n    unblockUser(input: $input) {\n      user { id viewerHasBlocked viewerIsFollowing }\n      viewer { id }\n      errors { code field }\n    }\n  }"): (typeof documents)["\n  mutation UnblockUser($input: BlockInput!) {\n    unblockUser(input: $input) {\n      user { id viewerHasBlocked viewerIsFollowing }\n      viewer { id }\n      errors { code field }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PrivacyFollow($input: FollowInput!) { follow(input: $input) { errors { code field } } }"): (typeof documents)["\n  mutation PrivacyFollow($input: FollowInput!) { follow(input: $input) { errors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PrivacyUnfollow($input: FollowInput!) { unfollow(input: $input) { errors { code field } } }"): (typeof documents)["\n  mutation PrivacyUnfollow($input: FollowInput!) { unfollow(input: $input) { errors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TeamsCreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      team { id name description joinPolicy memberCount viewerRole owner { id } }\n      errors { code message field }\n    }\n  }"): (typeof documents)["\n  mutation TeamsCreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      team { id name description joinPolicy memberCount viewerRole owner { id } }\n      errors { code message field }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TeamsJoinTeam($input: TeamInput!) {\n    joinTeam(input: $input) { team { id memberCount viewerRole } errors { code field } }\n  }"): (typeof documents)["\n  mutation TeamsJoinTeam($input: TeamInput!) {\n    joinTeam(input: $input) { team { id memberCount viewerRole } errors { code field } }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TeamsLeaveTeam($input: TeamInput!) {\n    leaveTeam(input: $input) { team { id memberCount viewerRole owner { id } } errors { code field } }\n  }"): (typeof documents)["\n  mutation TeamsLeaveTeam($input: TeamInput!) {\n    leaveTeam(input: $input) { team { id memberCount viewerRole owner { id } } errors { code field } }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TeamsInviteToTeam($input: InviteToTeamInput!) {\n    inviteToTeam(input: $input) { team { id } errors { code field } }\n  }"): (typeof documents)["\n  mutation TeamsInviteToTeam($input: InviteToTeamInput!) {\n    inviteToTeam(input: $input) { team { id } errors { code field } }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TeamsCreateTeamGoal($input: CreateTeamGoalInput!) {\n    createTeamGoal(input: $input) {\n      goal { id title metric target startsAt endsAt progress completedAt team { id } }\n      errors { code message field }\n    }\n  }"): (typeof documents)["\n  mutation TeamsCreateTeamGoal($input: CreateTeamGoalInput!) {\n    createTeamGoal(input: $input) {\n      goal { id title metric target startsAt endsAt progress completedAt team { id } }\n      errors { code message field }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TeamsDeleteTeamGoal($input: DeleteTeamGoalInput!) {\n    deleteTeamGoal(input: $input) { deletedGoalId team { id goals { edges { node { id } } } } errors { code field } }\n  }"): (typeof documents)["\n  mutation TeamsDeleteTeamGoal($input: DeleteTeamGoalInput!) {\n    deleteTeamGoal(input: $input) { deletedGoalId team { id goals { edges { node { id } } } } errors { code field } }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamsGoal($id: ID!, $first: Int, $after: String) {\n    node(id: $id) {\n      ... on TeamGoal {\n        id progress completedAt target\n        contributions(first: $first, after: $after) {\n          edges { cursor node { amount rank user { id } } }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }"): (typeof documents)["\n  query TeamsGoal($id: ID!, $first: Int, $after: String) {\n    node(id: $id) {\n      ... on TeamGoal {\n        id progress completedAt target\n        contributions(first: $first, after: $after) {\n          edges { cursor node { amount rank user { id } } }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamsLeaderboard($metric: GoalMetric!, $first: Int, $after: String) {\n    teamLeaderboard(metric: $metric, first: $first, after: $after) {\n      edges { cursor node { rank score team { id memberCount } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }"): (typeof documents)["\n  query TeamsLeaderboard($metric: GoalMetric!, $first: Int, $after: String) {\n    teamLeaderboard(metric: $metric, first: $first, after: $after) {\n      edges { cursor node { rank score team { id memberCount } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TeamsLogDistance($input: LogWorkoutInput!) {\n    logWorkout(input: $input) { workout { id distanceMeters xpEarned setCount } errors { code field } }\n  }"): (typeof documents)["\n  mutation TeamsLogDistance($input: LogWorkoutInput!) {\n    logWorkout(input: $input) { workout { id distanceMeters xpEarned setCount } errors { code field } }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TeamsDeleteWorkout($input: DeleteWorkoutInput!) { deleteWorkout(input: $input) { errors { code } } }"): (typeof documents)["\n  mutation TeamsDeleteWorkout($input: DeleteWorkoutInput!) { deleteWorkout(input: $input) { errors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogWorkout($input: LogWorkoutInput!) {\n    logWorkout(input: $input) {\n      workout { id title startedAt durationSeconds totalVolumeKg setCount xpEarned\n        sets { id position reps weightKg estimatedOneRepMaxKg exercise { name } } user { id } }\n      user { id xp level workoutCount }\n      errors { code message field }\n    }\n  }"): (typeof documents)["\n  mutation LogWorkout($input: LogWorkoutInput!) {\n    logWorkout(input: $input) {\n      workout { id title startedAt durationSeconds totalVolumeKg setCount xpEarned\n        sets { id position reps weightKg estimatedOneRepMaxKg exercise { name } } user { id } }\n      user { id xp level workoutCount }\n      errors { code message field }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LiveBoard($kind: LeaderboardKind!, $country: String, $scope: LeaderboardScope, $first: Int, $after: String) {\n  leaderboard(kind: $kind, country: $country, scope: $scope, first: $first, after: $after) {\n    refreshedAt edges { node { rank score user { username } } } pageInfo { hasNextPage endCursor }\n  }\n}"): (typeof documents)["query LiveBoard($kind: LeaderboardKind!, $country: String, $scope: LeaderboardScope, $first: Int, $after: String) {\n  leaderboard(kind: $kind, country: $country, scope: $scope, first: $first, after: $after) {\n    refreshedAt edges { node { rank score user { username } } } pageInfo { hasNextPage endCursor }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LiveExerciseBoard($exerciseId: ID!, $country: String, $first: Int, $after: String) {\n  exerciseLeaderboard(exerciseId: $exerciseId, country: $country, first: $first, after: $after) {\n    refreshedAt edges { node { rank score user { username } } } pageInfo { hasNextPage endCursor }\n  }\n}"): (typeof documents)["query LiveExerciseBoard($exerciseId: ID!, $country: String, $first: Int, $after: String) {\n  exerciseLeaderboard(exerciseId: $exerciseId, country: $country, first: $first, after: $after) {\n    refreshedAt edges { node { rank score user { username } } } pageInfo { hasNextPage endCursor }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Around($kind: LeaderboardKind!, $country: String, $userId: ID, $radius: Int) {\n  leaderboardAround(kind: $kind, country: $country, userId: $userId, radius: $radius) { rank score user { username } }\n}"): (typeof documents)["query Around($kind: LeaderboardKind!, $country: String, $userId: ID, $radius: Int) {\n  leaderboardAround(kind: $kind, country: $country, userId: $userId, radius: $radius) { rank score user { username } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LeaderboardsLiveUser($id: ID!) { user(id: $id) { rank(kind: XP_ALL_TIME) { rank } } }"): (typeof documents)["query LeaderboardsLiveUser($id: ID!) { user(id: $id) { rank(kind: XP_ALL_TIME) { rank } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PropertyBoard($kind: LeaderboardKind!, $country: String, $scope: LeaderboardScope, $first: Int, $after: String) {\n    leaderboard(kind: $kind, country: $country, scope: $scope, first: $first, after: $after) {\n      entryCount refreshedAt\n      edges { cursor node { rank score topPercent previousRank rankChange user { username } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }"): (typeof documents)["\n  query PropertyBoard($kind: LeaderboardKind!, $country: String, $scope: LeaderboardScope, $first: Int, $after: String) {\n    leaderboard(kind: $kind, country: $country, scope: $scope, first: $first, after: $after) {\n      entryCount refreshedAt\n      edges { cursor node { rank score topPercent previousRank rankChange user { username } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PropertyExerciseBoard($exerciseId: ID!, $country: String, $first: Int, $after: String) {\n    exerciseLeaderboard(exerciseId: $exerciseId, country: $country, first: $first, after: $after) {\n      entryCount refreshedAt\n      edges { cursor node { rank score topPercent previousRank rankChange user { username } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }"): (typeof documents)["\n  query PropertyExerciseBoard($exerciseId: ID!, $country: String, $first: Int, $after: String) {\n    exerciseLeaderboard(exerciseId: $exerciseId, country: $country, first: $first, after: $after) {\n      entryCount refreshedAt\n      edges { cursor node { rank score topPercent previousRank rankChange user { username } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PropertyRanks($ids: [ID!]!) {\n    nodes(ids: $ids) { ... on User { username\n      xp: rank(kind: XP_ALL_TIME) { rank score topPercent }\n      xpInCountry: rank(kind: XP_ALL_TIME, withinCountry: true) { rank score topPercent }\n      volume: rank(kind: VOLUME_THIS_WEEK) { rank score topPercent }\n      volumeInCountry: rank(kind: VOLUME_THIS_WEEK, withinCountry: true) { rank score topPercent }\n    } }\n  }"): (typeof documents)["\n  query PropertyRanks($ids: [ID!]!) {\n    nodes(ids: $ids) { ... on User { username\n      xp: rank(kind: XP_ALL_TIME) { rank score topPercent }\n      xpInCountry: rank(kind: XP_ALL_TIME, withinCountry: true) { rank score topPercent }\n      volume: rank(kind: VOLUME_THIS_WEEK) { rank score topPercent }\n      volumeInCountry: rank(kind: VOLUME_THIS_WEEK, withinCountry: true) { rank score topPercent }\n    } }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PropertyAround($kind: LeaderboardKind!, $country: String, $userId: ID, $radius: Int) {\n    leaderboardAround(kind: $kind, country: $country, userId: $userId, radius: $radius) {\n      rank score topPercent user { username }\n    }\n  }"): (typeof documents)["\n  query PropertyAround($kind: LeaderboardKind!, $country: String, $userId: ID, $radius: Int) {\n    leaderboardAround(kind: $kind, country: $country, userId: $userId, radius: $radius) {\n      rank score topPercent user { username }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropertyLog($input: LogWorkoutInput!) {\n    logWorkout(input: $input) { workout { id } errors { code field } }\n  }"): (typeof documents)["\n  mutation PropertyLog($input: LogWorkoutInput!) {\n    logWorkout(input: $input) { workout { id } errors { code field } }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropertyDelete($id: ID!) { deleteWorkout(input: { workoutId: $id }) { errors { code field } } }"): (typeof documents)["\n  mutation PropertyDelete($id: ID!) { deleteWorkout(input: { workoutId: $id }) { errors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropertyProfile($input: UpdateProfileInput!) { updateProfile(input: $input) { errors { code field } } }"): (typeof documents)["\n  mutation PropertyProfile($input: UpdateProfileInput!) { updateProfile(input: $input) { errors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropertyFollow($id: ID!) { follow(input: { userId: $id }) { errors { code field } } }"): (typeof documents)["\n  mutation PropertyFollow($id: ID!) { follow(input: { userId: $id }) { errors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropertyUnfollow($id: ID!) { unfollow(input: { userId: $id }) { errors { code field } } }"): (typeof documents)["\n  mutation PropertyUnfollow($id: ID!) { unfollow(input: { userId: $id }) { errors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PropertyFresh($userId: ID!, $exerciseId: ID!) {\n    xp: leaderboard(kind: XP_ALL_TIME, country: \"IS\") { entryCount edges { node { rank score topPercent user { username } } } }\n    volume: leaderboard(kind: VOLUME_THIS_WEEK, country: \"IS\") { entryCount edges { node { rank score topPercent user { username } } } }\n    lift: exerciseLeaderboard(exerciseId: $exerciseId, country: \"IS\") { entryCount edges { node { rank score topPercent user { username } } } }\n    around: leaderboardAround(kind: VOLUME_THIS_WEEK, userId: $userId, radius: 0) { score user { username } }\n    user(id: $userId) { xp volume: rank(kind: VOLUME_THIS_WEEK) { score } xpInCountry: rank(kind: XP_ALL_TIME, withinCountry: true) { rank score } }\n  }"): (typeof documents)["\n  query PropertyFresh($userId: ID!, $exerciseId: ID!) {\n    xp: leaderboard(kind: XP_ALL_TIME, country: \"IS\") { entryCount edges { node { rank score topPercent user { username } } } }\n    volume: leaderboard(kind: VOLUME_THIS_WEEK, country: \"IS\") { entryCount edges { node { rank score topPercent user { username } } } }\n    lift: exerciseLeaderboard(exerciseId: $exerciseId, country: \"IS\") { entryCount edges { node { rank score topPercent user { username } } } }\n    around: leaderboardAround(kind: VOLUME_THIS_WEEK, userId: $userId, radius: 0) { score user { username } }\n    user(id: $userId) { xp volume: rank(kind: VOLUME_THIS_WEEK) { score } xpInCountry: rank(kind: XP_ALL_TIME, withinCountry: true) { rank score } }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Board($kind: LeaderboardKind!, $country: String, $first: Int, $after: String) {\n  leaderboard(kind: $kind, country: $country, first: $first, after: $after) {\n    refreshedAt weekStart\n    edges { cursor node { rank score user { username } } }\n    pageInfo { hasNextPage hasPreviousPage endCursor }\n  }\n}"): (typeof documents)["query Board($kind: LeaderboardKind!, $country: String, $first: Int, $after: String) {\n  leaderboard(kind: $kind, country: $country, first: $first, after: $after) {\n    refreshedAt weekStart\n    edges { cursor node { rank score user { username } } }\n    pageInfo { hasNextPage hasPreviousPage endCursor }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Ranks($id: ID!) {\n  user(id: $id) {\n    xp: rank(kind: XP_ALL_TIME) { rank score user { username } }\n    xpInCountry: rank(kind: XP_ALL_TIME, withinCountry: true) { rank }\n    volume: rank(kind: VOLUME_THIS_WEEK) { rank score }\n  }\n}"): (typeof documents)["query Ranks($id: ID!) {\n  user(id: $id) {\n    xp: rank(kind: XP_ALL_TIME) { rank score user { username } }\n    xpInCountry: rank(kind: XP_ALL_TIME, withinCountry: true) { rank }\n    volume: rank(kind: VOLUME_THIS_WEEK) { rank score }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LeaderboardsUsers { users(first: 20) { edges { node { username rank(kind: XP_ALL_TIME) { rank } } } } }"): (typeof documents)["query LeaderboardsUsers { users(first: 20) { edges { node { username rank(kind: XP_ALL_TIME) { rank } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LeaderboardsUpdateProfile($input: UpdateProfileInput!) { updateProfile(input: $input) { errors { field } } }"): (typeof documents)["mutation LeaderboardsUpdateProfile($input: UpdateProfileInput!) { updateProfile(input: $input) { errors { field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodesWithWorkouts($ids: [ID!]!) { nodes(ids: $ids) { ... on User { workouts(first: 100) { edges { node { sets { reps } } } } } } }"): (typeof documents)["query NodesWithWorkouts($ids: [ID!]!) { nodes(ids: $ids) { ... on User { workouts(first: 100) { edges { node { sets { reps } } } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodeIds($ids: [ID!]!) { nodes(ids: $ids) { id } }"): (typeof documents)["query NodeIds($ids: [ID!]!) { nodes(ids: $ids) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodesWithSetWeights($ids: [ID!]!) { nodes(ids: $ids) { ... on User { workouts(first: 100) { edges { node { sets { reps weightKg } } } } } } }"): (typeof documents)["query NodesWithSetWeights($ids: [ID!]!) { nodes(ids: $ids) { ... on User { workouts(first: 100) { edges { node { sets { reps weightKg } } } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FeedOfTypes($types: [ActivityType!]) { feed(first: 100, types: $types) { edges { node { id createdAt user { id username } } } } }"): (typeof documents)["query FeedOfTypes($types: [ActivityType!]) { feed(first: 100, types: $types) { edges { node { id createdAt user { id username } } } } }"];
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
export function graphql(source: "mutation CreateConversationWithMembers($input: CreateConversationInput!) { createConversation(input: $input) {\n        conversation { title memberCount unreadCount lastMessage { id } lastMessageAt\n          members { edges { node { id } } } }\n        errors { code field } } }"): (typeof documents)["mutation CreateConversationWithMembers($input: CreateConversationInput!) { createConversation(input: $input) {\n        conversation { title memberCount unreadCount lastMessage { id } lastMessageAt\n          members { edges { node { id } } } }\n        errors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateConversationErrors($input: CreateConversationInput!) { createConversation(input: $input) { conversation { id } errors { code field } } }"): (typeof documents)["mutation CreateConversationErrors($input: CreateConversationInput!) { createConversation(input: $input) { conversation { id } errors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateConversationWithoutMembers { createConversation(input: { title: \"x\", memberIds: [] }) { errors { code } } }"): (typeof documents)["mutation CreateConversationWithoutMembers { createConversation(input: { title: \"x\", memberIds: [] }) { errors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateCrowdedConversation($input: CreateConversationInput!) { createConversation(input: $input) { errors { code field } } }"): (typeof documents)["mutation CreateCrowdedConversation($input: CreateConversationInput!) { createConversation(input: $input) { errors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LastMessage($id: ID!) { conversation(id: $id) { lastMessage { id body } lastMessageAt } }"): (typeof documents)["query LastMessage($id: ID!) { conversation(id: $id) { lastMessage { id body } lastMessageAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MessagingEditMessage($input: EditMessageInput!) { editMessage(input: $input) {\n      message { body editedAt } errors { code field } } }"): (typeof documents)["mutation MessagingEditMessage($input: EditMessageInput!) { editMessage(input: $input) {\n      message { body editedAt } errors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MessageIdsMatching($q: String!) { searchMessages(query: $q) { edges { node { id } } } }"): (typeof documents)["query MessageIdsMatching($q: String!) { searchMessages(query: $q) { edges { node { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConversationScreen($id: ID!, $n: Int!) { conversation(id: $id) { title unreadCount\n      messages(last: $n) { edges { node { body sender { username } reactions { emoji count viewerHasReacted }\n        conversation { title memberCount } } } } } }"): (typeof documents)["query ConversationScreen($id: ID!, $n: Int!) { conversation(id: $id) { title unreadCount\n      messages(last: $n) { edges { node { body sender { username } reactions { emoji count viewerHasReacted }\n        conversation { title memberCount } } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ConversationScreenParts on Conversation { id title memberCount lastSequenceNumber\n    viewerLastReadSequenceNumber createdAt lastMessageAt\n    messages(first: $first, after: $after, last: $last, before: $before) {\n      edges { cursor node { id sequenceNumber body createdAt editedAt\n        sender { id username displayName createdAt level followerCount country }\n        reactions { emoji count viewerHasReacted } } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"): (typeof documents)["fragment ConversationScreenParts on Conversation { id title memberCount lastSequenceNumber\n    viewerLastReadSequenceNumber createdAt lastMessageAt\n    messages(first: $first, after: $after, last: $last, before: $before) {\n      edges { cursor node { id sequenceNumber body createdAt editedAt\n        sender { id username displayName createdAt level followerCount country }\n        reactions { emoji count viewerHasReacted } } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConversationFolded($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    conversation(id: $id) { ...ConversationScreenParts } }"): (typeof documents)["query ConversationFolded($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    conversation(id: $id) { ...ConversationScreenParts } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConversationUnfolded($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    node(id: $id) { ...ConversationScreenParts } }"): (typeof documents)["query ConversationUnfolded($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    node(id: $id) { ...ConversationScreenParts } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UnfoldedProfile($name: String!) { userByUsername(username: $name) {\n        followers(first: 2) { edges { node { username } } } } }"): (typeof documents)["query UnfoldedProfile($name: String!) { userByUsername(username: $name) {\n        followers(first: 2) { edges { node { username } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AliasedMessagePages($id: ID!) { conversation(id: $id) {\n        a: messages(first: 1) { edges { node { sequenceNumber } } } b: messages(last: 1) { edges { node { sequenceNumber } } } } }"): (typeof documents)["query AliasedMessagePages($id: ID!) { conversation(id: $id) {\n        a: messages(first: 1) { edges { node { sequenceNumber } } } b: messages(last: 1) { edges { node { sequenceNumber } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DirectedMessagePage($id: ID!, $withPage: Boolean!) { conversation(id: $id) {\n        messages(last: 2) @include(if: $withPage) { edges { node { sequenceNumber } } } } }"): (typeof documents)["query DirectedMessagePage($id: ID!, $withPage: Boolean!) { conversation(id: $id) {\n        messages(last: 2) @include(if: $withPage) { edges { node { sequenceNumber } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SkippedSender($id: ID!) { conversation(id: $id) {\n        messages(last: 1) { edges { node { sequenceNumber sender @skip(if: true) { username } } } } } }"): (typeof documents)["query SkippedSender($id: ID!) { conversation(id: $id) {\n        messages(last: 1) { edges { node { sequenceNumber sender @skip(if: true) { username } } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MessagingAddReaction($input: ReactionInput!) { addReaction(input: $input) {\n      message { reactions { emoji count viewerHasReacted } } errors { code field } } }"): (typeof documents)["mutation MessagingAddReaction($input: ReactionInput!) { addReaction(input: $input) {\n      message { reactions { emoji count viewerHasReacted } } errors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MessagingRemoveReaction($input: ReactionInput!) { removeReaction(input: $input) {\n      message { reactions { emoji count viewerHasReacted } } errors { code field } } }"): (typeof documents)["mutation MessagingRemoveReaction($input: ReactionInput!) { removeReaction(input: $input) {\n      message { reactions { emoji count viewerHasReacted } } errors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Inbox($first: Int, $after: String) { viewer { conversations(first: $first, after: $after) {\n      edges { node { title unreadCount } } pageInfo { hasNextPage endCursor } } } }"): (typeof documents)["query Inbox($first: Int, $after: String) { viewer { conversations(first: $first, after: $after) {\n      edges { node { title unreadCount } } pageInfo { hasNextPage endCursor } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OthersInbox($id: ID!) { user(id: $id) { conversations { edges { node { id } } } } }"): (typeof documents)["query OthersInbox($id: ID!) { user(id: $id) { conversations { edges { node { id } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InboxScreen($n: Int!) { viewer { conversations(first: $n) { edges { node { title unreadCount memberCount\n      lastMessage { body sender { username } reactions { emoji } } members(first: 5) { edges { node { username } } } } } } } }"): (typeof documents)["query InboxScreen($n: Int!) { viewer { conversations(first: $n) { edges { node { title unreadCount memberCount\n      lastMessage { body sender { username } reactions { emoji } } members(first: 5) { edges { node { username } } } } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MessagingSearchMessages($q: String!, $c: ID, $first: Int, $after: String) {\n      searchMessages(query: $q, conversationId: $c, first: $first, after: $after) {\n        edges { node { body } } pageInfo { hasNextPage endCursor } } }"): (typeof documents)["query MessagingSearchMessages($q: String!, $c: ID, $first: Int, $after: String) {\n      searchMessages(query: $q, conversationId: $c, first: $first, after: $after) {\n        edges { node { body } } pageInfo { hasNextPage endCursor } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConversationAsStranger($c: ID!, $m: ID!) { conversation(id: $c) { id } node(id: $m) { id }\n        nodes(ids: [$c, $m]) { id } c: node(id: $c) { id } }"): (typeof documents)["query ConversationAsStranger($c: ID!, $m: ID!) { conversation(id: $c) { id } node(id: $m) { id }\n        nodes(ids: [$c, $m]) { id } c: node(id: $c) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConversationAnonymously($c: ID!) { conversation(id: $c) { id } }"): (typeof documents)["query ConversationAnonymously($c: ID!) { conversation(id: $c) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StrangerAddsReaction($input: ReactionInput!) {\n      addReaction(input: $input) { message { id } errors { code field } } }"): (typeof documents)["mutation StrangerAddsReaction($input: ReactionInput!) {\n      addReaction(input: $input) { message { id } errors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StrangerRemovesReaction($input: ReactionInput!) {\n      removeReaction(input: $input) { message { id } errors { code field } } }"): (typeof documents)["mutation StrangerRemovesReaction($input: ReactionInput!) {\n      removeReaction(input: $input) { message { id } errors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StrangerEdits($input: EditMessageInput!) { editMessage(input: $input) { errors { code field } } }"): (typeof documents)["mutation StrangerEdits($input: EditMessageInput!) { editMessage(input: $input) { errors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConversationAfterLeaving($c: ID!, $m: ID!) { conversation(id: $c) { id } node(id: $m) { id } }"): (typeof documents)["query ConversationAfterLeaving($c: ID!, $m: ID!) { conversation(id: $c) { id } node(id: $m) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConversationAndMessageNodes($c: ID!, $m: ID!) { nodes(ids: [$c, $m]) { id ... on Conversation { title } ... on Message { body sender { id } } } }"): (typeof documents)["query ConversationAndMessageNodes($c: ID!, $m: ID!) { nodes(ids: [$c, $m]) { id ... on Conversation { title } ... on Message { body sender { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded($after: Int) {\n    notificationAdded(afterSequenceNumber: $after) {\n      sequenceNumber kind read actor { id } workout { id likeCount } comment { body }\n    }\n  }"): (typeof documents)["\n  subscription NotificationAdded($after: Int) {\n    notificationAdded(afterSequenceNumber: $after) {\n      sequenceNumber kind read actor { id } workout { id likeCount } comment { body }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation NotificationsFollow($input: FollowInput!) { follow(input: $input) { errors { code } } }"): (typeof documents)["mutation NotificationsFollow($input: FollowInput!) { follow(input: $input) { errors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation NotificationsUnfollow($input: FollowInput!) { unfollow(input: $input) { errors { code } } }"): (typeof documents)["mutation NotificationsUnfollow($input: FollowInput!) { unfollow(input: $input) { errors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation NotificationsAddReaction($input: ReactionInput!) { addReaction(input: $input) { errors { code } } }"): (typeof documents)["mutation NotificationsAddReaction($input: ReactionInput!) { addReaction(input: $input) { errors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation NotificationsRemoveReaction($input: ReactionInput!) { removeReaction(input: $input) { errors { code } } }"): (typeof documents)["mutation NotificationsRemoveReaction($input: ReactionInput!) { removeReaction(input: $input) { errors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NotificationsNode($id: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id } }"): (typeof documents)["query NotificationsNode($id: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NotificationsUser($id: ID!) { user(id: $id) { unreadNotificationCount notifications { edges { node { id } } } } }"): (typeof documents)["query NotificationsUser($id: ID!) { user(id: $id) { unreadNotificationCount notifications { edges { node { id } } } } }"];
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
export function graphql(source: "query PaginationUser($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n  user(id: $id) { workouts(first: $first, after: $after, last: $last, before: $before) {\n    edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }"): (typeof documents)["query PaginationUser($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n  user(id: $id) { workouts(first: $first, after: $after, last: $last, before: $before) {\n    edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PaginationFeed($after: String) { feed(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"): (typeof documents)["query PaginationFeed($after: String) { feed(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription BouncedMessageAdded($id: ID!) { messageAdded(conversationId: $id) { sequenceNumber body } }"): (typeof documents)["subscription BouncedMessageAdded($id: ID!) { messageAdded(conversationId: $id) { sequenceNumber body } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BouncedCreateConversation($input: CreateConversationInput!) {\n  createConversation(input: $input) { conversation { id } errors { code } } }"): (typeof documents)["mutation BouncedCreateConversation($input: CreateConversationInput!) {\n  createConversation(input: $input) { conversation { id } errors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BouncedLogWorkout($input: LogWorkoutInput!) {\n  logWorkout(input: $input) { errors { field } } }"): (typeof documents)["mutation BouncedLogWorkout($input: LogWorkoutInput!) {\n  logWorkout(input: $input) { errors { field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BouncedBoard { leaderboard(kind: XP_ALL_TIME, first: 1) { edges { node { rank user { username } } } } }"): (typeof documents)["query BouncedBoard { leaderboard(kind: XP_ALL_TIME, first: 1) { edges { node { rank user { username } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BouncedSendMessage($input: SendMessageInput!) {\n  sendMessage(input: $input) { message { sequenceNumber } errors { code } } }"): (typeof documents)["mutation BouncedSendMessage($input: SendMessageInput!) {\n  sendMessage(input: $input) { message { sequenceNumber } errors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PrivacyNotificationReplay($after: Int) {\n    notificationAdded(afterSequenceNumber: $after) { sequenceNumber workout { id } comment { id } }\n  }"): (typeof documents)["\n  subscription PrivacyNotificationReplay($after: Int) {\n    notificationAdded(afterSequenceNumber: $after) { sequenceNumber workout { id } comment { id } }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MatrixLike($input: WorkoutLikeInput!) { likeWorkout(input: $input) { errors { code } } }"): (typeof documents)["\n  mutation MatrixLike($input: WorkoutLikeInput!) { likeWorkout(input: $input) { errors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MatrixComment($input: CommentOnWorkoutInput!) { commentOnWorkout(input: $input) { errors { code } } }"): (typeof documents)["\n  mutation MatrixComment($input: CommentOnWorkoutInput!) { commentOnWorkout(input: $input) { errors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ProfileUpdateProfile($input: UpdateProfileInput!) {\n  updateProfile(input: $input) {\n    user { displayName country ghostMode leaderboardOptIn }\n    errors { code message field }\n  }\n}"): (typeof documents)["mutation ProfileUpdateProfile($input: UpdateProfileInput!) {\n  updateProfile(input: $input) {\n    user { displayName country ghostMode leaderboardOptIn }\n    errors { code message field }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query GhostMode($id: ID!) { user(id: $id) { ghostMode } }"): (typeof documents)["query GhostMode($id: ID!) { user(id: $id) { ghostMode } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RaceCountersFollow($input: FollowInput!) { follow(input: $input) { errors { code } } }"): (typeof documents)["mutation RaceCountersFollow($input: FollowInput!) { follow(input: $input) { errors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RaceCountersUnfollow($input: FollowInput!) { unfollow(input: $input) { errors { code } } }"): (typeof documents)["mutation RaceCountersUnfollow($input: FollowInput!) { unfollow(input: $input) { errors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RaceInteractionsLikeWorkout($input: WorkoutLikeInput!) { likeWorkout(input: $input) { errors { code } } }"): (typeof documents)["mutation RaceInteractionsLikeWorkout($input: WorkoutLikeInput!) { likeWorkout(input: $input) { errors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RaceInteractionsFollow($input: FollowInput!) { follow(input: $input) { errors { code } } }"): (typeof documents)["mutation RaceInteractionsFollow($input: FollowInput!) { follow(input: $input) { errors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RaceInteractionsAddReaction($input: ReactionInput!) { addReaction(input: $input) { errors { code } } }"): (typeof documents)["mutation RaceInteractionsAddReaction($input: ReactionInput!) { addReaction(input: $input) { errors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Log($input: LogWorkoutInput!) {\n    logWorkout(input: $input) {\n      workout { id }\n      personalRecords { id kind valueKg previousValueKg achievedAt exercise { name } set { position reps weightKg } workout { id } user { username } }\n      errors { code field }\n    }\n  }"): (typeof documents)["\n  mutation Log($input: LogWorkoutInput!) {\n    logWorkout(input: $input) {\n      workout { id }\n      personalRecords { id kind valueKg previousValueKg achievedAt exercise { name } set { position reps weightKg } workout { id } user { username } }\n      errors { code field }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Delete($id: ID!) { deleteWorkout(input: { workoutId: $id }) { deletedWorkoutId errors { code } } }"): (typeof documents)["\n  mutation Delete($id: ID!) { deleteWorkout(input: { workoutId: $id }) { deletedWorkoutId errors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Records($id: ID!, $exerciseId: ID, $kind: RecordKind, $first: Int, $after: String) {\n    node(id: $id) { ... on User {\n      personalRecords(exerciseId: $exerciseId, kind: $kind, first: $first, after: $after) {\n        edges { cursor node { id kind valueKg previousValueKg exercise { name } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    } }\n  }"): (typeof documents)["\n  query Records($id: ID!, $exerciseId: ID, $kind: RecordKind, $first: Int, $after: String) {\n    node(id: $id) { ... on User {\n      personalRecords(exerciseId: $exerciseId, kind: $kind, first: $first, after: $after) {\n        edges { cursor node { id kind valueKg previousValueKg exercise { name } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    } }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RecordsFeed { feed(types: [PERSONAL_RECORD]) { edges { node { type workout { id } records { kind valueKg previousValueKg exercise { name } } } } } }"): (typeof documents)["query RecordsFeed { feed(types: [PERSONAL_RECORD]) { edges { node { type workout { id } records { kind valueKg previousValueKg exercise { name } } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RecordNode($id: ID!) { node(id: $id) { ... on PersonalRecord { id valueKg } } }"): (typeof documents)["query RecordNode($id: ID!) { node(id: $id) { ... on PersonalRecord { id valueKg } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RecordValue($id: ID!) { node(id: $id) { ... on PersonalRecord { valueKg } } }"): (typeof documents)["query RecordValue($id: ID!) { node(id: $id) { ... on PersonalRecord { valueKg } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RecordsWorkout($id: ID!) { workout(id: $id) { personalRecords { kind valueKg } } }"): (typeof documents)["query RecordsWorkout($id: ID!) { workout(id: $id) { personalRecords { kind valueKg } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RecordsOfUsers($ids: [ID!]!) { nodes(ids: $ids) { ... on User { personalRecords(first: 5) { edges { node { kind set { reps } workout { title } } } }\n         workouts(first: 5) { edges { node { personalRecords { kind } } } } } } }"): (typeof documents)["query RecordsOfUsers($ids: [ID!]!) { nodes(ids: $ids) { ... on User { personalRecords(first: 5) { edges { node { kind set { reps } workout { title } } } }\n         workouts(first: 5) { edges { node { personalRecords { kind } } } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MuscleLoad($id: ID!) { node(id: $id) { ... on User { muscleLoad { muscle { name } loadKg setCount } } } }"): (typeof documents)["query MuscleLoad($id: ID!) { node(id: $id) { ... on User { muscleLoad { muscle { name } loadKg setCount } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MuscleLoadOf60Days($id: ID!) { node(id: $id) { ... on User { muscleLoad(days: 60) { loadKg } } } }"): (typeof documents)["query MuscleLoadOf60Days($id: ID!) { node(id: $id) { ... on User { muscleLoad(days: 60) { loadKg } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MuscleLoadOfDays($id: ID!, $d: Int) { node(id: $id) { ... on User { muscleLoad(days: $d) { loadKg } } } }"): (typeof documents)["query MuscleLoadOfDays($id: ID!, $d: Int) { node(id: $id) { ... on User { muscleLoad(days: $d) { loadKg } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReplicasUpdateProfile($name: String!) { updateProfile(input: { displayName: $name }) { user { displayName } errors { code } } }"): (typeof documents)["mutation ReplicasUpdateProfile($name: String!) { updateProfile(input: { displayName: $name }) { user { displayName } errors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ReplicasViewer { viewer { displayName } }"): (typeof documents)["query ReplicasViewer { viewer { displayName } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SeedInteractionsViewer { viewer { unreadNotificationCount } }"): (typeof documents)["query SeedInteractionsViewer { viewer { unreadNotificationCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DemoConversations { viewer { conversations { edges { node { title unreadCount memberCount messages(last: 1) { edges { node { body reactions { emoji count } } } } } } } } }"): (typeof documents)["query DemoConversations { viewer { conversations { edges { node { title unreadCount memberCount messages(last: 1) { edges { node { body reactions { emoji count } } } } } } } } }"];
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
export function graphql(source: "query FollowersAndFollowing($id: ID!, $after: String) { user(id: $id) {\n      followers(first: 2, after: $after) { edges { node { username } } pageInfo { hasNextPage hasPreviousPage endCursor } }\n      following { edges { node { username } } } } }"): (typeof documents)["query FollowersAndFollowing($id: ID!, $after: String) { user(id: $id) {\n      followers(first: 2, after: $after) { edges { node { username } } pageInfo { hasNextPage hasPreviousPage endCursor } }\n      following { edges { node { username } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ProfileWithFollowers on User { username followerCount followingCount workoutCount xp\n    followers(first: $first) { edges { cursor node { username level } } pageInfo { hasNextPage hasPreviousPage endCursor } } }"): (typeof documents)["fragment ProfileWithFollowers on User { username followerCount followingCount workoutCount xp\n    followers(first: $first) { edges { cursor node { username level } } pageInfo { hasNextPage hasPreviousPage endCursor } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Profile($name: String!, $first: Int) {\n    userByUsername(username: $name) { ...ProfileWithFollowers } }"): (typeof documents)["query Profile($name: String!, $first: Int) {\n    userByUsername(username: $name) { ...ProfileWithFollowers } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProfileById($id: ID!, $first: Int) { user(id: $id) { ...ProfileWithFollowers } }"): (typeof documents)["query ProfileById($id: ID!, $first: Int) { user(id: $id) { ...ProfileWithFollowers } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LaterFollowersPage($name: String!, $after: String) { userByUsername(username: $name) { followers(first: 1, after: $after) { edges { node { username } } pageInfo { hasPreviousPage } } } }"): (typeof documents)["query LaterFollowersPage($name: String!, $after: String) { userByUsername(username: $name) { followers(first: 1, after: $after) { edges { node { username } } pageInfo { hasPreviousPage } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AliasedFollowerPages($name: String!) { userByUsername(username: $name) { a: followers(first: 1) { edges { node { username } } } b: followers(first: 2) { edges { node { username } } } } }"): (typeof documents)["query AliasedFollowerPages($name: String!) { userByUsername(username: $name) { a: followers(first: 1) { edges { node { username } } } b: followers(first: 2) { edges { node { username } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SocialNodes($ids: [ID!]!) { nodes(ids: $ids) { ... on User { username viewerIsFollowing } } }"): (typeof documents)["query SocialNodes($ids: [ID!]!) { nodes(ids: $ids) { ... on User { username viewerIsFollowing } } }"];
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
export function graphql(source: "subscription LimitedMessageAdded($id: ID!) { messageAdded(conversationId: $id, afterSequenceNumber: 0) { body } }"): (typeof documents)["subscription LimitedMessageAdded($id: ID!) { messageAdded(conversationId: $id, afterSequenceNumber: 0) { body } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TeamGoalProgress($goalId: ID!) {\n    teamGoalProgress(goalId: $goalId) { id progress completedAt contributions(first: 3) { edges { node { amount } } } }\n  }"): (typeof documents)["\n  subscription TeamGoalProgress($goalId: ID!) {\n    teamGoalProgress(goalId: $goalId) { id progress completedAt contributions(first: 3) { edges { node { amount } } } }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamsTeamPage($id: ID!) {\n    team(id: $id) {\n      id name memberCount viewerRole owner { id }\n      members(first: 10) { edges { node { role joinedAt user { id } } } }\n      goals(first: 10) { edges { node { id endsAt } } }\n    }\n  }"): (typeof documents)["\n  query TeamsTeamPage($id: ID!) {\n    team(id: $id) {\n      id name memberCount viewerRole owner { id }\n      members(first: 10) { edges { node { role joinedAt user { id } } } }\n      goals(first: 10) { edges { node { id endsAt } } }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamsUserTeams($id: ID!) { user(id: $id) { teams(first: 10) { edges { node { id name } } } } }"): (typeof documents)["\n  query TeamsUserTeams($id: ID!) { user(id: $id) { teams(first: 10) { edges { node { id name } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamsSearch($search: String) { teams(search: $search, first: 10) { edges { node { name } } } }"): (typeof documents)["\n  query TeamsSearch($search: String) { teams(search: $search, first: 10) { edges { node { name } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamsNotifications {\n    viewer { notifications(first: 20) { edges { node { kind sequenceNumber actor { id } team { id } goal { id } } } } }\n  }"): (typeof documents)["\n  query TeamsNotifications {\n    viewer { notifications(first: 20) { edges { node { kind sequenceNumber actor { id } team { id } goal { id } } } } }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamsGoalByMember($input: CreateTeamGoalInput!) { createTeamGoal(input: $input) { goal { id } errors { code field } } }"): (typeof documents)["mutation TeamsGoalByMember($input: CreateTeamGoalInput!) { createTeamGoal(input: $input) { goal { id } errors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamsGoalTooLong($input: CreateTeamGoalInput!) { createTeamGoal(input: $input) { errors { code field } } }"): (typeof documents)["mutation TeamsGoalTooLong($input: CreateTeamGoalInput!) { createTeamGoal(input: $input) { errors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWorkout($input: DeleteWorkoutInput!) {\n    deleteWorkout(input: $input) { deletedWorkoutId user { xp workoutCount } errors { code field } }\n  }"): (typeof documents)["\n  mutation DeleteWorkout($input: DeleteWorkoutInput!) {\n    deleteWorkout(input: $input) { deletedWorkoutId user { xp workoutCount } errors { code field } }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WorkoutId($id: ID!) { workout(id: $id) { id } }"): (typeof documents)["query WorkoutId($id: ID!) { workout(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WorkoutAndNode($id: ID!) { workout(id: $id) { id setCount user { id } }\n      node(id: $id) { ... on Workout { title } } }"): (typeof documents)["query WorkoutAndNode($id: ID!) { workout(id: $id) { id setCount user { id } }\n      node(id: $id) { ... on Workout { title } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UserWorkouts($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n      user(id: $id) { workouts(first: $first, after: $after, last: $last, before: $before) {\n        edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor startCursor } } } }"): (typeof documents)["query UserWorkouts($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n      user(id: $id) { workouts(first: $first, after: $after, last: $last, before: $before) {\n        edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor startCursor } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UserStatsOf($id: ID!, $days: Int) {\n  user(id: $id) { stats(days: $days) { workoutCount totalVolumeKg bestEstimatedOneRepMaxKg currentStreakDays } } }"): (typeof documents)["query UserStatsOf($id: ID!, $days: Int) {\n  user(id: $id) { stats(days: $days) { workoutCount totalVolumeKg bestEstimatedOneRepMaxKg currentStreakDays } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsersStats { users(first: 20) { edges { node { stats(days: 30) { workoutCount currentStreakDays } } } } }"): (typeof documents)["query UsersStats { users(first: 20) { edges { node { stats(days: 30) { workoutCount currentStreakDays } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ExerciseProgressOf($id: ID!, $exerciseId: ID!, $weeks: Int) {\n  user(id: $id) { exerciseProgress(exerciseId: $exerciseId, weeks: $weeks) { weekStart bestEstimatedOneRepMaxKg changeKg } } }"): (typeof documents)["query ExerciseProgressOf($id: ID!, $exerciseId: ID!, $weeks: Int) {\n  user(id: $id) { exerciseProgress(exerciseId: $exerciseId, weeks: $weeks) { weekStart bestEstimatedOneRepMaxKg changeKg } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrustedProfile($username: String!) { userByUsername(username: $username) { username } }"): (typeof documents)["\n  query TrustedProfile($username: String!) { userByUsername(username: $username) { username } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Users($first: Int, $after: String, $last: Int, $before: String, $search: String) {\n  users(first: $first, after: $after, last: $last, before: $before, search: $search) {\n    edges { cursor node { username } }\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n  }\n}"): (typeof documents)["query Users($first: Int, $after: String, $last: Int, $before: String, $search: String) {\n  users(first: $first, after: $after, last: $last, before: $before, search: $search) {\n    edges { cursor node { username } }\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UserAndByUsername($id: ID!) { user(id: $id) { username } userByUsername(username: \"FINDER\") { id } }"): (typeof documents)["query UserAndByUsername($id: ID!) { user(id: $id) { username } userByUsername(username: \"FINDER\") { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UserId($id: ID!) { user(id: $id) { id } }"): (typeof documents)["query UserId($id: ID!) { user(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UserIdOf($id: ID!) { user(id: $id) { id } }"): (typeof documents)["query UserIdOf($id: ID!) { user(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MixedNodes($ids: [ID!]!) { nodes(ids: $ids) { id __typename ... on User { username } ... on Muscle { name } } }"): (typeof documents)["query MixedNodes($ids: [ID!]!) { nodes(ids: $ids) { id __typename ... on User { username } ... on Muscle { name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodeOfLiteralId { node(id: \"%%%\") { id } }"): (typeof documents)["query NodeOfLiteralId { node(id: \"%%%\") { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UserDisplayName($id: ID!) { user(id: $id) { displayName } }"): (typeof documents)["query UserDisplayName($id: ID!) { user(id: $id) { displayName } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ThreeUsers($a: ID!, $b: ID!, $c: ID!) {\n      a: user(id: $a) { username } b: user(id: $b) { username } c: user(id: $c) { username } }"): (typeof documents)["query ThreeUsers($a: ID!, $b: ID!, $c: ID!) {\n      a: user(id: $a) { username } b: user(id: $b) { username } c: user(id: $c) { username } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodeId($id: ID!) { node(id: $id) { id } }"): (typeof documents)["query NodeId($id: ID!) { node(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDefaultVisibility($input: UpdateProfileInput!) {\n    updateProfile(input: $input) { user { defaultWorkoutVisibility } errors { code field } }\n  }"): (typeof documents)["\n  mutation UpdateDefaultVisibility($input: UpdateProfileInput!) {\n    updateProfile(input: $input) { user { defaultWorkoutVisibility } errors { code field } }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DefaultWorkoutVisibility($id: ID!) { user(id: $id) { defaultWorkoutVisibility } }"): (typeof documents)["\n  query DefaultWorkoutVisibility($id: ID!) { user(id: $id) { defaultWorkoutVisibility } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VisibleWorkouts($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    user(id: $id) {\n      workouts(first: $first, after: $after, last: $last, before: $before) {\n        edges { cursor node { id visibility } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }"): (typeof documents)["\n  query VisibleWorkouts($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    user(id: $id) {\n      workouts(first: $first, after: $after, last: $last, before: $before) {\n        edges { cursor node { id visibility } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VisibleFeed($first: Int, $after: String) {\n    feed(first: $first, after: $after) {\n      edges { node { id type workout { id } } }\n      pageInfo { hasNextPage hasPreviousPage endCursor }\n    }\n  }"): (typeof documents)["\n  query VisibleFeed($first: Int, $after: String) {\n    feed(first: $first, after: $after) {\n      edges { node { id type workout { id } } }\n      pageInfo { hasNextPage hasPreviousPage endCursor }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VisibleActivity($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      activity(first: $first, after: $after, types: [WORKOUT_LOGGED]) {\n        edges { node { workout { id } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }"): (typeof documents)["\n  query VisibleActivity($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      activity(first: $first, after: $after, types: [WORKOUT_LOGGED]) {\n        edges { node { workout { id } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VisibilityAggregates($id: ID!, $exercise: ID!) {\n    user(id: $id) {\n      xp level workoutCount\n      stats(days: 30) { workoutCount totalVolumeKg bestEstimatedOneRepMaxKg currentStreakDays }\n      exerciseProgress(exerciseId: $exercise) { weekStart bestEstimatedOneRepMaxKg }\n      muscleLoad(days: 30) { loadKg setCount muscle { name } }\n      rank(kind: XP_ALL_TIME) { score }\n    }\n  }"): (typeof documents)["\n  query VisibilityAggregates($id: ID!, $exercise: ID!) {\n    user(id: $id) {\n      xp level workoutCount\n      stats(days: 30) { workoutCount totalVolumeKg bestEstimatedOneRepMaxKg currentStreakDays }\n      exerciseProgress(exerciseId: $exercise) { weekStart bestEstimatedOneRepMaxKg }\n      muscleLoad(days: 30) { loadKg setCount muscle { name } }\n      rank(kind: XP_ALL_TIME) { score }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VisibilityCounts($id: ID!) { workout(id: $id) { likeCount commentCount } }"): (typeof documents)["\n  query VisibilityCounts($id: ID!) { workout(id: $id) { likeCount commentCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation VisLike($id: ID!) { likeWorkout(input: { workoutId: $id }) { errors { code } } }"): (typeof documents)["mutation VisLike($id: ID!) { likeWorkout(input: { workoutId: $id }) { errors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation VisComment($id: ID!) { commentOnWorkout(input: { workoutId: $id, body: \"Nice\" }) { errors { code } } }"): (typeof documents)["mutation VisComment($id: ID!) { commentOnWorkout(input: { workoutId: $id, body: \"Nice\" }) { errors { code } } }"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;