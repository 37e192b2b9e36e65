import { interactionsStep } from './interactions';
import { messagingStep } from './messaging';
import { followsStep, type SeedStep, usersStep } from './scale';
import { distanceStep, teamsStep } from './teams';
import { activityStep, workoutsStep } from './training';

/** `npm run seed` runs these in order; each domain adds its own step here. */
export const scaleSteps: SeedStep[] = [
  usersStep,
  followsStep,
  workoutsStep,
  distanceStep,
  activityStep,
  messagingStep,
  interactionsStep,
  teamsStep,
];
