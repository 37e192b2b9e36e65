import { builder } from './builder';
import './payload';
import './user';
import './catalogue';
import './training';
import './social';
import './activity';

export const schema = builder.toSchema({ sortSchema: true });
