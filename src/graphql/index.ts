import { builder } from './builder';
import './payload';
import './user';
import './catalogue';
import './leaderboard';
import './messaging';

export const schema = builder.toSchema({ sortSchema: true });
