import { activityType } from '../db/schema';
import { type ActivityEventRow, activityFilter, feedPage } from '../loaders/activity';
import { loadEach, loadRequired, primeRows } from '../loaders/factory';
import { builder } from './builder';
import { EMPTY_CONNECTION, forwardArgs, pageComplexity, toConnection } from './connections';
import { Workout } from './training';
import { User } from './users';

export const ActivityType = builder.enumType('ActivityType', {
  values: activityType.enumValues,
  description: 'MESSAGE_SENT is private: only its own user sees it, in their activity, never in a feed.',
});

export const ActivityEvent = builder.objectRef<ActivityEventRow>('ActivityEvent');

builder.node(ActivityEvent, {
  id: { resolve: (event) => event.id },
  loadManyWithoutCache: async (ids, ctx) => {
    const events = await loadEach(ctx.loaders.eventById, ids.map(Number));
    // A private event is invisible to everyone else, by id too.
    return events.map((event) =>
      event && event.type === 'MESSAGE_SENT' && event.userId !== ctx.viewer?.id ? null : event,
    ) as ActivityEventRow[];
  },
  fields: (t) => ({
    user: t.field({
      type: User,
      resolve: (event, _args, ctx) => loadRequired(ctx.loaders.userById, event.userId),
    }),
    type: t.expose('type', { type: ActivityType }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    workout: t.field({
      type: Workout,
      nullable: true,
      description: 'WORKOUT_LOGGED: the workout.',
      resolve: (event, _args, ctx) => (event.workoutId ? ctx.loaders.workoutById.get(event.workoutId) : null),
    }),
    subject: t.field({
      type: User,
      nullable: true,
      description: 'FOLLOWED: the user who was followed.',
      resolve: (event, _args, ctx) => (event.subjectId ? ctx.loaders.userById.get(event.subjectId) : null),
    }),
    level: t.exposeInt('level', { nullable: true, description: 'LEVEL_UP: the level reached.' }),
  }),
});

export const ActivityEventConnection = builder.connectionObject(
  { type: ActivityEvent, name: 'ActivityEventConnection' },
  { name: 'ActivityEventEdge' },
);

const activityArgs = builder.args((t) => ({
  ...forwardArgs,
  types: t.field({ type: [ActivityType], required: false, description: 'Only these types; all when omitted.' }),
}));

builder.objectFields(User, (t) => ({
  activity: t.field({
    type: ActivityEventConnection,
    description: 'Newest first. MESSAGE_SENT events only when the viewer is this user.',
    args: activityArgs,
    complexity: pageComplexity,
    resolve: async (user, args, ctx) => {
      const own = ctx.viewer?.id === user.id ? ctx.loaders.ownActivity : null;
      return toConnection(await (own ?? ctx.loaders.activityByUserId)(args).load(user.id));
    },
  }),
}));

builder.queryField('feed', (t) =>
  t.field({
    type: ActivityEventConnection,
    description:
      'The viewer’s feed: public events of the users the viewer follows, newest first. Empty when anonymous.',
    args: activityArgs,
    complexity: pageComplexity,
    resolve: async (_root, args, ctx) => {
      const filter = activityFilter(args);
      if (!ctx.viewer) return EMPTY_CONNECTION;
      const page = await feedPage(ctx.sql, ctx.viewer.id, filter);
      primeRows(ctx.loaders.eventById, page.rows);
      return toConnection(page);
    },
  }),
);
