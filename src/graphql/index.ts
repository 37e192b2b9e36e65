import { isObjectType } from 'graphql';
import { builder, nodeTypeNames } from './builder';
import './payload';
import './users';
import './accounts';
import './catalogue';
import './training';
import './social';
import './activity';
import './leaderboards';
import './records';
import './messaging';
import './interactions';
import './conversation-events';
import './teams';

export const schema = builder.toSchema({ sortSchema: true });

for (const type of Object.values(schema.getTypeMap())) {
  if (isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node')) nodeTypeNames.add(type.name);
}
