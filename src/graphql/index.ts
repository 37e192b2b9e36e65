import { builder } from './builder';
import './payload';
import './user';
import './catalogue';
import './training';
import './social';
import './activity';
import './leaderboard';
import './messaging';

export const schema = builder.toSchema({ sortSchema: true });
