import { builder } from './builder';
import './payload';
import './user';
import './catalogue';

export const schema = builder.toSchema({ sortSchema: true });
