import { builder } from './builder';
import './payload';
import './user';
import './catalogue';
import './leaderboard';

export const schema = builder.toSchema({ sortSchema: true });
