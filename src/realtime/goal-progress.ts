import type { Viewer } from '../auth/jwt';
import type { TeamGoalRow } from '../db/rows';
import type { Logger } from '../observability/logger';
import { createLiveStream, type DeliveryTrace } from './live-stream';
import { goalTopic, type RealtimeEvent, type RealtimePubSub, teamTopic } from './pubsub';

/**
 * teamGoalProgress: a goal's progress is a value, not a sequence, so there is nothing to replay. The
 * stream sends the goal as it is once subscribed, then once per committed change of it (goal_add's
 * NOTIFY, one per transaction, delivered in commit order and handled one at a time), each time the
 * goal as read then: a later change already committed shows in it, and brings its own event after.
 * Membership is read with every delivery; the viewer leaving the team, the goal or team going, or the
 * token expiring ends it.
 */
export async function openGoalProgressStream(options: {
  pubsub: RealtimePubSub;
  viewer: Viewer;
  logger: Logger;
  /** Its deliveries' spans, when tracing is on. */
  trace?: DeliveryTrace;
  goal: TeamGoalRow;
}): Promise<AsyncIterableIterator<TeamGoalRow>> {
  const { pubsub, viewer, goal } = options;
  const stream = createLiveStream<TeamGoalRow>({
    label: 'teamGoalProgress',
    viewer,
    logger: options.logger,
    trace: options.trace ?? null,
    pubsub,
    onFinish: () => {
      unsubscribeGoal();
      unsubscribeTeam();
    },
  });

  const deliver = () =>
    stream.serially(async () => {
      const read = await pubsub.reads.goalForMember(goal.id, viewer.id);
      if (stream.finished) return;
      if (!read?.viewerIsMember) return stream.finish();
      const { viewerIsMember: _, ...row } = read;
      stream.push([row]);
    });

  const onEvent = (event: RealtimeEvent) => {
    if (event.type === 'teamMemberLeft' && event.userId === viewer.id) return stream.finish();
    if (event.type === 'goalChanged') deliver();
  };

  const unsubscribeGoal = pubsub.subscribe(goalTopic(goal.id), { onEvent, onClose: stream.finish });
  const unsubscribeTeam = pubsub.subscribe(teamTopic(goal.teamId), { onEvent, onClose: stream.finish });
  stream.watchExpiry();
  // Listening first, then the first read: a change committed in between is in that read or after it.
  await pubsub.ready();
  deliver();
  return stream.iterator;
}
